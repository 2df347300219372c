package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policysearch.ingest.Fixtures.reasons;
import static org.policysearch.ingest.Fixtures.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.LinesBuilder;
import org.policysearch.ingest.source.PdfFixtures.Placed;

class PdfIngestTest {
  @TempDir Path root;
  final LinesBuilder builder = new LinesBuilder();

  private IngestRun run(IngestConfig cfg) {
    return new Ingester(cfg, builder).ingestAll(root);
  }

  /**
   * Lays out paragraphs as a word processor would: 30 characters a line, the first line of each
   * paragraph indented by two, pages of {@code perPage} lines with a centred page number below.
   */
  static List<Placed> layout(int perPage, String... paragraphs) {
    List<Placed> out = new ArrayList<>();
    int line = 0;
    int page = 1;
    for (String p : paragraphs) {
      boolean first = true;
      int i = 0;
      while (i < p.length()) {
        int n = first ? 28 : 30;
        String piece = p.substring(i, Math.min(p.length(), i + n));
        if (line == perPage) {
          out.add(new Placed(page, 260, 60, "— " + page + " —"));
          page++;
          line = 0;
        }
        float x = PdfFixtures.LEFT + (first ? 2 * PdfFixtures.SIZE : 0);
        out.add(new Placed(page, x, 700 - line * PdfFixtures.LINE_HEIGHT, piece));
        line++;
        i += n;
        first = false;
      }
    }
    return out;
  }

  @Test
  void chinesePdfComesOutWithoutLayoutBreaksOrSpaces() throws Exception {
    String p1 = "为深入贯彻落实党的二十大精神，全面推进教育强市建设，市政府于2023年|2月12日召开全市教育工作会议。会议强调，要坚持立德树人根本任务。";
    String p2 = "二、推动义务教育优质均衡发展";
    String p3 = "加快建设高质量教育体系，办好人民满意的教育，扩大普惠性学前教育资源供给，推动县域内义务教育学校标准化建设，促进教育公平。";
    byte[] pdf = PdfFixtures.chinese(2, layout(4, p1, p2, p3));
    PdfReader.LineCollector raw0 = new PdfReader.LineCollector(1_000_000);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      raw0.getText(doc);
    }
    List<String> extracted = raw0.lines.stream().map(PdfLayoutRepair.Line::text).toList();
    assertTrue(extracted.stream().anyMatch(l -> l.contains("2023年 2月")), "PDFBox puts the space in: " + extracted);
    assertTrue(extracted.contains("— 1 —"), "and the page number: " + extracted);
    write(root, "report.pdf", pdf);
    IngestRun run = run(IngestConfig.DEFAULTS);
    assertEquals(List.of(), run.skipped());
    var raw = builder.raw("report.pdf", 0);
    assertEquals(String.join("\n", p1.replace("|", ""), p2, p3), raw.text(),
        "the gap inside 2023年 2月, the wraps, the page break and the page number are gone");
    assertEquals("pdf", raw.encoding());
  }

  @Test
  void latinPdfIsReadToo() throws Exception {
    write(root, "en.pdf", PdfFixtures.latin(
        "The plan sets out the main tasks for compulsory education and the measures that",
        "local governments are expected to take in the coming years.",
        "Annex"));
    run(IngestConfig.DEFAULTS);
    assertEquals("The plan sets out the main tasks for compulsory education and the measures that local governments"
        + " are expected to take in the coming years.\nAnnex", builder.raw("en.pdf", 0).text());
  }

  @Test
  void aScannedPdfIsNoTextWithAdvice() throws Exception {
    write(root, "scan.pdf", PdfFixtures.imageOnly(3));
    IngestRun run = run(IngestConfig.DEFAULTS);
    assertEquals(List.of("scan.pdf no-text"), reasons(run.skipped()));
    assertTrue(run.skipped().get(0).detail().contains("3 pages but no text layer: it looks like a scanned image"),
        run.skipped().get(0).detail());
  }

  @Test
  void damagedAndPasswordProtectedPdfsAreCorrupt() throws Exception {
    byte[] good = PdfFixtures.latin("Some text.");
    write(root, "locked.pdf", PdfFixtures.encrypted(good, "user-secret"));
    write(root, "owner-only.pdf", PdfFixtures.encrypted(good, ""));
    write(root, "truncated.pdf", java.util.Arrays.copyOf(good, 40));
    write(root, "fake.pdf", "%PDF-1.7\n这不是PDF".getBytes(StandardCharsets.UTF_8));
    IngestRun run = run(IngestConfig.DEFAULTS);
    assertEquals(List.of("fake.pdf corrupt", "locked.pdf corrupt", "truncated.pdf corrupt"), reasons(run.skipped()));
    assertTrue(run.skipped().get(1).detail().contains("protected by a password"), run.skipped().get(1).detail());
    assertEquals("Some text.", builder.raw("owner-only.pdf", 0).text(),
        "a PDF that opens without a password is read even when it forbids copying: it is only indexed");
  }

  @Test
  void extractionStopsAtTheTextLimit() throws Exception {
    write(root, "long.pdf", PdfFixtures.latin("0123456789 0123456789 0123456789 0123456789"));
    IngestRun run = run(IngestConfig.DEFAULTS.withMaxTextChars(20));
    assertEquals(List.of("long.pdf too-large"), reasons(run.skipped()));
  }
}
