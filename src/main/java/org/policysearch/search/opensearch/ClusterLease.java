package org.policysearch.search.opensearch;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.policysearch.index.vector.VectorSink;

/**
 * The right of one server of a cluster to build the vectors, so that several servers over the same cluster do not each
 * embed every document (the costliest work there is: half an hour of two cores for the shared corpus). It is one
 * document in the index {@code <alias>-vectors-lease}, written with OpenSearch's optimistic concurrency (create only
 * when absent, replace only the version read): whoever writes it holds it until {@link #TTL_MS} after its last
 * renewal, which the builder's writes make at most every {@link #RENEW_MS}. A server that stops without releasing it
 * (killed, cut off) holds it until then; another server then takes it and resumes where the committed vectors end.
 *
 * <p>The time is each server's own clock: servers whose clocks differ by a good part of {@link #TTL_MS} could both
 * believe they hold it, and would then embed the same documents twice, which writes the same vectors (wasted work,
 * never wrong answers).
 */
final class ClusterLease implements AutoCloseable {
  /** How long a holder keeps the lease without renewing it. */
  static final long TTL_MS = 120_000;
  /** How often a holder's writes renew it at most. */
  static final long RENEW_MS = 30_000;
  private static final String DOC = "builder";
  /** A new holder's name: the process and a random part (a process may open the backend more than once, as tests do). */
  static String newHolder() {
    return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private final Cluster cluster;
  private final String index;
  private final String holder;
  private long seqNo;
  private long primaryTerm;
  private long renewedAt;

  private ClusterLease(Cluster cluster, String index, String holder, JsonObject written) {
    this.cluster = cluster;
    this.index = index;
    this.holder = holder;
    version(written);
  }

  static String name(String alias) {
    return ClusterVectorIndex.name(alias) + "-lease";
  }

  /** Takes the lease of {@code alias}'s vectors for {@code holder}, or throws {@link VectorSink.HeldElsewhere}. */
  static ClusterLease acquire(Cluster cluster, String alias, String holder) throws IOException {
    String index = name(alias);
    createIndex(cluster, index);
    Cluster.Answer got = cluster.get("/" + index + "/_doc/" + DOC);
    if (got.status() == 404 || !got.json().get("found").getAsBoolean()) {
      Cluster.Answer c = cluster.json("PUT", "/" + index + "/_create/" + DOC, Map.of("refresh", "true"), body(holder));
      if (c.status() == 409) throw held(Cluster.ok(cluster.get("/" + index + "/_doc/" + DOC), "read the vectors' lease"));
      return new ClusterLease(cluster, index, holder, Cluster.ok(c, "take the vectors' lease"));
    }
    JsonObject doc = Cluster.ok(got, "read the vectors' lease");
    JsonObject src = doc.getAsJsonObject("_source");
    if (!src.get("holder").getAsString().equals(holder) && src.get("until").getAsLong() > System.currentTimeMillis()) throw held(doc);
    Cluster.Answer w = cluster.json("PUT", "/" + index + "/_doc/" + DOC, versioned(doc.get("_seq_no").getAsLong(),
        doc.get("_primary_term").getAsLong()), body(holder));
    if (w.status() == 409) throw held(Cluster.ok(cluster.get("/" + index + "/_doc/" + DOC), "read the vectors' lease"));
    return new ClusterLease(cluster, index, holder, Cluster.ok(w, "take the vectors' lease"));
  }

  /** Extends the lease when {@link #RENEW_MS} have passed since it was; throws {@link VectorSink.HeldElsewhere} when it was lost. */
  void renew() throws IOException {
    if (System.currentTimeMillis() - renewedAt < RENEW_MS) return;
    Cluster.Answer w = cluster.json("PUT", "/" + index + "/_doc/" + DOC, versioned(seqNo, primaryTerm), body(holder));
    if (w.status() == 409 || w.status() == 404) {
      throw new VectorSink.HeldElsewhere("this server's right to build the vectors lapsed and another server took it over");
    }
    version(Cluster.ok(w, "renew the vectors' lease"));
  }

  /** Gives the lease up (if it is still this holder's version), so that another server need not wait for it to lapse. */
  @Override
  public void close() throws IOException {
    Cluster.Answer d = cluster.json("DELETE", "/" + index + "/_doc/" + DOC, versioned(seqNo, primaryTerm), null);
    if (d.status() != 404 && d.status() != 409) Cluster.ok(d, "give up the vectors' lease");
  }

  private void version(JsonObject written) {
    seqNo = written.get("_seq_no").getAsLong();
    primaryTerm = written.get("_primary_term").getAsLong();
    renewedAt = System.currentTimeMillis();
  }

  private static Map<String, String> versioned(long seqNo, long primaryTerm) {
    return Map.of("if_seq_no", Long.toString(seqNo), "if_primary_term", Long.toString(primaryTerm), "refresh", "true");
  }

  private static JsonObject body(String holder) {
    JsonObject o = new JsonObject();
    o.addProperty("holder", holder);
    o.addProperty("until", System.currentTimeMillis() + TTL_MS);
    return o;
  }

  private static VectorSink.HeldElsewhere held(JsonObject doc) {
    JsonObject src = doc.has("_source") ? doc.getAsJsonObject("_source") : new JsonObject();
    String until = src.has("until") ? Instant.ofEpochMilli(src.get("until").getAsLong()).toString() : "?";
    return new VectorSink.HeldElsewhere("another server is building the vectors (its lease runs to " + until
        + " unless renewed); this one searches them as they are committed and takes over if that server stops");
  }

  /** The lease's index: one shard, a replica on every other node (it must outlive the loss of a node), nothing analysed. */
  private static void createIndex(Cluster cluster, String index) throws IOException {
    if (cluster.get("/" + index).status() == 200) return;
    JsonObject settings = new JsonObject();
    settings.addProperty("number_of_shards", 1);
    settings.addProperty("auto_expand_replicas", "0-all");
    JsonObject mappings = new JsonObject();
    mappings.addProperty("dynamic", "false");
    JsonObject body = new JsonObject();
    body.add("settings", settings);
    body.add("mappings", mappings);
    Cluster.Answer c = cluster.json("PUT", "/" + index, body);
    // another server made it between our look and our request
    if (c.status() != 400 || !c.json().toString().contains("resource_already_exists_exception")) Cluster.ok(c, "create " + index);
    Cluster.ok(cluster.json("GET", "/_cluster/health/" + index, Map.of("wait_for_status", "yellow", "timeout", "30s"), null),
        "wait for " + index);
  }
}
