package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private static List<String> lines(String s, int max) throws Exception {
    LineSplitter l = new LineSplitter(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), max);
    List<String> out = new ArrayList<>();
    while (l.next()) {
      out.add(l.tooLong() ? "<too long: " + l.fullLength() + ">" : new String(l.bytes(), 0, l.length(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void splitsOnLfAndDropsCrBeforeIt() throws Exception {
    assertEquals(List.of("a", "", "b\rc", "d"), lines("a\r\n\nb\rc\nd", 100));
    assertEquals(List.of("a"), lines("a\n", 100), "no phantom line after the last newline");
    assertEquals(List.of(), lines("", 100));
  }

  @Test
  void linesLongerThanTheReadChunkAreWhole() throws Exception {
    String longLine = "中".repeat(50_000); // 150,000 bytes: spans three 64 KB chunks
    assertEquals(List.of("x", longLine, "y"), lines("x\n" + longLine + "\r\ny", 1 << 20));
  }

  @Test
  void aLineOverTheCapIsCountedNotKept() throws Exception {
    String longLine = "a".repeat(200_000);
    assertEquals(List.of("ok", "<too long: 200000>", "next"), lines("ok\n" + longLine + "\nnext\n", 1000));
  }

  @Test
  void tooLongIsResetForTheNextLine() throws Exception {
    LineSplitter l = new LineSplitter(new ByteArrayInputStream("aaaa\nb\n".getBytes(StandardCharsets.UTF_8)), 3);
    assertTrue(l.next());
    assertTrue(l.tooLong());
    assertTrue(l.next());
    assertFalse(l.tooLong());
    assertEquals(1, l.length());
    assertFalse(l.next());
  }
}
