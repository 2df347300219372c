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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.opensearch.TestCluster;

/**
 * The commands on {@code backend=opensearch}: {@code index} sends the corpus to the cluster, a second run sends
 * nothing, and {@code search}, {@code phrase} and {@code stats} answer from it with the API's records.
 */
class OpenSearchCommandsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theCommandsWorkOnACluster() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path s : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(s, corpus.resolve(s.getFileName()));
    }
    Path settings = dir.resolve("policy-search.properties");
    Files.writeString(settings, "backend=opensearch\nopensearch.hosts=" + TestCluster.uri() + "\nopensearch.index=cli-test\n"
        + "opensearch.replicas=0\nsemantic=false\ncorpus=" + corpus + "\nindex=" + dir.resolve("index") + "\n");
    String before = System.getProperty("policysearch.config");
    System.setProperty("policysearch.config", settings.toString());
    try {
      Run index = run("index", "--json", "--rebuild");
      assertEquals(0, index.code(), index.err());
      JsonObject first = JsonParser.parseString(index.out()).getAsJsonObject();
      assertEquals(5, first.get("documents").getAsLong(), index.out());

      Run again = run("index", "--json");
      assertEquals(0, again.code(), again.err());
      JsonObject second = JsonParser.parseString(again.out()).getAsJsonObject();
      assertEquals(0, second.get("added").getAsLong() + second.get("updated").getAsLong() + second.get("removed").getAsLong(), again.out());

      // on the terminal, a new index says it is being merged (hours at national scale); a run into the same index does not
      Run rebuilt = run("index", "--rebuild");
      assertEquals(0, rebuilt.code(), rebuilt.err());
      assertTrue(rebuilt.err().contains("merging the new index to one segment per shard"), rebuilt.err());
      Run update = run("index");
      assertEquals(0, update.code(), update.err());
      assertFalse(update.err().contains("merging"), update.err());

      Run search = run("search", "\"双减\"", "--json");
      assertEquals(0, search.code(), search.err());
      assertTrue(JsonParser.parseString(search.out()).getAsJsonObject().get("total").getAsLong() > 0, search.out());

      Run phrase = run("phrase", "双减", "--json");
      assertEquals(0, phrase.code(), phrase.err());
      assertTrue(JsonParser.parseString(phrase.out()).getAsJsonObject().get("occurrences").getAsLong() > 0, phrase.out());

      Run stats = run("stats", "--json");
      assertEquals(0, stats.code(), stats.err());
      JsonObject st = JsonParser.parseString(stats.out()).getAsJsonObject();
      assertEquals("opensearch", st.get("backend").getAsString());
      assertEquals(5, st.get("documents").getAsLong());
    } finally {
      if (before == null) System.clearProperty("policysearch.config");
      else System.setProperty("policysearch.config", before);
    }
  }
}
