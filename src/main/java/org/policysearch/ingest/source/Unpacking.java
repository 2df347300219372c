package org.policysearch.ingest.source;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import java.util.zip.ZipException;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.SkipReasons;

/**
 * The limits on unpacking .gz files and .zip entries, the same as those that guard .docx
 * ({@link DocxReader#MIN_INFLATE_RATIO}, 100:1, and a cap on the bytes unpacked), checked while
 * inflating: a bomb is refused once it has unpacked {@link #GRACE_BYTES} past the ratio, not after
 * filling memory or disk (nothing is ever written to disk).
 */
final class Unpacking {
  private Unpacking() {}

  /** Below this many bytes unpacked the ratio is not checked: small, very repetitive files are fine. */
  static final long GRACE_BYTES = 100 * 1024;

  /** Archives nested in archives are not opened. */
  static boolean isArchive(String extension) {
    return "gz".equals(extension) || "zip".equals(extension);
  }

  /** Why unpacking stopped; an IOException so that it can leave a stream, turned into a skip by the reader. */
  static final class Refused extends IOException {
    final String reason;

    Refused(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    IngestException toIngest() {
      return new IngestException(reason, getMessage(), this);
    }
  }

  /**
   * {@code inflated}, stopped with {@link Refused} when it passes {@code maxBytes} or unpacks more than
   * 100 times the compressed bytes consumed so far ({@code compressed}). {@code what} names the format
   * in messages ("gzip", "zip entry").
   */
  static InputStream guard(InputStream inflated, LongSupplier compressed, long maxBytes, String what) {
    return new FilterInputStream(inflated) {
      private long out;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
          n = super.read(b, off, len);
        } catch (ZipException | EOFException e) {
          throw damaged(what, e);
        }
        if (n > 0) {
          out += n;
          check();
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
      }

      private void check() throws Refused {
        if (out > maxBytes) {
          throw new Refused(SkipReasons.TOO_LARGE, "it unpacks to more than the " + maxBytes
              + " bytes allowed for one file; split it");
        }
        long in = Math.max(1, compressed.getAsLong());
        if (out > GRACE_BYTES && out * DocxReader.MIN_INFLATE_RATIO > in) {
          throw new Refused(SkipReasons.CORRUPT, "it unpacks to far more data than its size allows (ratio over "
              + Math.round(1 / DocxReader.MIN_INFLATE_RATIO) + ":1): refused as a possible " + what + " bomb");
        }
      }
    };
  }

  /** A decompressor's complaint (bad header, bad data, cut short) as a skip reason. */
  static Refused damaged(String what, IOException e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new Refused(SkipReasons.CORRUPT, "the " + what + " data is damaged or cut short (" + detail
        + "); download or copy it again");
  }

  /** Counts the bytes read through it: the compressed bytes a decompressor has consumed. */
  static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) count += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      if (s > 0) count += s;
      return s;
    }
  }
}
