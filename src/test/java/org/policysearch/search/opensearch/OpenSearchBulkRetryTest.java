package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.BackendConfig;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;

/**
 * Bulk requests the cluster rejects for load (HTTP 429, as a node with a full write queue answers) are sent
 * again after a pause, and the run ends with exactly the corpus: an HTTP proxy in front of the test node
 * answers 429 to the first bulk requests and passes everything else through.
 */
class OpenSearchBulkRetryTest {
  @TempDir Path dir;

  @Test
  void rejectedBulksAreSentAgainAndTheRunEndsWithExactlyTheCorpus() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path s : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(s, corpus.resolve(s.getFileName()));
    }
    URI node = TestCluster.uri();
    AtomicInteger rejected = new AtomicInteger();
    HttpClient forward = HttpClient.newHttpClient();
    HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    proxy.createContext("/", ex -> {
      try {
        if (ex.getRequestURI().getPath().endsWith("/_bulk") && rejected.get() < 3) {
          rejected.incrementAndGet();
          ex.getRequestBody().readAllBytes();
          reply(ex, 429, "{\"error\":{\"type\":\"rejected_execution_exception\",\"reason\":\"write queue full\"},\"status\":429}");
          return;
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        HttpRequest.Builder b = HttpRequest.newBuilder(node.resolve(ex.getRequestURI().toString()))
            .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null) b.header("Content-Type", type);
        HttpResponse<String> r = forward.send(b.build(), HttpResponse.BodyHandlers.ofString());
        reply(ex, r.statusCode(), r.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply(ex, 500, "{}");
      }
    });
    proxy.start();
    try {
      BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort())),
          "bulk-retry-test", "", BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 1, 0);
      try (OpenSearchBackend backend = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
          new OpenSearchBackend.Corpus(corpus, new Ingester(IngestConfig.DEFAULTS, Builders.standard()), System.err))) {
        IndexRun run = backend.reindex(true);
        assertEquals(3, rejected.get(), "the proxy rejected the first three bulk requests");
        long expected = new Ingester(IngestConfig.DEFAULTS, Builders.standard()).ingestAll(corpus).documents().size();
        assertEquals(expected, run.documents());
        assertEquals(expected, backend.documentCount());
        // every document once: the ids the cluster holds are the corpus's
        Set<String> ids = new java.util.TreeSet<>();
        try (Cluster c = TestCluster.client()) {
          for (var d : new ClusterIndexer(c, "bulk-retry-test", 1, 0, null, null).scan("bulk-retry-test", List.of("id"))) {
            assertTrue(ids.add(d.get("id").getAsString()), "twice: " + d);
          }
        }
        assertEquals(expected, ids.size());
      }
    } finally {
      proxy.stop(0);
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) ex.getResponseBody().write(b);
    ex.close();
  }
}
