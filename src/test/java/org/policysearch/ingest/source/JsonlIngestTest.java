package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.policysearch.ingest.Fixtures.reasons;
import static org.policysearch.ingest.Fixtures.write;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.LinesBuilder;
import org.policysearch.ingest.RawDocument;
import org.policysearch.ingest.Skip;

class JsonlIngestTest {
  @TempDir Path root;
  final LinesBuilder builder = new LinesBuilder();

  private static final String GOOD = "{\"id\": \"gwr-1\", \"title\": \"2025年政府工作报告\", \"region\": \"山东省/东营市\","
      + " \"region_code\": \"370500\", \"date\": \"2025-01-20\", \"year\": 2025, \"doc_type\": \"government_work_report\","
      + " \"text\": \"各位代表：\\n现在，我代表市人民政府作报告。\", \"source\": \"东营日报\", \"url\": \"https://example.cn/1\"}";

  private IngestRun run(IngestConfig cfg) {
    return new Ingester(cfg, builder).ingestAll(root);
  }

  @Test
  void eachGoodLineIsADocumentAndEachBadLineASkipWithItsLineNumber() throws Exception {
    String content = String.join("\n",
        GOOD,                                                       // 1
        "{\"title\": \"no text here\"}",                            // 2 missing-text
        "this is not json",                                         // 3 bad-json
        "",                                                         // 4 blank: ignored
        "{\"text\": \"无编号的文件\", \"year\": 1954, \"region\": \"中华人民共和国\"}", // 5 id = file#5
        "{\"id\": \"gwr-1\", \"text\": \"重复\"}",                    // 6 duplicate-id
        "[1, 2]",                                                   // 7 bad-json
        "{\"id\": \"x\", \"text\": \"\"}",                          // 8 missing-text
        "{\"id\": \"y\", \"text\": \"正文\", \"title\": {\"a\": 1}}",   // 9 bad-json (wrong type)
        "{\"id\": \"z\", \"text\": \"尾行\"} trailing") + "\n";      // 10 bad-json
    write(root, "bulk.jsonl", content);
    IngestRun run = run(IngestConfig.DEFAULTS);

    assertEquals(List.of("gwr-1", "bulk.jsonl#5"), run.documents().stream().map(PolicyDocument::id).toList());
    assertEquals(List.of("bulk.jsonl:2 missing-text", "bulk.jsonl:3 bad-json", "bulk.jsonl:6 duplicate-id",
        "bulk.jsonl:7 bad-json", "bulk.jsonl:8 missing-text", "bulk.jsonl:9 bad-json", "bulk.jsonl:10 bad-json"),
        reasons(run.skipped()));
    Skip dup = run.skipped().get(2);
    assertEquals("the id 'gwr-1' was already used on line 1; this line is skipped (give it another id)", dup.detail());
    assertTrue(run.skipped().get(5).detail().contains("\"title\" must be a string, not an object"));

    RawDocument first = builder.raw("bulk.jsonl", 1);
    assertEquals(new GivenMetadata("given", "gwr-1", "2025年政府工作报告", "2025-01-20", "山东省/东营市",
        "government_work_report", null, "东营日报", "https://example.cn/1", "", ""), first.given());
    assertEquals("各位代表：\n现在，我代表市人民政府作报告。", first.text());
    assertEquals("jsonl/UTF-8", first.encoding());
    assertEquals(Hashing.hex(Hashing.sha256().digest(GOOD.getBytes(StandardCharsets.UTF_8))), first.contentHash(),
        "content hash: SHA-256 of the line's bytes");

    GivenMetadata fifth = builder.raw("bulk.jsonl", 5).given();
    assertEquals("1954", fifth.date(), "no date: the year is used");
    assertEquals("中华人民共和国", fifth.region(), "passed through as given; the builder maps it to 全国");
    assertEquals("bulk.jsonl#5", fifth.id());
  }

  @Test
  void anIdRepeatedInALaterFileIsReportedThereAndSkipped() throws Exception {
    write(root, "a.jsonl", GOOD + "\n");
    write(root, "b.jsonl", "{\"id\": \"other\", \"text\": \"甲\"}\r\n" + GOOD.replace("各位代表", "再次") + "\r\n");
    IngestRun run = run(IngestConfig.DEFAULTS);
    assertEquals(List.of("gwr-1", "other"), run.documents().stream().map(PolicyDocument::id).toList());
    assertEquals(List.of("b.jsonl:2 duplicate-id"), reasons(run.skipped()));
    assertTrue(run.skipped().get(0).detail().contains("already used by a.jsonl:1"), run.skipped().get(0).detail());
  }

  @Test
  void aLineOverTheLineLimitIsSkippedAndTheNextLinesStillRead() throws Exception {
    String huge = "{\"id\": \"big\", \"text\": \"" + "长".repeat(2000) + "\"}";
    write(root, "b.jsonl", "\uFEFF{\"id\": \"a\", \"text\": \"前\"}\n" + huge + "\n{\"id\": \"c\", \"text\": \"后\"}");
    IngestRun run = run(IngestConfig.DEFAULTS.withMaxJsonlLineBytes(1000));
    assertEquals(List.of("a", "c"), run.documents().stream().map(PolicyDocument::id).toList(),
        "a BOM on the first line and a last line without newline are fine");
    assertEquals(List.of("b.jsonl:2 too-large"), reasons(run.skipped()));
    int bytes = huge.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(run.skipped().get(0).detail().startsWith("the line has " + bytes + " bytes, more than the 1000 allowed"),
        run.skipped().get(0).detail());
  }

  @Test
  void aBulkFileAppendedToAfterListingIsLeftWholeForTheNextRun() throws Exception {
    Path f = write(root, "grow.jsonl", GOOD + "\n");
    Ingester ing = new Ingester(IngestConfig.DEFAULTS, builder);
    var listed = ing.list(root).files().get(0);
    java.nio.file.Files.writeString(f, "{\"id\": \"new\", \"text\": \"新增\"}\n", java.nio.file.StandardOpenOption.APPEND);
    var r = ing.read(root, listed);
    assertEquals(List.of(), r.documents(), "no half-read file: none of its documents");
    assertEquals(List.of("grow.jsonl changed-while-reading"), reasons(r.skipped()));
  }

  @Test
  void gbkEncodedLinesAreDecodedLikeTextFiles() throws Exception {
    write(root, "g.jsonl", "{\"id\": \"g\", \"text\": \"潼南区\"}\n", TextDecoder.GB18030);
    IngestRun run = run(IngestConfig.DEFAULTS);
    assertEquals("jsonl/GB18030", run.documents().get(0).encoding());
    assertEquals("潼南区", run.documents().get(0).bodyText());
  }

  @Test
  void aRealLineOfTheSharedCorpus() throws Exception {
    Path shared = Path.of("..", "shared", "data", "corpus", "gwr_provincial_2026.jsonl");
    assumeTrue(Files.exists(shared), "the shared corpus is not beside the project: " + shared.toAbsolutePath());
    String line;
    try (BufferedReader r = Files.newBufferedReader(shared, StandardCharsets.UTF_8)) {
      line = r.readLine();
    }
    write(root, "gwr_provincial_2026.jsonl", line + "\n");
    IngestRun run = run(IngestConfig.DEFAULTS);
    assertEquals(List.of(), run.skipped());
    PolicyDocument d = run.documents().get(0);
    assertEquals("gwr-prov-2026-310000", d.id());
    assertEquals(1, d.line());
    GivenMetadata g = builder.raw("gwr_provincial_2026.jsonl", 1).given();
    assertEquals("2026年上海市政府工作报告", g.title());
    assertEquals("上海市", g.region());
    assertEquals("2026-02-09", g.date());
    assertEquals("government_work_report", g.type());
    assertTrue(d.paragraphs().size() > 50, "a whole work report: " + d.paragraphs().size() + " paragraphs");
    assertEquals("2026年上海市政府工作报告", d.paragraphs().get(0).text());
  }
}
