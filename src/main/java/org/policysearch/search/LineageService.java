package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * What a document cites and who cites it (docs/lineage.md), over {@link LineageResolver}, for any backend:
 * the backend gives its {@link LineageLookups} (opened per request) and its search (the cited-by list is a
 * search filtered by {@code cites=}), and the answers are this class's, the same on every backend.
 */
public final class LineageService {
  /** Opens the lookups of one request over the index as it is now. */
  @FunctionalInterface
  public interface Lookups {
    LineageLookups open() throws IOException;
  }

  /** A backend's search, through which the citing documents are listed. */
  @FunctionalInterface
  public interface Searcher {
    SearchResult search(SearchRequest r) throws InvalidRequestException, IOException;
  }

  private final Lookups lookups;
  private final Searcher search;

  public LineageService(Lookups lookups, Searcher search) {
    this.lookups = lookups;
    this.search = search;
  }

  /** The embedded backend's: lookups over a searcher leased for the request. */
  LineageService(SearchService search) {
    this(() -> {
      SearcherProvider.Lease lease = search.context().provider().acquire();
      return new LuceneLineageLookups(lease.searcher(), lease);
    }, search::search);
  }

  public List<CitedReference> cites(String id) throws NotFoundException, IOException {
    try (LineageLookups index = lookups.open()) {
      LineageResolver lr = new LineageResolver(index);
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
  public CitedBy citedBy(String id, Filters filters, int page, int size) throws NotFoundException, InvalidRequestException, IOException {
    Map<String, LineageResolver.Citing> byId = new HashMap<>();
    List<CitedBy.RegionYear> table;
    try (LineageLookups index = lookups.open()) {
      LineageResolver lr = new LineageResolver(index);
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

  /** The ids of the documents that cite {@code cites}, a document id or a 文号: the {@code cites=} filter. */
  public Set<String> citing(String cites) throws InvalidRequestException, IOException {
    try (LineageLookups index = lookups.open()) {
      Set<String> out = new LinkedHashSet<>();
      for (LineageResolver.Citing c : new LineageResolver(index).citing(cites)) out.add(c.citer().id());
      return out;
    }
  }

  /**
   * The documents that other documents repeal, by id, with the epoch day the repeal takes effect
   * ({@link RepealedElsewhere}'s rule): what the {@code effective_on} filter reads beside each document's own days.
   */
  public Map<String, Long> repealedElsewhere() throws IOException {
    try (LineageLookups index = lookups.open()) {
      return RepealedElsewhere.byId(new LineageResolver(index));
    }
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
