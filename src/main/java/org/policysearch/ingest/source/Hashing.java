package org.policysearch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as used for {@link org.policysearch.ingest.SourceFile#hash()} and document content hashes:
 * the source bytes, then, when a sidecar belongs to the file, {@link #SIDECAR_SEPARATOR} and the
 * sidecar bytes. The separator keeps "file + sidecar" from colliding with a longer file alone.
 */
public final class Hashing {
  private Hashing() {}

  static final byte[] SIDECAR_SEPARATOR = "\u0000policy-search sidecar\u0000".getBytes(StandardCharsets.UTF_8);

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** Adds a sidecar's bytes to a digest of its file; does nothing for a null sidecar. */
  static void addSidecar(MessageDigest md, byte[] sidecar) {
    if (sidecar == null) return;
    md.update(SIDECAR_SEPARATOR);
    md.update(sidecar);
  }

  /** Hash of a file (streamed, never held in memory) with its optional sidecar's bytes. */
  static String fileHash(Path file, byte[] sidecar) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
    }
    addSidecar(md, sidecar);
    return hex(md.digest());
  }
}
