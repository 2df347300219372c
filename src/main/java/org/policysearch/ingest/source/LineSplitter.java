package org.policysearch.ingest.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without ever holding more than one line (capped) in memory. Unlike
 * {@code BufferedReader.readLine}, a 500 MB line cannot exhaust the heap: past the cap the rest of the
 * line is counted and dropped, and {@link #tooLong()} says so. Line bytes exclude "\n" and a "\r"
 * before it. Not thread-safe.
 */
final class LineSplitter {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[64 * 1024];
  private int pos;
  private int end;
  private byte[] line = new byte[8 * 1024];
  private int length;
  private long fullLength;
  private boolean tooLong;

  LineSplitter(InputStream in, long maxLineBytes) {
    this.in = in;
    this.maxLineBytes = (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 16);
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    fullLength = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        int n = in.read(chunk);
        if (n <= 0) {
          pos = end = 0;
          if (any) dropCarriageReturn();
          return any;
        }
        pos = 0;
        end = n;
      }
      any = true;
      int nl = pos;
      while (nl < end && chunk[nl] != '\n') nl++;
      append(pos, nl - pos);
      if (nl < end) {
        pos = nl + 1;
        dropCarriageReturn();
        return true;
      }
      pos = end;
    }
  }

  private void append(int from, int n) {
    fullLength += n;
    if (tooLong || n == 0) return;
    if ((long) length + n > maxLineBytes) {
      tooLong = true;
      length = 0;
      return;
    }
    if (length + n > line.length) {
      line = java.util.Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(length + n, 2L * line.length)));
    }
    System.arraycopy(chunk, from, line, length, n);
    length += n;
  }

  private void dropCarriageReturn() {
    if (!tooLong && length > 0 && line[length - 1] == '\r') length--;
  }

  /** The current line's bytes, valid until the next call of {@link #next()}; empty when too long. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  /** The line was longer than the cap; its bytes were dropped. */
  boolean tooLong() {
    return tooLong;
  }

  /** Bytes of the current line including any dropped ones. */
  long fullLength() {
    return fullLength;
  }
}
