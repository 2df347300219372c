package org.policysearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.CompiledQuery;
import org.policysearch.search.query.QueryCompiler;
import org.policysearch.search.query.Synonyms;

/**
 * What the services of one {@link LuceneBackend} share: the searchers over the index, the query
 * compiler, the block parents, the analyzers, the limits and the vectors, and the steps every service
 * takes with them (a timed per-request searcher, compiling a query, the documents-only query, filters
 * read against the index). Made once per backend and handed to each service; closed with the backend.
 */
final class SearchContext implements AutoCloseable {
  private final SearcherProvider provider;
  private final QueryCompiler compiler;
  private final BitSetProducer parents;
  private final SearchLimits limits;
  private final Analyzers analyzers;
  private final SemanticIndex semantic;

  SearchContext(IndexLayout layout, Analyzers analyzers, Synonyms synonyms, SearchLimits limits, SemanticIndex semantic)
      throws IOException {
    this.semantic = semantic;
    this.provider = new SearcherProvider(layout);
    this.parents = new QueryBitSetProducer(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)));
    this.compiler = new QueryCompiler(analyzers, synonyms, parents, limits.maxClauses());
    this.limits = limits;
    this.analyzers = analyzers;
  }

  SearcherProvider provider() {
    return provider;
  }

  BitSetProducer parents() {
    return parents;
  }

  SearchLimits limits() {
    return limits;
  }

  Analyzers analyzers() {
    return analyzers;
  }

  /** The vectors beside the index ({@link SemanticIndex#off()} with {@code semantic=false}). */
  SemanticIndex semantic() {
    return semantic;
  }

  /** Parses and compiles a query, translating syntax errors into request errors on {@code param}. */
  CompiledQuery compile(String query, String param) throws InvalidRequestException {
    return BackendRules.compile(compiler, limits, query, param);
  }

  private record ResolverForReader(Object readerKey, FilterResolver resolver) {}

  private volatile ResolverForReader resolver;

  /**
   * The filters as typed, read against the values this reader holds ({@link FilterResolver}); refused
   * when a value is ambiguous or names nothing. The values are counted once per reader (one pass over the
   * documents' doc values), only when a region, theme or type filter is given.
   */
  FilterResolver.Resolved resolveFilters(IndexSearcher s, Filters f) throws InvalidRequestException, IOException {
    if (f.regions().isEmpty() && f.themes().isEmpty() && f.types().isEmpty()) return new FilterResolver.Resolved(f, List.of());
    Object key = s.getIndexReader().getReaderCacheHelper().getKey();
    ResolverForReader cur = resolver;
    if (cur == null || cur.readerKey() != key) {
      // every document, reposts included: a value that only a repost holds is still one to filter by
      FacetHitCollector fc = new FacetHitCollector(new NoHits(), Filters.NONE, java.util.Set.of());
      searchWith(s, documentsQuery(null), fc);
      cur = new ResolverForReader(key, new FilterResolver(fc.counts(FacetHitCollector.REGION), fc.counts(FacetHitCollector.THEME),
          fc.counts(FacetHitCollector.TYPE)));
      resolver = cur;
    }
    return cur.resolver().resolve(f);
  }

  /** Collects nothing: for passes that only count facet values. */
  static final class NoHits implements Collector {
    @Override
    public org.apache.lucene.search.LeafCollector getLeafCollector(LeafReaderContext ctx) {
      return new org.apache.lucene.search.LeafCollector() {
        @Override
        public void setScorer(org.apache.lucene.search.Scorable scorer) {}

        @Override
        public void collect(int doc) {}
      };
    }

    @Override
    public org.apache.lucene.search.ScoreMode scoreMode() {
      return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** Parents only, matching the text query (or all). */
  Query documentsQuery(Query textQuery) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), Occur.FILTER);
    b.add(textQuery == null ? new MatchAllDocsQuery() : textQuery, Occur.MUST);
    return b.build();
  }

  /** A per-request searcher over the shared reader, so the time limit applies to this request only. */
  IndexSearcher timed(IndexSearcher shared) {
    IndexSearcher s = new IndexSearcher(shared.getIndexReader());
    s.setQueryCache(shared.getQueryCache());
    s.setSimilarity(shared.getSimilarity());
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    s.setTimeout(() -> System.nanoTime() > deadline);
    return s;
  }

  static void searchWith(IndexSearcher s, Query q, Collector c) throws IOException {
    s.search(q, new SingleCollectorManager<>(c));
  }

  /** Closes the searchers (the vectors are closed by the backend, which was given them). */
  @Override
  public void close() throws IOException {
    provider.close();
  }
}
