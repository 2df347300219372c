package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorLookup;
import org.policysearch.index.vector.VectorSearcher;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Facets;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.IndexStats;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.PartialMatches;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.api.Suggestion;
import org.policysearch.search.query.CompiledQuery;
import org.policysearch.search.query.Relaxed;
import org.policysearch.search.query.Synonyms;

/**
 * Search with facets, documents, suggestions, facet listings and statistics over the index of its
 * {@link SearchContext}: requests in, records out, no knowledge of HTTP. Thread-safe; one instance per
 * backend ({@link LuceneBackend}).
 */
final class SearchService {
  private final SearchContext ctx;
  private final SearcherProvider provider;
  private final BitSetProducer parents;
  private final SearchLimits limits;
  private final SemanticIndex semantic;

  /** Its own context over {@code layout}, lexical only (tests). */
  SearchService(IndexLayout layout, Analyzers analyzers, Synonyms synonyms, SearchLimits limits) throws IOException {
    this(new SearchContext(layout, analyzers, synonyms, limits, SemanticIndex.off()));
  }

  /** Its own context over {@code layout}, with {@code semantic} (tests). */
  SearchService(IndexLayout layout, Analyzers analyzers, Synonyms synonyms, SearchLimits limits, SemanticIndex semantic)
      throws IOException {
    this(new SearchContext(layout, analyzers, synonyms, limits, semantic));
  }

  SearchService(SearchContext ctx) {
    this.ctx = ctx;
    this.provider = ctx.provider();
    this.parents = ctx.parents();
    this.limits = ctx.limits();
    this.semantic = ctx.semantic();
  }

  /** The context this service answers from, shared with the other services of one backend. */
  SearchContext context() {
    return ctx;
  }

  SearchLimits limits() {
    return limits;
  }

  /** Picks up index commits made since the last call (and a newly published rebuild). */
  void refresh() throws IOException {
    provider.refresh();
  }

  /** Closes the context (for a service that made its own: tests). */
  void close() throws IOException {
    ctx.close();
  }

  void validate(SearchRequest r) throws InvalidRequestException {
    validate(r, limits);
  }

  /** The checks of a search request against {@code limits}, the same for every backend ({@link BackendRules}). */
  static void validate(SearchRequest r, SearchLimits limits) throws InvalidRequestException {
    if (r.page() < 1) throw new InvalidRequestException("page", "page starts at 1, got " + r.page(), "页码从 1 开始，收到的是 " + r.page());
    if (r.size() < 0 || r.size() > limits.maxPageSize()) {
      throw new InvalidRequestException("size", "size must be between 0 and " + limits.maxPageSize() + ", got " + r.size(),
          "每页条数须在 0 到 " + limits.maxPageSize() + " 之间，收到的是 " + r.size());
    }
    if ((long) r.page() * r.size() > limits.maxResultWindow()) {
      throw new InvalidRequestException("page", "page × size may not exceed " + limits.maxResultWindow()
          + "; narrow the search with filters or use the export",
          "只能翻到前 " + limits.maxResultWindow() + " 条结果：请用筛选条件缩小范围，或导出全部结果");
    }
    if (r.passages() < 0 || r.passages() > limits.maxPassages()) {
      throw new InvalidRequestException("passages", "passages must be between 0 and " + limits.maxPassages(),
          "每篇显示的段落数须在 0 到 " + limits.maxPassages() + " 之间");
    }
    Filters f = r.filters();
    if (f.yearFrom() != null && f.yearTo() != null && f.yearFrom() > f.yearTo()) {
      throw new InvalidRequestException("from", "the year range " + f.yearFrom() + "–" + f.yearTo() + " is empty; 'from' must not be after 'to'",
          "年份范围 " + f.yearFrom() + "–" + f.yearTo() + " 是空的：起始年份不能晚于结束年份");
    }
  }

  SearchResult search(SearchRequest r) throws InvalidRequestException, IOException {
    long t0 = System.nanoTime();
    validate(r);
    CompiledQuery cq = ctx.compile(r.query(), "q");
    try (SearcherProvider.Lease lease = provider.acquire()) {
      FilterResolver.Resolved rf = ctx.resolveFilters(lease.searcher(), r.filters());
      Filters filters = rf.filters();
      IndexSearcher s = ctx.timed(lease.searcher());
      Optional<Query> citing = citesFilter(lease.searcher(), filters.cites());
      Query base = filtered(ctx.documentsQuery(cq.documentQuery()), citing);
      Optional<List<VectorLookup.DocumentHit>> nearest = SemanticRanking.applies(r, cq, semantic)
          ? SemanticRanking.nearest(semantic, r.query()) : Optional.empty();
      int window = Math.max(1, r.page() * r.size());
      if (nearest.isPresent()) window = Math.max(window, SemanticRanking.FUSION_DEPTH);
      Collector top = switch (r.sort()) {
        case RELEVANCE -> new TopScoreDocCollectorManager(window, null, Integer.MAX_VALUE).newCollector();
        case DATE_DESC -> new TopFieldCollectorManager(dateSort(true), window, null, Integer.MAX_VALUE).newCollector();
        case DATE_ASC -> new TopFieldCollectorManager(dateSort(false), window, null, Integer.MAX_VALUE).newCollector();
      };
      FacetHitCollector fc = new FacetHitCollector(top, filters, RepostFolding.folded(s, base, filters));
      SearchContext.searchWith(s, base, fc);
      boolean timedOut = s.timedOut(); // the searcher stops at the time limit and keeps what it has
      TopDocs td = top instanceof org.apache.lucene.search.TopScoreDocCollector tsc ? tsc.topDocs() : ((org.apache.lucene.search.TopFieldCollector) top).topDocs();
      ScoreDoc[] ranked = td.scoreDocs;
      long byMeaning = 0;
      if (nearest.isPresent()) {
        Fusion f = fuse(s, ranked, nearest.get(), filters, base, citing);
        ranked = f.ranked();
        byMeaning = f.added();
      }
      DocumentReader.Reads reads = new DocumentReader.Reads();
      PassageFinder pf = new PassageFinder(s, cq.paragraphQuery(), parents, cq.highlights(), reads);
      List<Hit> hits = new ArrayList<>();
      int from = (r.page() - 1) * r.size();
      for (int i = from; i < ranked.length && i < from + r.size(); i++) {
        ScoreDoc sd = ranked[i];
        hits.add(hit(s, sd.doc, Float.isNaN(sd.score) ? 0f : sd.score, pf, r.passages(), reads));
      }
      PartialMatches partial = null;
      if (cq.relaxed().isPresent() && nearest.isEmpty() && r.sort() == SortOrder.RELEVANCE && !timedOut
          && (long) r.page() * r.size() > fc.hits()) {
        partial = partial(s, cq, filters, citing, Math.max(0, from - fc.hits()), r.size() - hits.size(), pf, r.passages(), reads);
      }
      Facets facets = facets(fc, filters);
      long took = (System.nanoTime() - t0) / 1_000_000;
      return new SearchResult(fc.hits() + byMeaning, fc.folded(), r.page(), r.size(), took,
          cq.interpretation().withFilters(rf.readings()), filters, r.sort(), hits, facets, timedOut, byMeaning,
          nearest.isPresent() ? "hybrid" : "lexical", partial);
    }
  }

  /** The documents of {@code base} that cite {@code cites} (a document id or a 文号), or {@code base} when "". */
  static Query withCites(IndexSearcher s, Query base, String cites) throws InvalidRequestException, IOException {
    return filtered(base, citesFilter(s, cites));
  }

  /** The documents that cite {@code cites} (the {@code cites=} filter), or empty when "" (no filter). */
  static Optional<Query> citesFilter(IndexSearcher s, String cites) throws InvalidRequestException, IOException {
    if (cites.isEmpty()) return Optional.empty();
    List<org.apache.lucene.util.BytesRef> ids = new ArrayList<>();
    for (LineageResolver.Citing c : new LineageResolver(new LuceneLineageLookups(s)).citing(cites)) {
      ids.add(new org.apache.lucene.util.BytesRef(c.citer().id()));
    }
    return Optional.of(new org.apache.lucene.search.TermInSetQuery(Fields.DOC_KEY, ids));
  }

  private static Query filtered(Query base, Optional<Query> filter) {
    if (filter.isEmpty()) return base;
    return new BooleanQuery.Builder().add(base, Occur.MUST).add(filter.get(), Occur.FILTER).build();
  }

  /**
   * The documents that hold all of the words but one, ranked by the same scores, paged on from where the
   * full matches end: {@code skip} of them lie on earlier pages, {@code want} fill this one.
   */
  private PartialMatches partial(IndexSearcher s, CompiledQuery cq, Filters filters, Optional<Query> citing, long skip, int want,
                                 PassageFinder pf, int passages, DocumentReader.Reads reads) throws IOException {
    Relaxed relaxed = cq.relaxed().orElseThrow();
    // the cites= filter narrows these as it narrows the full matches
    Query q = filtered(ctx.documentsQuery(new BooleanQuery.Builder().add(relaxed.query(), Occur.MUST)
        .add(cq.documentQuery(), Occur.MUST_NOT).build()), citing);
    int window = (int) Math.min(limits.maxResultWindow(), skip + want);
    org.apache.lucene.search.TopScoreDocCollector top =
        new TopScoreDocCollectorManager(Math.max(1, window), null, Integer.MAX_VALUE).newCollector();
    FacetHitCollector fc = new FacetHitCollector(top, filters, RepostFolding.folded(s, q, filters));
    SearchContext.searchWith(s, q, fc);
    ScoreDoc[] ranked = top.topDocs().scoreDocs;
    List<org.apache.lucene.search.Weight> parts = new ArrayList<>();
    for (Relaxed.Part p : relaxed.parts()) {
      parts.add(s.createWeight(s.rewrite(p.scored()), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f));
    }
    List<PartialMatches.PartialHit> hits = new ArrayList<>();
    for (long i = skip; i < ranked.length && hits.size() < want; i++) {
      ScoreDoc sd = ranked[(int) i];
      LeafReaderContext ctx = DocumentReader.leaf(s, sd.doc);
      int local = sd.doc - ctx.docBase;
      List<String> missing = new ArrayList<>();
      for (int k = 0; k < parts.size(); k++) {
        org.apache.lucene.search.Scorer sc = parts.get(k).scorer(ctx);
        if (sc == null || sc.iterator().advance(local) != local) missing.add(relaxed.parts().get(k).text());
      }
      hits.add(new PartialMatches.PartialHit(hit(s, sd.doc, sd.score, pf, passages, reads), List.copyOf(missing)));
    }
    return new PartialMatches(fc.hits(), relaxed.parts().stream().map(Relaxed.Part::text).toList(), hits);
  }

  /** The fused order, and how many documents it holds that do not hold the words (not yet in the total). */
  private record Fusion(ScoreDoc[] ranked, long added) {}

  /**
   * The words' ranking and the nearest by meaning in one order ({@link SemanticRanking#fuse}). A document found
   * by meaning alone must pass the filters like any other (the cites= filter included; reposts aside).
   */
  private Fusion fuse(IndexSearcher s, ScoreDoc[] lexical, List<VectorLookup.DocumentHit> nearest, Filters filters, Query words,
                      Optional<Query> citing) throws IOException {
    List<org.apache.lucene.util.BytesRef> ids = nearest.stream().map(h -> new org.apache.lucene.util.BytesRef(h.documentId())).toList();
    java.util.Set<Integer> passing = new java.util.HashSet<>();
    FacetHitCollector fc = new FacetHitCollector(new DocSetCollector(passing), filters, java.util.Set.of());
    SearchContext.searchWith(s, filtered(ctx.documentsQuery(new org.apache.lucene.search.TermInSetQuery(Fields.DOC_KEY, ids)), citing), fc);
    // Which of them hold the words: they are in the total already, even when ranked below the words' window.
    java.util.Set<Integer> holdWords = new java.util.HashSet<>();
    SearchContext.searchWith(s, new BooleanQuery.Builder().add(words, Occur.MUST)
        .add(new org.apache.lucene.search.TermInSetQuery(Fields.DOC_KEY, ids), Occur.FILTER).build(), new DocSetCollector(holdWords));
    java.util.Map<String, Integer> docOf = new java.util.HashMap<>();
    java.util.Map<Integer, String> idOf = new java.util.HashMap<>();
    for (int doc : passing) docOf.put(idOf.computeIfAbsent(doc, d -> storedId(s, d)), doc);
    List<Integer> wordsRanking = new ArrayList<>(lexical.length);
    for (ScoreDoc sd : lexical) wordsRanking.add(sd.doc);
    // equal fused scores by document id, as on the cluster; ids are read only for the documents that tie
    SemanticRanking.Fusion<Integer> f = SemanticRanking.fuse(wordsRanking, nearest, docOf::get, holdWords::contains,
        Comparator.comparing((Integer d) -> idOf.computeIfAbsent(d, x -> storedId(s, x))));
    ScoreDoc[] out = f.ranked().stream().map(r -> new ScoreDoc(r.key(), r.score())).toArray(ScoreDoc[]::new);
    return new Fusion(out, f.added());
  }

  private static String storedId(IndexSearcher s, int doc) {
    try {
      LeafReaderContext leaf = DocumentReader.leaf(s, doc);
      return leaf.reader().storedFields().document(doc - leaf.docBase, java.util.Set.of(Fields.ID)).get(Fields.ID);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Collects the global doc ids of what passes. */
  private static final class DocSetCollector implements Collector {
    private final java.util.Set<Integer> docs;

    DocSetCollector(java.util.Set<Integer> docs) {
      this.docs = docs;
    }

    @Override
    public org.apache.lucene.search.LeafCollector getLeafCollector(LeafReaderContext ctx) {
      return new org.apache.lucene.search.LeafCollector() {
        @Override
        public void setScorer(org.apache.lucene.search.Scorable scorer) {}

        @Override
        public void collect(int doc) {
          docs.add(ctx.docBase + doc);
        }
      };
    }

    @Override
    public org.apache.lucene.search.ScoreMode scoreMode() {
      return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  private static Sort dateSort(boolean descending) {
    SortedNumericSortField f = new SortedNumericSortField(Fields.DATE, SortField.Type.LONG, descending);
    // Documents without a date go last in both directions.
    f.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
    return new Sort(f, SortField.FIELD_SCORE);
  }

  private Hit hit(IndexSearcher s, int doc, float score, PassageFinder pf, int passages, DocumentReader.Reads reads)
      throws IOException {
    LeafReaderContext ctx = DocumentReader.leaf(s, doc);
    int local = doc - ctx.docBase;
    BitSet bits = parents.getBitSet(ctx);
    int first = DocumentReader.firstChild(bits, local);
    List<Passage> best = pf.best(doc, passages); // paragraphs first: they precede the parent in the same blocks
    PolicyDocument meta = DocumentReader.metadata(ctx, reads.of(ctx), local, List.of());
    return new Hit(meta, score, local - first, best);
  }

  private static Facets facets(FacetHitCollector fc, Filters f) {
    return new Facets(
        regionTree(fc.counts(FacetHitCollector.REGION), f.regions()),
        flat(fc.counts(FacetHitCollector.YEAR), f.years().stream().map(String::valueOf).toList(), true),
        regionTree(fc.counts(FacetHitCollector.THEME), f.themes()), // theme paths fold like regions
        flat(fc.counts(FacetHitCollector.TYPE), f.types(), false),
        fc.yearUnknown());
  }

  /** Values by count (years by year, newest first); selected values are listed even when their count is 0. */
  static List<FacetValue> flat(Map<String, Long> counts, List<String> selected, boolean byValueDesc) {
    Map<String, Long> all = new TreeMap<>(counts);
    selected.forEach(v -> all.putIfAbsent(v, 0L));
    List<FacetValue> out = new ArrayList<>();
    all.forEach((v, c) -> out.add(new FacetValue(v, v, c, selected.contains(v), List.of())));
    if (byValueDesc) {
      out.sort(Comparator.comparing(FacetValue::value).reversed());
    } else {
      out.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    }
    return out;
  }

  /** Region paths of every level folded into a tree: provinces (and 全国) › cities › counties. */
  static List<FacetValue> regionTree(Map<String, Long> counts, List<String> selected) {
    Map<String, Long> all = new java.util.HashMap<>(counts);
    selected.forEach(v -> all.putIfAbsent(v, 0L));
    // One pass from each path to its parent ("" for the top level): thousands of regions at every
    // search, so no scan of all paths per node.
    Map<String, List<String>> byParent = new java.util.HashMap<>();
    for (String path : all.keySet()) {
      int slash = path.lastIndexOf('/');
      byParent.computeIfAbsent(slash < 0 ? "" : path.substring(0, slash), k -> new ArrayList<>()).add(path);
    }
    return children("", all, byParent, new java.util.HashSet<>(selected));
  }

  private static List<FacetValue> children(String parent, Map<String, Long> all, Map<String, List<String>> byParent,
                                           java.util.Set<String> selected) {
    List<String> paths = byParent.getOrDefault(parent, List.of());
    List<FacetValue> out = new ArrayList<>(paths.size());
    for (String path : paths) {
      String label = parent.isEmpty() ? path : path.substring(parent.length() + 1);
      out.add(new FacetValue(path, label, all.get(path), selected.contains(path), children(path, all, byParent, selected)));
    }
    out.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    return out;
  }

  /** A document by id, with its paragraphs; with a query, every match in every paragraph is marked. */
  DocumentView document(String id, String query) throws NotFoundException, InvalidRequestException, IOException {
    CompiledQuery cq = query == null || query.isBlank() ? null : ctx.compile(query, "q");
    try (SearcherProvider.Lease lease = provider.acquire()) {
      IndexSearcher s = lease.searcher();
      TopDocs td = s.search(new TermQuery(new Term(Fields.DOC_KEY, id)), 1);
      if (td.scoreDocs.length == 0) throw new NotFoundException("no document with id '" + id + "'", "没有编号为“" + id + "”的文件");
      int doc = td.scoreDocs[0].doc;
      LeafReaderContext ctx = DocumentReader.leaf(s, doc);
      int local = doc - ctx.docBase;
      int first = DocumentReader.firstChild(parents.getBitSet(ctx), local);
      List<Paragraph> paras = DocumentReader.paragraphs(ctx, first, local);
      PolicyDocument d = DocumentReader.metadata(ctx, local, paras);
      List<Passage> marked = new ArrayList<>(paras.size());
      int matches = 0;
      for (Paragraph p : paras) {
        Passage ps = PassageFinder.passage(p, cq == null ? List.of() : cq.highlights());
        matches += ps.highlights().size();
        marked.add(ps);
      }
      return new DocumentView(d, marked, matches, cq == null ? null : cq.interpretation());
    }
  }

  /** Number of documents in the serving index. */
  long documentCount() throws IOException {
    try (SearcherProvider.Lease lease = provider.acquire()) {
      return lease.searcher().count(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)));
    }
  }

  private volatile Suggester suggester;

  /** Completions for a typed prefix: regions, themes, types, frequent words and titles. */
  List<Suggestion> suggest(String prefix, int size) throws InvalidRequestException, IOException {
    if (!Suggester.wanted(prefix, size, limits)) return List.of();
    try (SearcherProvider.Lease lease = provider.acquire()) {
      return suggester(lease.searcher()).suggest(prefix, size);
    }
  }

  private Suggester suggester(IndexSearcher s) throws IOException {
    Suggester cur = suggester;
    if (cur != null && cur.isFor(s.getIndexReader().getReaderCacheHelper().getKey())) return cur;
    synchronized (this) {
      cur = suggester;
      if (cur != null && cur.isFor(s.getIndexReader().getReaderCacheHelper().getKey())) return cur;
      var reader = s.getIndexReader();
      Map<String, Long> titles = new java.util.HashMap<>();
      org.apache.lucene.search.Weight w = s.createWeight(s.rewrite(ctx.documentsQuery(null)),
          org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext ctx : reader.leaves()) {
        var sc = w.scorer(ctx);
        if (sc == null) continue;
        var it = sc.iterator();
        var live = ctx.reader().getLiveDocs();
        for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (live != null && !live.get(d)) continue;
          PolicyDocument meta = DocumentReader.metadata(ctx, d, List.of());
          if (!meta.title().isEmpty() && !meta.flags().duplicate()) titles.merge(meta.title(), 1L, Long::sum);
        }
      }
      cur = Suggester.build(reader, Suggester.valueCounts(reader, Fields.REGION), Suggester.valueCounts(reader, Fields.THEME),
          Suggester.valueCounts(reader, Fields.TYPE), titles);
      suggester = cur;
      return cur;
    }
  }

  /** Every facet value with its count over the whole index (duplicates excluded). */
  Facets facets() throws IOException {
    try {
      return search(new SearchRequest("", Filters.NONE, SortOrder.RELEVANCE, 1, 0, 0)).facets();
    } catch (InvalidRequestException e) {
      throw new IllegalStateException("an empty listing is always valid", e);
    }
  }

  /** Size and make-up of the index. */
  IndexStats stats() throws IOException {
    Facets f = facets();
    try (SearcherProvider.Lease lease = provider.acquire()) {
      IndexSearcher s = lease.searcher();
      long docs = s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)));
      long paras = s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PARAGRAPH)));
      long dups = s.count(org.apache.lucene.document.NumericDocValuesField.newSlowExactQuery(Fields.DUPLICATE, 1));
      var dr = (org.apache.lucene.index.DirectoryReader) s.getIndexReader();
      Map<String, String> user = dr.getIndexCommit().getUserData();
      long bytes = lease.indexBytes();
      return new IndexStats(docs, paras, dups, bytes, user.getOrDefault("committed_at", ""),
          user.getOrDefault("schema", ""), user.getOrDefault("analyzer", ""), f);
    }
  }

}
