package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.Config;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * The index command over a folder of every kind of bad input at once, beside good files: it ends in
 * bounded time with exit code 1 and "finished with N skipped", reports each bad file with its reason,
 * and every good file is searchable. A name that is not UTF-8 is reported as such, with how to rename it.
 * (Each case on its own, and a file that changes while it is read,
 * are tested in the ingest tests.)
 */
class MessyCorpusIndexTest {
  /** Reposts included: every indexed document must be found, whether or not it is marked a repost. */
  static final Filters WITH_REPOSTS = new Filters(List.of(), List.of(), null, null, List.of(), List.of(), true);

  @TempDir Path dir;
  Path corpus;
  /** File → token of each good document. */
  final Map<String, String> good = new TreeMap<>();

  Path write(String rel, byte[] bytes) throws Exception {
    Path p = corpus.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  void goodText(String rel, String token, Charset cs) throws Exception {
    write(rel, ("关于" + token + "的通知\n推进义务教育优质均衡发展，落实" + token + "号文件。").getBytes(cs));
    good.put(rel, token);
  }

  static byte[] docx(String... paragraphs) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) doc.createParagraph().createRun().setText(p);
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] zipBombDocx() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bomb)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) z.write(zeros); // 200 MB of zeros in about 0.2 MB
    }
    return bomb.toByteArray();
  }

  static byte[] pdfWithoutText() throws Exception {
    try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      d.addPage(new PDPage());
      d.addPage(new PDPage());
      d.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void everyBadFileIsReportedWithItsReasonAndEveryGoodFileIsSearchable() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    // Good files, among them odd names and a deeply nested page.
    goodText("plain.txt", "okplain1", StandardCharsets.UTF_8);
    goodText("gbk.txt", "okgbk2", Charset.forName("GB18030"));
    goodText("有 空格 的文件.txt", "okspace3", StandardCharsets.UTF_8);
    goodText("line\nbreak.txt", "oknewline4", StandardCharsets.UTF_8);
    goodText("目录/子 目录/#1 (final) [v2].txt", "okbrackets5", StandardCharsets.UTF_8);
    goodText("emoji😀 semi;colon&amp'quote\".txt", "okemoji6", StandardCharsets.UTF_8);
    goodText("back\\slash %2e%2e.txt", "okbackslash7", StandardCharsets.UTF_8);
    write("word.docx", docx("关于okdocx8的通知", "推进义务教育优质均衡发展，落实okdocx8号文件。"));
    good.put("word.docx", "okdocx8");
    write("deep.html", ("<html><body>" + "<div>".repeat(100_000) + "深层的正文okdeep9。" + "</div>".repeat(100_000)
        + "<p>推进义务教育okdeep9。</p></body></html>").getBytes(StandardCharsets.UTF_8));
    good.put("deep.html", "okdeep9");
    write("lines.jsonl", ("{\"id\": \"line-1\", \"text\": \"推进义务教育okjson10。\"}\n{not json\n").getBytes(StandardCharsets.UTF_8));
    good.put("line-1", "okjson10");

    // Bad files.
    write("bomb.docx", zipBombDocx());
    write("scan.pdf", pdfWithoutText());
    write("empty.txt", new byte[0]);
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    write("noise.txt", noise);
    write("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
    try (RandomAccessFile huge = new RandomAccessFile(write("huge.txt", new byte[0]).toFile(), "rw")) {
      huge.setLength(21L << 20); // sparse: 21 MB listed, nothing written
    }
    Files.createDirectories(corpus.resolve("loop"));
    Files.createSymbolicLink(corpus.resolve("loop/back"), corpus);
    Files.createSymbolicLink(corpus.resolve("self.txt"), corpus.resolve("self.txt"));
    // A name whose bytes are not UTF-8 (GBK from a Windows zip): Java cannot write one, the shell can.
    Process sh = new ProcessBuilder("sh", "-c", "printf '%s' x > \"$(printf 'gbk\\275\\314name.txt')\"").directory(corpus.toFile())
        .inheritIO().start();
    assertEquals(0, sh.waitFor());
    Map<String, String> expectedSkips = new TreeMap<>(Map.of("gbk\uFFFD\uFFFDname.txt", "io-error", "bomb.docx", "corrupt", "scan.pdf", "no-text", "empty.txt", "empty",
        "noise.txt", "binary", "photo.jpg", "unknown-extension", "huge.txt", "too-large", "loop/back", "symlink-loop",
        "self.txt", "symlink-loop", "lines.jsonl:2", "bad-json"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Main.run(
        new String[] {"index", "--corpus", corpus.toString(), "--index", index.toString(), "--json"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertEquals(1, code, err.toString(StandardCharsets.UTF_8));
    assertEquals("finished with " + expectedSkips.size() + " skipped", err.toString(StandardCharsets.UTF_8).strip());

    JsonObject summary = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    Map<String, String> skips = new TreeMap<>();
    for (JsonElement e : summary.getAsJsonArray("skipped")) {
      JsonObject s = e.getAsJsonObject();
      String key = s.get("file").getAsString() + (s.get("line").getAsInt() > 0 ? ":" + s.get("line").getAsInt() : "");
      skips.put(key, s.get("reason").getAsString());
      assertTrue(s.get("detail").getAsString().length() > 10, "a reason a person can act on: " + s);
    }
    assertEquals(expectedSkips, skips);
    assertEquals(good.size(), summary.get("documents").getAsInt());

    try (LuceneBackend s = LuceneBackend.open(index, Common.analyzers(Config.defaults(dir)),
        Synonyms.NONE, SearchLimits.DEFAULTS)) {
      for (Map.Entry<String, String> g : good.entrySet()) {
        List<String> ids = s.search(new SearchRequest("\"" + g.getValue() + "\"", WITH_REPOSTS, SortOrder.RELEVANCE, 1, 10, 0))
            .hits().stream().map(h -> h.document().id()).toList();
        assertEquals(List.of(g.getKey()), ids, g.getValue());
      }
    }

    // A second run reports the same skips in words and adds nothing again.
    out.reset();
    err.reset();
    assertEquals(1, Main.run(new String[] {"index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("added 0, updated 0, removed 0 documents"), text);
    assertTrue(text.contains("  bomb.docx: corrupt (") && text.contains("possible zip bomb"), text);
    assertTrue(text.contains("  scan.pdf: no-text ("), text);
    assertTrue(text.contains("  loop/back: symlink-loop ("), text);
    assertTrue(text.contains("its name is not valid UTF-8"), text);
  }
}
