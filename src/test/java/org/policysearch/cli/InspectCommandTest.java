package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policysearch.ingest.Fixtures.write;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.ingest.source.TextDecoder;

class InspectCommandTest {
  @TempDir Path corpus;
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int inspect(String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = "inspect";
    System.arraycopy(args, 0, argv, 1, args.length);
    return Main.run(argv, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private void mixedCorpus() throws Exception {
    write(corpus, "a.txt", "鄂州市教育工作会议\n会议强调，办好人民满意的教育。\n");
    write(corpus, "sub/b.txt", "潼南区开学工作会\n", TextDecoder.GB18030);
    write(corpus, "bulk.jsonl", "{\"id\": \"law-1\", \"title\": \"某某条例\", \"region\": \"山东省/青岛市\", \"date\": \"2020-05-01\","
        + " \"text\": \"第一条 为了规范管理，制定本条例。\\n第二条 本条例自公布之日起施行。\"}\n"
        + "not json\n");
    write(corpus, "photo.jpg", new byte[] {1, 2, 3});
  }

  @Test
  void jsonIsOneArrayOnStdoutAndSkipsGoToStderr() throws Exception {
    mixedCorpus();
    int code = inspect("--corpus", corpus.toString(), "--json");
    assertEquals(1, code, "something was skipped");
    JsonArray docs = JsonParser.parseString(out()).getAsJsonArray();
    List<String> ids = new ArrayList<>();
    for (JsonElement e : docs) ids.add(e.getAsJsonObject().get("id").getAsString());
    assertEquals(List.of("a.txt", "law-1", "sub/b.txt"), ids);

    JsonObject a = docs.get(0).getAsJsonObject();
    assertEquals(List.of("file", "line", "id", "title", "subtitle", "date", "date_precision", "year", "dates", "region", "type",
        "source", "source_url", "issuer", "doc_number", "officials", "themes", "theme_scores", "truncated", "redacted", "duplicate_of",
        "paragraphs", "encoding", "evidence", "header"), new ArrayList<>(a.keySet()));
    assertEquals("a.txt", a.get("file").getAsString());
    assertEquals(0, a.get("line").getAsInt());
    assertEquals("UTF-8", a.get("encoding").getAsString());
    assertEquals(2, a.get("paragraphs").getAsInt());

    JsonObject law = docs.get(1).getAsJsonObject();
    assertEquals("bulk.jsonl", law.get("file").getAsString());
    assertEquals(1, law.get("line").getAsInt());
    assertEquals("某某条例", law.get("title").getAsString(), "given metadata wins whatever the builder");
    assertEquals("2020-05-01", law.get("date").getAsString());
    assertEquals(2020, law.get("year").getAsInt());
    assertEquals("jsonl/UTF-8", law.get("encoding").getAsString());

    assertEquals("GB18030", docs.get(2).getAsJsonObject().get("encoding").getAsString());

    assertTrue(err().contains("skipped: bulk.jsonl:2: bad-json"), err());
    assertTrue(err().contains("skipped: photo.jpg: unknown-extension"), err());
    assertTrue(err().contains("inspect: finished with 2 skipped and 0 warnings"), err());
  }

  @Test
  void humanOutputHasABlockPerDocumentAndASummary() throws Exception {
    mixedCorpus();
    assertEquals(1, inspect("--corpus", corpus.toString()));
    String out = out();
    assertTrue(out.contains("== a.txt\n  id:         a.txt\n"), out);
    assertTrue(out.contains("== bulk.jsonl:1\n  id:         law-1\n  title:      某某条例\n"
        + "  date:       2020-05-01 (day)   year: 2020\n"), out);
    assertTrue(out.contains("  paragraphs: 2\n  encoding:   jsonl/UTF-8\n"), out);
    assertTrue(out.contains("  documents:   3 from 3 files listed"), out);
    assertTrue(out.contains("  by year:     "), out);
    assertTrue(out.contains("  skipped:     2, warnings: 0\n    bulk.jsonl:2: bad-json (the line is not valid JSON"
        + " (malformed JSON at column 1))\n"), out);
    assertTrue(out.contains("    photo.jpg: unknown-extension ('.jpg' is not a supported format"), out);
  }

  @Test
  void aCleanCorpusExitsZeroWithNothingOnStderr() throws Exception {
    write(corpus, "a.txt", "正文");
    assertEquals(0, inspect("--corpus", corpus.toString(), "--json"));
    assertEquals("", err());
    assertEquals(1, JsonParser.parseString(out()).getAsJsonArray().size());
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertEquals(2, inspect("--corpus", corpus.toString(), "--jsno"));
    assertTrue(err().contains("unknown option --jsno; known: --corpus, --"), err());
    errBytes.reset();
    assertEquals(2, inspect("--corpus", corpus.resolve("missing").toString()));
    assertTrue(err().contains("does not exist or is not a folder; give one with --corpus DIR"), err());
    errBytes.reset();
    assertEquals(2, inspect("stray"));
    assertTrue(err().contains("inspect takes no arguments besides options, got 'stray'"), err());
  }
}
