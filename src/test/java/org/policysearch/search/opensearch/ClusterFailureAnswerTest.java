package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.BackendConfig;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.query.Synonyms;
import org.policysearch.web.TestServer;
import org.policysearch.web.WebApp;

/**
 * A cluster that is reached but fails to answer (HTTP 500, with OpenSearch's JSON error or with a proxy's HTML page)
 * is "failed to answer", a 503 with the status, never "cannot be reached" (it was reached) and
 * never the server's own 500; the answer names no host and no port. A stand-in HTTP server plays the failing cluster.
 */
class ClusterFailureAnswerTest {
  @TempDir Path dir;
  HttpServer fake;
  volatile int status;
  volatile String contentType;
  volatile String body;

  @BeforeEach
  void start() throws IOException {
    fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext("/", ex -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", contentType);
      ex.sendResponseHeaders(status, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(b);
      }
    });
    fake.start();
  }

  @AfterEach
  void stop() {
    fake.stop(0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "500|application/json|{\"error\":{\"type\":\"search_phase_execution_exception\",\"reason\":\"all shards failed\"},\"status\":500}|HTTP 500)",
      "500|text/html|<html><body><h1>500 Internal Server Error</h1></body></html>|HTTP 500)",
      "501|text/plain|not implemented|HTTP 501)"})
  void aFailedAnswerIsUnavailableSaidWithItsStatus(int status, String type, String body, String expected) throws Exception {
    this.status = status;
    this.contentType = type;
    this.body = body;
    URI uri = URI.create("http://127.0.0.1:" + fake.getAddress().getPort());
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(uri), "failing", "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 1, 0);
    try (OpenSearchBackend backend = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS, null)) {
      BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> backend.search(SearchRequest.of("教育")));
      assertTrue(e.getMessage().startsWith("the search cluster failed to answer ("), e.getMessage());
      assertTrue(e.getMessage().contains(expected), e.getMessage());
      Javalin app = WebApp.create(backend, TestServer.config(dir, dir.resolve("index"), dir.resolve("web"), SearchLimits.DEFAULTS)).start();
      try {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + app.port() + "/api/search?q=%E6%95%99%E8%82%B2")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject p = JsonParser.parseString(r.body()).getAsJsonObject();
        assertTrue(p.get("detail").getAsString().contains(expected), r.body());
        assertFalse(r.body().contains("127.0.0.1") || r.body().contains(Integer.toString(fake.getAddress().getPort())), "no address: " + r.body());
        assertFalse(r.body().contains("cannot be reached"), r.body());
      } finally {
        app.stop();
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"200|text/html|<html>a login page</html>"})
  void aNonJsonAnswerThatIsNotAFailureIsAnErrorOfItsOwn(int status, String type, String body) throws Exception {
    this.status = status;
    this.contentType = type;
    this.body = body;
    URI uri = URI.create("http://127.0.0.1:" + fake.getAddress().getPort());
    try (Cluster c = new Cluster(List.of(uri), "", "", null)) {
      IOException e = assertThrows(IOException.class, () -> c.get("/"));
      assertFalse(e instanceof BackendUnavailableException, e.getMessage());
      assertEquals("the search cluster answered HTTP 200 with something other than a JSON object", e.getMessage());
    }
  }
}
