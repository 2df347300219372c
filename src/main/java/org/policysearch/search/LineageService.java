package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.policysearch.doc.RegionInfo;
import org.policysearch.search.api.CitedBy;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.CitingDocument;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/** What a document cites and who cites it (docs/lineage.md), over {@link LineageResolver}. */
final class LineageService {
  private final SearcherProvider provider;
  private final SearchService search;

  LineageService(SearchService search) {
    this.provider = search.context().provider();
    this.search = search;
  }

  List<CitedReference> cites(String id) throws NotFoundException, IOException {
    try (SearcherProvider.Lease lease = provider.acquire()) {
      LineageResolver lr = new LineageResolver(lease.searcher());
      LineageResolver.Citer c = lr.citer(id);
      if (c == null) throw notFound(id);
      List<CitedReference> out = new ArrayList<>();
      for (LineageResolver.Resolution r : lr.resolveAll(c)) {
        var ref = r.reference();
        out.add(new CitedReference(ref.title(), ref.version(), ref.docNumber(), ref.relation().label(), ref.paragraph(), ref.context(),
            r.status(), r.target() == null ? null : r.target().ref()));
      }
      return out;
    }
  }

  /**
   * The citing documents as a search filtered by {@code cites=id} and sorted oldest first (so the filters
   * and facets are exactly the search's), each with the reference that resolved to {@code id}.
   */
  CitedBy citedBy(String id, Filters filters, int page, int size) throws NotFoundException, InvalidRequestException, IOException {
    Map<String, LineageResolver.Citing> byId = new HashMap<>();
    List<CitedBy.RegionYear> table;
    try (SearcherProvider.Lease lease = provider.acquire()) {
      LineageResolver lr = new LineageResolver(lease.searcher());
      LineageResolver.Candidate target = lr.document(id);
      if (target == null) throw notFound(id);
      List<LineageResolver.Citing> all = lr.citersOf(target);
      for (LineageResolver.Citing c : all) byId.put(c.citer().id(), c);
      table = table(all);
    }
    SearchResult r = search.search(new SearchRequest("", filters.withCites(id), SortOrder.DATE_ASC, page, size, 0));
    List<CitingDocument> docs = new ArrayList<>(r.hits().size());
    for (Hit h : r.hits()) {
      LineageResolver.Citing c = byId.get(h.document().id());
      var d = h.document();
      var ref = new CitedReference.DocumentRef(d.id(), d.title(), d.region().path(), d.date().value(), d.type());
      // c is null only when the index was refreshed between the two reads: listed without its paragraph
      docs.add(c == null ? new CitingDocument(ref, "mentions", 0, "")
          : new CitingDocument(ref, c.reference().relation().label(), c.reference().paragraph(), c.reference().context()));
    }
    return new CitedBy(id, r.total(), page, size, docs, r.facets(), table);
  }

  /** Citing documents by province (全国 for national, "" unknown) and year (null unknown): sorted by region, then year. */
  static List<CitedBy.RegionYear> table(List<LineageResolver.Citing> all) {
    Map<String, Map<Integer, Long>> cells = new TreeMap<>();
    for (LineageResolver.Citing c : all) {
      RegionInfo region = c.citer().meta().region();
      String top = region.path().contains("/") ? region.path().substring(0, region.path().indexOf('/')) : region.path();
      Integer year = c.citer().meta().year();
      cells.computeIfAbsent(top, k -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()))).merge(year, 1L, Long::sum);
    }
    List<CitedBy.RegionYear> out = new ArrayList<>();
    cells.forEach((region, years) -> years.forEach((year, n) -> out.add(new CitedBy.RegionYear(region, year, n))));
    return out;
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("no document with id '" + id + "'", "没有编号为“" + id + "”的文件");
  }
}
