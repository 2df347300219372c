package org.policysearch.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;
import org.policysearch.ingest.SkipReasons;

/**
 * Word 2007+ (.docx) through POI XWPF: body paragraphs and tables in reading order (one line per
 * paragraph, one line per table row with cells separated by tabs); page headers and footers are left
 * out as page chrome. A .docx that is really a .doc, or an HTML page, is read as what it is.
 *
 * <p>Zip bombs: POI's {@link ZipSecureFile} refuses entries that inflate more than
 * {@link #MIN_INFLATE_RATIO} allows or exceed {@link #MAX_ENTRY_BYTES}, while inflating, so a bomb is
 * refused after its first 100 KB rather than after filling the heap. Those limits are JVM-wide statics
 * in POI; they are set here, once, because this is the only place that opens zips.
 */
public final class DocxReader implements SourceReader {
  /** POI's default ratio (1:100), stated so the protection does not depend on a default changing. */
  static final double MIN_INFLATE_RATIO = 0.01;
  /**
   * Largest part unpacked: 64 MB of XML holds the 10 M-character text limit with room for markup,
   * while POI's in-memory model of it stays within a 1 GB heap.
   */
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
  /** Tables nested deeper than this are not followed (their text is dropped). */
  static final int MAX_TABLE_DEPTH = 16;

  static {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  @Override
  public void read(SourceContent content, DocumentSink sink) throws IngestException, IOException {
    byte[] bytes = content.readAll();
    switch (FileKind.of(bytes)) {
      case ZIP -> sink.accept(raw(content, extract(bytes, content.config().maxTextChars()), "docx"));
      case OLE2 -> {
        if (isEncryptedOoxml(bytes)) throw encrypted();
        sink.accept(raw(content, DocReader.extract(bytes, content.config().maxTextChars()), "doc"));
      }
      case HTML -> sink.accept(HtmlReader.parse(bytes, content));
      default -> throw new IngestException(SkipReasons.CORRUPT, "it is not a Word .docx file (it starts with bytes "
          + FileKind.hexStart(bytes) + ", not a zip archive)");
    }
  }

  static RawDocument raw(SourceContent content, String text, String format) throws IngestException {
    if (text.isBlank()) {
      throw new IngestException(SkipReasons.NO_TEXT, "the document has no text (only images or empty pages?)");
    }
    return new RawDocument(content.relPath(), 0, text, format, GivenMetadata.EMPTY, content.documentHash());
  }

  /** The text of a .docx held in memory. */
  static String extract(byte[] bytes, long maxChars) throws IngestException {
    TextLimit out = new TextLimit(maxChars);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      body(doc, out, 0);
    } catch (IngestException e) {
      throw e;
    } catch (Exception e) {
      throw corrupt(e);
    }
    return out.toString();
  }

  private static void body(IBody body, TextLimit out, int depth) throws IngestException {
    for (IBodyElement el : body.getBodyElements()) {
      if (el instanceof XWPFParagraph p) {
        out.line(p.getText());
      } else if (el instanceof XWPFTable t) {
        table(t, out, depth);
      } else if (el instanceof XWPFSDT sdt) {
        for (String line : sdt.getContent().getText().split("\n")) out.line(line);
      }
    }
  }

  private static void table(XWPFTable t, TextLimit out, int depth) throws IngestException {
    if (depth >= MAX_TABLE_DEPTH) return;
    for (XWPFTableRow row : t.getRows()) {
      List<String> cells = new ArrayList<>();
      for (XWPFTableCell cell : row.getTableCells()) {
        TextLimit c = new TextLimit(Long.MAX_VALUE);
        body(cell, c, depth + 1);
        cells.add(c.toString().replace('\n', ' '));
      }
      out.line(String.join("\t", cells));
    }
  }

  static IngestException corrupt(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("exceeds the max") || m.contains("max. ratio")) {
        return new IngestException(SkipReasons.CORRUPT, "it unpacks to far more data than its size allows (ratio"
            + " over " + Math.round(1 / MIN_INFLATE_RATIO) + ":1 or a part over " + MAX_ENTRY_BYTES
            + " bytes): refused as a possible zip bomb", e);
      }
    }
    return new IngestException(SkipReasons.CORRUPT, "the .docx cannot be opened (" + e.getClass().getSimpleName()
        + ": " + e.getMessage() + "); open it in Word or WPS and save it again", e);
  }

  static boolean isEncryptedOoxml(byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      return fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage");
    } catch (IOException | RuntimeException e) {
      // Not a readable OLE2 container at all: the .doc path reports it as corrupt with its own message.
      return false;
    }
  }

  static IngestException encrypted() {
    return new IngestException(SkipReasons.CORRUPT,
        "it is protected by a password; save an unprotected copy to index it");
  }
}
