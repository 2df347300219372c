package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.Fields;
import org.policysearch.search.Ranking;
import org.policysearch.search.SimilarIndex;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;

/**
 * The cluster as the similar-documents rules ({@code search.SimilarService}) read it. The ranking is the
 * embedded ranker's bag of terms as one {@code bool} of boosted {@code term}s (built by the embedded code, written
 * by {@link QueryTranslator}) on the pair fields, scored with the ranker's BM25 ({@link Ranking#SIMILAR}, through the
 * plugin's {@code policy_search_bm25}: the mapping gives those fields the search's);
 * paragraphs are scored by the same paragraph query inside a {@code nested} query. Every scoring request is
 * {@code dfs_query_then_fetch}: BM25 then uses the term and field statistics of the whole index, not of the
 * shard, so the scores are the embedded index's on any number of shards. Term statistics for the rules
 * (which words are rare, which pairs a title shares) are counted by {@code filters} aggregations (exact over
 * all shards; live documents only).
 */
final class ClusterSimilarIndex implements SimilarIndex {
  /** The search type of every scoring request: BM25 over the whole index's statistics. */
  static final Map<String, String> DFS = Map.of("search_type", "dfs_query_then_fetch");

  /** The document view of the backend (the source paragraph's document). */
  @FunctionalInterface
  interface Documents {
    DocumentView get(String id) throws NotFoundException, InvalidRequestException, IOException;
  }

  private final Cluster cluster;
  private final String alias;
  private final Documents documents;
  /** Documents holding any term of a field, counted once a minute like the filter values (a scan of the field's terms). */
  private final Map<String, long[]> docCounts = new ConcurrentHashMap<>();

  ClusterSimilarIndex(Cluster cluster, String alias, Documents documents) {
    this.cluster = cluster;
    this.alias = alias;
    this.documents = documents;
  }

  /** Forgets the counts (after a reindex). */
  void drop() {
    docCounts.clear();
  }

  @Override
  public DocumentView document(String id) throws NotFoundException, InvalidRequestException, IOException {
    return documents.get(id);
  }

  @Override
  public View open() {
    return new ClusterView();
  }

  private JsonObject search(JsonObject body, Map<String, String> params) throws IOException {
    Cluster.Answer a = cluster.json("POST", "/" + alias + "/_search", params, body);
    if (a.status() == 404) return null;
    return Cluster.ok(a, "find similar documents");
  }

  private static JsonObject bool(String occur, JsonObject... clauses) {
    JsonObject b = new JsonObject();
    JsonArray a = new JsonArray();
    for (JsonObject c : clauses) a.add(c);
    b.add(occur, a);
    return QueryTranslator.wrap("bool", b);
  }

  /** The plugin's query that scores {@code q} with the similar documents' BM25 whatever the fields' similarity. */
  private static JsonObject similarBm25(JsonObject q) {
    JsonObject o = new JsonObject();
    o.add("query", q);
    o.addProperty("k1", Ranking.SIMILAR.k1());
    o.addProperty("b", Ranking.SIMILAR.b());
    return QueryTranslator.wrap(BM25_QUERY, o);
  }

  /** The plugin's query of that name ({@code opensearch.Bm25QueryBuilder}). */
  static final String BM25_QUERY = "policy_search_bm25";

  private static JsonObject term(String field, Object value) {
    JsonObject o = new JsonObject();
    if (value instanceof Number n) o.addProperty(field, n);
    else o.addProperty(field, value.toString());
    return QueryTranslator.wrap("term", o);
  }

  private static JsonObject ids(String... ids) {
    JsonObject v = new JsonObject();
    JsonArray a = new JsonArray();
    for (String id : ids) a.add(id);
    v.add("values", a);
    return QueryTranslator.wrap("ids", v);
  }

  private static JsonArray strings(String... values) {
    JsonArray a = new JsonArray();
    for (String v : values) a.add(v);
    return a;
  }

  private static JsonArray hits(JsonObject res) {
    return res == null ? new JsonArray() : res.getAsJsonObject("hits").getAsJsonArray("hits");
  }

  /** The paragraphs of a hit's nested inner hits named {@code name}, in their order. */
  private static List<JsonObject> inner(JsonObject hit, String name) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : hit.getAsJsonObject("inner_hits").getAsJsonObject(name).getAsJsonObject("hits").getAsJsonArray("hits")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  /** A nested query over the paragraphs with its inner hits. */
  private static JsonObject nested(JsonObject paragraphQuery, String scoreMode, JsonObject innerHits) {
    JsonObject n = new JsonObject();
    n.addProperty("path", IndexDesign.PARAGRAPHS);
    n.add("query", paragraphQuery);
    n.addProperty("score_mode", scoreMode);
    n.add("inner_hits", innerHits);
    return QueryTranslator.wrap("nested", n);
  }

  private final class ClusterView implements View {
    private final Map<String, PolicyDocument> metas = new HashMap<>();
    private final Map<List<Object>, Paragraph> paragraphs = new HashMap<>();
    private final Map<String, List<Integer>> hitNumbers = new HashMap<>();

    @Override
    public int docFreq(String field, String term) throws IOException {
      return docFreqs(field, List.of(term)).get(term);
    }

    @Override
    public Map<String, Integer> docFreqs(String field, Collection<String> terms) throws IOException {
      Map<String, Integer> out = new LinkedHashMap<>();
      if (terms.isEmpty()) return out;
      List<String> list = List.copyOf(terms);
      String f = QueryTranslator.field(field, false);
      JsonObject filters = new JsonObject();
      for (int i = 0; i < list.size(); i++) filters.add(Integer.toString(i), term(f, list.get(i)));
      JsonObject body = new JsonObject();
      body.addProperty("size", 0);
      body.add("aggs", QueryTranslator.wrap("df", QueryTranslator.wrap("filters", QueryTranslator.wrap("filters", filters))));
      JsonObject res = search(body, Map.of());
      JsonObject buckets = res == null ? null : res.getAsJsonObject("aggregations").getAsJsonObject("df").getAsJsonObject("buckets");
      for (int i = 0; i < list.size(); i++) {
        out.put(list.get(i), buckets == null ? 0 : buckets.getAsJsonObject(Integer.toString(i)).get("doc_count").getAsInt());
      }
      return out;
    }

    @Override
    public int docCount(String field) throws IOException {
      long[] cur = docCounts.get(field);
      if (cur != null && System.currentTimeMillis() - cur[1] <= OpenSearchBackend.FILTER_VALUES_MS) return (int) cur[0];
      // documents with at least one term (Lucene's docCount), not documents given the field: an empty title has none
      JsonObject any = new JsonObject();
      any.addProperty("value", ".+");
      JsonObject body = new JsonObject();
      body.add("query", QueryTranslator.wrap("regexp", QueryTranslator.wrap(QueryTranslator.field(field, false), any)));
      Cluster.Answer a = cluster.json("POST", "/" + alias + "/_count", body);
      long n = a.status() == 404 ? 0 : Cluster.ok(a, "count documents").get("count").getAsLong();
      docCounts.put(field, new long[] {n, System.currentTimeMillis()});
      return (int) n;
    }

    @Override
    public List<Candidate> rank(List<Clause> clauses, int n, String excludedId) throws IOException {
      // one flat bool of every term, as the ranker sums them
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (Clause c : clauses) {
        for (BooleanClause bc : ((BooleanQuery) c.query()).clauses()) all.add(bc);
      }
      JsonObject q = QueryTranslator.translate(all.build());
      JsonObject b = q.getAsJsonObject("bool");
      JsonArray not = new JsonArray();
      not.add(term(Fields.DUPLICATE, 1));
      if (excludedId != null) not.add(ids(excludedId));
      b.add("must_not", not);
      JsonObject body = new JsonObject();
      body.add("query", similarBm25(q));
      body.addProperty("size", n);
      HitFields.askDocValues(body, List.of(Fields.ID, IndexDesign.HIT_META, Fields.DUPLICATE_OF));
      List<Candidate> out = new ArrayList<>();
      for (JsonElement e : hits(search(body, DFS))) {
        JsonObject h = e.getAsJsonObject();
        PolicyDocument meta = ClusterIndexer.fromSource(HitFields.of(h));
        metas.put(meta.id(), meta);
        out.add(new Candidate(meta.id(), h.get("_score").getAsFloat(), out.size()));
      }
      return out;
    }

    @Override
    public PolicyDocument metadata(Candidate c) throws IOException {
      PolicyDocument m = metas.get(c.id());
      if (m == null) throw new IOException("document " + c.id() + " was not among those found");
      return m;
    }

    @Override
    public Optional<Candidate> eligible(String id, String excludedId) throws IOException {
      if (id.equals(excludedId)) return Optional.empty();
      JsonObject body = new JsonObject();
      JsonObject b = new JsonObject();
      JsonArray filter = new JsonArray();
      filter.add(ids(id));
      b.add("filter", filter);
      JsonArray not = new JsonArray();
      not.add(term(Fields.DUPLICATE, 1));
      b.add("must_not", not);
      body.add("query", QueryTranslator.wrap("bool", b));
      HitFields.askDocValues(body, List.of(Fields.ID, IndexDesign.HIT_META, Fields.DUPLICATE_OF));
      JsonArray hits = hits(search(body, Map.of()));
      if (hits.isEmpty()) return Optional.empty();
      PolicyDocument meta = ClusterIndexer.fromSource(HitFields.of(hits.get(0).getAsJsonObject()));
      metas.put(meta.id(), meta);
      return Optional.of(new Candidate(id, 0, Integer.MAX_VALUE));
    }

    @Override
    public List<Paragraph> bestParagraphs(Candidate c, Query paragraphQuery, int max) throws IOException {
      JsonObject inner = new JsonObject();
      inner.addProperty("size", max);
      return paragraphsOf(c.id(), nested(QueryTranslator.translateParagraph(paragraphQuery), "max", inner), true);
    }

    @Override
    public Optional<Paragraph> paragraph(Candidate c, int number) throws IOException {
      JsonObject inner = new JsonObject();
      inner.addProperty("size", 1);
      List<Paragraph> p = paragraphsOf(c.id(), nested(term(IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER, number), "none", inner), false);
      return p.stream().findFirst();
    }

    /** The paragraphs of document {@code id} that {@code nested} finds, in its inner hits' order (best first when scored). */
    private List<Paragraph> paragraphsOf(String id, JsonObject nested, boolean scored) throws IOException {
      // the paragraphs' stored fields: the source holds no paragraphs (IndexDesign)
      HitFields.askStored(nested.getAsJsonObject("nested").getAsJsonObject("inner_hits"), IndexDesign.PARAGRAPH_FIELDS);
      JsonObject b = new JsonObject();
      JsonArray filter = new JsonArray();
      filter.add(ids(id));
      b.add("filter", filter);
      JsonArray must = new JsonArray();
      must.add(nested);
      b.add("must", must);
      JsonObject body = new JsonObject();
      body.add("query", QueryTranslator.wrap("bool", b));
      HitFields.askDocValues(body, List.of(Fields.ID));
      JsonArray hits = hits(search(body, scored ? DFS : Map.of()));
      List<Paragraph> out = new ArrayList<>();
      if (hits.isEmpty()) return out;
      for (JsonObject p : inner(hits.get(0).getAsJsonObject(), IndexDesign.PARAGRAPHS)) {
        out.add(ClusterDocuments.paragraph(p));
      }
      return out;
    }

    @Override
    public List<ParagraphHit> topParagraphs(Query paragraphQuery, int n) throws IOException {
      // The n best paragraphs are among the n documents whose best paragraph is best, each bringing its n best:
      // only scores and numbers here, the texts of those shown are read after.
      JsonObject inner = new JsonObject();
      inner.addProperty("size", n);
      inner.addProperty("_source", false);
      inner.add("docvalue_fields", strings(IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER));
      JsonObject body = new JsonObject();
      body.add("query", nested(QueryTranslator.translateParagraph(paragraphQuery), "max", inner));
      body.addProperty("size", n);
      HitFields.askDocValues(body, List.of(Fields.ID, IndexDesign.HIT_META, Fields.DUPLICATE_OF, Fields.DUPLICATE));
      List<ParagraphHit> all = new ArrayList<>();
      for (JsonElement e : hits(search(body, DFS))) {
        JsonObject h = e.getAsJsonObject();
        JsonObject src = HitFields.of(h);
        PolicyDocument meta = ClusterIndexer.fromSource(src);
        metas.put(meta.id(), meta);
        boolean dup = src.has(Fields.DUPLICATE) && src.get(Fields.DUPLICATE).getAsInt() != 0;
        for (JsonObject p : inner(h, IndexDesign.PARAGRAPHS)) {
          int number = p.getAsJsonObject("fields").getAsJsonArray(IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER).get(0).getAsInt();
          all.add(new ParagraphHit(meta.id(), number, p.get("_score").getAsFloat(), dup));
        }
      }
      all.sort(Comparator.comparingDouble((ParagraphHit h) -> -h.score()).thenComparing(ParagraphHit::document)
          .thenComparingInt(ParagraphHit::number));
      List<ParagraphHit> top = all.subList(0, Math.min(n, all.size()));
      for (ParagraphHit h : top) hitNumbers.computeIfAbsent(h.document(), k -> new ArrayList<>()).add(h.number());
      return List.copyOf(top);
    }

    @Override
    public PolicyDocument metadata(ParagraphHit h) throws IOException {
      PolicyDocument m = metas.get(h.document());
      if (m == null) throw new IOException("document " + h.document() + " was not among those found");
      return m;
    }

    @Override
    public Paragraph paragraph(ParagraphHit h) throws IOException {
      Paragraph p = paragraphs.get(List.of(h.document(), h.number()));
      if (p != null) return p;
      // the texts of every paragraph of this document among the hits, in one request
      JsonArray numbers = new JsonArray();
      hitNumbers.getOrDefault(h.document(), List.of(h.number())).forEach(numbers::add);
      JsonObject terms = new JsonObject();
      terms.add(IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER, numbers);
      JsonObject inner = new JsonObject();
      inner.addProperty("size", numbers.size());
      for (Paragraph x : paragraphsOf(h.document(), nested(QueryTranslator.wrap("terms", terms), "none", inner), false)) {
        paragraphs.put(List.of(h.document(), x.number()), x);
      }
      p = paragraphs.get(List.of(h.document(), h.number()));
      if (p == null) throw new IOException("paragraph " + h.number() + " of " + h.document() + " is no longer in the index");
      return p;
    }

    @Override
    public void close() {
      // nothing held between requests
    }
  }
}
