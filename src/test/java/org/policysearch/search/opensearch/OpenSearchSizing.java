package org.policysearch.search.opensearch;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.BackendConfig;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.IndexStats;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * The measurement behind the sizing of docs/opensearch.md, not a test: the shared corpus indexed by both
 * backends on this machine (the cluster: one in-JVM node, one shard, no replica), the time and the bytes per
 * document, and the latency of a query mix through the backend interface. Run with
 * {@code mvn -o test -Dtest=OpenSearchSizing -Dopensearch.sizing=true}; writes docs/opensearch-sizing.md.
 */
@EnabledIfSystemProperty(named = "opensearch.sizing", matches = "true")
class OpenSearchSizing {
  @TempDir Path dir;

  static final List<String> QUERIES = List.of("教育", "义务教育 高质量", "\"义务教育\"", "防溺水 OR 防欺凌", "title:工作报告", "营商环境",
      "\"中华人民共和国\" 法", "乡村振兴 -疫情", "人民代表大会 常务委员会", "\"社会主义\"", "科技创新", "\"2023年\"");

  @Test
  void measure() throws Exception {
    Path corpus = Path.of("../shared/data/corpus").toAbsolutePath().normalize();
    long corpusBytes;
    try (Stream<Path> files = Files.list(corpus)) {
      corpusBytes = files.filter(p -> p.toString().endsWith(".jsonl")).mapToLong(p -> p.toFile().length()).sum();
    }
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    long t0 = System.nanoTime();
    new CorpusIndexer(ingester, new Analyzers(), Runtime.getRuntime().availableProcessors(), 256)
        .run(corpus, new IndexLayout(dir.resolve("index")), false, CorpusIndexer.Progress.NONE);
    double luceneSeconds = (System.nanoTime() - t0) / 1e9;
    StringBuilder out = new StringBuilder();
    try (LuceneBackend lucene = LuceneBackend.open(dir.resolve("index"), new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS)) {
      BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "sizing", "",
          BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 1, 0);
      try (OpenSearchBackend cluster = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
          new OpenSearchBackend.Corpus(corpus, ingester, System.err))) {
        t0 = System.nanoTime();
        IndexRun run = cluster.reindex(true);
        double clusterSeconds = (System.nanoTime() - t0) / 1e9;
        IndexStats built;
        try (Cluster c = TestCluster.client()) {
          // As built: every document's stored data still holds it whole as sent, the recovery source (HitFields).
          Cluster.ok(c.json("POST", "/sizing/_refresh", null), "refresh");
          Cluster.ok(c.json("POST", "/sizing/_flush?force=true", null), "flush");
          built = cluster.stats();
          // A merge prunes the recovery source of the operations that a commit holds and that every copy's retention
          // lease has passed: flushed above; the leases move on by themselves (every 30 s by default)
          awaitLeasesPastEveryOperation(c);
          Cluster.ok(c.json("POST", "/sizing/_forcemerge?max_num_segments=1&flush=true", null), "force merge");
          // the merged-away segments are deleted once no reader holds them: refresh, flush, then measure
          Cluster.ok(c.json("POST", "/sizing/_refresh", null), "refresh");
          Cluster.ok(c.json("POST", "/sizing/_flush?force=true", null), "flush");
        }
        IndexStats ls = lucene.stats();
        IndexStats cs = cluster.stats();
        out.append("# OpenSearch backend: measured sizes and costs\n\n");
        out.append("Written by `mvn -o test -Dtest=OpenSearchSizing -Dopensearch.sizing=true` (src/test/java/org/policysearch/search/opensearch/OpenSearchSizing.java)")
            .append(" on ").append(java.time.LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
            .append(" cores shared with other builds (timings are upper bounds), JDK ").append(System.getProperty("java.version"))
            .append(". The cluster is one in-JVM OpenSearch 3.8.0 node (one shard, no replica) in the same JVM as the embedded index.\n\n");
        out.append("The shared corpus: ").append(String.format("%.1f MB", corpusBytes / 1048576.0)).append(" of JSON Lines, ")
            .append(ls.documents()).append(" documents, ").append(ls.paragraphs()).append(" paragraphs.\n\n");
        out.append("| | embedded (Lucene) | OpenSearch |\n|---|---|---|\n");
        out.append(String.format("| documents / paragraphs | %d / %d | %d / %d |%n", ls.documents(), ls.paragraphs(), cs.documents(), cs.paragraphs()));
        out.append(String.format("| index on disk, as built (flushed; the recovery source held) | %.1f MB | %.1f MB (one copy) |%n", ls.bytes() / 1048576.0, built.bytes() / 1048576.0));
        out.append(String.format("| bytes per document, as built | %.0f | %.0f |%n", (double) ls.bytes() / ls.documents(), (double) built.bytes() / built.documents()));
        out.append(String.format("| index on disk, flushed and force-merged once the leases passed every operation (the recovery source pruned) | | %.1f MB (one copy) |%n", cs.bytes() / 1048576.0));
        out.append(String.format("| bytes per document, pruned | | %.0f |%n", (double) cs.bytes() / cs.documents()));
        out.append(String.format("| full indexing | %.1f s (%.1f MB/s) | %.1f s (%.1f MB/s) |%n", luceneSeconds, corpusBytes / 1048576.0 / luceneSeconds,
            clusterSeconds, corpusBytes / 1048576.0 / clusterSeconds));
        out.append(String.format("| documents per second | %.0f | %.0f |%n", ls.documents() / luceneSeconds, run.documents() / clusterSeconds));
        double[] l = latencies(lucene);
        double[] o = latencies(cluster);
        out.append(String.format("| search latency, one client, p50 / p99 over %d searches of %d queries (relevance, 10 hits, 3 passages, facets) | %.1f / %.1f ms | %.1f / %.1f ms |%n",
            10 * QUERIES.size(), QUERIES.size(), l[0], l[1], o[0], o[1]));
        // What the index holds on the heap once searched (the node shares this JVM, so its heap figure would count
        // the embedded index and the test too): Lucene's segment memory, the field data and global ordinals the
        // facet aggregations built, the caches. Read after the searches above, which built the ordinals.
        try (Cluster c = TestCluster.client()) {
          JsonObject idx = Cluster.ok(c.get("/sizing/_stats/segments,fielddata,query_cache,request_cache"), "index stats")
              .getAsJsonObject("_all").getAsJsonObject("total");
          long segments = idx.getAsJsonObject("segments").get("memory_in_bytes").getAsLong();
          long fielddata = idx.getAsJsonObject("fielddata").get("memory_size_in_bytes").getAsLong();
          long queryCache = idx.getAsJsonObject("query_cache").get("memory_size_in_bytes").getAsLong();
          long requestCache = idx.getAsJsonObject("request_cache").get("memory_size_in_bytes").getAsLong();
          long segmentCount = idx.getAsJsonObject("segments").get("count").getAsLong();
          out.append(String.format("| heap held by the index once searched: segments (%d) / field data and global ordinals / query cache / request cache | | %.1f KB / %.1f KB / %.1f KB / %.1f KB |%n",
              segmentCount, segments / 1024.0, fielddata / 1024.0, queryCache / 1024.0, requestCache / 1024.0));
          out.append(String.format("| of which per document (segments and field data) | | %.1f bytes |%n", (double) (segments + fielddata) / cs.documents()));
        }
      }
    }
    Files.writeString(Path.of("docs/opensearch-sizing.md"), out.toString(), StandardCharsets.UTF_8);
    System.out.println(out);
  }

  /**
   * Waits until every retention lease of the index retains no operation below its highest sequence number, so that a
   * merge may prune the recovery source of every document (at most two minutes: the leases are renewed every 30 s).
   */
  private static void awaitLeasesPastEveryOperation(Cluster c) throws Exception {
    long until = System.nanoTime() + 120_000_000_000L;
    while (true) {
      JsonObject indices = Cluster.ok(c.json("GET", "/sizing/_stats/docs", java.util.Map.of("level", "shards"), null), "shard stats")
          .getAsJsonObject("indices");
      boolean passed = true;
      for (var index : indices.entrySet()) {
        for (var shard : index.getValue().getAsJsonObject().getAsJsonObject("shards").entrySet()) {
          for (var copy : shard.getValue().getAsJsonArray()) {
            long max = copy.getAsJsonObject().getAsJsonObject("seq_no").get("max_seq_no").getAsLong();
            for (var lease : copy.getAsJsonObject().getAsJsonObject("retention_leases").getAsJsonArray("leases")) {
              if (lease.getAsJsonObject().get("retaining_seq_no").getAsLong() <= max) passed = false;
            }
          }
        }
      }
      if (passed) return;
      if (System.nanoTime() > until) throw new IllegalStateException("the retention leases did not pass every operation in 2 minutes");
      Thread.sleep(1_000);
    }
  }

  /** p50 and p99 of the query mix (relevance, 10 hits, 3 passages, facets), after a warm-up, one client. */
  private static double[] latencies(SearchBackend b) throws Exception {
    for (int w = 0; w < 3; w++) for (String q : QUERIES) b.search(new SearchRequest(q, Filters.NONE, SortOrder.RELEVANCE, 1, 10, 3));
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      for (String q : QUERIES) {
        long t = System.nanoTime();
        b.search(new SearchRequest(q, Filters.NONE, SortOrder.RELEVANCE, 1, 10, 3));
        ms.add((System.nanoTime() - t) / 1e6);
      }
    }
    double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new double[] {a[a.length / 2], a[(int) Math.ceil(a.length * 0.99) - 1]};
  }
}
