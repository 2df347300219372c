package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.vector.FakeEmbedder;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;

/** What {@code /api/health} and {@code /api/stats} say about semantic search, with a fake model. */
class SemanticStatusHttpTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  JsonObject get(String base, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  /** Serves the small test corpus with semantic search over {@code model}, builds the vectors, and hands the server to {@code check}. */
  void serve(FakeEmbedder model, PrintStream log, ServerCheck check) throws Exception {
    Path index = dir.resolve("index");
    TestIndex.write(index, org.policysearch.search.SearchCoreTestDocs.DOCS);
    SemanticIndex semantic = SemanticIndex.open(new IndexLayout(index), model, VectorBuilder.Settings.DEFAULTS, 1, log);
    try (LuceneBackend engine = LuceneBackend.open(index, TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS, semantic)) {
      Javalin app = WebApp.create(engine, TestServer.config(dir, index, Path.of("web"), SearchLimits.DEFAULTS)).start();
      try {
        engine.semantic().buildInBackground();
        check.run("http://127.0.0.1:" + app.port());
      } finally {
        app.stop();
      }
    }
  }

  interface ServerCheck {
    void run(String base) throws Exception;
  }

  JsonObject awaitState(String base, String path, String state) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject o;
    do {
      o = get(base, path);
      if (o.getAsJsonObject("semantic").get("state").getAsString().equals(state)) return o;
      Thread.sleep(20);
    } while (System.nanoTime() < end);
    throw new AssertionError("no state " + state + " after 30 s: " + o);
  }

  @Test
  void aModelThatCannotLoadIsReportedByHealthAndSearchesGoOn() throws Exception {
    FakeEmbedder broken = new FakeEmbedder("fake-1");
    broken.loadFailure = "could not load the embedding model fake-1: UnsatisfiedLinkError (libonnxruntime.so: cannot open shared object file)";
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    serve(broken, new PrintStream(logBytes, true, StandardCharsets.UTF_8), base -> {
      JsonObject h = awaitState(base, "/api/health", "failed");
      assertEquals("ok", h.get("status").getAsString(), "the server is healthy: it answers lexically");
      JsonObject s = h.getAsJsonObject("semantic");
      assertEquals(broken.loadFailure, s.get("detail").getAsString());
      assertEquals(false, s.get("searchable").getAsBoolean());
      assertEquals("fake-1", s.get("model").getAsString());
      assertTrue(get(base, "/api/search?q=" + java.net.URLEncoder.encode("教育", StandardCharsets.UTF_8)).get("total").getAsLong() > 0);
    });
    assertEquals(1, logBytes.toString(StandardCharsets.UTF_8).lines().count(), logBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void statsCountTheEmbeddedParagraphsOnceReady() throws Exception {
    FakeEmbedder model = new FakeEmbedder("fake-1");
    serve(model, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), base -> {
      JsonObject s = awaitState(base, "/api/stats", "ready").getAsJsonObject("semantic");
      assertTrue(s.get("searchable").getAsBoolean());
      long embedded = s.get("embedded_paragraphs").getAsLong();
      assertTrue(embedded > 0 && embedded <= model.embedded.get(), s.toString());
      assertEquals(embedded, s.get("total_paragraphs").getAsLong());
      assertEquals("", s.get("detail").getAsString());
      assertEquals("ready", get(base, "/api/health").getAsJsonObject("semantic").get("state").getAsString());
    });
  }
}
