package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.Config;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.search.LuceneBackend;

/**
 * The commands with semantic search: {@code index --semantic} builds the vectors with the real model (a few
 * paragraphs), {@code stats} reports them, and {@code semantic=false} in the settings keeps the model unloaded
 * and the vector folder untouched. The settings file is in a home of the test's own.
 */
class SemanticCommandTest {
  @TempDir Path dir;
  Path corpus;
  Path index;
  String savedHome;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    savedHome = System.getProperty("policysearch.home");
    System.setProperty("policysearch.home", dir.toString());
    corpus = Files.createDirectories(dir.resolve("corpus"));
    index = dir.resolve("index");
    Files.writeString(corpus.resolve("a.txt"), "关于减轻学生作业负担的通知\n切实减轻义务教育阶段学生过重的作业负担和校外培训负担。\n"
        + "严控书面作业总量，小学一二年级不布置书面家庭作业。", StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("b.txt"), "关于农村饮水安全的意见\n加强农村饮用水水源地保护，保障群众饮水安全。", StandardCharsets.UTF_8);
  }

  @AfterEach
  void restore() {
    if (savedHome == null) System.clearProperty("policysearch.home");
    else System.setProperty("policysearch.home", savedHome);
  }

  int main(String... argv) {
    out.reset();
    err.reset();
    return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void indexSemanticBuildsTheVectorsAndStatsSaysSo() throws Exception {
    assertEquals(0, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"));
    assertFalse(Files.exists(index.resolve(SemanticIndex.FOLDER)), "plain index leaves vectors to the server");

    assertEquals(0, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet", "--semantic"), err.toString());
    assertTrue(out().contains("new vector index (no vector index yet); vectors: embedded 3 paragraphs of 2 documents"), out());
    assertEquals(0, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet", "--semantic"));
    assertTrue(out().contains("vectors: embedded 0 paragraphs of 0 documents, removed 0 documents, 2 unchanged; 3 paragraphs with vectors"), out());

    assertEquals(0, main("stats", "--index", index.toString()));
    assertTrue(out().contains("semantic search: ready: 3 paragraphs embedded with bge-small-zh-v1.5-q"), out());
    assertEquals(0, main("stats", "--index", index.toString(), "--json"));
    JsonObject s = JsonParser.parseString(out()).getAsJsonObject().getAsJsonObject("semantic");
    assertEquals("ready", s.get("state").getAsString());
    assertEquals(3, s.get("embedded_paragraphs").getAsLong());
    assertTrue(s.get("searchable").getAsBoolean());
  }

  @Test
  void semanticFalseLoadsNoModelAndTouchesNoVectorFolder() throws Exception {
    Files.writeString(dir.resolve(Config.FILE), "semantic=false\n", StandardCharsets.UTF_8);
    assertEquals(0, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"));
    Config c = Common.config(Args.parse(new String[] {"--index", index.toString()}, Common.LOCATION, java.util.Set.of()));
    assertFalse(c.semantic());
    try (LuceneBackend e = (LuceneBackend) Backends.open(c)) {
      assertFalse(e.semantic().enabled(), "no embedder was made, so no model can load");
      e.catchUpInBackground();
      assertEquals("off", e.semanticStatus().state());
      assertTrue(e.semantic().embedQuery("作业").isEmpty());
    }
    assertEquals(0, main("stats", "--index", index.toString()));
    assertTrue(out().contains("semantic search: off"), out());
    assertEquals(2, main("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet", "--semantic"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("index: --semantic builds the vectors, but semantic=false in "), err.toString());
    assertFalse(Files.exists(SemanticIndex.folder(new IndexLayout(index))));
  }
}
