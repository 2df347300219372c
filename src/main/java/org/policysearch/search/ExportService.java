package org.policysearch.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.Citation;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;

/**
 * The rows of an export: for every document of the current result set (in result order), each of its
 * best passages with the fields needed to cite it and a ready GB/T 7714 reference.
 */
final class ExportService {
  /** Documents an export may contain. */
  static final int MAX_DOCUMENTS = ExportRow.MAX_DOCUMENTS;
  static final int PAGE = 100;

  /** A backend's search, which the export pages through. */
  @FunctionalInterface
  interface Searcher {
    SearchResult search(SearchRequest r) throws InvalidRequestException, IOException;
  }

  /** A backend's references of a document (the export's cites column). */
  @FunctionalInterface
  interface Cites {
    List<CitedReference> of(String id) throws NotFoundException, IOException;
  }

  private final Searcher service;
  private final SearchLimits limits;
  private final Cites cites;

  ExportService(SearchService service) {
    this(service, new LineageService(service));
  }

  ExportService(SearchService service, LineageService lineage) {
    this(service::search, service.limits(), lineage::cites);
  }

  ExportService(Searcher service, SearchLimits limits, Cites cites) {
    this.service = service;
    this.limits = limits;
    this.cites = cites;
  }

  /**
   * Streams the rows of a search (the request's page and size are ignored: every document up to
   * {@code limit}) to {@code sink}.
   *
   * @return the number of documents exported
   */
  long export(SearchRequest r, int limit, Consumer<ExportRow> sink) throws InvalidRequestException, IOException {
    if (limit < 1 || limit > MAX_DOCUMENTS) {
      throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_DOCUMENTS,
          "导出数量须在 1 到 " + MAX_DOCUMENTS + " 篇之间");
    }
    String today = LocalDate.now().toString();
    long done = 0;
    for (int page = 1; done < limit; page++) {
      SearchResult res = service.search(new SearchRequest(r.query(), r.filters(), r.sort(), page, PAGE, r.passages()));
      for (Hit h : res.hits()) {
        if (done >= limit) break;
        PolicyDocument d = h.document();
        String ref = Citation.gbt7714(d, today);
        String cites = citesOf(d.id());
        for (Passage p : h.passages()) {
          sink.accept(new ExportRow(d.id(), d.title(), d.issuer(), d.docNumber(), d.region().path(), d.date().value(), p.paragraph(),
              p.text(), d.source(), d.sourceUrl(), d.type(), d.flags().truncated(), d.flags().redacted(),
              Citation.paragraph(d, p.paragraph(), p.article()), ref, cites));
        }
        done++;
      }
      if (res.hits().size() < PAGE || (long) page * PAGE >= limits.maxResultWindow()) break;
    }
    return done;
  }

  /** The references of a document listed in a page just read; "" when it left the index since. */
  private String citesOf(String id) throws IOException {
    try {
      return ExportRow.cites(cites.of(id));
    } catch (NotFoundException e) {
      return ""; // deleted between the page and this read: the row is still the page's
    }
  }
}
