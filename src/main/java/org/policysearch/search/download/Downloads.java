package org.policysearch.search.download;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.json.ResultJson;

/**
 * The files a client downloads, written through a {@link SearchBackend}: every occurrence of a phrase as
 * CSV, and the export of a search as CSV or JSON Lines. Knows nothing of HTTP; the server sends what this
 * writes. CSV files start with a byte-order mark and end rows with CRLF ({@link Csv}).
 */
public final class Downloads {
  /** Columns of the phrase CSV. */
  public static final String[] PHRASE_HEADER = {"id", "title", "date", "region", "paragraph", "left", "match", "right"};

  /**
   * Occurrences after which the phrase CSV stops asking for more pages (checked before each page, so the
   * last page is written whole).
   */
  public static final long MAX_PHRASE_ROWS = ExportRow.MAX_DOCUMENTS * 10L;

  private final SearchBackend backend;

  public Downloads(SearchBackend backend) {
    this.backend = backend;
  }

  /**
   * Every occurrence of a phrase, one CSV row each, in the backend's order: pages of the largest size the
   * backend allows, until a short page, a page that timed out, or {@link #MAX_PHRASE_ROWS}.
   *
   * @return the number of rows written
   */
  public long phraseCsv(String phrase, Filters filters, int context, OutputStream out) throws InvalidRequestException, IOException {
    write(out, Csv.BOM + Csv.row(PHRASE_HEADER));
    int page = 1;
    long written = 0;
    while (written < MAX_PHRASE_ROWS) {
      PhraseResult r = backend.phrase(new PhraseRequest(phrase, filters, page, backend.limits().maxPageSize(), context));
      for (PhraseResult.Occurrence o : r.items()) {
        write(out, Csv.row(o.id(), o.title(), o.date(), o.region().path(), Integer.toString(o.paragraph()), o.left(), o.match(),
            o.right()));
        written++;
      }
      if (r.items().size() < r.size() || r.timedOut()) break;
      page++;
    }
    return written;
  }

  /**
   * The export of a search as CSV: the columns of {@link ExportRow#HEADER}, one row a document.
   *
   * @return the number of documents exported
   */
  public long exportCsv(SearchRequest request, int limit, OutputStream out) throws InvalidRequestException, IOException {
    write(out, Csv.BOM + Csv.row(ExportRow.HEADER));
    try {
      return backend.export(request, limit, row -> write(out, Csv.row(row.values())));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The export of a search as JSON Lines: one {@link ResultJson#exportRow} object a line.
   *
   * @return the number of documents exported
   */
  public long exportJsonl(SearchRequest request, int limit, OutputStream out) throws InvalidRequestException, IOException {
    try {
      return backend.export(request, limit, row -> write(out, ResultJson.toJson(ResultJson.exportRow(row)) + "\n"));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** UTF-8 bytes of one piece; a failing stream is rethrown as its IOException by the caller (the sinks are consumers). */
  private static void write(OutputStream out, String s) {
    try {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
