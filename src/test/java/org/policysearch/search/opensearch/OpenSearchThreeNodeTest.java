package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.http.HttpServerTransport;
import org.policysearch.BackendConfig;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * Three nodes, three shards with one replica each: one node stops while clients search, and every search is
 * answered, with the same totals and facet counts as before (the client moves to the nodes left; the
 * replicas hold every shard).
 */
class OpenSearchThreeNodeTest {
  @TempDir Path dir;

  static final List<String> QUERIES = List.of("教育", "\"义务教育\"", "人民 OR 政府", "title:报告", "鄂州 -疫情", "");

  @Test
  void everySearchIsAnsweredWhileANodeStops() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path s : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(s, corpus.resolve(s.getFileName()));
    }
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.onBuild((number, settings) -> {
      settings.put("http.port", "0");
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      settings.put("node.processors", TestCluster.PROCESSORS);
    }).build(OpenSearchRunner.newConfigs().basePath(dir.resolve("nodes").toString()).clusterName("policy-search-three").numOfNode(3)
        .disableESLogger()
        .pluginTypes("org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin,org.policysearch.opensearch.PolicySearchAnalysisPlugin"));
    try {
      runner.ensureYellow();
      List<URI> hosts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int port = runner.getNode(i).injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        hosts.add(URI.create("http://127.0.0.1:" + port));
      }
      BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, hosts, "three-nodes", "", BackendConfig.DEFAULT_PASSWORD_ENV,
          null, null, 3, 1);
      try (OpenSearchBackend backend = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
          new OpenSearchBackend.Corpus(corpus, new Ingester(IngestConfig.DEFAULTS, Builders.standard()), System.err))) {
        backend.reindex(false);
        runner.ensureGreen("three-nodes");
        Map<String, SearchResult> before = new ConcurrentHashMap<>();
        for (String q : QUERIES) before.put(q, backend.search(new SearchRequest(q, Filters.NONE, SortOrder.DATE_DESC, 1, 20, 1)));
        assertTrue(before.get("教育").total() > 0);

        AtomicBoolean go = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
          Thread t = new Thread(() -> {
            for (int i = 0; go.get(); i++) {
              String q = QUERIES.get(i % QUERIES.size());
              try {
                SearchResult r = backend.search(new SearchRequest(q, Filters.NONE, SortOrder.DATE_DESC, 1, 20, 1));
                SearchResult b = before.get(q);
                if (r.total() != b.total() || !r.facets().equals(b.facets())) failures.add(q + ": total " + r.total() + " not " + b.total());
                answered.incrementAndGet();
              } catch (Exception e) {
                failures.add(q + ": " + e);
              }
            }
          });
          t.start();
          clients.add(t);
        }
        Thread.sleep(1500);
        runner.getNode(2).close(); // a node (not the one that bootstrapped the cluster) goes away under load
        long atStop = answered.get();
        Thread.sleep(4000);
        go.set(false);
        for (Thread t : clients) t.join();
        assertEquals(List.of(), failures);
        assertTrue(answered.get() > atStop + 5, "searches answered after the node stopped: " + (answered.get() - atStop));
      }
    } finally {
      runner.close();
      runner.clean();
    }
  }
}
