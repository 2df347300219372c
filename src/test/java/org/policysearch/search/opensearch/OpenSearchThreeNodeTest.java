package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.http.HttpServerTransport;
import org.policysearch.BackendConfig;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * Three nodes, three shards with one replica each, and one node that stops: while clients search (every search
 * is answered, with the same totals and facet counts as before: the client moves to the nodes left, the replicas
 * hold every shard), and while the index command sends the corpus (the run ends, at worst after a rerun, with
 * exactly the corpus: no document lost, none twice). The cluster is started once for the class; a test that
 * stopped a node leaves it to the next one's {@link #threeNodes()} to start again.
 */
class OpenSearchThreeNodeTest {
  @TempDir Path dir;
  @TempDir static Path nodes;
  static OpenSearchRunner runner;

  /** The node every test stops: not node 0, which bootstrapped the cluster and is the cluster manager. */
  static final int STOPPED = 2;

  @BeforeAll
  static void startCluster() {
    runner = new OpenSearchRunner();
    runner.onBuild((number, settings) -> {
      settings.put("http.port", "0");
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      settings.put("node.processors", TestCluster.PROCESSORS);
    }).build(OpenSearchRunner.newConfigs().basePath(nodes.toString()).clusterName("policy-search-three").numOfNode(3)
        .disableESLogger()
        .pluginTypes("org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin,org.policysearch.opensearch.PolicySearchPlugin"));
  }

  @AfterAll
  static void stopCluster() throws IOException {
    runner.close();
    runner.clean();
  }

  @BeforeEach
  void threeNodes() {
    if (runner.getNode(STOPPED).isClosed()) assertTrue(runner.startNode(STOPPED), "node " + STOPPED + " starts again");
    ClusterHealthResponse h = runner.admin().cluster().prepareHealth().setWaitForNodes("3").setWaitForYellowStatus()
        .setTimeout(TimeValue.timeValueSeconds(60)).get();
    assertEquals(3, h.getNumberOfNodes(), "three nodes before the test");
  }

  /** The HTTP address of every running node (ports are chosen when a node starts): a client is given all of them, as in production. */
  static List<URI> hosts() {
    List<URI> hosts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      if (runner.getNode(i).isClosed()) continue;
      int port = runner.getNode(i).injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
      hosts.add(URI.create("http://127.0.0.1:" + port));
    }
    return hosts;
  }

  static final List<String> QUERIES = List.of("教育", "\"义务教育\"", "人民 OR 政府", "title:报告", "鄂州 -疫情", "");

  @Test
  void everySearchIsAnsweredWhileANodeStops() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path s : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(s, corpus.resolve(s.getFileName()));
    }
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, hosts(), "three-nodes", "", BackendConfig.DEFAULT_PASSWORD_ENV,
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
      runner.getNode(STOPPED).close(); // a node goes away under load
      long atStop = answered.get();
      Thread.sleep(4000);
      go.set(false);
      for (Thread t : clients) t.join();
      assertEquals(List.of(), failures);
      assertTrue(answered.get() > atStop + 5, "searches answered after the node stopped: " + (answered.get() - atStop));
    }
  }
  /**
   * The index command's run ({@code OpenSearchBackend.index}, incremental, into an index that holds an earlier
   * corpus) while a node stops: {@link #STOPPED} is closed from another thread once the first bulk request has
   * gone, and the files after it are read slowly enough that the following bulk requests meet the node leaving.
   * The run either ends or fails saying why; a failed run is run again, the documented recovery. Then the index
   * holds exactly the corpus: every file's document once, the changed files' new text, nothing of the files gone.
   */
  @Test
  void aNodeStoppedDuringIndexingLosesAndDoublesNothing() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Random random = new Random(14);
    int first = 100;
    int total = 700;
    for (int i = 0; i < first; i++) write(corpus, i, "", random);
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, hosts(), "node-loss", "", BackendConfig.DEFAULT_PASSWORD_ENV,
        null, null, 3, 1);
    try (OpenSearchBackend backend = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
        new OpenSearchBackend.Corpus(corpus, new Ingester(IngestConfig.DEFAULTS, Builders.standard()), System.err))) {
      assertEquals(first, backend.index(false, (a, b, c, d, e) -> {}).documents());
      runner.ensureGreen("node-loss");

      // the corpus grows, ten files change and five leave: the run to come adds, updates and deletes
      for (int i = first; i < total; i++) write(corpus, i, "", random);
      Set<Integer> changed = new TreeSet<>();
      for (int i = 3; i < first; i += 10) {
        write(corpus, i, "V2", random);
        changed.add(i);
      }
      Set<Integer> gone = Set.of(5, 25, 45, 65, 85);
      for (int i : gone) Files.delete(corpus.resolve(file(i)));

      // The run queues the five deletions, then one document a file, and sends BATCH_DOCUMENTS items a bulk request: the
      // second request goes while the file secondBulk is written. The node starts stopping 50 ms after the file before it,
      // while the cluster works on that request (a bulk of 200 documents takes one to three seconds here), and the rest of
      // the run meets two nodes.
      long secondBulk = 2L * ClusterIndexer.BATCH_DOCUMENTS - gone.size();
      CountDownLatch bulkGoing = new CountDownLatch(1);
      AtomicLong stopBegan = new AtomicLong();
      AtomicLong bulkAnswered = new AtomicLong();
      Thread stopper = new Thread(() -> {
        try {
          bulkGoing.await();
          Thread.sleep(50);
          stopBegan.set(System.nanoTime());
          runner.getNode(STOPPED).close();
        } catch (InterruptedException | IOException e) {
          throw new IllegalStateException(e);
        }
      });
      stopper.start();
      String failure = null;
      IndexRun run = null;
      try {
        run = backend.index(false, (filesDone, filesTotal, bytesDone, bytesTotal, documents) -> {
          if (filesDone == secondBulk - 1) bulkGoing.countDown();
          if (filesDone == secondBulk) bulkAnswered.set(System.nanoTime());
        });
      } catch (IOException e) {
        failure = e.toString();
        assertTrue(e.getMessage() != null && e.getMessage().contains("search cluster"), "the failure says what went wrong: " + e);
      }
      bulkGoing.countDown();
      stopper.join();
      assertTrue(runner.getNode(STOPPED).isClosed());
      System.err.println("node-loss run: " + (failure == null ? "ended" : "failed, run again: " + failure) + "; the node began to stop "
          + (bulkAnswered.get() - stopBegan.get()) / 1_000_000 + " ms before the second bulk request was answered");
      if (failure != null) {
        run = backend.index(false, (a, b, c, d, e) -> {});
      } else {
        assertEquals(List.of((long) (total - first), (long) changed.size(), (long) gone.size()), List.of(run.added(), run.updated(), run.removed()));
      }

      List<String> expected = new ArrayList<>();
      for (int i = 0; i < total; i++) if (!gone.contains(i)) expected.add(file(i));
      assertEquals(expected.size(), run.documents());
      assertEquals(expected.size(), backend.documentCount());

      // every id once: all hits of a match_all, more than asked for allowed, as ids
      try (Cluster c = new Cluster(hosts(), "", "", null)) {
        JsonObject body = new JsonObject();
        body.addProperty("size", total + 100);
        body.addProperty("track_total_hits", true);
        body.addProperty("_source", false);
        JsonObject hits = Cluster.ok(c.json("POST", "/node-loss/_search", body), "list").getAsJsonObject("hits");
        assertEquals(expected.size(), hits.getAsJsonObject("total").get("value").getAsLong());
        List<String> ids = new ArrayList<>();
        for (JsonElement h : hits.getAsJsonArray("hits")) ids.add(h.getAsJsonObject().get("_id").getAsString());
        Collections.sort(ids);
        assertEquals(expected, ids);
      }

      // the text is each file's latest: a sample of unique tokens each finds its one document, old and removed ones none
      for (int i = 0; i < total; i += 23) {
        if (gone.contains(i)) continue;
        String token = token(i, changed.contains(i) ? "V2" : "");
        SearchResult r = backend.search(new SearchRequest("\"" + token + "\"", Filters.NONE, SortOrder.RELEVANCE, 1, 10, 1));
        assertEquals(List.of(file(i)), r.hits().stream().map(h -> h.document().id()).toList(), token);
        assertEquals(1, r.total(), token);
      }
      for (int i : gone) {
        assertEquals(0, backend.search(new SearchRequest("\"" + token(i, "") + "\"", Filters.NONE, SortOrder.RELEVANCE, 1, 10, 1)).total());
      }
      for (int i : changed) {
        assertEquals(0, backend.search(new SearchRequest("\"" + token(i, "") + "\"", Filters.NONE, SortOrder.RELEVANCE, 1, 10, 1)).total());
        SearchResult r = backend.search(new SearchRequest("\"" + token(i, "V2") + "\"", Filters.NONE, SortOrder.RELEVANCE, 1, 10, 1));
        assertEquals(List.of(file(i)), r.hits().stream().map(h -> h.document().id()).toList());
      }
    }
  }

  private static String file(int i) {
    return String.format("doc-%04d.txt", i);
  }

  /** A token no other document holds: letters and digits are one unit each run, so K0042X never matches inside K00421X. */
  private static String token(int i, String version) {
    return String.format("K%04d%sX", i, version);
  }

  /** A generated document: a title and three paragraphs of random common characters, with its unique token. */
  private static void write(Path corpus, int i, String version, Random random) throws IOException {
    String chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
    StringBuilder text = new StringBuilder("文件第" + i + "号通知\n\n");
    for (int p = 0; p < 3; p++) {
      for (int k = 0; k < 60; k++) text.append(chars.charAt(random.nextInt(chars.length())));
      if (p == 1) text.append("，编号").append(token(i, version)).append("，");
      for (int k = 0; k < 30; k++) text.append(chars.charAt(random.nextInt(chars.length())));
      text.append("。\n\n");
    }
    Files.writeString(corpus.resolve(file(i)), text.toString());
  }

}
