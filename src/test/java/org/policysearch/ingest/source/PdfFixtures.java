package org.policysearch.ingest.source;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PDFs built in tests. Chinese text needs no font file: the pages use Adobe's predefined CJK font
 * STSong-Light with the UniGB-UCS2-H encoding, not embedded, whose character codes PDFBox maps back to
 * Unicode with the CMaps it ships; every glyph is 1 em wide. Good enough to extract from, not to view.
 */
final class PdfFixtures {
  private PdfFixtures() {}

  static final float SIZE = 12;
  static final float LEFT = 72;
  static final float LINE_HEIGHT = 16;

  /** A piece of text placed at (x, y) on a page; '|' in the text adds a half-em gap there. */
  record Placed(int page, float x, float y, String text) {}

  static byte[] chinese(int pages, List<Placed> texts) throws Exception {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      COSDictionary font = stSongLight();
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        PDResources res = new PDResources();
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), font);
        res.getCOSObject().setItem(COSName.FONT, fonts);
        page.setResources(res);
        StringBuilder cs = new StringBuilder("BT /F1 " + (int) SIZE + " Tf\n");
        for (Placed t : texts) {
          if (t.page() != p) continue;
          float x = t.x();
          for (String chunk : t.text().split("\\|", -1)) {
            cs.append("1 0 0 1 ").append(x).append(' ').append(t.y()).append(" Tm ").append(hex(chunk)).append(" Tj\n");
            x += chunk.length() * SIZE + SIZE / 2;
          }
        }
        cs.append("ET\n");
        page.setContents(new PDStream(doc, new ByteArrayInputStream(cs.toString().getBytes(StandardCharsets.US_ASCII))));
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Lines of Latin text in Helvetica, one page, 14 pt apart. */
  static byte[] latin(String... lines) throws Exception {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        cs.setLeading(14);
        cs.newLineAtOffset(LEFT, 700);
        for (String l : lines) {
          cs.showText(l);
          cs.newLine();
        }
        cs.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A scan: each page is an image and there is no text layer. */
  static byte[] imageOnly(int pages) throws Exception {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < 200; x++) img.setRGB(x, 50, 0xFFFFFF);
      PDImageXObject xo = LosslessFactory.createFromImage(doc, img);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawImage(xo, 50, 400, 400, 200);
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] encrypted(byte[] pdf, String userPassword) throws Exception {
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      AccessPermission ap = new AccessPermission();
      ap.setCanExtractContent(false);
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, ap);
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static COSDictionary stSongLight() {
    COSDictionary cid = new COSDictionary();
    cid.setItem(COSName.TYPE, COSName.FONT);
    cid.setItem(COSName.SUBTYPE, COSName.getPDFName("CIDFontType0"));
    cid.setName(COSName.BASE_FONT, "STSong-Light");
    COSDictionary info = new COSDictionary();
    info.setString(COSName.REGISTRY, "Adobe");
    info.setString(COSName.ORDERING, "GB1");
    info.setInt(COSName.SUPPLEMENT, 2);
    cid.setItem(COSName.CIDSYSTEMINFO, info);
    cid.setInt(COSName.DW, 1000);
    COSDictionary fd = new COSDictionary();
    fd.setItem(COSName.TYPE, COSName.FONT_DESC);
    fd.setName(COSName.FONT_NAME, "STSong-Light");
    fd.setInt(COSName.FLAGS, 6);
    fd.setItem(COSName.FONT_BBOX, new COSArray(List.of(COSInteger.get(0), COSInteger.get(-200), COSInteger.get(1000),
        COSInteger.get(900))));
    fd.setInt(COSName.ASCENT, 880);
    fd.setInt(COSName.DESCENT, -120);
    fd.setInt(COSName.CAP_HEIGHT, 880);
    fd.setInt(COSName.STEM_V, 80);
    fd.setInt(COSName.ITALIC_ANGLE, 0);
    cid.setItem(COSName.FONT_DESC, fd);
    COSDictionary font = new COSDictionary();
    font.setItem(COSName.TYPE, COSName.FONT);
    font.setItem(COSName.SUBTYPE, COSName.TYPE0);
    font.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
    font.setName(COSName.ENCODING, "UniGB-UCS2-H");
    COSArray descendants = new COSArray();
    descendants.add(cid);
    font.setItem(COSName.DESCENDANT_FONTS, descendants);
    return font;
  }

  private static String hex(String s) {
    StringBuilder b = new StringBuilder("<");
    for (char c : s.toCharArray()) b.append(String.format("%04X", (int) c));
    return b.append('>').toString();
  }
}
