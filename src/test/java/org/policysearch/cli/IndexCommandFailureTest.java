package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.index.IndexLayout;

/**
 * The index and serve commands when the index cannot be written or is taken: exit code 3 and one clear
 * line naming the folder and the cause, no stack trace, and the index as it was.
 */
class IndexCommandFailureTest {
  @TempDir Path dir;
  Path corpus;
  Path index;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void corpus() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    index = dir.resolve("index");
    Files.writeString(corpus.resolve("a.txt"), "鄂州市教育工作会议\n推进教联体改革。", StandardCharsets.UTF_8);
  }

  int main(String... argv) {
    out.reset();
    err.reset();
    return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  void assertOneClearLine(String expectedStart) {
    String e = err().strip();
    assertTrue(e.startsWith(expectedStart), e);
    assertEquals(1, e.lines().count(), "one line: " + e);
    assertFalse(e.contains("Exception") || e.contains("\tat "), "no exception names or stack: " + e);
  }

  @Test
  void anIndexPathThatIsAFileIsExitCode3WithAClearMessage() throws Exception {
    Path file = Files.writeString(dir.resolve("index-file"), "not a folder");
    assertEquals(3, main("index", "--corpus", corpus.toString(), "--index", file.toString(), "--quiet"));
    assertOneClearLine("index: could not write the index in " + file + ": a file is in the way where a folder should be");
    assertTrue(err().strip().endsWith("the index is unchanged at its last commit"), err());
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void aFullDiskIsExitCode3AndTheIndexStaysAsItWas() throws Exception {
    assertEquals(0, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"));
    Files.writeString(corpus.resolve("b.txt"), "潼南区开学工作会议\n防溺水安全教育。", StandardCharsets.UTF_8);
    Path marker = index.resolve("indexing.inprogress");
    Files.createSymbolicLink(marker, Path.of("/dev/full")); // every write fails with ENOSPC, for root too
    assertEquals(3, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"));
    assertOneClearLine("index: could not write the index in " + index + ": no space left on the device (No space left on device)");
    assertEquals(0, main("search", "防溺水", "--index", index.toString(), "--json"), err());
    assertEquals(0, com.google.gson.JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject().get("total")
        .getAsInt(), "b.txt is not in the old index");
    assertEquals(0, main("search", "教联体", "--index", index.toString(), "--json"), err());
    assertEquals(1, com.google.gson.JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject().get("total")
        .getAsInt(), "a.txt still is");
    Files.delete(marker);
    assertEquals(0, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"), err());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("added 1"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aSecondIndexerIsRefusedWithExitCode3() throws Exception {
    assertEquals(0, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"));
    try (IndexLayout.Lock held = new IndexLayout(index).lock()) {
      assertEquals(3, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"));
      assertOneClearLine("index: another indexer is already writing the index in " + index);
    }
  }

  @Test
  void serveWithAnIndexPathThatIsAFileStopsAtOnceWithExitCode3() throws Exception {
    Path file = Files.writeString(dir.resolve("index-file"), "not a folder");
    int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> main("serve", "--corpus", corpus.toString(), "--index", file.toString(), "--port", "0"));
    assertEquals(3, code, err());
    assertOneClearLine("serve: could not write the index in " + file + ": a file is in the way where a folder should be");
  }
}
