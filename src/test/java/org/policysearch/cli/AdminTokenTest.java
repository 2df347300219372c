package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated admin token: random, long, and in a file only its owner can read. */
class AdminTokenTest {
  @TempDir Path index;

  @Test
  void theTokenFileIsOwnerReadableOnlyAndHoldsTheToken() throws Exception {
    String token = AdminToken.generate(index);
    Path f = index.resolve(AdminToken.FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals(token, Files.readString(f, StandardCharsets.UTF_8).strip());
    assertTrue(token.matches("[0-9a-f]{48}"), token);
  }

  @Test
  void aNewTokenReplacesAnOldWorldReadableFile() throws Exception {
    Path f = index.resolve(AdminToken.FILE);
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    String a = AdminToken.generate(index);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertNotEquals(a, AdminToken.generate(index), "a fresh token each start");
  }
}
