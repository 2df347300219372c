package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.policysearch.BackendConfig;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.Fields;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.index.vector.VectorLookup;
import org.policysearch.index.vector.VectorStatus;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.BackendRules;
import org.policysearch.search.FilterResolver;
import org.policysearch.search.PhraseTally;
import org.policysearch.search.SemanticRanking;
import org.policysearch.search.SimilarService;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.CitedBy;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Facets;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.IndexStats;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.PartialMatches;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.ReindexException;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SemanticStatus;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.api.Suggestion;
import org.policysearch.search.query.CompiledQuery;
import org.policysearch.search.query.QueryCompiler;
import org.policysearch.search.query.Relaxed;
import org.policysearch.search.query.Synonyms;

/**
 * The search backend over an OpenSearch cluster (docs/opensearch.md): the same records as the embedded
 * backend, from the same query compiler (its Lucene queries translated by {@link QueryTranslator}), the same
 * filter reading ({@link FilterResolver}), the same facet lists and passages ({@link BackendRules}). Totals
 * are exact ({@code track_total_hits}); facets are drill-sideways: the filters are a {@code post_filter}
 * and each dimension is counted under every filter but its own, with every value returned. Reposts are
 * folded into their originals by the same rule: only when the original is a hit of the same search.
 *
 * <p>Searches go to the alias; a cluster out of reach answers {@link BackendUnavailableException} (503)
 * and every request tries again, so service resumes by itself. Suggestions ({@link ClusterSuggestions}) and similar
 * documents (the embedded {@link SimilarService} over {@link ClusterSimilarIndex}), lineage ({@link ClusterLineage}) and
 * semantic search (the paragraph vectors in the cluster's vectors index, {@link ClusterVectorIndex}; the fusion of
 * {@link SemanticRanking}) give the embedded backend's records.
 */
public final class OpenSearchBackend implements SearchBackend {
  /** Aggregation buckets asked for per dimension: more than any corpus has values, checked on every answer. */
  static final int ALL_VALUES = 65_536;
  /** How long the filter values (for reading typed filters) are kept before being counted again. */
  static final long FILTER_VALUES_MS = 60_000;

  private final Cluster cluster;
  private final String alias;
  private final SearchLimits limits;
  private final QueryCompiler compiler;
  private final ClusterIndexer indexer;
  private final Corpus corpus;
  private final ReentrantLock indexing = new ReentrantLock();
  private final BackendConfig.SearchType searchType;
  /** This server as the holder of the vectors' lease ({@link ClusterLease}): one builder per cluster at a time. */
  private final String builderName = ClusterLease.newHolder();
  private final ClusterLineage lineage;
  private volatile FilterValues filterValues;
  private final ClusterSuggestions suggestions;
  private final ClusterSimilarIndex similarIndex;
  private final SimilarService similar;
  private final SemanticIndex semantic;
  private final ClusterDocuments documents;

  /** What the cluster holds of the filter dimensions, with when it was counted. */
  private record FilterValues(FilterResolver resolver, long at) {}

  /**
   * The corpus a cluster index is kept up to date with.
   *
   * @param folder   the corpus folder
   * @param ingester the ingest pipeline
   * @param log      where failed runs are logged in full
   */
  public record Corpus(Path folder, Ingester ingester, PrintStream log) {}

  private OpenSearchBackend(Cluster cluster, BackendConfig config, Analyzers analyzers, Synonyms synonyms, SearchLimits limits,
                            Corpus corpus, SemanticIndex.Setup semanticSetup) {
    this.cluster = cluster;
    this.alias = config.index();
    this.searchType = config.searchType();
    this.limits = limits;
    // The compiler builds block joins against a parent filter it never runs here: the join becomes a nested query.
    this.compiler = new QueryCompiler(analyzers, synonyms,
        new QueryBitSetProducer(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT))), limits.maxClauses());
    this.corpus = corpus;
    this.documents = new ClusterDocuments(cluster);
    this.suggestions = new ClusterSuggestions(cluster, alias, limits);
    this.similarIndex = new ClusterSimilarIndex(cluster, alias, id -> document(id, null));
    this.indexer = new ClusterIndexer(cluster, alias, config.shards(), config.replicas(),
        corpus == null ? null : corpus.ingester(), new ParagraphWords(analyzers.words()));
    this.semantic = semanticSetup == null ? SemanticIndex.off() : clusterVectors(cluster, config, semanticSetup);
    this.similar = SimilarService.over(similarIndex, analyzers, limits, semantic);
    this.lineage = new ClusterLineage(cluster, alias, this::search);
  }

  /**
   * The backend over the cluster of {@code config}; nothing is asked of the cluster yet, so a server starts
   * while the cluster is down and answers once it is up.
   *
   * @param password the password of {@code config.user()} (read by the caller from the environment or a file)
   * @param corpus   the corpus to index from, or null (reindex refused)
   */
  public static OpenSearchBackend open(BackendConfig config, String password, Analyzers analyzers, Synonyms synonyms,
                                       SearchLimits limits, Corpus corpus) throws IOException {
    return open(config, password, analyzers, synonyms, limits, corpus, null);
  }

  /**
   * As above, with semantic search made with {@code semantic} (null: off, as {@code semantic=false}): the paragraph
   * vectors in the cluster's vectors index beside the alias ({@link ClusterVectorIndex}), built by this server in
   * the background ({@link #catchUpInBackground}) or by {@code index --semantic}.
   */
  public static OpenSearchBackend open(BackendConfig config, String password, Analyzers analyzers, Synonyms synonyms,
                                       SearchLimits limits, Corpus corpus, SemanticIndex.Setup semantic) throws IOException {
    Cluster c = new Cluster(config.hosts(), config.user(), password, config.caCertificate());
    return new OpenSearchBackend(c, config, analyzers, synonyms, limits, corpus, semantic);
  }

  private SemanticIndex clusterVectors(Cluster cluster, BackendConfig config, SemanticIndex.Setup setup) {
    String model = setup.embedder().modelId();
    int dimension = setup.embedder().dimension();
    VectorBuilder.Storage storage = new VectorBuilder.Storage() {
      @Override
      public ClusterVectorStore openVectors(String modelId, int dim) throws IOException {
        return ClusterVectorStore.open(cluster, alias, config.shards(), config.replicas(), modelId, dim, builderName);
      }

      @Override
      public java.util.Optional<ClusterTextSource> openText() throws IOException {
        return ClusterTextSource.open(indexer, documents);
      }
    };
    return SemanticIndex.open(new ClusterVectorSearcher(cluster, alias, model, dimension), storage, setup);
  }

  /** Semantic search on this cluster: its vectors, their builder and the model (off when not set up). */
  public SemanticIndex semantic() {
    return semantic;
  }

  @Override
  public String kind() {
    return "opensearch";
  }

  @Override
  public SearchLimits limits() {
    return limits;
  }

  private String endpoint(String api) {
    return "/" + alias + "/" + api;
  }

  /** The answer to a request on the alias; an alias that does not exist yet is an index with nothing in it. */
  private JsonObject searchRaw(JsonObject body) throws IOException {
    return searchRaw(body, Map.of());
  }

  private JsonObject searchRaw(JsonObject body, Map<String, String> params) throws IOException {
    Cluster.Answer a = cluster.json("POST", endpoint("_search"), params, body);
    if (a.status() == 404) return null;
    return Cluster.ok(a, "search");
  }

  /**
   * A search whose order is its scores (the page of a search, of its partial matches): scored as the settings ask
   * ({@link BackendConfig.SearchType}), with each shard's statistics or the whole index's.
   */
  private JsonObject scored(JsonObject body) throws IOException {
    return searchRaw(body, searchType == BackendConfig.SearchType.QUERY_THEN_FETCH ? Map.of() : Map.of("search_type", searchType.label()));
  }

  CompiledQuery compile(String query, String param) throws InvalidRequestException {
    return BackendRules.compile(compiler, limits, query, param);
  }

  // ---------------------------------------------------------------- search

  @Override
  public SearchResult search(SearchRequest r) throws InvalidRequestException, IOException {
    long t0 = System.nanoTime();
    BackendRules.validate(r, limits);
    CompiledQuery cq = compile(r.query(), "q");
    FilterResolver.Resolved rf = resolve(r.filters());
    Filters filters = rf.filters();
    ClusterLineage.Narrowing narrowing = lineage.narrowing(filters);
    JsonObject text = narrowing.apply(cq.documentQuery() == null ? QueryTranslator.wrap("match_all", new JsonObject())
        : QueryTranslator.translate(cq.documentQuery()));
    // semantic=true: the words' first FUSION_DEPTH documents (ids only) are fused with those near by meaning, and the
    // page of the fused order is read afterwards, with its passages
    Optional<List<VectorLookup.DocumentHit>> nearest = SemanticRanking.applies(r, cq, semantic)
        ? SemanticRanking.nearest(semantic, r.query()) : Optional.empty();
    int window = nearest.isPresent() ? Math.max(r.page() * r.size(), SemanticRanking.FUSION_DEPTH) : 0;
    boolean withPassages = nearest.isEmpty() && r.size() > 0;
    // Reposts are folded when their original is a hit (RepostFolding). The first request folds nothing and says, in
    // aggregations, which originals and which reposts the query finds and which reposts each facet counts. When none
    // of the reposts to fold is among the hits up to the page's end (a first page without one, or none of them a hit:
    // nearly always, as a repost ranks beside its original), the answer is that request's less those reposts: the
    // total less those that are hits, each facet less those it counted, by their values (read with the list of
    // reposts). Otherwise the search is sent again with them left out: one request for nearly every search, two at most.
    Reposts known = filters.includeDuplicates() ? Reposts.NONE : reposts();
    Set<String> folded = Set.of();
    Set<String> foldedHere = Set.of();
    JsonObject res = scored(searchBody(r, cq, filters, text, folded, withPassages, known.byOriginal(), window));
    if (res != null && !known.byOriginal().isEmpty()) {
      Set<String> hitIds = foundIds(res.getAsJsonObject("aggregations"));
      Set<String> found = new java.util.HashSet<>();
      for (String id : hitIds) found.addAll(known.byOriginal().getOrDefault(id, List.of()));
      boolean inPage = false;
      for (JsonElement h : res.getAsJsonObject("hits").getAsJsonArray("hits")) inPage |= found.contains(HitFields.id(h.getAsJsonObject()));
      boolean hitsAsAnswered = java.util.Collections.disjoint(found, hitIds)
          || (window == 0 && r.page() == 1 && !inPage);
      if (hitsAsAnswered) {
        foldedHere = found;
      } else {
        folded = found;
        res = scored(searchBody(r, cq, filters, text, folded, withPassages, Map.of(), window));
      }
    }
    long total = 0;
    long foldedHits = 0;
    long byMeaning = 0;
    boolean timedOut = false;
    List<Hit> hits = new ArrayList<>();
    Facets facets = emptyFacets(filters);
    if (res != null) {
      timedOut = res.get("timed_out").getAsBoolean();
      total = res.getAsJsonObject("hits").getAsJsonObject("total").get("value").getAsLong();
      List<JsonObject> page = new ArrayList<>();
      for (JsonElement h : res.getAsJsonObject("hits").getAsJsonArray("hits")) page.add(h.getAsJsonObject());
      if (nearest.isPresent()) {
        Hybrid h = hybrid(r, cq, filters, narrowing, text, page, nearest.get());
        hits = h.hits();
        byMeaning = h.added();
        total += byMeaning;
      } else {
        hits = hits(page, cq, r.passages());
      }
      JsonObject aggs = res.getAsJsonObject("aggregations");
      facets = facets(aggs, filters, foldedHere, known);
      if (!folded.isEmpty()) foldedHits = aggs.getAsJsonObject(FOLDED_AGG).get("doc_count").getAsLong();
      if (!foldedHere.isEmpty()) {
        Set<String> hit = new java.util.HashSet<>(foundIds(aggs));
        hit.retainAll(foldedHere);
        foldedHits = hit.size();
        total -= foldedHits;
      }
    }
    PartialMatches partial = null;
    if (cq.relaxed().isPresent() && nearest.isEmpty() && r.sort() == SortOrder.RELEVANCE && !timedOut
        && (long) r.page() * r.size() > total) {
      int from = (r.page() - 1) * r.size();
      partial = partial(cq, filters, narrowing, Math.max(0, from - total), r.size() - hits.size(), r.passages());
    }
    long took = (System.nanoTime() - t0) / 1_000_000;
    return new SearchResult(total, foldedHits, r.page(), r.size(), took, cq.interpretation().withFilters(rf.readings()), filters,
        r.sort(), hits, facets, timedOut, byMeaning, nearest.isPresent() ? "hybrid" : "lexical", partial);
  }

  /** A page of a semantic search, and how many of its fused documents do not hold the words. */
  private record Hybrid(List<Hit> hits, long added) {}

  /**
   * The page of a semantic search: the words' ranking ({@code lexical}, their first documents) and the documents near
   * by meaning that pass the filters fused ({@link SemanticRanking#fuse}, as the embedded backend does), and the page
   * of that order read with its passages, scored by the fusion.
   */
  private Hybrid hybrid(SearchRequest r, CompiledQuery cq, Filters filters, ClusterLineage.Narrowing narrowing, JsonObject text,
                        List<JsonObject> lexical, List<VectorLookup.DocumentHit> nearest) throws IOException {
    Set<String> near = new java.util.LinkedHashSet<>();
    nearest.forEach(h -> near.add(h.documentId()));
    // which of them pass the filters (the hits), and which of those hold the words (the aggregation): one request
    JsonObject body = new JsonObject();
    body.add("query", narrowing.apply(both(ids(near), allFilters(filters, null))));
    body.addProperty("size", near.size());
    body.addProperty("track_total_hits", true);
    HitFields.askDocValues(body, List.of(Fields.ID));
    JsonObject aggs = new JsonObject();
    aggs.add(WORDS_AGG, idsFound(text, near.size()));
    body.add("aggs", aggs);
    JsonObject res = searchRaw(body);
    Set<String> passing = new java.util.HashSet<>();
    Set<String> holdWords = Set.of();
    if (res != null) {
      for (JsonElement e : res.getAsJsonObject("hits").getAsJsonArray("hits")) passing.add(HitFields.id(e.getAsJsonObject()));
      holdWords = bucketKeys(res.getAsJsonObject("aggregations"), WORDS_AGG);
    }
    List<String> words = lexical.stream().map(HitFields::id).toList();
    SemanticRanking.Fusion<String> f = SemanticRanking.fuse(words, nearest, id -> passing.contains(id) ? id : null,
        holdWords::contains, Comparator.naturalOrder());
    int from = (r.page() - 1) * r.size();
    List<SemanticRanking.Ranked<String>> slice = f.ranked().subList(Math.min(from, f.ranked().size()),
        Math.min(from + r.size(), f.ranked().size()));
    if (slice.isEmpty()) return new Hybrid(List.of(), f.added());
    Map<String, Float> scores = new HashMap<>();
    slice.forEach(x -> scores.put(x.key(), x.score()));
    // the page's documents with their passages: one request, as a lexical search's page
    JsonObject read = new JsonObject();
    read.add("query", ids(scores.keySet()));
    read.addProperty("size", scores.size());
    HitFields.askDocValues(read, IndexDesign.HIT_FIELDS);
    askPassages(read, cq, r.passages());
    JsonObject got = searchRaw(read);
    Map<String, JsonObject> byId = new HashMap<>();
    if (got != null) {
      for (JsonElement e : got.getAsJsonObject("hits").getAsJsonArray("hits")) byId.put(HitFields.id(e.getAsJsonObject()), e.getAsJsonObject());
    }
    List<JsonObject> page = new ArrayList<>();
    for (SemanticRanking.Ranked<String> x : slice) {
      JsonObject h = byId.get(x.key());
      if (h != null) page.add(h);
    }
    List<Hit> out = new ArrayList<>();
    for (Hit h : hits(page, cq, r.passages())) {
      out.add(new Hit(h.document(), scores.get(h.document().id()), h.paragraphs(), h.passages()));
    }
    return new Hybrid(out, f.added());
  }

  /** Which of the documents near by meaning hold the words (a semantic search's aggregation). */
  private static final String WORDS_AGG = "hold_words";

  /**
   * The search request: the query (its page's passages asked for when {@code withPassages}), the filters and {@code folded}
   * left out as a post filter and in every facet, the page, the facets, the folded reposts counted; with
   * {@code probe} (reposts by original) also which originals and which reposts the query finds, and which reposts
   * each facet counts.
   */
  private JsonObject searchBody(SearchRequest r, CompiledQuery cq, Filters filters, JsonObject text, Set<String> folded, boolean withPassages,
      Map<String, List<String>> probe, int window) {
    // The folded reposts are left out by the post filter and the facets' filters rather than by the query, so that
    // the same request counts them (the aggregation "folded"): one round trip fewer than a count of their own.
    JsonObject notFolded = folded.isEmpty() ? null : notIds(folded);
    JsonObject body = new JsonObject();
    body.add("query", text);
    JsonObject post = both(allFilters(filters, null), notFolded);
    if (post != null) body.add("post_filter", post);
    body.addProperty("track_total_hits", true);
    // a semantic search's words' ranking: its first window of documents, by id (the fused page is read after)
    body.addProperty("from", window > 0 ? 0 : (r.page() - 1) * r.size());
    body.addProperty("size", window > 0 ? window : r.size());
    body.addProperty("timeout", limits.timeout().toMillis() + "ms");
    HitFields.askDocValues(body, window > 0 ? List.of(Fields.ID) : IndexDesign.HIT_FIELDS);
    if (withPassages) askScoredPassages(body, cq, r.passages());
    if (r.sort() != SortOrder.RELEVANCE) {
      JsonArray sort = new JsonArray();
      JsonObject date = new JsonObject();
      date.addProperty("order", r.sort() == SortOrder.DATE_DESC ? "desc" : "asc");
      date.addProperty("missing", "_last"); // documents without a date go last in both directions
      sort.add(QueryTranslator.wrap(Fields.DATE, date));
      sort.add("_score");
      body.add("sort", sort);
      body.addProperty("track_scores", true);
    }
    Set<String> reposts = new java.util.HashSet<>();
    probe.values().forEach(reposts::addAll);
    Set<String> probed = new java.util.HashSet<>(reposts);
    probed.addAll(probe.keySet());
    // probing happens only in a search that folds nothing (the second request probes nothing): notFolded is null then,
    // and the facets' shared aggregation counts exactly the search's documents
    JsonObject aggs = facetAggs(filters, notFolded, reposts, probed);
    if (!folded.isEmpty()) {
      JsonObject passing = new JsonObject();
      passing.add("filter", both(allFilters(filters, null), ids(folded)));
      aggs.add(FOLDED_AGG, passing);
    }
    body.add("aggs", aggs);
    return body;
  }

  /**
   * Asks, in a search for a page, for its hits' passages ({@code k} of each; none when 0): the plugin's fetch phase
   * ({@code PassagesFetchSubPhase}) scores the paragraph query over each hit's paragraphs and answers the best
   * {@code k} (best first, the earlier paragraph on a tie), or where none matches (or without body terms) its lead by
   * the embedded backend's rule (the first {@code k} that are not headings and have
   * {@link BackendRules#LEAD_MIN_CHARS} characters, else the first). A nested query's inner hits find the same
   * paragraphs at several times the node's time, and a lead from them took a window of each document's first
   * paragraphs, or the whole document (docs/opensearch.md, "Latency").
   */
  private static void askPassages(JsonObject body, CompiledQuery cq, int k) {
    if (k <= 0) return;
    JsonObject p = new JsonObject();
    p.addProperty("path", IndexDesign.PARAGRAPHS);
    if (cq.paragraphQuery() != null) p.add("query", QueryTranslator.translateParagraph(cq.paragraphQuery()));
    p.addProperty("size", k);
    p.addProperty("order", IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER);
    JsonObject lead = new JsonObject();
    lead.addProperty("skip", IndexDesign.PARAGRAPHS + "." + Fields.PARA_HEADING);
    lead.addProperty("text", IndexDesign.PARAGRAPHS + "." + Fields.PARA_TEXT);
    lead.addProperty("min_chars", BackendRules.LEAD_MIN_CHARS);
    p.add("lead", lead);
    JsonArray fields = new JsonArray();
    IndexDesign.PARAGRAPH_FIELDS.forEach(fields::add);
    p.add("fields", fields);
    JsonObject ext = new JsonObject();
    ext.add(IndexDesign.PASSAGES_EXT, p);
    body.add("ext", ext);
  }

  /**
   * {@link #askPassages} in a search sent as {@link #scored}. With the whole index's statistics (dfs_query_then_fetch)
   * the passages are scored with them too only if the paragraph query's terms are among the query's: the node gathers
   * the statistics of those alone (its DFS phase) and hands them to the fetch phase. A clause that never matches
   * carries them: it adds nothing to a score, and its scorers stop at the filter's empty term.
   */
  private void askScoredPassages(JsonObject body, CompiledQuery cq, int k) {
    askPassages(body, cq, k);
    if (k <= 0 || cq.paragraphQuery() == null || searchType != BackendConfig.SearchType.DFS_QUERY_THEN_FETCH) return;
    JsonObject nested = new JsonObject();
    nested.addProperty("path", IndexDesign.PARAGRAPHS);
    nested.add("query", QueryTranslator.translateParagraph(cq.paragraphQuery()));
    nested.addProperty("score_mode", "max");
    JsonObject carrier = new JsonObject();
    JsonArray never = new JsonArray();
    never.add(ids(Set.of(NO_DOCUMENT)));
    carrier.add("filter", never);
    JsonArray must = new JsonArray();
    must.add(QueryTranslator.wrap("nested", nested));
    carrier.add("must", must);
    JsonObject b = new JsonObject();
    JsonArray base = new JsonArray();
    base.add(body.get("query"));
    b.add("must", base);
    JsonArray should = new JsonArray();
    should.add(QueryTranslator.wrap("bool", carrier));
    b.add("should", should);
    body.add("query", QueryTranslator.wrap("bool", b));
  }

  /** An id no document has (document ids are printable): a filter on it matches nothing for a dictionary lookup. */
  private static final String NO_DOCUMENT = "\u0000";

  /**
   * Which of the originals of reposts and of the reposts a search finds (its probe: one aggregation of their ids, in the
   * facets' shared aggregation, whose documents are the search's), and which reposts a facet of a selected dimension
   * counts.
   */
  private static final String FOUND_AGG = "found";
  private static final String REPOSTS_AGG = "reposts_found";

  /** The ids of the originals and reposts a search probed for that are among its hits ({@link #FOUND_AGG}). */
  private static Set<String> foundIds(JsonObject aggs) {
    return keys(shared(aggs).getAsJsonObject(FOUND_AGG));
  }

  /**
   * An aggregation of which of {@code ids} are among the documents it counts: a {@code terms} of the id field held to
   * exactly those values ({@code include}). The same answer as a filter on the ids with a {@code terms} under it (as
   * {@link #idsFound}), for less of the node's time: the filter is a query over the ids built for every request and
   * checked for every document counted, the include a lookup of each id in the field's ordinals, which the facets'
   * terms have loaded anyway. An exact phrase's search on the node: 2.57 ms with the filter, 2.46 with the include,
   * 2.43 without the probe (the mix's requests replayed, interleaved; docs/opensearch.md, "Latency").
   */
  private static JsonObject idsAmong(Set<String> ids) {
    JsonObject terms = new JsonObject();
    terms.addProperty("field", Fields.ID);
    JsonArray include = new JsonArray();
    ids.stream().sorted().forEach(include::add);
    terms.add("include", include);
    terms.addProperty("size", Math.max(1, ids.size()));
    return QueryTranslator.wrap("terms", terms);
  }

  /** The keys of a {@code terms} aggregation's buckets. */
  private static Set<String> keys(JsonObject terms) {
    Set<String> out = new java.util.HashSet<>();
    for (JsonElement b : terms.getAsJsonArray("buckets")) out.add(b.getAsJsonObject().get("key").getAsString());
    return out;
  }

  /** An aggregation of the ids of the documents of {@code filter} among the query's (at most {@code size}). */
  private static JsonObject idsFound(JsonObject filter, int size) {
    JsonObject terms = new JsonObject();
    terms.addProperty("field", Fields.ID);
    terms.addProperty("size", Math.max(1, size));
    JsonObject sub = new JsonObject();
    sub.add("ids", QueryTranslator.wrap("terms", terms));
    JsonObject agg = new JsonObject();
    agg.add("filter", filter);
    agg.add("aggs", sub);
    return agg;
  }

  private static Set<String> bucketKeys(JsonObject aggs, String name) {
    return keys(aggs.getAsJsonObject(name).getAsJsonObject("ids"));
  }

  /**
   * The documents that hold all of the words but one, paged on from where the full matches end, each with
   * the word(s) it lacks: the embedded backend's rule, on the compiler's relaxed query.
   */
  private PartialMatches partial(CompiledQuery cq, Filters filters, ClusterLineage.Narrowing narrowing, long skip, int want, int passages)
      throws IOException {
    Relaxed relaxed = cq.relaxed().orElseThrow();
    JsonObject b = new JsonObject();
    JsonArray must = new JsonArray();
    must.add(QueryTranslator.translate(relaxed.query()));
    b.add("must", must);
    JsonArray not = new JsonArray();
    not.add(QueryTranslator.translate(cq.documentQuery()));
    b.add("must_not", not);
    JsonObject q = narrowing.apply(QueryTranslator.wrap("bool", b));
    Set<String> folded = folded(q, filters);
    JsonObject body = new JsonObject();
    body.add("query", excluding(q, folded));
    JsonObject post = allFilters(filters, null);
    if (post != null) body.add("post_filter", post);
    body.addProperty("track_total_hits", true);
    long window = Math.min(limits.maxResultWindow(), skip + Math.max(0, want));
    body.addProperty("from", Math.min(skip, window));
    body.addProperty("size", Math.max(0, window - Math.min(skip, window)));
    HitFields.askDocValues(body, IndexDesign.HIT_FIELDS);
    askScoredPassages(body, cq, passages);
    JsonObject res = scored(body);
    List<String> words = relaxed.parts().stream().map(Relaxed.Part::text).toList();
    if (res == null) return new PartialMatches(0, words, List.of());
    long total = res.getAsJsonObject("hits").getAsJsonObject("total").get("value").getAsLong();
    List<JsonObject> page = new ArrayList<>();
    for (JsonElement h : res.getAsJsonObject("hits").getAsJsonArray("hits")) page.add(h.getAsJsonObject());
    List<Hit> hits = hits(page, cq, passages);
    // which part each document lacks: one request per part over this page's documents
    Set<String> pageIds = new java.util.LinkedHashSet<>();
    page.forEach(h -> pageIds.add(HitFields.id(h)));
    List<Set<String>> holding = new ArrayList<>();
    for (Relaxed.Part part : relaxed.parts()) {
      Set<String> has = new java.util.HashSet<>();
      if (!pageIds.isEmpty()) {
        JsonObject pb = new JsonObject();
        JsonArray filter = new JsonArray();
        filter.add(ids(pageIds));
        filter.add(QueryTranslator.translate(part.scored()));
        pb.add("filter", filter);
        JsonObject req = new JsonObject();
        req.add("query", QueryTranslator.wrap("bool", pb));
        req.addProperty("size", pageIds.size());
        HitFields.askDocValues(req, List.of(Fields.ID));
        JsonObject pr = searchRaw(req);
        if (pr != null) pr.getAsJsonObject("hits").getAsJsonArray("hits").forEach(h -> has.add(HitFields.id(h.getAsJsonObject())));
      }
      holding.add(has);
    }
    List<PartialMatches.PartialHit> out = new ArrayList<>();
    for (Hit h : hits) {
      List<String> missing = new ArrayList<>();
      for (int k = 0; k < relaxed.parts().size(); k++) {
        if (!holding.get(k).contains(h.document().id())) missing.add(relaxed.parts().get(k).text());
      }
      out.add(new PartialMatches.PartialHit(h, List.copyOf(missing)));
    }
    return new PartialMatches(total, words, out);
  }

  private static JsonObject excluding(JsonObject q, Set<String> ids) {
    if (ids.isEmpty()) return q;
    JsonObject b = new JsonObject();
    JsonArray must = new JsonArray();
    must.add(q);
    b.add("must", must);
    JsonArray not = new JsonArray();
    not.add(ids(ids));
    b.add("must_not", not);
    return QueryTranslator.wrap("bool", b);
  }

  private static JsonObject ids(Set<String> ids) {
    JsonObject v = new JsonObject();
    JsonArray a = new JsonArray();
    ids.forEach(a::add);
    v.add("values", a);
    return QueryTranslator.wrap("ids", v);
  }

  /** The reposts a search folds, counted in the same request (its post filter leaves them out of the hits). */
  private static final String FOLDED_AGG = "folded";

  /** Documents other than these. */
  private static JsonObject notIds(Set<String> ids) {
    JsonObject b = new JsonObject();
    JsonArray not = new JsonArray();
    not.add(ids(ids));
    b.add("must_not", not);
    return QueryTranslator.wrap("bool", b);
  }

  /** Both filters (either may be null: then the other; null when both are). */
  private static JsonObject both(JsonObject a, JsonObject b) {
    if (a == null) return b;
    if (b == null) return a;
    JsonObject o = new JsonObject();
    JsonArray filter = new JsonArray();
    filter.add(a);
    filter.add(b);
    o.add("filter", filter);
    return QueryTranslator.wrap("bool", o);
  }

  private long count(JsonObject query) throws IOException {
    JsonObject body = new JsonObject();
    body.add("query", query);
    Cluster.Answer a = cluster.json("POST", endpoint("_count"), body);
    if (a.status() == 404) return 0;
    return Cluster.ok(a, "count").get("count").getAsLong();
  }

  /**
   * The reposts to leave out ({@code RepostFolding} of the embedded backend): a repost is folded only when its
   * original is a hit of the same query and filters.
   */
  private Set<String> folded(JsonObject text, Filters filters) throws IOException {
    if (filters.includeDuplicates()) return Set.of();
    Map<String, List<String>> byOriginal = reposts().byOriginal();
    if (byOriginal.isEmpty()) return Set.of();
    JsonObject b = new JsonObject();
    JsonArray filter = new JsonArray(); // which originals match, not how well: no scores
    filter.add(text);
    filter.add(ids(byOriginal.keySet()));
    JsonObject all = allFilters(filters, null);
    if (all != null) filter.add(all);
    b.add("filter", filter);
    JsonObject q = new JsonObject();
    q.add("query", QueryTranslator.wrap("bool", b));
    q.addProperty("size", byOriginal.size());
    HitFields.askDocValues(q, List.of(Fields.ID));
    JsonObject hits = searchRaw(q);
    Set<String> out = new java.util.HashSet<>();
    if (hits == null) return out;
    for (JsonElement h : hits.getAsJsonObject("hits").getAsJsonArray("hits")) {
      out.addAll(byOriginal.getOrDefault(HitFields.id(h.getAsJsonObject()), List.of()));
    }
    return out;
  }

  /**
   * The reposts of the index by their original, and each one's facet values (as the facets count them: its doc
   * values), read once a minute (and after every reindex) like the filter values.
   */
  private record Reposts(Map<String, List<String>> byOriginal, Map<String, Map<Dim, List<String>>> facetValues, long at) {
    static final Reposts NONE = new Reposts(Map.of(), Map.of(), 0);

    List<String> values(String id, Dim d) {
      return facetValues.getOrDefault(id, Map.of()).getOrDefault(d, List.of());
    }
  }

  private volatile Reposts reposts;

  private Reposts reposts() throws IOException {
    Reposts cur = reposts;
    if (cur != null && System.currentTimeMillis() - cur.at() <= FILTER_VALUES_MS) return cur;
    cur = readReposts();
    reposts = cur;
    return cur;
  }

  private Reposts readReposts() throws IOException {
    JsonObject body = new JsonObject();
    body.add("query", QueryTranslator.wrap("term", termOf(Fields.DUPLICATE, 1)));
    body.addProperty("size", 10_000);
    HitFields.askDocValues(body, List.of(Fields.ID, Fields.DUPLICATE_OF, Fields.REGION, Fields.YEAR, Fields.THEME, Fields.TYPE));
    JsonObject res = searchRaw(body);
    if (res == null) return new Reposts(Map.of(), Map.of(), System.currentTimeMillis());
    Map<String, List<String>> byOriginal = new HashMap<>();
    Map<String, Map<Dim, List<String>>> values = new HashMap<>();
    JsonObject hitsObj = res.getAsJsonObject("hits");
    for (JsonElement h : hitsObj.getAsJsonArray("hits")) {
      JsonObject s = HitFields.of(h.getAsJsonObject());
      String id = s.get(Fields.ID).getAsString();
      byOriginal.computeIfAbsent(s.get(Fields.DUPLICATE_OF).getAsString(), k -> new ArrayList<>()).add(id);
      JsonObject fields = h.getAsJsonObject().getAsJsonObject("fields");
      Map<Dim, List<String>> mine = new java.util.EnumMap<>(Dim.class);
      for (Dim d : Dim.values()) {
        List<String> vs = new ArrayList<>();
        if (fields.has(field(d))) fields.getAsJsonArray(field(d)).forEach(v -> vs.add(v.getAsString()));
        mine.put(d, List.copyOf(vs));
      }
      values.put(id, mine);
    }
    if (hitsObj.getAsJsonArray("hits").size() >= 10_000) {
      throw new IOException("more than 10000 reposts: folding them needs the paged form (docs/opensearch.md, what is left)");
    }
    return new Reposts(Map.copyOf(byOriginal), Map.copyOf(values), System.currentTimeMillis());
  }

  private static JsonObject termOf(String field, Object value) {
    JsonObject o = new JsonObject();
    if (value instanceof Number n) o.addProperty(field, n);
    else o.addProperty(field, value.toString());
    return o;
  }

  // ---------------------------------------------------------------- filters and facets

  private enum Dim { REGION, YEAR, THEME, TYPE }

  /** Every selected dimension but {@code except} as one filter, or null when none is selected. */
  private static JsonObject allFilters(Filters f, Dim except) {
    JsonArray all = new JsonArray();
    if (except != Dim.REGION && !f.regions().isEmpty()) all.add(terms(Fields.REGION, f.regions()));
    if (except != Dim.THEME && !f.themes().isEmpty()) all.add(terms(Fields.THEME, f.themes()));
    if (except != Dim.TYPE && !f.types().isEmpty()) all.add(terms(Fields.TYPE, f.types()));
    if (except != Dim.YEAR && f.yearSelected()) {
      JsonArray either = new JsonArray();
      if (!f.years().isEmpty()) either.add(terms(Fields.YEAR, f.years().stream().map(String::valueOf).toList()));
      if (f.yearFrom() != null || f.yearTo() != null) {
        JsonObject range = new JsonObject();
        if (f.yearFrom() != null) range.addProperty("gte", f.yearFrom());
        if (f.yearTo() != null) range.addProperty("lte", f.yearTo());
        either.add(QueryTranslator.wrap("range", QueryTranslator.wrap(Fields.YEAR, range)));
      }
      JsonObject b = new JsonObject();
      b.add("should", either);
      b.addProperty("minimum_should_match", 1);
      all.add(QueryTranslator.wrap("bool", b));
    }
    if (all.isEmpty()) return null;
    JsonObject b = new JsonObject();
    b.add("filter", all);
    return QueryTranslator.wrap("bool", b);
  }

  private static JsonObject terms(String field, List<String> values) {
    JsonObject o = new JsonObject();
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    o.add(field, a);
    return QueryTranslator.wrap("terms", o);
  }

  /** Per dimension: the documents passing every other dimension's filter, by value (years also: how many have none). */
  private static JsonObject facetAggs(Filters f) {
    return facetAggs(f, null, Set.of(), Set.of());
  }

  /**
   * The aggregation that holds the facets of every dimension with no value selected: their documents are the same, those
   * passing every filter ({@code allFilters(f, null)}), so one filter (or, with none, none at all) serves them all, and
   * the probe ({@link #FOUND_AGG}) too. Each aggregation costs the node its own collector and pass over the documents; one
   * for all took 3-6 % off an exact phrase's search on the cluster, up to a fifth off a facet-filtered one
   * (docs/opensearch.md, "Latency").
   */
  private static final String SHARED_AGG = "facets";

  /**
   * Drill-sideways counts of every dimension; {@code also} (or null) narrows every dimension's documents. A dimension
   * with values selected counts the documents passing every other dimension's filter, in an aggregation of its own
   * named after it, which also says which of {@code reposts} it counts ({@link #REPOSTS_AGG}, for {@link #less}); the
   * others count the search's documents, in the shared one ({@link #SHARED_AGG}, names prefixed with the dimension's),
   * with the ids of {@code probed} among them ({@link #FOUND_AGG}; only with {@code also} null).
   */
  private static JsonObject facetAggs(Filters f, JsonObject also, Set<String> reposts, Set<String> probed) {
    if (also != null && !probed.isEmpty()) throw new IllegalArgumentException("a probe counts the search's documents, not fewer");
    JsonObject aggs = new JsonObject();
    JsonObject shared = new JsonObject();
    for (Dim d : Dim.values()) {
      boolean own = selected(f, d);
      JsonObject sub = own ? new JsonObject() : shared;
      String prefix = own ? "" : name(d) + "_";
      JsonObject terms = new JsonObject();
      terms.addProperty("field", field(d));
      terms.addProperty("size", ALL_VALUES);
      sub.add(prefix + "values", QueryTranslator.wrap("terms", terms));
      if (d == Dim.YEAR) {
        JsonObject missing = new JsonObject();
        missing.addProperty("field", Fields.YEAR);
        sub.add(prefix + "unknown", QueryTranslator.wrap("missing", missing));
      }
      if (!own) continue;
      if (!reposts.isEmpty()) sub.add(REPOSTS_AGG, idsAmong(reposts));
      JsonObject filter = both(allFilters(f, d), also);
      JsonObject agg = new JsonObject();
      agg.add("filter", filter == null ? QueryTranslator.wrap("match_all", new JsonObject()) : filter);
      agg.add("aggs", sub);
      aggs.add(name(d), agg);
    }
    if (!probed.isEmpty()) shared.add(FOUND_AGG, idsAmong(probed));
    JsonObject common = both(allFilters(f, null), also);
    if (common == null) {
      shared.entrySet().forEach(e -> aggs.add(e.getKey(), e.getValue()));
    } else if (!shared.isEmpty()) {
      JsonObject agg = new JsonObject();
      agg.add("filter", common);
      agg.add("aggs", shared);
      aggs.add(SHARED_AGG, agg);
    }
    return aggs;
  }

  /** The shared aggregation's results ({@link #SHARED_AGG}): at the top when it had no filter. */
  private static JsonObject shared(JsonObject aggs) {
    return aggs.has(SHARED_AGG) ? aggs.getAsJsonObject(SHARED_AGG) : aggs;
  }

  /** The result of {@code d}'s aggregation {@code name} ("values", "unknown"), in its own aggregation or the shared one. */
  private static JsonObject dimAgg(JsonObject aggs, Dim d, String name) {
    return aggs.has(name(d)) ? aggs.getAsJsonObject(name(d)).getAsJsonObject(name) : shared(aggs).getAsJsonObject(name(d) + "_" + name);
  }

  private static String name(Dim d) {
    return d.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether values of {@code d} are selected (then its facet counts documents the search's filters leave out). */
  private static boolean selected(Filters f, Dim d) {
    return switch (d) {
      case REGION -> !f.regions().isEmpty();
      case YEAR -> f.yearSelected();
      case THEME -> !f.themes().isEmpty();
      case TYPE -> !f.types().isEmpty();
    };
  }

  /**
   * The reposts that {@code d}'s facet counted, of those a search asked about ({@link #facetAggs}); for a dimension
   * without values selected, all the probed ids among the search's documents (originals too: {@link #less} looks up
   * only the folded reposts among them).
   */
  private static Set<String> counted(JsonObject aggs, Dim d) {
    return aggs.has(name(d)) ? keys(aggs.getAsJsonObject(name(d)).getAsJsonObject(REPOSTS_AGG)) : foundIds(aggs);
  }

  private static String field(Dim d) {
    return switch (d) {
      case REGION -> Fields.REGION;
      case YEAR -> Fields.YEAR;
      case THEME -> Fields.THEME;
      case TYPE -> Fields.TYPE;
    };
  }

  private static Map<String, Long> counts(JsonObject aggs, Dim d) throws IOException {
    JsonObject values = dimAgg(aggs, d, "values");
    if (values.get("sum_other_doc_count").getAsLong() != 0) {
      throw new IOException("the " + field(d) + " facet has more than " + ALL_VALUES + " values; counts would not be exact");
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (JsonElement b : values.getAsJsonArray("buckets")) {
      JsonObject o = b.getAsJsonObject();
      out.put(o.get("key").getAsString(), o.get("doc_count").getAsLong());
    }
    return out;
  }

  private static Facets facets(JsonObject aggs, Filters f) throws IOException {
    return facets(aggs, f, Set.of(), Reposts.NONE);
  }

  /** The facets of an answer, less the {@code folded} reposts each counted ({@link #less}). */
  private static Facets facets(JsonObject aggs, Filters f, Set<String> folded, Reposts known) throws IOException {
    long unknown = dimAgg(aggs, Dim.YEAR, "unknown").get("doc_count").getAsLong();
    if (!folded.isEmpty()) {
      for (String id : counted(aggs, Dim.YEAR)) {
        if (folded.contains(id) && known.values(id, Dim.YEAR).isEmpty()) unknown--;
      }
    }
    return new Facets(
        BackendRules.tree(less(counts(aggs, Dim.REGION), aggs, Dim.REGION, folded, known), f.regions()),
        BackendRules.flat(less(counts(aggs, Dim.YEAR), aggs, Dim.YEAR, folded, known), f.years().stream().map(String::valueOf).toList(), true),
        BackendRules.tree(less(counts(aggs, Dim.THEME), aggs, Dim.THEME, folded, known), f.themes()),
        BackendRules.flat(less(counts(aggs, Dim.TYPE), aggs, Dim.TYPE, folded, known), f.types(), false),
        unknown);
  }

  /**
   * A dimension's counts less the {@code folded} reposts it counted: each of their values in it one less (a value
   * left with none goes, as a facet shows no value no document has). The same counts as a search that left them out.
   */
  private static Map<String, Long> less(Map<String, Long> counts, JsonObject aggs, Dim d, Set<String> folded, Reposts known) {
    if (folded.isEmpty()) return counts;
    for (String id : counted(aggs, d)) {
      if (!folded.contains(id)) continue;
      for (String v : known.values(id, d)) {
        Long left = counts.merge(v, -1L, Long::sum);
        if (left != null && left <= 0) counts.remove(v);
      }
    }
    return counts;
  }

  private static Facets emptyFacets(Filters f) {
    return new Facets(BackendRules.tree(Map.of(), f.regions()),
        BackendRules.flat(Map.of(), f.years().stream().map(String::valueOf).toList(), true),
        BackendRules.tree(Map.of(), f.themes()), BackendRules.flat(Map.of(), f.types(), false), 0);
  }

  /** The filters as typed, read against every value the cluster holds (reposts included), as the embedded backend reads them. */
  private FilterResolver.Resolved resolve(Filters f) throws InvalidRequestException, IOException {
    if (f.regions().isEmpty() && f.themes().isEmpty() && f.types().isEmpty()) return new FilterResolver.Resolved(f, List.of());
    FilterValues cur = filterValues;
    if (cur == null || System.currentTimeMillis() - cur.at() > FILTER_VALUES_MS) {
      JsonObject body = new JsonObject();
      body.addProperty("size", 0);
      body.add("aggs", facetAggs(Filters.NONE));
      JsonObject res = searchRaw(body);
      FilterResolver resolver = res == null ? new FilterResolver(Map.of(), Map.of(), Map.of())
          : new FilterResolver(counts(res.getAsJsonObject("aggregations"), Dim.REGION),
              counts(res.getAsJsonObject("aggregations"), Dim.THEME), counts(res.getAsJsonObject("aggregations"), Dim.TYPE));
      cur = new FilterValues(resolver, System.currentTimeMillis());
      filterValues = cur;
    }
    return cur.resolver().resolve(f);
  }

  // ---------------------------------------------------------------- hits and passages

  /** The hits of a page, whose documents came with their passages when {@code passages} > 0 ({@link #askPassages}). */
  private List<Hit> hits(List<JsonObject> page, CompiledQuery cq, int passages) throws IOException {
    if (page.isEmpty()) return List.of();
    List<Hit> out = new ArrayList<>(page.size());
    for (JsonObject h : page) {
      JsonObject src = HitFields.of(h);
      PolicyDocument d = ClusterIndexer.fromSource(src);
      float score = h.get("_score") == null || h.get("_score").isJsonNull() ? 0f : h.get("_score").getAsFloat();
      int count = src.get(IndexDesign.PARAGRAPH_COUNT).getAsInt();
      out.add(new Hit(d, Float.isNaN(score) ? 0f : score, count, passages > 0 ? passages(h, d.id(), cq) : List.of()));
    }
    return out;
  }

  /**
   * A hit's passages: the paragraphs the paragraph query scores best, or, where none matches or without body terms,
   * the opening paragraphs that say something, as the embedded backend chooses them.
   */
  private static List<Passage> passages(JsonObject hit, String id, CompiledQuery cq) throws IOException {
    ClusterDocuments.Passages p = ClusterDocuments.passages(hit);
    if (p == null) throw new IOException("the search cluster answered without the passages of " + id + " (is the policy-search plugin installed?)");
    return p.paragraphs().stream().map(x -> BackendRules.passage(x, cq.highlights())).toList();
  }

  // ---------------------------------------------------------------- documents, facets, stats

  @Override
  public DocumentView document(String id, String query) throws NotFoundException, InvalidRequestException, IOException {
    CompiledQuery cq = query == null || query.isBlank() ? null : compile(query, "q");
    List<ClusterDocuments.Held> found = documents.read(alias, List.of(id));
    if (found.isEmpty()) throw new NotFoundException("no document with id '" + id + "'", "没有编号为“" + id + "”的文件");
    PolicyDocument d = found.get(0).document();
    List<Passage> marked = new ArrayList<>(d.paragraphs().size());
    int matches = 0;
    for (Paragraph p : d.paragraphs()) {
      Passage ps = BackendRules.passage(p, cq == null ? List.of() : cq.highlights());
      matches += ps.highlights().size();
      marked.add(ps);
    }
    return new DocumentView(d, marked, matches, cq == null ? null : cq.interpretation());
  }

  @Override
  public Facets facets() throws IOException {
    try {
      return search(new SearchRequest("", Filters.NONE, SortOrder.RELEVANCE, 1, 0, 0)).facets();
    } catch (InvalidRequestException e) {
      throw new IllegalStateException("an empty listing is always valid", e);
    }
  }

  @Override
  public IndexStats stats() throws IOException {
    Facets f = facets();
    JsonObject body = new JsonObject();
    body.addProperty("size", 0);
    body.addProperty("track_total_hits", true);
    JsonObject aggs = new JsonObject();
    JsonObject sum = new JsonObject();
    sum.addProperty("field", IndexDesign.PARAGRAPH_COUNT);
    aggs.add("paragraphs", QueryTranslator.wrap("sum", sum));
    aggs.add("duplicates", QueryTranslator.wrap("filter", QueryTranslator.wrap("term", termOf(Fields.DUPLICATE, 1))));
    body.add("aggs", aggs);
    JsonObject res = searchRaw(body);
    if (res == null) return new IndexStats(0, 0, 0, 0, "", "", "", f);
    long docs = res.getAsJsonObject("hits").getAsJsonObject("total").get("value").getAsLong();
    long paras = res.getAsJsonObject("aggregations").getAsJsonObject("paragraphs").get("value").getAsLong();
    long dups = res.getAsJsonObject("aggregations").getAsJsonObject("duplicates").get("doc_count").getAsLong();
    JsonObject st = Cluster.ok(cluster.get(endpoint("_stats/store")), "read the index size");
    long bytes = st.getAsJsonObject("_all").getAsJsonObject("primaries").getAsJsonObject("store").get("size_in_bytes").getAsLong();
    JsonObject mapping = Cluster.ok(cluster.get(endpoint("_mapping")), "read the mapping");
    JsonObject meta = new JsonObject();
    for (String index : mapping.keySet()) {
      JsonObject m = mapping.getAsJsonObject(index).getAsJsonObject("mappings");
      if (m.has("_meta")) meta = m.getAsJsonObject("_meta");
    }
    return new IndexStats(docs, paras, dups, bytes, string(meta, "committed_at"), string(meta, "schema"), string(meta, "analyzer"), f);
  }

  private static String string(JsonObject o, String key) {
    return o.has(key) ? o.get(key).getAsString() : "";
  }

  @Override
  public long documentCount() throws IOException {
    return count(QueryTranslator.wrap("match_all", new JsonObject()));
  }

  @Override
  public long export(SearchRequest request, int limit, Consumer<ExportRow> sink) throws InvalidRequestException, IOException {
    return BackendRules.export(this::search, limits, lineage.service(), request, limit, sink);
  }

  // ---------------------------------------------------------------- lineage and similar documents

  @Override
  public List<CitedReference> cites(String id) throws NotFoundException, IOException {
    return lineage.service().cites(id);
  }

  @Override
  public CitedBy citedBy(String id, Filters filters, int page, int size) throws NotFoundException, InvalidRequestException, IOException {
    return lineage.service().citedBy(id, filters, page, size);
  }

  @Override
  public SimilarResult similarTo(String id, int paragraph, int size, SimilarMode mode, boolean semantic)
      throws InvalidRequestException, NotFoundException, IOException {
    return similar.similarTo(id, paragraph, size, mode, semantic);
  }

  @Override
  public SimilarResult similarToText(String text, int size, SimilarMode mode, boolean semantic) throws InvalidRequestException, IOException {
    return similar.similarToText(text, size, mode, semantic);
  }

  /** Documents read per request while counting a phrase. */
  static final int PHRASE_PAGE = 100;

  /**
   * Phrase statistics as {@code PhraseService} computes them: the documents that hold the exact phrase (reposts
   * folded, filters applied), each matching paragraph's occurrences counted in its stored text, by year, region
   * and region × year beside the documents the filters cover, and one page of occurrences in context, newest
   * document first.
   */
  @Override
  public PhraseResult phrase(PhraseRequest r) throws InvalidRequestException, IOException {
    long t0 = System.nanoTime();
    String phrase = BackendRules.validPhrase(r, limits);
    String n = org.policysearch.text.TextNormalizer.normalizeToString(phrase);
    org.apache.lucene.search.Query docLevel = QueryCompiler.exactQuery(n, Fields.DOC_PAIRS, Fields.DOC_UNITS);
    org.apache.lucene.search.Query paraLevel = QueryCompiler.exactQuery(n, Fields.BODY_PAIRS, Fields.BODY_UNITS);
    if (docLevel == null) {
      throw new InvalidRequestException("q", "the phrase has nothing to match once quotation marks and spaces are removed",
          "去掉引号和空格后短语里没有可匹配的内容");
    }
    FilterResolver.Resolved rf = resolve(r.filters());
    Filters filters = rf.filters();
    ClusterLineage.Narrowing narrowing = lineage.narrowing(filters);
    JsonObject matching = narrowing.apply(QueryTranslator.translate(docLevel));
    JsonObject base = excluding(matching, folded(matching, filters));
    JsonObject nested = new JsonObject();
    nested.addProperty("path", IndexDesign.PARAGRAPHS);
    nested.add("query", QueryTranslator.translateParagraph(paraLevel));
    JsonObject inner = new JsonObject();
    inner.addProperty("size", 10_000);
    JsonArray innerSort = new JsonArray();
    innerSort.add(IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER);
    inner.add("sort", innerSort);
    HitFields.askStored(inner, List.of(IndexDesign.PARAGRAPHS + "." + Fields.PARA_TEXT, IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER));
    nested.add("inner_hits", inner);
    JsonObject b = new JsonObject();
    JsonArray must = new JsonArray();
    must.add(base);
    b.add("must", must);
    JsonArray filter = new JsonArray();
    filter.add(QueryTranslator.wrap("nested", nested));
    JsonObject all = allFilters(filters, null);
    if (all != null) filter.add(all);
    b.add("filter", filter);
    PhraseTally t = new PhraseTally(n, r);
    JsonElement after = null;
    boolean timedOut = false;
    while (true) {
      JsonObject body = new JsonObject();
      body.add("query", QueryTranslator.wrap("bool", b));
      body.addProperty("size", PHRASE_PAGE);
      HitFields.askDocValues(body, List.of(Fields.ID, IndexDesign.HIT_META, Fields.DUPLICATE_OF, Fields.YEAR, Fields.REGION));
      JsonArray sort = new JsonArray();
      JsonObject date = new JsonObject();
      date.addProperty("order", "desc");
      date.addProperty("missing", "_last");
      sort.add(QueryTranslator.wrap(Fields.DATE, date));
      sort.add(Fields.ID);
      body.add("sort", sort);
      body.addProperty("timeout", limits.timeout().toMillis() + "ms");
      if (after != null) body.add("search_after", after);
      JsonObject res = searchRaw(body);
      if (res == null) break;
      timedOut |= res.get("timed_out").getAsBoolean();
      JsonArray hits = res.getAsJsonObject("hits").getAsJsonArray("hits");
      for (JsonElement e : hits) tally(t, n, e.getAsJsonObject());
      if (hits.size() < PHRASE_PAGE) break;
      after = hits.get(hits.size() - 1).getAsJsonObject().get("sort");
    }
    // The denominators: every document the filters cover (no phrase, no folding), by year and region, drill-sideways.
    JsonObject cb = new JsonObject();
    cb.addProperty("size", 0);
    cb.addProperty("track_total_hits", true);
    cb.add("query", narrowing.apply(QueryTranslator.wrap("match_all", new JsonObject())));
    if (all != null) cb.add("post_filter", all);
    cb.add("aggs", facetAggs(filters));
    JsonObject cr = searchRaw(cb);
    long covered = 0;
    Map<String, Long> years = Map.of();
    Map<String, Long> regions = Map.of();
    long yearUnknown = 0;
    if (cr != null) {
      covered = cr.getAsJsonObject("hits").getAsJsonObject("total").get("value").getAsLong();
      JsonObject aggs = cr.getAsJsonObject("aggregations");
      years = counts(aggs, Dim.YEAR);
      regions = counts(aggs, Dim.REGION);
      yearUnknown = dimAgg(aggs, Dim.YEAR, "unknown").get("doc_count").getAsLong();
    }
    return t.result(phrase, covered, years, regions, yearUnknown, (System.nanoTime() - t0) / 1_000_000, timedOut, rf.readings());
  }

  /** One document of the phrase statistics: each of its matching paragraphs (inner hits) counted in its stored text. */
  private void tally(PhraseTally t, String n, JsonObject hit) throws IOException {
    JsonObject src = HitFields.of(hit, "", List.of(Fields.REGION));
    String id = HitFields.id(hit);
    String year = src.has(Fields.YEAR) && !src.get(Fields.YEAR).isJsonNull() ? src.get(Fields.YEAR).getAsString() : null;
    List<String> regions = new ArrayList<>();
    if (src.has(Fields.REGION)) src.getAsJsonArray(Fields.REGION).forEach(e -> regions.add(e.getAsString()));
    PolicyDocument meta = null;
    for (JsonElement ih : hit.getAsJsonObject("inner_hits").getAsJsonObject(IndexDesign.PARAGRAPHS).getAsJsonObject("hits")
        .getAsJsonArray("hits")) {
      JsonObject p = HitFields.paragraph(ih.getAsJsonObject());
      String text = p.get(Fields.PARA_TEXT).getAsString();
      List<int[]> occ = BackendRules.occurrences(text, n);
      if (meta == null && !occ.isEmpty() && t.onPage(occ.size())) meta = ClusterIndexer.fromSource(src);
      t.add(id, year, regions, occ.size(), meta, p.get(Fields.PARA_NUMBER).getAsInt(), text, occ);
    }
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) throws InvalidRequestException, IOException {
    return suggestions.suggest(prefix, size);
  }

  @Override
  public SemanticStatus semanticStatus() {
    VectorStatus s = semantic.status();
    return new SemanticStatus(s.state().label(), s.embedded(), s.total(), s.model(), s.searchable(), s.detail(), s.describe());
  }

  // ---------------------------------------------------------------- indexing

  @Override
  public IndexRun reindex(boolean rebuild) throws ReindexException {
    if (corpus == null) throw ReindexException.noCorpus();
    if (!indexing.tryLock()) {
      throw new ReindexException(ReindexException.Reason.BUSY, "a reindex is already running; try again when it has finished",
          "重新索引正在进行，请等它结束后再试");
    }
    try {
      IndexRun run = indexer.run(corpus.folder(), rebuild, (a, b, c, d, e) -> {});
      filterValues = null;
      reposts = null;
      lineage.forget();
      suggestions.drop();
      similarIndex.drop();
      return run;
    } catch (BackendUnavailableException e) {
      corpus.log().println("indexing into the search cluster failed: " + e.getMessage()
          + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
      throw new ReindexException(ReindexException.Reason.FAILED, e.getMessage(), e.messageZh());
    } catch (IOException | RuntimeException e) {
      corpus.log().println("indexing into the search cluster failed: " + e);
      throw new ReindexException(ReindexException.Reason.FAILED, "indexing into the search cluster failed: " + e.getMessage(),
          "写入检索集群失败");
    } finally {
      indexing.unlock();
    }
  }

  /** A run of the index command, with its progress (files, bytes, documents). */
  public IndexRun index(boolean rebuild, ClusterProgress progress) throws IOException {
    if (corpus == null) throw new IllegalStateException("opened without a corpus");
    indexing.lock();
    try {
      IndexRun run = indexer.run(corpus.folder(), rebuild, progress);
      filterValues = null;
      reposts = null;
      lineage.forget();
      suggestions.drop();
      similarIndex.drop();
      return run;
    } finally {
      indexing.unlock();
    }
  }

  /** Progress of an indexing run: files read of those to read, documents sent; and the merge that ends a new index. */
  @FunctionalInterface
  public interface ClusterProgress {
    void update(long filesDone, long filesTotal, long bytesDone, long bytesTotal, long documents);

    /** Every document is sent and the new index is being merged to one segment per shard before it takes the alias. */
    default void merging() {
    }
  }

  @Override
  public void refresh() {
    filterValues = null;
    reposts = null;
    lineage.forget();
    suggestions.drop();
    similarIndex.drop();
  }

  @Override
  public void catchUpInBackground() {
    semantic.buildInBackground();
  }

  @Override
  public void close() throws IOException {
    try {
      semantic.close();
    } finally {
      cluster.close();
    }
  }

}
