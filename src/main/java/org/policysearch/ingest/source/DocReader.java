package org.policysearch.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.SkipReasons;

/**
 * Word 97–2003 (.doc) through POI HWPF, and Word 6/95 through its old-format extractor. A .doc that is
 * really a .docx or an HTML page (government sites often serve pages as "xxx.doc") is read as what it
 * is; RTF and Word 2003 XML are reported. Some .doc files saved by WPS Office make POI fail: that is a
 * "corrupt" skip for that file only, with the way out (re-save as .docx) in the detail.
 */
public final class DocReader implements SourceReader {
  @Override
  public void read(SourceContent content, DocumentSink sink) throws IngestException, IOException {
    byte[] bytes = content.readAll();
    switch (FileKind.of(bytes)) {
      case OLE2 -> {
        if (DocxReader.isEncryptedOoxml(bytes)) throw DocxReader.encrypted();
        sink.accept(DocxReader.raw(content, extract(bytes, content.config().maxTextChars()), "doc"));
      }
      case ZIP -> sink.accept(DocxReader.raw(content, DocxReader.extract(bytes, content.config().maxTextChars()), "docx"));
      case HTML -> sink.accept(HtmlReader.parse(bytes, content));
      case RTF -> throw new IngestException(SkipReasons.CORRUPT,
          "it is an RTF file named .doc, which is not read; open it and save it as .docx");
      case XML -> throw new IngestException(SkipReasons.CORRUPT,
          "it is an XML file (Word 2003 XML?) named .doc, which is not read; open it and save it as .docx");
      default -> throw new IngestException(SkipReasons.CORRUPT, "it is not a Word .doc file (it starts with bytes "
          + FileKind.hexStart(bytes) + ")");
    }
  }

  /** The text of a .doc (OLE2) held in memory: one line per paragraph, table cells on lines of their own. */
  static String extract(byte[] bytes, long maxChars) throws IngestException {
    TextLimit out = new TextLimit(maxChars);
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      if (!fs.getRoot().hasEntryCaseInsensitive("WordDocument")) {
        throw new IngestException(SkipReasons.CORRUPT, "it is an Office file but holds no Word document"
            + " (an Excel or PowerPoint file named .doc?)");
      }
      try {
        try (WordExtractor ex = new WordExtractor(new HWPFDocument(fs.getRoot()))) {
          for (String p : ex.getParagraphText()) paragraph(p, out);
        }
      } catch (OldWordFileFormatException old) {
        try (Word6Extractor ex = new Word6Extractor(fs)) {
          paragraph(ex.getText(), out);
        }
      }
    } catch (IngestException e) {
      throw e;
    } catch (EncryptedDocumentException e) {
      throw DocxReader.encrypted();
    } catch (Exception e) {
      throw new IngestException(SkipReasons.CORRUPT, "POI cannot read this .doc (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "); files saved by WPS Office are a known cause: open it and save it as .docx", e);
    }
    return out.toString();
  }

  /** Field codes and Word's control characters out; vertical tabs (manual line breaks) become lines. */
  private static void paragraph(String p, TextLimit out) throws IngestException {
    String t = WordExtractor.stripFields(p);
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\u000B' || c == '\r' || c == '\n' || c == '\u000C') {
        out.line(sb.toString());
        sb.setLength(0);
      } else if (c == '\u0007') {
        sb.append(' '); // cell mark
      } else if (c >= ' ' || c == '\t') {
        sb.append(c);
      }
    }
    out.line(sb.toString());
  }
}
