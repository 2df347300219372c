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
 *
 * <p>Archives: a {@code .gz} file's content is its decompressed bytes ({@link #decodedBy}: the hash is
 * still that of the file as stored); an entry of a {@code .zip} is a content of its own
 * ({@link #ofEntry}), whose document hash is that of the entry's bytes.
 */
public final class SourceContent {
  /** Opens a stream; may throw like a file system call. */
  @FunctionalInterface
  public interface StreamOpener {
    InputStream open() throws IOException;
  }

  /** Turns the stored bytes into the bytes a reader parses (a decompressor). */
  @FunctionalInterface
  public interface StreamDecoder {
    InputStream decode(InputStream stored) throws IOException;
  }

  private final String relPath;
  private final Path path;
  private final StreamOpener opener;
  private final IngestConfig config;
  private final String listedHash;
  private final byte[] sidecar;
  private final MessageDigest digest = Hashing.sha256();
  private StreamDecoder decoder;
  private InputStream raw;
  private InputStream in;
  private long bytesRead;

  /**
   * @param listedHash the {@link org.policysearch.ingest.SourceFile#hash()} (file + sidecar)
   * @param sidecar    the sidecar bytes read for this file, or null when there is none
   */
  public SourceContent(String relPath, Path path, IngestConfig config, String listedHash, byte[] sidecar) {
    this(relPath, path, () -> Files.newInputStream(path), config, listedHash, sidecar);
  }

  private SourceContent(String relPath, Path path, StreamOpener opener, IngestConfig config, String listedHash,
      byte[] sidecar) {
    this.relPath = relPath;
    this.path = path;
    this.opener = opener;
    this.config = config;
    this.listedHash = listedHash;
    this.sidecar = sidecar == null ? null : sidecar.clone();
  }

  /**
   * One entry of an archive, read through {@code opener}; {@link #documentHash()} is the SHA-256 of the
   * entry's bytes read so far (readers ask for it after reading), {@link #path()} is null.
   */
  static SourceContent ofEntry(String relPath, StreamOpener opener, IngestConfig config) {
    return new SourceContent(relPath, null, opener, config, null, null);
  }

  /** The file on disk, for formats that need random access (zip); null for an archive entry. */
  public Path path() {
    return path;
  }

  /**
   * From now on {@link #openStream()} and {@link #readAll()} give the bytes {@code decoder} makes of the
   * stored ones; the hash stays that of the stored bytes. Must be called before the content is taken.
   */
  void decodedBy(StreamDecoder decoder) {
    if (in != null) throw new IllegalStateException("the content of " + relPath + " was already taken");
    this.decoder = decoder;
  }

  public String relPath() {
    return relPath;
  }

  public IngestConfig config() {
    return config;
  }

  /**
   * Content hash of a whole-file document: the listed file hash (file + sidecar); for an archive entry,
   * the hash of its bytes read so far (the whole entry, once a reader has read it).
   */
  public String documentHash() {
    if (listedHash != null) return listedHash;
    try {
      return Hashing.hex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
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
      throw decoder != null || path == null
          ? new IngestException(SkipReasons.TOO_LARGE, "it unpacks to more than the " + limit
              + " bytes allowed for one file; split it")
          : new IngestException(SkipReasons.CHANGED_WHILE_READING, "the file grew past the " + limit
              + "-byte limit after it was listed; the next run will look at it again");
    }
    return data;
  }

  /** The file as a stream, hashed as it is read (and decoded, see {@link #decodedBy}). */
  public InputStream openStream() throws IOException {
    openStored();
    return decoder == null ? in : decoder.decode(in);
  }

  private void openStored() throws IOException {
    if (in != null) throw new IllegalStateException("the content of " + relPath + " was already taken");
    raw = opener.open();
    in = new FilterInputStream(raw) {
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

      @Override
      public void close() {
        // Left open for finishHash, which reads what a reader (or a decompressor closing it) left.
      }
    };
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
    if (in == null) openStored();
    byte[] buf = new byte[64 * 1024];
    try (InputStream s = in) {
      while (s.read(buf) > 0) {
        // draining into the digest
      }
    } finally {
      closeNow();
    }
    Hashing.addSidecar(digest, sidecar);
    return Hashing.hex(digest.digest());
  }

  /** Closes the file without hashing the rest (after a failure). */
  public void close() {
    if (in == null) return;
    closeNow();
  }

  private void closeNow() {
    try {
      raw.close(); // the hashing wrapper ignores close(): close what it wraps
    } catch (IOException e) {
      // Closing a read-only file after the read already failed: the failure is what gets reported.
    }
  }
}
