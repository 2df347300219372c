package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.SearchCoreTestDocs;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.SearchLimits;

/**
 * The documented bounds on one request (README "Guarantees"): body size, URI length, query length and
 * terms, page size and depth, similar-text length, and the time limit, which returns partial results
 * flagged {@code timed_out} instead of running on.
 */
class RequestLimitsTest {
  @TempDir static Path dir;
  static TestServer server;
  /** Same index, but every search is over its time budget the moment it starts. */
  static TestServer noTime;

  @BeforeAll
  static void start() throws Exception {
    TestIndex.write(dir.resolve("index"), SearchCoreTestDocs.DOCS);
    server = new TestServer(dir.resolve("index"), dir.resolve("no-web"), SearchLimits.DEFAULTS, StubReindex.NOOP);
    SearchLimits d = SearchLimits.DEFAULTS;
    noTime = new TestServer(dir.resolve("index"), dir.resolve("no-web"), new SearchLimits(d.maxQueryLength(), d.maxClauses(),
        d.maxPageSize(), d.maxResultWindow(), d.maxPassages(), Duration.ZERO), StubReindex.NOOP);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    noTime.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonObject problem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    JsonObject p = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals(status, p.get("status").getAsInt());
    return p;
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413EveryTime() throws Exception {
    // Two clients, each alternating a search and an oversized body on its kept-alive connections: the refusal
    // must reach the client every time, never as a reset connection.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
    for (int t = 0; t < 2; t++) {
      runs.add(pool.submit(() -> {
        for (int i = 0; i < 60; i++) {
          assertEquals(200, server.get("/api/search?q=" + enc("教育")).statusCode());
          String body = "{\"text\":\"" + "长".repeat(70_000 + i * 100) + "\"}";
          JsonObject p = problem(server.send("POST", "/api/similar", body, "Content-Type", "application/json"), 413);
          assertTrue(p.get("detail").getAsString().contains("the limit is 65536 bytes"), p.toString());
        }
        return null;
      }));
    }
    for (var f : runs) f.get();
    pool.shutdown();
    assertEquals(200, server.send("POST", "/api/similar", "{\"text\":\"义务教育\"}").statusCode());
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedToo() throws Exception {
    byte[] big = ("{\"text\":\"" + "长".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base + "/api/similar"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
    problem(server.http.send(req, HttpResponse.BodyHandlers.ofString()), 413);
  }

  /**
   * A body the route never reads (a wrong method, an unknown path) is still read off the connection, so a
   * client's next request on the kept-alive connection is answered instead of meeting a closed socket.
   */
  @Test
  void anUnreadBodyDoesNotBreakTheKeptAliveConnection() throws Exception {
    for (String target : new String[] {"PUT /api/search", "POST /api/nothing", "DELETE /api/health", "POST /api/search"}) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
        s.setSoTimeout(10_000);
        byte[] body = "教育".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        var out = s.getOutputStream();
        out.write((target + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        Thread.sleep(300); // the server answers before the rest of the body arrives
        out.write(body, body.length / 2, body.length - body.length / 2);
        out.write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int first = SecurityTest.readResponseStatus(s.getInputStream());
        assertTrue(first == 404 || first == 405, target + " → " + first);
        assertEquals(200, SecurityTest.readResponseStatus(s.getInputStream()), "the next request on the connection after " + target);
      }
    }
  }

  @Test
  void aUriOverTheLimitIs414() throws Exception {
    HttpResponse<String> r = server.get("/api/search?q=" + enc("教".repeat(6_000)));
    problem(r, 414);
    // Jetty closes the connection after a request it could not read; it must say so, or the client's next
    // request (a POST, which clients do not retry) goes down the dead connection and gets no answer.
    assertEquals("close", r.headers().firstValue("Connection").orElse(""));
    assertEquals(200, server.send("POST", "/api/similar", "{\"text\":\"义务教育\"}").statusCode());
    assertEquals(200, server.get("/api/search?q=" + "a".repeat(900)).statusCode(), "under the limits: answered");
  }

  @Test
  void queryLengthAndTermsAreBounded() throws Exception {
    JsonObject p = problem(server.get("/api/search?q=" + enc("教育".repeat(501))), 400);
    assertEquals("q", p.get("parameter").getAsString());
    assertTrue(p.get("detail").getAsString().contains("the limit is 1000"), p.toString());
    p = problem(server.get("/api/search?q=" + enc("a ".repeat(64) + "b")), 400);
    assertEquals("q", p.get("parameter").getAsString());
    assertEquals(200, server.get("/api/search?q=" + enc("a ".repeat(63) + "b")).statusCode());
  }

  @Test
  void pageSizeAndDepthAreBounded() throws Exception {
    assertEquals("size", problem(server.get("/api/search?size=101"), 400).get("parameter").getAsString());
    assertEquals("size", problem(server.get("/api/search?size=-1"), 400).get("parameter").getAsString());
    assertEquals("page", problem(server.get("/api/search?page=101&size=100"), 400).get("parameter").getAsString());
    assertEquals("page", problem(server.get("/api/search?page=2147483647&size=100"), 400).get("parameter").getAsString());
    assertEquals(200, server.get("/api/search?page=100&size=100").statusCode());
    assertEquals("size", problem(server.get("/api/phrase?q=" + enc("教育") + "&size=101"), 400).get("parameter").getAsString());
    assertEquals("limit", problem(server.get("/api/export?limit=10001"), 400).get("parameter").getAsString());
    assertEquals("passages", problem(server.get("/api/search?passages=11"), 400).get("parameter").getAsString());
  }

  @Test
  void pastedTextForSimilarIsBounded() throws Exception {
    JsonObject p = problem(server.send("POST", "/api/similar", "{\"text\":\"" + "教".repeat(5_001) + "\"}"), 400);
    assertEquals("text", p.get("parameter").getAsString());
  }

  @Test
  void aSearchOverTheTimeLimitReturnsWhatItHasFlaggedTimedOut() throws Exception {
    HttpResponse<String> r = noTime.get("/api/search?q=" + enc("教育 OR 义务教育 OR 防溺水"));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(JsonParser.parseString(r.body()).getAsJsonObject().get("timed_out").getAsBoolean(), r.body());
    r = noTime.get("/api/phrase?q=" + enc("教育"));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(JsonParser.parseString(r.body()).getAsJsonObject().get("timed_out").getAsBoolean(), r.body());
    r = server.get("/api/search?q=" + enc("教育"));
    assertTrue(!JsonParser.parseString(r.body()).getAsJsonObject().get("timed_out").getAsBoolean(), "in time: complete");
  }
}
