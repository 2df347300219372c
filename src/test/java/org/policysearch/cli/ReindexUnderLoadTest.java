package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.Config;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.PlainDocumentBuilder;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;
import org.policysearch.web.WebApp;

/**
 * The admin reindex of a running server, over HTTP: searches during reindexes and rebuilds never fail,
 * a reindex that cannot write the index is a 503 while the old index keeps serving, and one that meets
 * another indexer is a 409.
 */
class ReindexUnderLoadTest {
  static final String TOKEN = "reindex-test-token";
  static final Analyzers ANALYZERS = new Analyzers();

  @TempDir Path dir;
  Path corpus;
  Path index;
  LuceneBackend engine;
  Javalin app;
  String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
  /** File name → its unique token, as the corpus holds it now. */
  final Map<String, String> files = new TreeMap<>();
  int nextToken;

  @BeforeEach
  void start() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    index = dir.resolve("index");
    for (int i = 0; i < 40; i++) write("f" + i + ".txt");
    Config d = Config.defaults(dir);
    Config cfg = new Config(dir, corpus, index, dir.resolve("web"), d.host(), 0, TOKEN, List.of(), false, false, null, false,
        SearchLimits.DEFAULTS, Config.DEFAULT_MAX_BODY_BYTES, false, 1);
    CorpusIndexer indexer = new CorpusIndexer(new Ingester(IngestConfig.DEFAULTS, new PlainDocumentBuilder()), ANALYZERS, 2, 16);
    indexer.run(corpus, new IndexLayout(index), false, CorpusIndexer.Progress.NONE);
    engine = LuceneBackend.open(index, ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS, SemanticIndex.off(),
        new LuceneBackend.Corpus(corpus, indexer, new PrintStream(serverLog, true, StandardCharsets.UTF_8)));
    app = WebApp.create(engine, cfg).start();
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() throws Exception {
    app.stop();
    engine.close();
  }

  /** A file whose text holds a token found nowhere else (a whole letter-digit run, matched exactly). */
  void write(String name) throws Exception {
    String token = "tk" + (nextToken++) + "z";
    files.put(name, token);
    Files.writeString(corpus.resolve(name), "关于做好教育工作的通知" + token + "\n各地要推进义务教育优质均衡发展，落实" + token
        + "号文件要求。\n做好防溺水安全教育工作。", StandardCharsets.UTF_8);
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> reindex(String query) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex" + query)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  List<String> idsFor(String q) throws Exception {
    HttpResponse<String> r = get("/api/search?size=100&duplicates=true&q=" + enc(q));
    assertEquals(200, r.statusCode(), r.body());
    List<String> ids = new ArrayList<>();
    JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("hits")
        .forEach(h -> ids.add(h.getAsJsonObject().get("id").getAsString()));
    return ids;
  }

  long total() throws Exception {
    return JsonParser.parseString(get("/api/search?size=0&duplicates=true").body()).getAsJsonObject().get("total").getAsLong();
  }

  @Test
  void searchesDuringReindexesAndRebuildsNeverFail() throws Exception {
    String[] requests = {"/api/search?q=" + enc("义务教育"), "/api/search?q=" + enc("\"防溺水\""), "/api/search?size=20",
        "/api/search?q=" + enc("教育 OR 防溺水") + "&sort=date_desc", "/api/phrase?q=" + enc("义务教育"), "/api/stats",
        "/api/facets", "/api/suggest?q=" + enc("教"), "/api/health", "/api/export?q=" + enc("教育") + "&limit=20",
        "/api/similar?id=f1.txt&paragraph=2", "/api/documents/f2.txt"};
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong answered = new AtomicLong();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Random r = new Random(t);
      running.add(clients.submit(() -> {
        while (!done.get()) {
          String q = requests[r.nextInt(requests.length)];
          try {
            HttpResponse<String> res = get(q);
            if (res.statusCode() != 200) failures.add(q + " → " + res.statusCode() + " " + res.body());
          } catch (Exception e) {
            failures.add(q + " → " + e);
          }
          answered.incrementAndGet();
        }
        return null;
      }));
    }
    Random change = new Random(42);
    List<String> rounds = new ArrayList<>();
    try {
      for (int round = 0; round < 6; round++) {
        // f1.txt and f2.txt stay (the clients ask for them by id); the others come, change and go.
        for (int i = 0; i < 8; i++) write("n" + round + "_" + i + ".txt");
        List<String> names = new ArrayList<>(files.keySet());
        names.removeAll(List.of("f1.txt", "f2.txt"));
        for (int i = 0; i < 6; i++) write(names.get(change.nextInt(names.size())));
        for (int i = 0; i < 4; i++) {
          String gone = names.get(change.nextInt(names.size()));
          if (files.remove(gone) != null) Files.delete(corpus.resolve(gone));
        }
        boolean rebuild = round % 2 == 1;
        HttpResponse<String> r = reindex(rebuild ? "?rebuild=true" : "");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject s = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(files.size(), s.get("documents").getAsLong(), r.body());
        rounds.add((rebuild ? "rebuild" : "update") + " → " + s.get("documents") + " documents");
      }
    } finally {
      done.set(true);
      for (Future<?> f : running) f.get();
      clients.shutdown();
    }
    System.out.println("searches during reindex: " + answered.get() + " answered, " + failures.size() + " failed; " + rounds);
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())));
    assertTrue(answered.get() > 50, "the clients kept asking: " + answered.get());
    // The last reindex shows exactly the corpus.
    assertEquals(files.size(), total());
    for (Map.Entry<String, String> f : files.entrySet()) assertEquals(List.of(f.getKey()), idsFor("\"" + f.getValue() + "\""));
    for (int t = 0; t < nextToken; t++) {
      String token = "tk" + t + "z";
      if (!files.containsValue(token)) assertEquals(List.of(), idsFor("\"" + token + "\""), token + " left the corpus");
    }
    assertEquals(1, new IndexLayout(index).current().stream().count());
  }

  @Test
  void aReindexThatCannotWriteTheIndexIs503AndTheOldIndexKeepsServing() throws Exception {
    write("extra.txt");
    // /dev/full fails every write with "No space left on device", for root too.
    Path marker = index.resolve("indexing.inprogress");
    Files.createSymbolicLink(marker, Path.of("/dev/full"));
    HttpResponse<String> r = reindex("");
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonObject p = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals("the index could not be written (no space left on the device); searches go on with the previous index. "
        + "Fix the cause on the server, then reindex again", p.get("detail").getAsString());
    assertTrue(!r.body().contains(dir.toString()), "no server path: " + r.body());
    assertTrue(serverLog.toString(StandardCharsets.UTF_8).contains("could not write the index in " + index), serverLog.toString());
    assertEquals(40, total(), "the old index answers");
    assertEquals(List.of("f3.txt"), idsFor("\"" + files.get("f3.txt") + "\""));
    assertEquals(503, reindex("?rebuild=true").statusCode());
    assertEquals(40, total());

    Files.delete(marker);
    assertEquals(200, reindex("").statusCode());
    assertEquals(41, total());
    assertEquals(List.of("extra.txt"), idsFor("\"" + files.get("extra.txt") + "\""));
  }

  @Test
  void aReindexWhileAnotherIndexerHoldsTheIndexIs409() throws Exception {
    try (IndexLayout.Lock held = new IndexLayout(index).lock()) {
      HttpResponse<String> r = reindex("");
      assertEquals(409, r.statusCode(), r.body());
      assertTrue(r.body().contains("another indexer"), r.body());
    }
    assertEquals(200, reindex("").statusCode());
  }
}
