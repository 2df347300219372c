package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policysearch.ingest.Fixtures.reasons;
import static org.policysearch.ingest.Fixtures.write;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.LinesBuilder;
import org.policysearch.ingest.Skip;

class WordIngestTest {
  @TempDir Path root;
  final LinesBuilder builder = new LinesBuilder();

  private IngestRun run() {
    return new Ingester(IngestConfig.DEFAULTS, builder).ingestAll(root);
  }

  static byte[] docx(String... paragraphs) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) doc.createParagraph().createRun().setText(p);
      doc.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void docxParagraphsAndTablesInReadingOrder() throws Exception {
    byte[] bytes;
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun().setText("页眉文字");
      doc.createParagraph().createRun().setText("聊城市教育局关于印发2023年工作要点的通知");
      doc.createParagraph().createRun().setText("");
      var p = doc.createParagraph();
      p.createRun().setText("各县（市、区）教育和体育局，");
      p.createRun().setText("市直各学校：");
      XWPFTable t = doc.createTable(2, 2);
      t.getRow(0).getCell(0).setText("任务");
      t.getRow(0).getCell(1).setText("牵头单位");
      t.getRow(1).getCell(0).setText("推进义务教育优质均衡");
      t.getRow(1).getCell(1).setText("基础教育科");
      doc.createParagraph().createRun().setText("特此通知。");
      doc.write(out);
      bytes = out.toByteArray();
    }
    write(root, "通知.docx", bytes);
    IngestRun run = run();
    assertEquals(List.of(), run.skipped());
    var raw = builder.raw("通知.docx", 0);
    assertEquals("""
        聊城市教育局关于印发2023年工作要点的通知
        各县（市、区）教育和体育局，市直各学校：
        任务\t牵头单位
        推进义务教育优质均衡\t基础教育科
        特此通知。""", raw.text(), "no page header, no blank lines");
    assertEquals("docx", raw.encoding());
  }

  @Test
  void aZipBombDisguisedAsDocxIsRefusedQuickly() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bomb)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) z.write(zeros); // 200 MB of zeros, about 0.2 MB compressed
    }
    assertTrue(200L * (1 << 20) / bomb.size() > 1000, "ratio over 1000:1, " + bomb.size());
    write(root, "bomb.docx", bomb.toByteArray());
    write(root, "ok.docx", docx("正常的文件。"));
    long t0 = System.nanoTime();
    IngestRun run = run();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(List.of("bomb.docx corrupt"), reasons(run.skipped()));
    assertTrue(run.skipped().get(0).detail().contains("possible zip bomb"), run.skipped().get(0).detail());
    assertEquals(1, run.documents().size());
    assertTrue(ms < 10_000, "refused in " + ms + " ms");
  }

  @Test
  void encryptedCorruptAndEmptyDocxAreSkippedWithTheirReason() throws Exception {
    POIFSFileSystem fs = new POIFSFileSystem();
    Encryptor enc = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
    enc.confirmPassword("secret");
    try (OutputStream os = enc.getDataStream(fs)) {
      os.write(docx("机密内容"));
    }
    ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
    fs.writeFilesystem(encrypted);
    fs.close();
    write(root, "encrypted.docx", encrypted.toByteArray());
    write(root, "garbage.docx", "这不是一个Word文件".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream plainZip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(plainZip)) {
      z.putNextEntry(new ZipEntry("readme.txt"));
      z.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    write(root, "zip.docx", plainZip.toByteArray());
    write(root, "blank.docx", docx("", " "));
    IngestRun run = run();
    assertEquals(List.of("blank.docx no-text", "encrypted.docx corrupt", "garbage.docx corrupt", "zip.docx corrupt"),
        reasons(run.skipped()));
    Skip enc1 = run.skipped().get(1);
    assertTrue(enc1.detail().contains("protected by a password"), enc1.detail());
    assertTrue(run.skipped().get(2).detail().contains("not a Word .docx file"), run.skipped().get(2).detail());
    assertTrue(run.skipped().get(3).detail().contains("cannot be opened"), run.skipped().get(3).detail());
  }

  @Test
  void misnamedDocFilesAreReadAsWhatTheyAre() throws Exception {
    write(root, "really-docx.doc", docx("其实是docx。"));
    write(root, "page.doc", "<html><head><meta charset=\"utf-8\"><title>网页另存为doc</title></head>"
        + "<body><div id=\"zoom\"><p>网页正文。</p></div></body></html>");
    write(root, "rich.doc", "{\\rtf1\\ansi\\ansicpg936 hello}");
    write(root, "random.doc", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    POIFSFileSystem xls = new POIFSFileSystem();
    xls.createDocument(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), "Workbook");
    ByteArrayOutputStream xlsBytes = new ByteArrayOutputStream();
    xls.writeFilesystem(xlsBytes);
    write(root, "sheet.doc", xlsBytes.toByteArray());
    POIFSFileSystem broken = new POIFSFileSystem();
    byte[] fib = new byte[4096];
    new java.util.Random(7).nextBytes(fib);
    fib[0] = (byte) 0xEC; // wIdent 0xA5EC and nFib 0x00C1: a Word 97 header over garbage
    fib[1] = (byte) 0xA5;
    fib[2] = (byte) 0xC1;
    fib[3] = 0;
    broken.createDocument(new java.io.ByteArrayInputStream(fib), "WordDocument");
    ByteArrayOutputStream brokenBytes = new ByteArrayOutputStream();
    broken.writeFilesystem(brokenBytes);
    write(root, "wps.doc", brokenBytes.toByteArray());

    IngestRun run = run();
    assertEquals("其实是docx。", builder.raw("really-docx.doc", 0).text());
    assertEquals("docx", builder.raw("really-docx.doc", 0).encoding());
    assertEquals("网页正文。", builder.raw("page.doc", 0).text());
    assertEquals("html/UTF-8", builder.raw("page.doc", 0).encoding());
    assertEquals(List.of("random.doc corrupt", "rich.doc corrupt", "sheet.doc corrupt", "wps.doc corrupt"),
        reasons(run.skipped()));
    assertTrue(run.skipped().get(1).detail().contains("RTF file named .doc"));
    assertTrue(run.skipped().get(2).detail().contains("holds no Word document"));
    assertTrue(run.skipped().get(3).detail().contains("POI cannot read this .doc"), run.skipped().get(3).detail());
    assertTrue(run.skipped().get(3).detail().contains("save it as .docx"));
  }
}
