package org.policysearch.index;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The index folder could not be written: a full disk, a read-only file system, no permission, a file
 * where a folder should be, or another I/O error. Whatever was not committed was dropped; the index is
 * exactly as its last commit left it and keeps serving.
 *
 * <p>Two messages: {@link #getMessage()} names the folder and the system's error, for the person at the
 * terminal; {@link #reason()} is free of paths, for HTTP clients.
 */
public final class IndexWriteException extends IOException {
  private final String reason;

  public IndexWriteException(Path root, Throwable cause) {
    super("could not write the index in " + root + ": " + classify(cause) + " (" + describe(cause)
        + "); the index is unchanged at its last commit", cause);
    this.reason = classify(cause);
  }

  /** What went wrong in a few words, without any path: "no space left on the device". */
  public String reason() {
    return reason;
  }

  static String classify(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      String r = t instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason().toLowerCase(Locale.ROOT) : "";
      if (m.contains("no space left") || r.contains("no space left") || m.contains("disk quota") || r.contains("disk quota")) {
        return "no space left on the device";
      }
      if (m.contains("read-only file system") || r.contains("read-only file system")) return "the file system is read-only";
      if (t instanceof AccessDeniedException || r.contains("permission denied") || m.contains("permission denied")) {
        return "permission denied";
      }
      if (t instanceof NotDirectoryException || t instanceof FileAlreadyExistsException || r.contains("not a directory")) {
        return "a file is in the way where a folder should be";
      }
    }
    return "an input/output error";
  }

  /** The system's own words: the innermost cause's message (a file system error: the file and the reason). */
  private static String describe(Throwable cause) {
    Throwable t = cause;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    if (t instanceof FileSystemException fse) {
      return fse.getFile() + (fse.getReason() == null ? "" : ": " + fse.getReason());
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
