package dev.beamdepmod.transforms;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The C library text (strerror) depmod would print for a failed file operation. */
public final class IoErrors {
  private IoErrors() {}

  public static String strerror(IOException e) {
    if (e instanceof NoSuchFileException) return "No such file or directory";
    if (e instanceof AccessDeniedException) return "Permission denied";
    if (e instanceof NotDirectoryException) return "Not a directory";
    String msg = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
    if (msg == null) return e.getClass().getSimpleName();
    // FileInputStream reports "path (reason)".
    if (e instanceof FileNotFoundException && msg.endsWith(")") && msg.contains(" (")) {
      return msg.substring(msg.lastIndexOf(" (") + 2, msg.length() - 1);
    }
    return msg;
  }
}
