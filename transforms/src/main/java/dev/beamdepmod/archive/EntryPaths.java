package dev.beamdepmod.archive;

/** Entry names: their safe, normalised form and their printable form for messages. */
final class EntryPaths {
  /** Longest accepted path, in bytes: Linux PATH_MAX less its NUL (no longer path can be opened). */
  static final int MAX_PATH = 4095;

  private EntryPaths() {}

  /** A normalised path, or why the raw name is refused. */
  record Normalised(String path, String refusal) {}

  /**
   * Strips leading "./", drops empty and "." components (and a trailing "/"), and refuses
   * absolute names, ".." anywhere, NUL bytes and over-long names. Names are byte strings
   * (ISO-8859-1); no other byte is special. The archive root ("./") normalises to "".
   */
  static Normalised normalise(String raw) {
    if (raw.indexOf('\0') >= 0) {
      return refused("NUL byte in name");
    }
    String name = raw;
    while (name.startsWith("./")) {
      name = name.substring(2);
    }
    if (name.startsWith("/")) {
      return refused("absolute path");
    }
    StringBuilder path = new StringBuilder(name.length());
    for (String component : name.split("/")) {
      if (component.equals("..")) {
        return refused("path traversal ('..')");
      }
      if (component.isEmpty() || component.equals(".")) {
        continue;
      }
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(component);
    }
    if (path.length() > MAX_PATH) {
      return refused("path longer than " + MAX_PATH + " bytes");
    }
    return new Normalised(path.toString(), null);
  }

  private static Normalised refused(String why) {
    return new Normalised(null, why);
  }

  /** The name with control bytes, backslash and bytes >= 0x7f escaped as \xNN, so messages stay one clean line. */
  static String printable(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '\\') {
        out.append(String.format("\\x%02x", (int) c & 0xff));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
