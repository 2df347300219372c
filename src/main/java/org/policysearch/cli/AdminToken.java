package org.policysearch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.policysearch.index.IndexWriteException;

/**
 * The admin token a server makes up when none is configured: 24 random bytes in hex, written to
 * {@code index/admin-token} readable and writable by the owner only, so that whoever can run the server
 * can read it and nobody else on the machine can.
 */
final class AdminToken {
  static final String FILE = "admin-token";

  private AdminToken() {}

  static String generate(Path index) throws IOException {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    String token = HexFormat.of().formatHex(b);
    Path f = index.resolve(FILE);
    try {
      Files.createDirectories(index);
      // Created with its permissions rather than changed afterwards: no moment when others could read it.
      Files.deleteIfExists(f);
      Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(f, token + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IndexWriteException(index, e);
    }
    return token;
  }
}
