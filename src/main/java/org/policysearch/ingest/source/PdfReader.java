package org.policysearch.ingest.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;
import org.policysearch.ingest.SkipReasons;

/**
 * PDF through PDFBox: the text layer, line by line with each line's position, repaired by
 * {@link PdfLayoutRepair} (no spaces or breaks inside Chinese words, real paragraphs kept). A PDF
 * without a text layer is a scan: "no-text" with the advice to OCR it. Password-protected or damaged
 * files are "corrupt". Extraction stops at the character limit, and when the ingester abandons the
 * file (the thread is interrupted), so a huge or stuck PDF does not keep running.
 */
public final class PdfReader implements SourceReader {
  @Override
  public void read(SourceContent content, DocumentSink sink) throws IngestException, IOException {
    byte[] bytes = content.readAll();
    long max = content.config().maxTextChars();
    LineCollector lines = new LineCollector(max);
    int pages;
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      pages = doc.getNumberOfPages();
      if (pages == 0) throw new IngestException(SkipReasons.CORRUPT, "the PDF has no pages");
      lines.getText(doc);
    } catch (InvalidPasswordException e) {
      throw new IngestException(SkipReasons.CORRUPT, "the PDF is protected by a password; save an unprotected copy", e);
    } catch (TooMuchText e) {
      throw new IngestException(SkipReasons.TOO_LARGE, "the PDF's text exceeds the limit of " + max
          + " characters for one document; split the file", e);
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      throw new IngestException(SkipReasons.CORRUPT, "PDFBox cannot read the PDF (" + e.getMessage()
          + "); open it in a PDF viewer and save or print it to a new PDF", e);
    }
    String text = PdfLayoutRepair.repair(lines.lines);
    if (text.isBlank()) {
      throw new IngestException(SkipReasons.NO_TEXT, "the PDF has " + pages + (pages == 1 ? " page" : " pages")
          + " but no text layer: it looks like a scanned image; run OCR on it (e.g. ocrmypdf) and add the result");
    }
    sink.accept(new RawDocument(content.relPath(), 0, text, "pdf", GivenMetadata.EMPTY, content.documentHash()));
  }

  /** Thrown inside PDFBox's callbacks (which may only throw IOException) when the limit is passed. */
  static final class TooMuchText extends IOException {
    TooMuchText() {
      super("text limit reached");
    }
  }

  /** Collects PDFBox's output as lines with their left and right edges instead of as one string. */
  static final class LineCollector extends PDFTextStripper {
    final List<PdfLayoutRepair.Line> lines = new ArrayList<>();
    private final long maxChars;
    private final StringBuilder cur = new StringBuilder();
    private float left = Float.MAX_VALUE;
    private float right = -Float.MAX_VALUE;
    private int page;
    private int pageStartIndex;
    private long chars;

    LineCollector(long maxChars) {
      this.maxChars = maxChars;
      setLineSeparator("\n");
      setWordSeparator(" ");
    }

    @Override
    protected void startPage(PDPage p) throws IOException {
      if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("abandoned");
      page++;
      pageStartIndex = lines.size();
      super.startPage(p);
    }

    @Override
    protected void endPage(PDPage p) throws IOException {
      flush();
      for (int i = pageStartIndex; i < lines.size(); i++) {
        PdfLayoutRepair.Line l = lines.get(i);
        lines.set(i, new PdfLayoutRepair.Line(l.text(), l.left(), l.right(), l.em(), l.page(), i == pageStartIndex,
            i == lines.size() - 1));
      }
      super.endPage(p);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      chars += text.length();
      if (chars > maxChars) throw new TooMuchText();
      if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("abandoned");
      cur.append(text);
      for (TextPosition tp : positions) {
        left = Math.min(left, tp.getXDirAdj());
        right = Math.max(right, tp.getXDirAdj() + tp.getWidthDirAdj());
      }
    }

    @Override
    protected void writeWordSeparator() {
      cur.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      flush();
    }

    private void flush() {
      if (cur.isEmpty()) return;
      String t = cur.toString();
      float w = PdfLayoutRepair.width(t.strip());
      float em = w > 0 && right > left ? (right - left) / w : 1;
      lines.add(new PdfLayoutRepair.Line(t, left == Float.MAX_VALUE ? 0 : left, right == -Float.MAX_VALUE ? 0 : right,
          em, page, false, false));
      cur.setLength(0);
      left = Float.MAX_VALUE;
      right = -Float.MAX_VALUE;
    }
  }
}
