package org.policysearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policysearch.ingest.Fixtures.doc;
import static org.policysearch.ingest.Fixtures.reasons;
import static org.policysearch.ingest.Fixtures.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.source.TextDecoder;

class IngesterTest {
  @TempDir Path root;
  final LinesBuilder builder = new LinesBuilder();

  @Test
  void textFilesInUtf8AndGbkBecomeDocumentsWithTheirEncoding() throws Exception {
    write(root, "000_utf8.txt", "鄂州市教育工作会议\r\n\r\n会议强调，办好人民满意的教育。\r\n");
    write(root, "sub/gbk.txt", "潼南区开学工作会\n立德树人\n", TextDecoder.GB18030);
    write(root, "binary.txt", new byte[] {'a', 0, 'b'});
    write(root, "latin1.md", new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xFF});
    IngestRun run = new Ingester(IngestConfig.DEFAULTS, builder).ingestAll(root);

    assertEquals(List.of("000_utf8.txt", "sub/gbk.txt"), run.documents().stream().map(PolicyDocument::id).toList());
    PolicyDocument utf8 = doc(run.documents(), "000_utf8.txt");
    assertEquals("UTF-8", utf8.encoding());
    assertEquals(List.of("鄂州市教育工作会议", "会议强调，办好人民满意的教育。"),
        utf8.paragraphs().stream().map(Paragraph::text).toList());
    assertEquals("鄂州市教育工作会议\n\n会议强调，办好人民满意的教育。\n", builder.raw("000_utf8.txt", 0).text(),
        "CRLF becomes LF before the builder sees the text");
    PolicyDocument gbk = doc(run.documents(), "sub/gbk.txt");
    assertEquals("GB18030", gbk.encoding());
    assertEquals("潼南区开学工作会\n立德树人", gbk.bodyText());
    assertEquals(List.of("binary.txt binary", "latin1.md undecodable"), reasons(run.skipped()));
    assertEquals(2, run.skippedCount());
    assertEquals(2, run.filesListed() - run.documents().size());
  }

  @Test
  void theContentHashOfAWholeFileIsItsListedHash() throws Exception {
    write(root, "a.txt", "正文");
    Ingester ing = new Ingester(IngestConfig.DEFAULTS, builder);
    SourceFile f = ing.list(root).files().get(0);
    FileResult r = ing.read(root, f);
    assertEquals(f.hash(), r.documents().get(0).contentHash());
  }

  @Test
  void aBuilderRefusalIsASkipAndABuilderBugABuildError() throws Exception {
    write(root, "blank.txt", "   \n\n  ");
    write(root, "boom.txt", "触发");
    DocumentBuilder b = raw -> {
      if (raw.file().equals("boom.txt")) throw new IllegalStateException("bug");
      return builder.build(raw);
    };
    IngestRun run = new Ingester(IngestConfig.DEFAULTS, b).ingestAll(root);
    assertEquals(List.of(), run.documents());
    assertEquals(List.of("blank.txt no-text", "boom.txt build-error"), reasons(run.skipped()));
    assertTrue(run.skipped().get(1).detail().contains("IllegalStateException: bug"));
  }

  @Test
  void textOverTheCharacterLimitIsTooLarge() throws Exception {
    write(root, "long.txt", "一二三四五六七八九十十一");
    write(root, "short.txt", "一二三");
    IngestRun run = new Ingester(IngestConfig.DEFAULTS.withMaxTextChars(10), builder).ingestAll(root);
    assertEquals(List.of("short.txt"), run.documents().stream().map(PolicyDocument::id).toList());
    assertEquals(List.of("long.txt too-large"), reasons(run.skipped()));
  }

  @Test
  void aParserOrBuilderThatHangsIsAbandonedAfterTheTimeLimit() throws Exception {
    write(root, "slow.txt", "慢");
    write(root, "fast.txt", "快");
    DocumentBuilder hangs = raw -> {
      if (raw.file().equals("slow.txt")) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
          // Busy, deaf to interruption: the worst kind of stuck parser.
          Thread.onSpinWait();
        }
      }
      return builder.build(raw);
    };
    Ingester ing = new Ingester(IngestConfig.DEFAULTS.withMaxParseTime(Duration.ofMillis(300)), hangs);
    long t0 = System.nanoTime();
    IngestRun run = ing.ingestAll(root);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 5000, "abandoned after the limit, not after the parser finished: " + ms + " ms");
    assertEquals(List.of("fast.txt"), run.documents().stream().map(PolicyDocument::id).toList());
    assertEquals(List.of("slow.txt timeout"), reasons(run.skipped()));
    assertTrue(run.skipped().get(0).detail().startsWith("reading made no progress for 300 ms; the file was abandoned"),
        run.skipped().get(0).detail());
  }

  @Test
  void aFileChangedAfterListingIsLeftForTheNextRun() throws Exception {
    Path a = write(root, "a.txt", "第一版");
    write(root, "b.txt", "不变");
    Ingester ing = new Ingester(IngestConfig.DEFAULTS, builder);
    CorpusListing l = ing.list(root);
    Files.writeString(a, "第二版"); // same size in bytes, other content
    FileResult r = ing.read(root, l.files().get(0));
    assertEquals(List.of(), r.documents());
    assertEquals(List.of("a.txt changed-while-reading"), reasons(r.skipped()));
    Files.writeString(a, "第三版，更长一些");
    assertEquals(List.of("a.txt changed-while-reading"), reasons(ing.read(root, l.files().get(0)).skipped()));
    assertEquals(1, ing.read(root, l.files().get(1)).documents().size());
    Files.delete(a);
    assertEquals(List.of("a.txt changed-while-reading"), reasons(ing.read(root, l.files().get(0)).skipped()));
  }

  @Test
  void theDuplicateMarkerSeesEveryDocumentOnce() throws Exception {
    write(root, "a.txt", "原文");
    write(root, "b.txt", "原文");
    DuplicateMarker marker = docs -> docs.stream()
        .map(d -> d.id().equals("b.txt") ? d.withFlags(new Flags(false, false, "a.txt")) : d).toList();
    IngestRun run = new Ingester(IngestConfig.DEFAULTS, builder, marker).ingestAll(root);
    assertEquals("", doc(run.documents(), "a.txt").flags().duplicateOf());
    assertEquals("a.txt", doc(run.documents(), "b.txt").flags().duplicateOf());
  }
}
