package org.policysearch.ingest.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.SkipReasons;

/**
 * The bytes of one file as a reader sees them, hashed as they are read so that the ingester can tell
 * whether what was parsed is what was listed ({@link #finishHash()}). A reader takes them once: whole
 * ({@link #readAll()}) or as a stream ({@link #openStream()}). Not thread-safe; one per read.
 */
public final class SourceContent {
  private final String relPath;
  private final Path path;
  private final IngestConfig config;
  private final String listedHash;
  private final byte[] sidecar;
  private final MessageDigest digest = Hashing.sha256();
  private InputStream in;
  private long bytesRead;

  /**
   * @param listedHash the {@link org.policysearch.ingest.SourceFile#hash()} (file + sidecar)
   * @param sidecar    the sidecar bytes read for this file, or null when there is none
   */
  public SourceContent(String relPath, Path path, IngestConfig config, String listedHash, byte[] sidecar) {
    this.relPath = relPath;
    this.path = path;
    this.config = config;
    this.listedHash = listedHash;
    this.sidecar = sidecar == null ? null : sidecar.clone();
  }

  public String relPath() {
    return relPath;
  }

  public IngestConfig config() {
    return config;
  }

  /** Content hash of a whole-file document: the listed file hash (file + sidecar). */
  public String documentHash() {
    return listedHash;
  }

  /** Content hash of one JSONL line: SHA-256 of the line's bytes, plus the sidecar's when there is one. */
  public String lineHash(byte[] buf, int off, int len) {
    MessageDigest md = Hashing.sha256();
    md.update(buf, off, len);
    Hashing.addSidecar(md, sidecar);
    return Hashing.hex(md.digest());
  }

  /**
   * The whole file, for formats parsed in memory. Bounded by {@link IngestConfig#maxFileBytes()}: a
   * file that grew past it since listing is reported rather than read.
   */
  public byte[] readAll() throws IOException, IngestException {
    long limit = config.maxFileBytes();
    InputStream s = openStream();
    byte[] data = s.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 16));
    if (s.read() >= 0) {
      throw new IngestException(SkipReasons.CHANGED_WHILE_READING,
          "the file grew past the " + limit + "-byte limit after it was listed; the next run will look at it again");
    }
    return data;
  }

  /** The file as a stream, hashed as it is read. */
  public InputStream openStream() throws IOException {
    if (in != null) throw new IllegalStateException("the content of " + relPath + " was already taken");
    in = new FilterInputStream(Files.newInputStream(path)) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          digest.update((byte) b);
          bytesRead++;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          digest.update(b, off, n);
          bytesRead += n;
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        // Skipped bytes must still be hashed: read them instead.
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
      }
    };
    return in;
  }

  /** Bytes read so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * Reads whatever the reader left unread, closes the file, and returns the hash of all its bytes (+
   * sidecar) for comparison with the listed hash.
   */
  public String finishHash() throws IOException {
    if (in == null) openStream();
    byte[] buf = new byte[64 * 1024];
    try (InputStream s = in) {
      while (s.read(buf) > 0) {
        // draining into the digest
      }
    }
    Hashing.addSidecar(digest, sidecar);
    return Hashing.hex(digest.digest());
  }

  /** Closes the file without hashing the rest (after a failure). */
  public void close() {
    if (in == null) return;
    try {
      in.close();
    } catch (IOException e) {
      // Closing a read-only file after the read already failed: the failure is what gets reported.
    }
  }
}
