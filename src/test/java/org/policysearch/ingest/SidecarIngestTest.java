package org.policysearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policysearch.ingest.Fixtures.reasons;
import static org.policysearch.ingest.Fixtures.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;

class SidecarIngestTest {
  @TempDir Path root;
  final LinesBuilder builder = new LinesBuilder();

  private IngestRun run() {
    return new Ingester(IngestConfig.DEFAULTS, builder).ingestAll(root);
  }

  @Test
  void aSidecarNamedAfterTheWholeFileNameGivesMetadata() throws Exception {
    write(root, "speech.txt", "正文第一段\n正文第二段");
    write(root, "speech.txt.meta.json", """
        {"title": "在全市教育工作会议上的讲话", "date": "2023-02-12", "region": "湖北省/鄂州市",
         "type": "讲话", "themes": ["教育强市", "双减"], "source": "鄂州日报",
         "url": "https://example.gov.cn/a.html", "issuer": "鄂州市教育局", "doc_number": "鄂教发〔2023〕1号"}
        """);
    IngestRun run = run();
    assertEquals(List.of(), run.skipped());
    GivenMetadata g = builder.raw("speech.txt", 0).given();
    assertEquals(new GivenMetadata("sidecar", "", "在全市教育工作会议上的讲话", "2023-02-12", "湖北省/鄂州市", "讲话",
        List.of("教育强市", "双减"), "鄂州日报", "https://example.gov.cn/a.html", "鄂州市教育局", "鄂教发〔2023〕1号"), g);
    assertEquals("speech.txt", run.documents().get(0).id(), "a sidecar cannot change the id");
  }

  @Test
  void aSidecarNamedAfterTheStemAppliesUnlessAMoreSpecificOneExists() throws Exception {
    write(root, "a.txt", "甲");
    write(root, "a.meta.json", "{\"title\": \"通用\", \"themes\": \"教育, 医疗\"}");
    write(root, "b.txt", "乙");
    write(root, "b.meta.json", "{\"title\": \"通用\"}");
    write(root, "b.txt.meta.json", "{\"title\": \"专用\"}");
    IngestRun run = run();
    assertEquals(List.of("b.meta.json bad-sidecar"), reasons(run.skipped()), "shadowed sidecars are not merged: say so");
    assertTrue(run.skipped().get(0).detail().contains("for 'b.txt' the more specific 'b.txt.meta.json' applies"));
    assertEquals("通用", builder.raw("a.txt", 0).given().title());
    assertEquals(List.of("教育", "医疗"), builder.raw("a.txt", 0).given().themes());
    assertEquals("专用", builder.raw("b.txt", 0).given().title());
  }

  @Test
  void aBadSidecarIsAWarningAndTheFileIsStillIngested() throws Exception {
    write(root, "a.txt", "甲");
    write(root, "a.txt.meta.json", "{\"title\": \"没有结束");
    write(root, "b.txt", "乙");
    write(root, "b.txt.meta.json", "[\"not\", \"an object\"]");
    IngestRun run = run();
    assertEquals(List.of("a.txt", "b.txt"), run.documents().stream().map(PolicyDocument::id).toList());
    assertEquals(List.of("a.txt bad-sidecar", "b.txt bad-sidecar"), reasons(run.skipped()));
    assertEquals(0, run.skippedCount());
    assertEquals(2, run.warningCount());
    assertTrue(run.skipped().get(0).detail().contains("a.txt.meta.json is not valid JSON"), run.skipped().get(0).detail());
    assertEquals(GivenMetadata.EMPTY, builder.raw("a.txt", 0).given());
  }

  @Test
  void unknownKeysAndWrongTypesAreWarningsAndTheRestIsUsed() throws Exception {
    write(root, "a.txt", "甲");
    write(root, "a.txt.meta.json", "{\"title\": \"标题\", \"titel\": \"x\", \"region\": {\"p\": 1}, \"date\": null}");
    IngestRun run = run();
    assertEquals(List.of("a.txt bad-sidecar", "a.txt bad-sidecar"), reasons(run.skipped()));
    assertTrue(run.skipped().stream().anyMatch(s -> s.detail().contains("unknown key 'titel'")
        && s.detail().contains("known keys: date, docNumber, doc_number, issuer, region, source, sourceUrl, source_url, themes, title, type, url")));
    GivenMetadata g = builder.raw("a.txt", 0).given();
    assertEquals("标题", g.title());
    assertEquals("", g.region());
    assertEquals("", g.date());
    assertNull(g.themes());
  }

  @Test
  void editingTheSidecarAfterListingIsAChange() throws Exception {
    write(root, "a.txt", "甲");
    write(root, "a.txt.meta.json", "{\"title\": \"旧\"}");
    Ingester ing = new Ingester(IngestConfig.DEFAULTS, builder);
    SourceFile f = ing.list(root).files().get(0);
    write(root, "a.txt.meta.json", "{\"title\": \"新\"}");
    assertEquals(List.of("a.txt changed-while-reading"), reasons(ing.read(root, f).skipped()));
  }
}
