package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import org.policysearch.index.vector.VectorFields;
import org.policysearch.index.vector.VectorSink;

/**
 * The paragraph vectors of semantic search on a cluster: an index of their own ({@link #name}: the alias with
 * {@value #SUFFIX}), as the embedded vectors are an index beside the text index, for the same reasons: they are
 * built long after the text (minutes to hours) by a background pass, and must outlive a rebuild of the text
 * index behind the alias.
 *
 * <p>Layout: one document per embedded text document, its {@code _id} the text document's id, holding the
 * marker's fields ({@link VectorFields}: text hash, paragraph count, file hash, text generation) and one nested
 * document per window ({@value #WINDOWS}: paragraph number and vector). A document's vectors and marker are
 * then one Lucene block, written or replaced at once, as in the embedded vector index. The vectors are the
 * analysis plugin's {@code policy_search_vector} field (Lucene's HNSW, as embedded) and searched with its
 * {@code policy_search_knn} query. The model, dimension, layout version and build state live in the mapping's
 * {@code _meta}; an index made by another model or layout is deleted and made again.
 */
final class ClusterVectorIndex {
  private ClusterVectorIndex() {}

  static final String SUFFIX = "-vectors";
  /** Nested: one document per embedded window. */
  static final String WINDOWS = "windows";
  static final String WINDOW_PARAGRAPH = WINDOWS + "." + VectorFields.PARAGRAPH;
  static final String WINDOW_VECTOR = WINDOWS + "." + VectorFields.VECTOR;
  /** The analysis plugin's field type and query (src/opensearch/java). */
  static final String VECTOR_TYPE = "policy_search_vector";
  static final String KNN_QUERY = "policy_search_knn";
  /** Bump when the layout or what is embedded changes. */
  static final String FORMAT = "1";

  static final String META_FORMAT = VectorSink.KEY_FORMAT;
  static final String META_MODEL = VectorSink.KEY_MODEL;
  static final String META_DIMENSION = VectorSink.KEY_DIMENSION;
  static final String META_SEARCHABLE = VectorSink.KEY_SEARCHABLE;
  static final String META_PARAGRAPHS = VectorSink.KEY_PARAGRAPHS;

  static String name(String alias) {
    return alias + SUFFIX;
  }

  /** The create-index request: the text index's shards and replicas, the mapping, inner hits enough for a nearest search. */
  static JsonObject createIndex(int shards, int replicas, String modelId, int dimension) {
    JsonObject settings = new JsonObject();
    settings.addProperty("number_of_shards", shards);
    settings.addProperty("number_of_replicas", replicas);
    // the nearest paragraphs come as the inner hits of their documents: up to k of one document
    settings.addProperty("max_inner_result_window", IndexDesign.INNER_WINDOW);
    JsonObject props = new JsonObject();
    props.add(VectorFields.ID, type("keyword"));
    props.add(VectorFields.TEXT_HASH, notIndexed("long"));
    props.add(VectorFields.PARAGRAPHS, notIndexed("integer"));
    props.add(VectorFields.FILE_HASH, notIndexed("keyword"));
    props.add(VectorFields.GENERATION, notIndexed("keyword"));
    JsonObject windows = type("nested");
    JsonObject wp = new JsonObject();
    // indexed and with doc values: a paragraph's windows are looked up by number, and hits read it from doc values
    wp.add(VectorFields.PARAGRAPH, type("integer"));
    JsonObject vector = type(VECTOR_TYPE);
    vector.addProperty("dimension", dimension);
    wp.add(VectorFields.VECTOR, vector);
    windows.add("properties", wp);
    props.add(WINDOWS, windows);
    JsonObject mappings = new JsonObject();
    mappings.addProperty("dynamic", "strict");
    mappings.add("_meta", meta(modelId, dimension, false, false, 0, 0));
    mappings.add("properties", props);
    JsonObject body = new JsonObject();
    body.add("settings", settings);
    body.add("mappings", mappings);
    return body;
  }

  /** The build state as {@code _meta} holds it: what the embedded index's commits record ({@link VectorSink#state}). */
  static JsonObject meta(String modelId, int dimension, boolean complete, boolean searchable, long paragraphs, long documents) {
    JsonObject m = new JsonObject();
    VectorSink.state(FORMAT, modelId, dimension, complete, searchable, paragraphs, documents).forEach(m::addProperty);
    return m;
  }

  /** The {@code _meta} of the vectors index, or null when there is no such index. */
  static JsonObject readMeta(Cluster cluster, String index) throws IOException {
    Cluster.Answer a = cluster.get("/" + index + "/_mapping");
    if (a.status() == 404) return null;
    JsonObject m = Cluster.ok(a, "read the mapping of " + index);
    if (!m.has(index)) return null;
    JsonObject mappings = m.getAsJsonObject(index).getAsJsonObject("mappings");
    return mappings.has("_meta") ? mappings.getAsJsonObject("_meta") : new JsonObject();
  }

  /** Why vectors with this {@code _meta} cannot answer this model's queries, or null when they can. */
  static String incompatibility(JsonObject meta, String modelId, int dimension) {
    java.util.Map<String, String> data = new java.util.HashMap<>();
    for (String key : java.util.List.of(META_FORMAT, META_MODEL, META_DIMENSION)) data.put(key, text(meta, key));
    return VectorSink.incompatibility(data, FORMAT, modelId, dimension);
  }

  static String text(JsonObject meta, String key) {
    return meta != null && meta.has(key) && !meta.get(key).isJsonNull() ? meta.get(key).getAsString() : null;
  }

  /** The vector as the plugin's field and query take it: base64 of its floats, little-endian. */
  static String encode(float[] v) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * Float.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return java.util.Base64.getEncoder().encodeToString(b.array());
  }

  static float[] decode(String base64) {
    byte[] bytes = java.util.Base64.getDecoder().decode(base64);
    float[] v = new float[bytes.length / Float.BYTES];
    java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  private static JsonObject type(String t) {
    JsonObject o = new JsonObject();
    o.addProperty("type", t);
    return o;
  }

  private static JsonObject notIndexed(String t) {
    JsonObject o = type(t);
    o.addProperty("index", false);
    o.addProperty("doc_values", false);
    return o;
  }

  static JsonArray array(String... values) {
    JsonArray a = new JsonArray();
    for (String v : values) a.add(v);
    return a;
  }
}
