package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policysearch.search.api.BackendUnavailableException;

/**
 * Bounded bulk requests to one index, retried when the cluster pushes back: items the cluster rejects for load
 * (429, 503) and whole requests it cannot take are sent again, with pauses doubling from {@link #FIRST_PAUSE_MS},
 * {@link #MAX_TRIES} times at most; any other rejection is an error that names the cluster's reason. Used by the
 * text indexer and the vector builder.
 */
final class ClusterBulk {
  /** Documents per bulk request, and the bytes a request may reach before it is sent. */
  static final int BATCH_DOCUMENTS = 200;
  static final int BATCH_BYTES = 8 * 1024 * 1024;
  /** Tries of one bulk request rejected for load, with pauses doubling from {@link #FIRST_PAUSE_MS}. */
  static final int MAX_TRIES = 8;
  static final long FIRST_PAUSE_MS = 200;

  private final Cluster cluster;
  private final String index;
  private final StringBuilder lines = new StringBuilder();
  private final List<String> items = new ArrayList<>();

  ClusterBulk(Cluster cluster, String index) {
    this.cluster = cluster;
    this.index = index;
  }

  void index(String id, JsonObject doc) throws IOException {
    add(action("index", id) + "\n" + doc + "\n");
  }

  /** A partial update: the document is rebuilt from its {@code _source} with these fields replaced. */
  void update(String id, JsonObject fields) throws IOException {
    add(action("update", id) + "\n" + QueryTranslator.wrap("doc", fields) + "\n");
  }

  void delete(String id) throws IOException {
    add(action("delete", id) + "\n");
  }

  private String action(String op, String id) {
    JsonObject meta = new JsonObject();
    meta.addProperty("_index", index);
    meta.addProperty("_id", id);
    return QueryTranslator.wrap(op, meta).toString();
  }

  private void add(String item) throws IOException {
    items.add(item);
    lines.append(item);
    if (items.size() >= BATCH_DOCUMENTS || lines.length() >= BATCH_BYTES) flush();
  }

  void flush() throws IOException {
    List<String> pending = new ArrayList<>(items);
    items.clear();
    lines.setLength(0);
    long pause = FIRST_PAUSE_MS;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      List<String> retry = new ArrayList<>();
      try {
        JsonObject r = Cluster.ok(cluster.ndjson("/_bulk", Map.of(), String.join("", pending)), "write a bulk of documents");
        if (r.get("errors").getAsBoolean()) {
          JsonArray results = r.getAsJsonArray("items");
          for (int i = 0; i < results.size(); i++) {
            JsonObject res = results.get(i).getAsJsonObject().entrySet().iterator().next().getValue().getAsJsonObject();
            int status = res.get("status").getAsInt();
            if (status == 429 || status == 503) retry.add(pending.get(i));
            else if (status >= 300 && status != 404) {
              throw new IOException("the search cluster refused a document: " + res.get("error"));
            }
          }
        }
      } catch (BackendUnavailableException e) {
        retry = pending; // the whole request was pushed back (429/503) or the connection failed: send it again
        if (attempt >= MAX_TRIES) throw e;
      }
      if (!retry.isEmpty() && attempt >= MAX_TRIES) {
        throw new BackendUnavailableException("the search cluster kept rejecting documents for load after " + MAX_TRIES
            + " tries; the run stopped, the next one sends what is missing",
            "检索集群持续过载，已重试 " + MAX_TRIES + " 次；本次索引中止，下次运行会补齐", null);
      }
      pending = retry;
      if (!pending.isEmpty()) {
        sleep(pause);
        pause *= 2;
      }
    }
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while the cluster was busy");
    }
  }
}
