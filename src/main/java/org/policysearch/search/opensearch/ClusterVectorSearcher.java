package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.util.VectorUtil;
import org.policysearch.index.vector.VectorFields;
import org.policysearch.index.vector.VectorLookup;
import org.policysearch.index.vector.Windows;

/**
 * Nearest-neighbour queries on a cluster's vectors index ({@link ClusterVectorIndex}), answering as the embedded
 * {@code VectorSearcher} does: the plugin's graph search on every shard for the windows nearest the query, their
 * documents ranked by their best window (a {@code nested} query, max), and the windows themselves as each
 * document's inner hits, folded into paragraphs. Lucene scores a dot product as {@code (1 + cosine) / 2}; the
 * answers carry the cosine again.
 *
 * <p>Whether the vectors are searchable is read from the index's {@code _meta}, again at most every
 * {@link #STATE_TTL_MS} when asked: another server's builder may have finished them.
 */
final class ClusterVectorSearcher implements VectorLookup {
  /** How long a read of the vectors index's state is trusted before it is read again. */
  static final long STATE_TTL_MS = 5_000;
  /** Candidates each shard's graph search returns at least, as the embedded searcher's. */
  static final int CANDIDATES = 100;
  /** Extra candidates so that k distinct paragraphs remain once windows of one paragraph are folded. */
  private static final int WINDOW_SLACK = 8;

  private record State(boolean searchable, long paragraphs, long readAt) {}

  private final Cluster cluster;
  private final String index;
  private final String modelId;
  private final int dimension;
  private volatile State state = new State(false, 0, Long.MIN_VALUE);

  ClusterVectorSearcher(Cluster cluster, String alias, String modelId, int dimension) {
    this.cluster = cluster;
    this.index = ClusterVectorIndex.name(alias);
    this.modelId = modelId;
    this.dimension = dimension;
  }

  @Override
  public boolean searchable() {
    State s = state;
    if (System.currentTimeMillis() - s.readAt() > STATE_TTL_MS) {
      try {
        refresh();
      } catch (IOException e) {
        // the cluster cannot be asked now: the searches that follow fail for that and say so; keep what was known,
        // and do not ask again before the next period (a health check must not wait on the cluster twice)
        state = new State(s.searchable(), s.paragraphs(), System.currentTimeMillis());
        return s.searchable();
      }
      s = state;
    }
    return s.searchable();
  }

  @Override
  public long paragraphs() {
    searchable();
    return state.paragraphs();
  }

  @Override
  public void refresh() throws IOException {
    JsonObject meta = ClusterVectorIndex.readMeta(cluster, index);
    long now = System.currentTimeMillis();
    if (meta == null || ClusterVectorIndex.incompatibility(meta, modelId, dimension) != null) {
      state = new State(false, 0, now);
      return;
    }
    String p = ClusterVectorIndex.text(meta, ClusterVectorIndex.META_PARAGRAPHS);
    state = new State("true".equals(ClusterVectorIndex.text(meta, ClusterVectorIndex.META_SEARCHABLE)), p == null ? 0 : Long.parseLong(p), now);
  }

  /** A window near the query. */
  private record WindowHit(String id, int paragraph, float score) {}

  /**
   * The windows nearest to {@code query}: {@code documents} documents by their best window, each with up to
   * {@code perDocument} of its windows, best first. Every window of the overall top {@code windows} is among them
   * when {@code documents} and {@code perDocument} are at least that: its document is among the best that many.
   */
  private List<WindowHit> nearestWindows(float[] query, int candidates, int documents, int perDocument) throws IOException {
    if (query.length != dimension) {
      throw new IllegalArgumentException("the query vector has " + query.length + " dimensions, the index holds " + dimension);
    }
    JsonObject knn = new JsonObject();
    knn.addProperty("field", ClusterVectorIndex.WINDOW_VECTOR);
    knn.addProperty("vector", ClusterVectorIndex.encode(query));
    knn.addProperty("k", candidates);
    JsonObject nested = new JsonObject();
    nested.addProperty("path", ClusterVectorIndex.WINDOWS);
    nested.addProperty("score_mode", "max");
    nested.add("query", QueryTranslator.wrap(ClusterVectorIndex.KNN_QUERY, knn));
    // Nothing is read from stored fields, not even _id: a document's stored fields are its _source, which holds all
    // its vectors (up to hundreds of KB), and Lucene decompresses them whole to read any one. The id and the
    // paragraph numbers come from doc values: measured on the shared corpus (300 nearest paragraphs, p50 of the
    // node's took) 35 ms reading _id, 10 ms not (docs/opensearch.md).
    JsonObject inner = new JsonObject();
    inner.addProperty("size", perDocument);
    inner.addProperty("_source", false);
    inner.addProperty("stored_fields", "_none_");
    inner.add("docvalue_fields", ClusterVectorIndex.array(ClusterVectorIndex.WINDOW_PARAGRAPH));
    nested.add("inner_hits", inner);
    JsonObject body = new JsonObject();
    body.addProperty("size", documents);
    body.addProperty("_source", false);
    body.addProperty("stored_fields", "_none_");
    body.add("docvalue_fields", ClusterVectorIndex.array(VectorFields.ID));
    body.add("query", QueryTranslator.wrap("nested", nested));
    JsonObject res = Cluster.ok(cluster.json("POST", "/" + index + "/_search", body), "find the nearest paragraphs");
    List<WindowHit> out = new ArrayList<>();
    for (JsonElement e : res.getAsJsonObject("hits").getAsJsonArray("hits")) {
      JsonObject hit = e.getAsJsonObject();
      String id = hit.getAsJsonObject("fields").getAsJsonArray(VectorFields.ID).get(0).getAsString();
      JsonArray windows = hit.getAsJsonObject("inner_hits").getAsJsonObject(ClusterVectorIndex.WINDOWS)
          .getAsJsonObject("hits").getAsJsonArray("hits");
      for (JsonElement we : windows) {
        JsonObject w = we.getAsJsonObject();
        int para = w.getAsJsonObject("fields").getAsJsonArray(ClusterVectorIndex.WINDOW_PARAGRAPH).get(0).getAsInt();
        out.add(new WindowHit(id, para, 2 * w.get("_score").getAsFloat() - 1));
      }
    }
    // best first; ties by document and paragraph, so the order does not depend on which shard answered first
    out.sort(Comparator.comparingDouble((WindowHit h) -> -h.score()).thenComparing(WindowHit::id).thenComparingInt(WindowHit::paragraph));
    return out;
  }

  @Override
  public Optional<List<ParagraphHit>> nearestParagraphs(float[] query, int k) throws IOException {
    if (!searchable()) return Optional.empty();
    if (k <= 0) return Optional.of(List.of());
    int fetch = Math.max(k + WINDOW_SLACK, CANDIDATES);
    Map<String, ParagraphHit> best = new LinkedHashMap<>(); // in score order, so the first window seen is the best
    for (WindowHit h : nearestWindows(query, fetch, k + WINDOW_SLACK, k + WINDOW_SLACK)) {
      best.putIfAbsent(h.id() + '\u0000' + h.paragraph(), new ParagraphHit(h.id(), h.paragraph(), h.score()));
      if (best.size() == k) break;
    }
    return Optional.of(List.copyOf(best.values()));
  }

  @Override
  public Optional<List<DocumentHit>> nearestDocuments(float[] query, int k) throws IOException {
    if (!searchable()) return Optional.empty();
    if (k <= 0) return Optional.of(List.of());
    List<DocumentHit> out = new ArrayList<>();
    for (WindowHit h : nearestWindows(query, Math.max(k, CANDIDATES), k, 1)) out.add(new DocumentHit(h.id(), h.paragraph(), h.score()));
    return Optional.of(out);
  }

  @Override
  public Optional<float[]> paragraphVector(String documentId, int paragraph) throws IOException {
    if (!searchable()) return Optional.empty();
    JsonObject term = new JsonObject();
    term.addProperty(ClusterVectorIndex.WINDOW_PARAGRAPH, paragraph);
    JsonObject nested = new JsonObject();
    nested.addProperty("path", ClusterVectorIndex.WINDOWS);
    nested.add("query", QueryTranslator.wrap("term", term));
    JsonObject inner = new JsonObject();
    inner.addProperty("size", Windows.MAX_WINDOWS);
    nested.add("inner_hits", inner);
    JsonObject ids = new JsonObject();
    ids.add("values", ClusterVectorIndex.array(documentId));
    JsonArray filter = new JsonArray();
    filter.add(QueryTranslator.wrap("ids", ids));
    filter.add(QueryTranslator.wrap("nested", nested));
    JsonObject bool = new JsonObject();
    bool.add("filter", filter);
    JsonObject body = new JsonObject();
    body.addProperty("size", 1);
    body.addProperty("_source", false);
    body.add("query", QueryTranslator.wrap("bool", bool));
    JsonArray hits = Cluster.ok(cluster.json("POST", "/" + index + "/_search", body), "read a paragraph's vector")
        .getAsJsonObject("hits").getAsJsonArray("hits");
    if (hits.isEmpty()) return Optional.empty();
    float[] sum = new float[dimension];
    for (JsonElement we : hits.get(0).getAsJsonObject().getAsJsonObject("inner_hits").getAsJsonObject(ClusterVectorIndex.WINDOWS)
        .getAsJsonObject("hits").getAsJsonArray("hits")) {
      float[] v = ClusterVectorIndex.decode(we.getAsJsonObject().getAsJsonObject("_source").get(VectorFields.VECTOR).getAsString());
      for (int i = 0; i < dimension; i++) sum[i] += v[i];
    }
    return Optional.of(VectorUtil.l2normalize(sum, false));
  }

  @Override
  public void close() {}
}
