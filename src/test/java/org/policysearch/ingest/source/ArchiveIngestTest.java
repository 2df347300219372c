package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policysearch.ingest.Fixtures.reasons;
import static org.policysearch.ingest.Fixtures.skipFor;
import static org.policysearch.ingest.Fixtures.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.LinesBuilder;

/** .gz files read as the file they hold, .zip archives read as folders, and every way they can be bad. */
class ArchiveIngestTest {
  @TempDir Path root;
  final LinesBuilder builder = new LinesBuilder();

  private IngestRun run() {
    return new Ingester(IngestConfig.DEFAULTS, builder).ingestAll(root);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  static byte[] gzip(String text) throws IOException {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A zip of the given entries (name → bytes), in the order given. */
  static byte[] zip(Map<String, byte[]> entries, Charset names) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out, names)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] zip(Object... nameThenText) throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenText.length; i += 2) {
      Object v = nameThenText[i + 1];
      m.put((String) nameThenText[i], v instanceof byte[] b ? b : ((String) v).getBytes(StandardCharsets.UTF_8));
    }
    return zip(m, StandardCharsets.UTF_8);
  }

  private static List<String> ids(IngestRun r) {
    return r.documents().stream().map(PolicyDocument::id).sorted().toList();
  }

  private static PolicyDocument doc(IngestRun r, String id) {
    return r.documents().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aGzippedJsonlOrTextFileIsReadAsTheFileItHolds() throws Exception {
    write(root, "reports.jsonl.gz", gzip("{\"id\": \"gwr-1\", \"title\": \"政府工作报告\", \"text\": \"各位代表：\\n现在报告政府工作。\"}\n"
        + "{\"text\": \"没有编号的一行\"}\n"));
    write(root, "speech.txt.gz", gzip("教育工作会议讲话\n推进义务教育优质均衡。"));
    write(root, "page.html.gz", gzip("<html><head><title>通知</title></head><body><div id=\"zoom\"><p>关于做好防溺水工作的通知</p></div></body></html>"));
    IngestRun r = run();
    assertEquals(List.of(), r.skipped());
    assertEquals(List.of("gwr-1", "page.html.gz", "reports.jsonl.gz#2", "speech.txt.gz"), ids(r));
    assertEquals("政府工作报告", doc(r, "gwr-1").title());
    assertEquals("reports.jsonl.gz", doc(r, "gwr-1").file());
    assertEquals(1, doc(r, "gwr-1").line());
    assertEquals("推进义务教育优质均衡。", doc(r, "speech.txt.gz").paragraphs().get(1).text());
    assertTrue(doc(r, "page.html.gz").paragraphs().stream().anyMatch(p -> p.text().contains("防溺水")));
  }

  @Test
  void aTruncatedOrCorruptGzIsSkippedAsCorruptAndTheRestIsRead() throws Exception {
    byte[] whole = gzip("第一行文字。\n".repeat(5000));
    write(root, "cut.txt.gz", Arrays.copyOf(whole, whole.length / 2));
    write(root, "cut.jsonl.gz", Arrays.copyOf(gzip("{\"text\": \"一行\"}\n".repeat(3000)), 200));
    write(root, "notgzip.txt.gz", "这只是普通文字，不是压缩文件。");
    write(root, "ok.txt", "正常的文件。");
    IngestRun r = run();
    assertEquals(List.of("cut.jsonl.gz corrupt", "cut.txt.gz corrupt", "notgzip.txt.gz corrupt"), reasons(r.skipped()));
    assertTrue(skipFor(r.skipped(), "cut.txt.gz").detail().contains("damaged or cut short"), r.skipped().toString());
    assertEquals(List.of("ok.txt"), ids(r));
  }

  @Test
  void aGzipBombIsRefusedQuickly() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(bomb)) {
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 400; i++) z.write(spaces); // 400 MB, under the 512 MB JSONL limit, about 0.4 MB packed
    }
    assertTrue(400L * (1 << 20) / bomb.size() > 500, "ratio " + 400L * (1 << 20) / bomb.size());
    write(root, "bomb.jsonl.gz", bomb.toByteArray());
    write(root, "ok.txt.gz", gzip("正常的文件。"));
    long t0 = System.nanoTime();
    IngestRun r = run();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(List.of("bomb.jsonl.gz corrupt"), reasons(r.skipped()));
    assertTrue(r.skipped().get(0).detail().contains("possible gzip bomb"), r.skipped().get(0).detail());
    assertEquals(List.of("ok.txt.gz"), ids(r));
    assertTrue(ms < 10_000, "refused in " + ms + " ms");
  }

  @Test
  void aGzOfAnUnknownFormatOrOfAnArchiveIsSkippedWithTheReason() throws Exception {
    write(root, "tool.exe.gz", gzip("MZ"));
    write(root, "plain.gz", gzip("文字"));
    write(root, "docs.zip.gz", gzip(zip("a.txt", "文字")));
    IngestRun r = run();
    assertEquals(List.of("docs.zip.gz nested-archive", "plain.gz unknown-extension", "tool.exe.gz unknown-extension"),
        reasons(r.skipped()));
    assertEquals(List.of(), ids(r));
  }

  @Test
  void aZipIsReadAsAFolder() throws Exception {
    write(root, "docs.zip", zip(
        "a.txt", "鄂州市教育工作会议\n推进教联体改革。",
        "sub/b.html", "<html><body><div id=\"zoom\"><p>潼南区开学工作会议</p></div></body></html>",
        "sub/c.jsonl", "{\"id\": \"given-1\", \"text\": \"有编号\"}\n{\"text\": \"没有编号\"}\n",
        "sub/d.docx", WordIngestTest.docx("聊城市教育局工作要点"),
        "e.md.gz", gzip("压缩的文件"),
        "inner.zip", zip("x.txt", "里面的文字"),
        "photo.jpg", "JPEG",
        ".hidden.txt", "隐藏文件",
        "__MACOSX/._a.txt", "resource fork",
        "sub/"  /* a folder entry */, ""));
    IngestRun r = run();
    assertEquals(List.of("docs.zip/a.txt", "docs.zip/sub/b.html", "docs.zip/sub/c.jsonl#2", "docs.zip/sub/d.docx", "given-1"),
        ids(r));
    for (PolicyDocument d : r.documents()) assertEquals("docs.zip", d.file(), d.id());
    assertEquals("推进教联体改革。", doc(r, "docs.zip/a.txt").paragraphs().get(1).text());
    assertEquals("聊城市教育局工作要点", doc(r, "docs.zip/sub/d.docx").paragraphs().get(0).text());
    assertEquals(List.of("docs.zip/e.md.gz nested-archive", "docs.zip/inner.zip nested-archive",
        "docs.zip/photo.jpg unknown-extension"), reasons(r.skipped()));
    // Each entry's content hash is its own: a change to one entry is not a change to the others.
    assertEquals(Hashing.hex(Hashing.sha256().digest("鄂州市教育工作会议\n推进教联体改革。".getBytes(StandardCharsets.UTF_8))),
        doc(r, "docs.zip/a.txt").contentHash());
  }

  @Test
  void zipEntriesWhosePathsLeaveTheArchiveAreSkippedAndTheRestRead() throws Exception {
    write(root, "evil.zip", zip(
        "../escape.txt", "上一级目录",
        "sub/../../escape2.txt", "绕回去",
        "/etc/abs.txt", "绝对路径",
        "C:\\Windows\\drive.txt", "盘符路径",
        "good.txt", "正常的文件。"));
    IngestRun r = run();
    assertEquals(List.of("evil.zip/../escape.txt unsafe-path", "evil.zip//etc/abs.txt unsafe-path",
        "evil.zip/C:/Windows/drive.txt unsafe-path", "evil.zip/sub/../../escape2.txt unsafe-path"), reasons(r.skipped()));
    assertEquals(List.of("evil.zip/good.txt"), ids(r));
  }

  @Test
  void aTruncatedOrCorruptZipIsSkippedWholeAndTheRestRead() throws Exception {
    byte[] whole = zip("a.txt", "第一篇。".repeat(2000), "b.txt", "第二篇。".repeat(2000));
    write(root, "cut.zip", Arrays.copyOf(whole, whole.length - 30)); // the central directory is gone
    write(root, "noise.zip", "这不是压缩包");
    write(root, "ok.txt", "正常的文件。");
    IngestRun r = run();
    assertEquals(List.of("cut.zip corrupt", "noise.zip corrupt"), reasons(r.skipped()));
    assertTrue(skipFor(r.skipped(), "cut.zip").detail().contains("damaged or cut short"), r.skipped().toString());
    assertEquals(List.of("ok.txt"), ids(r));
  }

  @Test
  void aZipBombEntryIsRefusedQuicklyAndTheOtherEntriesRead() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bomb)) {
      z.putNextEntry(new ZipEntry("bomb.jsonl"));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 300; i++) z.write(spaces);
      z.putNextEntry(new ZipEntry("big.txt")); // 30 MB of text: over the 20 MB limit of one text file
      for (int i = 0; i < 30; i++) z.write(("第" + i + "段。\n").repeat(100_000).getBytes(StandardCharsets.UTF_8), 0, 1 << 20);
      z.putNextEntry(new ZipEntry("ok.txt"));
      z.write("正常的文件。".getBytes(StandardCharsets.UTF_8));
    }
    write(root, "b.zip", bomb.toByteArray());
    long t0 = System.nanoTime();
    IngestRun r = run();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(List.of("b.zip/big.txt too-large", "b.zip/bomb.jsonl corrupt"), reasons(r.skipped()));
    assertTrue(skipFor(r.skipped(), "b.zip/bomb.jsonl").detail().contains("possible zip bomb"), r.skipped().toString());
    assertEquals(List.of("b.zip/ok.txt"), ids(r));
    assertTrue(ms < 10_000, "refused in " + ms + " ms");
  }

  @Test
  void entryNamesInGbkFromChineseWindowsAreRead() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("通知/教育局通知.txt", "关于做好防溺水工作的通知".getBytes(StandardCharsets.UTF_8));
    write(root, "gbk.zip", zip(m, Charset.forName("GBK")));
    IngestRun r = run();
    assertEquals(List.of(), r.skipped());
    assertEquals(List.of("gbk.zip/通知/教育局通知.txt"), ids(r));
  }
}
