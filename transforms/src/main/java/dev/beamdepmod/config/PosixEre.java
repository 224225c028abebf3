package dev.beamdepmod.config;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Translates a POSIX extended regular expression, as glibc's regcomp(REG_EXTENDED) reads it in the
 * C locale, into an equivalent java.util.regex pattern over ISO-8859-1 strings (one char per
 * byte). Where glibc refuses to compile, so does this (IllegalArgumentException).
 *
 * <p>Handled differences: bracket expressions (leading ']', literal backslash, [:class:], [=c=],
 * [.c.], byte ranges), GNU escapes (\w \W \s \S \b \B \&lt; \&gt; \` \') and that any other escaped
 * character is literal, backreferences only to closed groups, an unmatched ')' being literal,
 * stacked quantifiers (a** , a*+ , a+?) that Java would read as possessive/lazy, intervals (a{,n},
 * at most 32767), '.' and '[^x]' matching newlines, '$' meaning only end of string, and a
 * quantifier with nothing (or an anchor) before it being an error. Not handled: multi-character
 * collating elements (glibc rejects them in the C locale too).
 */
final class PosixEre {
  private static final int DUP_MAX = 0x7fff;
  private static final String WORD = "[A-Za-z0-9_]";
  /**
   * Looks at the character at the current position and matches empty; it needs a character after the
   * end of the text, which the matcher can only see through a lookaround (transparent bounds).
   */
  static final String STEP = "(?=(?s:.))";

  private final String re;
  private int pos;
  private int openedGroups;
  private final BitSet closedGroups = new BitSet();
  private final StringBuilder out = new StringBuilder();

  private PosixEre(String re) {
    this.re = re;
  }

  static Pattern compile(String ere) {
    PosixEre t = new PosixEre(ere);
    t.regex(0);
    return Pattern.compile(t.out.toString());
  }

  private void regex(int depth) {
    branch(depth);
    while (more() && peek() == '|') {
      pos++;
      out.append('|');
      branch(depth);
    }
  }

  private void branch(int depth) {
    while (more() && peek() != '|' && !(peek() == ')' && depth > 0)) {
      piece(depth);
    }
  }

  private void piece(int depth) {
    if (isQuantifierStart(peek())) {
      throw new IllegalArgumentException("Invalid preceding regular expression");
    }
    int start = out.length();
    // Every atom first looks at a character (KernelVersionPattern counts these looks), so that no
    // backtracking, not even over empty matches at the end of the text, goes uncounted.
    out.append("(?:").append(STEP);
    boolean quantifiable = atom(depth);
    out.append(')');
    boolean quantified = false;
    // Stacked quantifiers apply to what precedes them as a whole. Runs of *, + and ? collapse into
    // one (a** is a*, a+? is a*): nested loops would make java.util.regex backtrack exponentially.
    char simple = 0;
    int groups = 0;
    while (more() && isQuantifierStart(peek())) {
      if (!quantifiable) {
        throw new IllegalArgumentException("Invalid preceding regular expression");
      }
      char c = peek();
      if (c != '{') {
        pos++;
        if (quantified && simple == 0) {
          out.append(')');
          groups++;
        }
        simple = simple == 0 || simple == c ? c : '*';
      } else {
        if (simple != 0) {
          out.append(simple);
          simple = 0;
        }
        if (quantified) {
          out.append(')');
          groups++;
        }
        quantifier();
      }
      quantified = true;
    }
    if (simple != 0) {
      out.append(simple);
    }
    // The groups opened in one go: inserting them one by one would be quadratic.
    out.insert(start, "(?:".repeat(groups));
  }

  private static boolean isQuantifierStart(char c) {
    return c == '*' || c == '+' || c == '?' || c == '{';
  }

  /** Emits one atom; returns false for anchors, which cannot be repeated. */
  private boolean atom(int depth) {
    char c = re.charAt(pos++);
    switch (c) {
      case '(':
        int group = ++openedGroups;
        out.append('(');
        regex(depth + 1);
        if (!more()) {
          throw new IllegalArgumentException("Unmatched ( or \\(");
        }
        pos++;
        out.append(')');
        closedGroups.set(group);
        return true;
      case '.':
        out.append("(?s:.)");
        return true;
      case '^':
        out.append('^');
        return false;
      case '$':
        out.append("\\z");
        return false;
      case '[':
        bracket();
        return true;
      case '\\':
        return escape();
      default:
        literal(c);
        return true;
    }
  }

  private boolean escape() {
    if (!more()) {
      throw new IllegalArgumentException("Trailing backslash");
    }
    char c = re.charAt(pos++);
    if (c >= '1' && c <= '9') {
      if (!closedGroups.get(c - '0')) {
        throw new IllegalArgumentException("Invalid back reference");
      }
      out.append("(?:\\").append(c).append(')');
      return true;
    }
    switch (c) {
      case 'w':
        out.append(WORD);
        return true;
      case 'W':
        out.append("[^A-Za-z0-9_]");
        return true;
      case 's':
        out.append("[ \\t\\n\\x0B\\f\\r]");
        return true;
      case 'S':
        out.append("[^ \\t\\n\\x0B\\f\\r]");
        return true;
      case 'b':
        out.append("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
        return false;
      case 'B':
        out.append("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
        return false;
      case '<':
        out.append("(?<!" + WORD + ")(?=" + WORD + ")");
        return false;
      case '>':
        out.append("(?<=" + WORD + ")(?!" + WORD + ")");
        return false;
      case '`':
        out.append("\\A");
        return false;
      case '\'':
        out.append("\\z");
        return false;
      default:
        literal(c);
        return true;
    }
  }

  /** An interval {m}, {m,}, {,n} or {m,n}. */
  private void quantifier() {
    pos++;
    int close = re.indexOf('}', pos);
    if (close < 0) {
      throw new IllegalArgumentException("Unmatched \\{");
    }
    String body = re.substring(pos, close);
    pos = close + 1;
    if (!body.matches("[0-9]*(,[0-9]*)?") || body.isEmpty()) {
      throw new IllegalArgumentException("Invalid content of \\{\\}");
    }
    int comma = body.indexOf(',');
    String lowText = comma < 0 ? body : body.substring(0, comma);
    long low = lowText.isEmpty() ? 0 : parseBounded(lowText);
    if (comma < 0) {
      out.append('{').append(low).append('}');
      return;
    }
    String highText = body.substring(comma + 1);
    if (highText.isEmpty()) {
      out.append('{').append(low).append(",}");
      return;
    }
    long high = parseBounded(highText);
    if (high < low) {
      throw new IllegalArgumentException("Invalid content of \\{\\}");
    }
    out.append('{').append(low).append(',').append(high).append('}');
  }

  private static long parseBounded(String digits) {
    String trimmed = digits.replaceFirst("^0+(?=.)", "");
    if (trimmed.length() > 5 || Long.parseLong(trimmed) > DUP_MAX) {
      throw new IllegalArgumentException("Regular expression too big");
    }
    return Long.parseLong(trimmed);
  }

  /** Parses a bracket expression after its '[' and emits it as an explicit set of bytes. */
  private void bracket() {
    boolean negate = more() && peek() == '^';
    if (negate) {
      pos++;
    }
    BitSet set = new BitSet(256);
    boolean first = true;
    while (true) {
      if (!more()) {
        throw unmatchedBracket();
      }
      if (peek() == ']' && !first) {
        pos++;
        break;
      }
      if (re.startsWith("[:", pos)) {
        set.or(charClass(delimited(':')));
        if (isRangeDash()) {
          throw new IllegalArgumentException("Invalid range end");
        }
        first = false;
        continue;
      }
      if (re.startsWith("[=", pos)) {
        set.set(single(delimited('=')));
        first = false;
        continue;
      }
      if (peek() == '-' && !first && !(pos + 1 < re.length() && re.charAt(pos + 1) == ']')) {
        throw new IllegalArgumentException("Invalid range end");
      }
      int low = element();
      if (isRangeDash()) {
        pos++;
        if (re.startsWith("[:", pos) || re.startsWith("[=", pos)) {
          throw new IllegalArgumentException("Invalid range end");
        }
        int high = element();
        if (high < low) {
          throw new IllegalArgumentException("Invalid range end");
        }
        set.set(low, high + 1);
      } else {
        set.set(low);
      }
      first = false;
    }
    if (negate) {
      set.flip(0, 256);
    }
    if (set.isEmpty()) {
      out.append("(?!)");
      return;
    }
    // As ranges: a set of single bytes would make a few input bytes ("[^a]") into kilobytes.
    out.append('[');
    for (int low = set.nextSetBit(0); low >= 0; low = set.nextSetBit(low + 1)) {
      int high = set.nextClearBit(low) - 1;
      out.append(String.format("\\x{%x}", low));
      if (high > low) {
        out.append(String.format("-\\x{%x}", high));
      }
      low = high;
    }
    out.append(']');
  }

  /** A '-' that makes a range: followed by something other than the closing ']'. */
  private boolean isRangeDash() {
    return pos + 1 < re.length() && peek() == '-' && re.charAt(pos + 1) != ']';
  }

  /** One bracket element usable as a range end point: a byte or [.c.]. */
  private int element() {
    if (re.startsWith("[.", pos)) {
      return single(delimited('.'));
    }
    if (!more()) {
      throw unmatchedBracket();
    }
    return re.charAt(pos++);
  }

  /** Reads "[x...x]" (x = ':', '=' or '.') at pos and returns the text between. */
  private String delimited(char kind) {
    int end = re.indexOf(kind + "]", pos + 2);
    if (end < 0) {
      throw unmatchedBracket();
    }
    String body = re.substring(pos + 2, end);
    pos = end + 2;
    return body;
  }

  private static char single(String collatingElement) {
    if (collatingElement.length() != 1) {
      throw new IllegalArgumentException("Invalid collation character");
    }
    return collatingElement.charAt(0);
  }

  private static BitSet charClass(String name) {
    BitSet set = new BitSet(256);
    for (int c = 0; c < 128; c++) {
      if (inClass(name, (char) c)) {
        set.set(c);
      }
    }
    return set;
  }

  /** The C locale's ctype classes (ASCII only). */
  private static boolean inClass(String name, char c) {
    boolean upper = c >= 'A' && c <= 'Z';
    boolean lower = c >= 'a' && c <= 'z';
    boolean digit = c >= '0' && c <= '9';
    boolean graph = c > ' ' && c < 0x7f;
    switch (name) {
      case "alpha":
        return upper || lower;
      case "upper":
        return upper;
      case "lower":
        return lower;
      case "digit":
        return digit;
      case "alnum":
        return upper || lower || digit;
      case "xdigit":
        return digit || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
      case "space":
        return c == ' ' || (c >= '\t' && c <= '\r');
      case "blank":
        return c == ' ' || c == '\t';
      case "punct":
        return graph && !upper && !lower && !digit;
      case "print":
        return graph || c == ' ';
      case "graph":
        return graph;
      case "cntrl":
        return c < ' ' || c == 0x7f;
      default:
        throw new IllegalArgumentException("Invalid character class name");
    }
  }

  private static IllegalArgumentException unmatchedBracket() {
    return new IllegalArgumentException("Unmatched [, [^, [:, [., or [=");
  }

  private void literal(char c) {
    out.append(String.format("\\x{%x}", (int) c));
  }

  private boolean more() {
    return pos < re.length();
  }

  private char peek() {
    return re.charAt(pos);
  }
}
