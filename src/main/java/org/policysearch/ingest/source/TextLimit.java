package org.policysearch.ingest.source;

import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.SkipReasons;

/**
 * A text buffer that refuses to grow past the character limit, so that extraction from a small file
 * that unpacks to an enormous text stops early instead of filling the heap.
 */
final class TextLimit {
  private final StringBuilder sb = new StringBuilder();
  private final long max;

  TextLimit(long maxChars) {
    this.max = maxChars;
  }

  TextLimit append(CharSequence s) throws IngestException {
    if (sb.length() + (long) s.length() > max) {
      throw new IngestException(SkipReasons.TOO_LARGE, "the extracted text exceeds the limit of " + max
          + " characters for one document; split the file");
    }
    sb.append(s);
    return this;
  }

  /** Appends a line (a paragraph), skipping blank ones. */
  TextLimit line(String s) throws IngestException {
    String t = s.strip();
    if (t.isEmpty()) return this;
    if (!sb.isEmpty()) append("\n");
    return append(t);
  }

  int length() {
    return sb.length();
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
