package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.BackendConfig;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.query.Synonyms;
import org.policysearch.web.TestServer;
import org.policysearch.web.WebApp;

/**
 * The cluster out of reach: the server keeps answering, searches are 503 problem+json saying what is wrong
 * (no host, no port, no stack trace), health is 503 with the reason, and everything answers again by
 * itself once the cluster is back.
 */
class OpenSearchUnavailableTest {
  @TempDir Path dir;

  @Test
  void searchesAre503WhileTheClusterIsAwayAndRecoverByThemselves() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path s : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(s, corpus.resolve(s.getFileName()));
    }
    try (Relay relay = new Relay(TestCluster.uri())) {
      relay.start();
      BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(relay.uri()), "unavailable-test", "",
          BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 1, 0);
      try (OpenSearchBackend backend = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
          new OpenSearchBackend.Corpus(corpus, new Ingester(IngestConfig.DEFAULTS, Builders.standard()), System.err))) {
        backend.reindex(true);
        long total = backend.search(SearchRequest.of("教育")).total();
        assertTrue(total > 0);
        Javalin app = WebApp.create(backend, TestServer.config(dir, dir.resolve("index"), dir.resolve("web"), SearchLimits.DEFAULTS)).start();
        try {
          String base = "http://127.0.0.1:" + app.port();
          assertEquals(200, get(base + "/api/search?q=%E6%95%99%E8%82%B2").statusCode());

          relay.stop();
          BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> backend.search(SearchRequest.of("教育")));
          assertFalse(e.getMessage().contains("127.0.0.1") || e.getMessage().contains(Integer.toString(relay.uri().getPort())), e.getMessage());
          HttpResponse<String> s = get(base + "/api/search?q=%E6%95%99%E8%82%B2");
          assertEquals(503, s.statusCode(), s.body());
          assertTrue(s.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
          JsonObject problem = JsonParser.parseString(s.body()).getAsJsonObject();
          String detail = problem.get("detail").getAsString();
          assertTrue(detail.contains("search cluster cannot be reached"), detail);
          assertFalse(detail.contains("127.0.0.1") || detail.contains(Integer.toString(relay.uri().getPort())), detail);
          assertFalse(s.body().contains("Exception") || s.body().contains("\tat "), s.body());
          HttpResponse<String> h = get(base + "/api/health");
          assertEquals(503, h.statusCode());
          JsonObject health = JsonParser.parseString(h.body()).getAsJsonObject();
          assertEquals("unavailable", health.get("status").getAsString());
          assertEquals("opensearch", health.get("backend").getAsString());
          assertTrue(health.get("detail").getAsString().contains("cannot be reached"));

          relay.start();
          HttpResponse<String> back = get(base + "/api/search?q=%E6%95%99%E8%82%B2");
          assertEquals(200, back.statusCode(), back.body());
          assertEquals(total, JsonParser.parseString(back.body()).getAsJsonObject().get("total").getAsLong());
          JsonObject ok = JsonParser.parseString(get(base + "/api/health").body()).getAsJsonObject();
          assertEquals("ok", ok.get("status").getAsString());
          assertEquals("opensearch", ok.get("backend").getAsString());
          assertEquals("opensearch", JsonParser.parseString(get(base + "/api/stats").body()).getAsJsonObject().get("backend").getAsString());
        } finally {
          app.stop();
        }
      }
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
