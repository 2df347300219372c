package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policysearch.index.vector.VectorFields;
import org.policysearch.index.vector.VectorSink;
import org.policysearch.index.vector.Windows;

/**
 * The writing side of a cluster's vectors index ({@link ClusterVectorIndex}), for the vector builder: puts,
 * touches and deletes go in bounded bulk requests ({@link ClusterBulk}), and a {@link #commit} sends what is
 * pending, refreshes the index and records the build's state in its {@code _meta}, which is what searchers read.
 * A pass holds the cluster's lease on the vectors ({@link ClusterLease}) from its opening to its close, renewed by
 * its writes: several servers over one cluster take turns, and one that finds the lease held waits
 * ({@link VectorSink.HeldElsewhere}) instead of embedding the same documents again.
 */
final class ClusterVectorStore implements VectorSink {
  /** Markers read per request when a pass lists them. */
  private static final int PAGE = 1000;

  private final Cluster cluster;
  private final String index;
  private final String modelId;
  private final int dimension;
  private final String rebuildReason;
  private final ClusterBulk bulk;
  private final ClusterLease lease;
  private boolean searchable;

  private ClusterVectorStore(Cluster cluster, String index, String modelId, int dimension, String rebuildReason, boolean searchable,
                             ClusterLease lease) {
    this.cluster = cluster;
    this.index = index;
    this.modelId = modelId;
    this.dimension = dimension;
    this.rebuildReason = rebuildReason;
    this.searchable = searchable;
    this.bulk = new ClusterBulk(cluster, index);
    this.lease = lease;
  }

  /**
   * Opens the vectors index of {@code alias} for writing; one that is missing, or was made by another model,
   * dimension or layout, is (deleted and) made afresh, so searchers stop using stale vectors at once.
   */
  static ClusterVectorStore open(Cluster cluster, String alias, int shards, int replicas, String modelId, int dimension, String holder)
      throws IOException {
    // the lease first: deleting a stale index or making a new one is the holder's to do
    ClusterLease lease = ClusterLease.acquire(cluster, alias, holder);
    try {
      return open(cluster, alias, shards, replicas, modelId, dimension, lease);
    } catch (IOException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  private static ClusterVectorStore open(Cluster cluster, String alias, int shards, int replicas, String modelId, int dimension,
                                         ClusterLease lease) throws IOException {
    String index = ClusterVectorIndex.name(alias);
    JsonObject meta = ClusterVectorIndex.readMeta(cluster, index);
    String reason = meta == null ? "no vector index yet" : ClusterVectorIndex.incompatibility(meta, modelId, dimension);
    if (reason == null) {
      return new ClusterVectorStore(cluster, index, modelId, dimension, null,
          "true".equals(ClusterVectorIndex.text(meta, ClusterVectorIndex.META_SEARCHABLE)), lease);
    }
    if (meta != null) {
      Cluster.Answer d = cluster.json("DELETE", "/" + index, null);
      if (d.status() != 404) Cluster.ok(d, "delete the stale vectors index " + index);
    }
    Cluster.Answer c = cluster.json("PUT", "/" + index, ClusterVectorIndex.createIndex(shards, replicas, modelId, dimension));
    // another server made it between our look and our request: theirs is as good as ours
    if (c.status() != 400 || !c.json().toString().contains("resource_already_exists_exception")) {
      Cluster.ok(c, "create the vectors index " + index);
    }
    Cluster.ok(cluster.json("GET", "/_cluster/health/" + index, Map.of("wait_for_status", "yellow", "timeout", "30s"), null),
        "wait for the vectors index " + index);
    return new ClusterVectorStore(cluster, index, modelId, dimension, reason, false, lease);
  }

  @Override
  public String rebuildReason() {
    return rebuildReason;
  }

  @Override
  public boolean searchable() {
    return searchable;
  }

  @Override
  public Map<String, Marker> markers() throws IOException {
    bulk.flush();
    Map<String, Marker> out = new HashMap<>();
    JsonElement after = null;
    while (true) {
      JsonObject body = new JsonObject();
      body.addProperty("size", PAGE);
      body.add("_source", ClusterVectorIndex.array(VectorFields.ID, VectorFields.TEXT_HASH, VectorFields.PARAGRAPHS,
          VectorFields.FILE_HASH, VectorFields.GENERATION));
      body.add("sort", ClusterVectorIndex.array(VectorFields.ID));
      if (after != null) body.add("search_after", after);
      JsonArray hits = Cluster.ok(cluster.json("POST", "/" + index + "/_search", body), "list the embedded documents")
          .getAsJsonObject("hits").getAsJsonArray("hits");
      for (JsonElement e : hits) {
        JsonObject s = e.getAsJsonObject().getAsJsonObject("_source");
        String id = s.get(VectorFields.ID).getAsString();
        out.put(id, new Marker(id, s.get(VectorFields.TEXT_HASH).getAsLong(), s.get(VectorFields.PARAGRAPHS).getAsInt(),
            s.get(VectorFields.FILE_HASH).getAsString(), s.get(VectorFields.GENERATION).getAsString()));
      }
      if (hits.size() < PAGE) return out;
      after = hits.get(hits.size() - 1).getAsJsonObject().get("sort");
    }
  }

  @Override
  public void put(Marker m, List<Windows.Window> windows, List<float[]> vectors) throws IOException {
    lease.renew();
    List<float[]> unit = VectorSink.unitVectors(m, windows, vectors, dimension);
    JsonObject doc = new JsonObject();
    doc.addProperty(VectorFields.ID, m.id());
    doc.addProperty(VectorFields.TEXT_HASH, m.textHash());
    doc.addProperty(VectorFields.PARAGRAPHS, m.paragraphs());
    doc.addProperty(VectorFields.FILE_HASH, m.fileHash());
    doc.addProperty(VectorFields.GENERATION, m.generation());
    JsonArray ws = new JsonArray();
    for (int i = 0; i < windows.size(); i++) {
      JsonObject w = new JsonObject();
      w.addProperty(VectorFields.PARAGRAPH, windows.get(i).paragraph());
      w.addProperty(VectorFields.VECTOR, ClusterVectorIndex.encode(unit.get(i)));
      ws.add(w);
    }
    doc.add(ClusterVectorIndex.WINDOWS, ws);
    bulk.index(m.id(), doc);
  }

  /**
   * A partial update: the cluster rebuilds the document from its {@code _source} (the vectors are in it), so this
   * re-indexes the document's vectors, which the embedded index's doc-values update does not; it happens for
   * every document after a rebuild of the text index (a new generation) and costs no embedding.
   */
  @Override
  public void touch(String id, String fileHash, String generation) throws IOException {
    lease.renew();
    JsonObject fields = new JsonObject();
    fields.addProperty(VectorFields.FILE_HASH, fileHash);
    fields.addProperty(VectorFields.GENERATION, generation);
    bulk.update(id, fields);
  }

  @Override
  public void delete(String id) throws IOException {
    lease.renew();
    bulk.delete(id);
  }

  @Override
  public void commit(boolean complete, long paragraphs, long documents) throws IOException {
    lease.renew();
    bulk.flush();
    Cluster.ok(cluster.json("POST", "/" + index + "/_refresh", null), "refresh the vectors index " + index);
    if (complete) searchable = true;
    JsonObject body = new JsonObject();
    body.add("_meta", ClusterVectorIndex.meta(modelId, dimension, complete, searchable, paragraphs, documents));
    Cluster.ok(cluster.json("PUT", "/" + index + "/_mapping", body), "record the state of the vectors index " + index);
  }

  /**
   * Items not sent yet are dropped. What was sent stays (each document whole, with its marker), as a bulk request
   * goes out every {@link ClusterBulk#BATCH_DOCUMENTS} items; the {@code _meta} counts catch up at the next commit.
   * The lease is given up.
   */
  @Override
  public void close() throws IOException {
    lease.close();
  }
}
