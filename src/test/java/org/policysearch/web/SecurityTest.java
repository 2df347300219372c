package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.Config;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.SearchCoreTestDocs;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;

/**
 * Security defaults (README "Guarantees"): loopback binding, the admin token, no path traversal through
 * static files or document ids, escaped HTML in the API, the Content-Security-Policy on every answer.
 */
class SecurityTest {
  static final String SECRET = "TOP-SECRET-FILE-CONTENT";
  static final String TOKEN_FILE_CONTENT = "ADMIN-TOKEN-FILE-CONTENT";

  @TempDir static Path dir;
  static TestServer server;
  static int reindexCalls;

  @BeforeAll
  static void start() throws Exception {
    Path index = dir.resolve("index");
    TestIndex.write(index, SearchCoreTestDocs.DOCS);
    Files.writeString(index.resolve("admin-token"), TOKEN_FILE_CONTENT);
    Files.writeString(dir.resolve("secret.txt"), SECRET);
    Files.createDirectories(dir.resolve("web-private"));
    Files.writeString(dir.resolve("web-private/x.txt"), SECRET);
    Path web = Files.createDirectories(dir.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>policy-search</title><p>page");
    Files.writeString(web.resolve("app.js"), "console.log('page');");
    // Links inside the web folder that lead out of it: whoever made them, they must not serve what is outside.
    Files.createSymbolicLink(web.resolve("link.txt"), dir.resolve("secret.txt"));
    Files.createSymbolicLink(web.resolve("up"), dir);
    server = new TestServer(index, web, SearchLimits.DEFAULTS, rebuild -> {
      reindexCalls++;
      return StubReindex.NOTHING_TO_DO;
    });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static void assertNothingLeaked(String request, int status, String body) {
    assertFalse(body.contains(SECRET), request + " served a file outside the web folder");
    assertFalse(body.contains(TOKEN_FILE_CONTENT), request + " served the admin token");
    assertFalse(body.contains("root:x:0:0"), request + " served /etc/passwd");
    assertFalse(body.contains("<artifactId>"), request + " served the pom");
    // The client's own path may come back (as the problem's "instance"); a server path it did not send may not.
    if (!request.contains(dir.toString()) && !request.contains(dir.toString().replace("/", "%2F"))) {
      assertFalse(body.contains(dir.toString()), request + " shows a server path");
    }
    assertTrue(status == 400 || status == 404, request + " → " + status + " " + body);
  }

  @Test
  void staticFilesNeverComeFromOutsideTheWebFolder() throws Exception {
    assertEquals(200, server.raw("/").status());
    assertTrue(server.raw("/index.html").body().contains("policy-search"));
    String abs = dir.resolve("secret.txt").toString();
    List<String> attempts = List.of("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
        "/.%2e/secret.txt", "/web/../secret.txt", "/index.html/../../secret.txt", "/./../secret.txt", "/..\\secret.txt",
        "/%5c..%5csecret.txt", "/..%5csecret.txt", "/..;/secret.txt", "/%2e%2e;/secret.txt", "/%00/../secret.txt",
        "/index.html%00.txt", "/secret.txt%00.html", "//etc/passwd", "/etc/passwd", "/%2fetc%2fpasswd",
        "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/secret.txt",
        "/%c0%ae%c0%ae/secret.txt", "/..%c0%afsecret.txt", "/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml",
        "/../index/admin-token", "/%2e%2e/index/admin-token", "/web/../index/admin-token", "/../web-private/x.txt",
        "/link.txt", "/up/secret.txt", "/up/index/admin-token", "/up/../secret.txt", abs, "/" + abs, "/%2F" + abs.substring(1),
        "file://" + abs, "http://127.0.0.1" + "/../secret.txt", "/api/../../secret.txt");
    for (String a : attempts) {
      TestServer.RawResponse r = server.raw(a);
      assertNothingLeaked(a, r.status(), r.body());
      assertTrue(r.header("Content-Type") != null && r.header("Content-Type").startsWith("application/problem+json"),
          a + " → " + r.head());
      assertEquals(WebApp.CSP, r.header("Content-Security-Policy"), a);
    }
  }

  @Test
  void documentIdsAreNeverPaths() throws Exception {
    String abs = dir.resolve("secret.txt").toString();
    List<String> ids = List.of("..%2f..%2fsecret.txt", "%2e%2e%2f%2e%2e%2fsecret.txt", "../../secret.txt", "..%5c..%5csecret.txt",
        "..\\..\\secret.txt", "%2fetc%2fpasswd", "/etc/passwd", "%2F" + abs.substring(1).replace("/", "%2F"), abs.substring(1),
        "..%252f..%252fsecret.txt", "%00", "ezhou%00", "ezhou/../ezhou", "../index/admin-token", "file:%2F%2F%2Fetc%2Fpasswd");
    for (String id : ids) {
      String target = "/api/documents/" + id;
      TestServer.RawResponse r = server.raw(target);
      assertNothingLeaked(target, r.status(), r.body());
      assertTrue(r.header("Content-Type").startsWith("application/problem+json"), target + " → " + r.head());
    }
    assertEquals(200, server.raw("/api/documents/ezhou").status(), "a real id still works");
  }

  @Test
  void adminNeedsTheExactTokenAndSaysHowToGiveIt() throws Exception {
    int before = reindexCalls;
    String t = TestServer.TOKEN;
    List<String[]> wrong = List.of(new String[0], new String[] {"Authorization", "Bearer"},
        new String[] {"Authorization", "Bearer wrong"}, new String[] {"Authorization", "Bearer " + t.substring(0, t.length() - 1)},
        new String[] {"Authorization", "Bearer " + t + "x"}, new String[] {"Authorization", "Bearer " + t.toUpperCase()},
        new String[] {"Authorization", "Basic " + t}, new String[] {"Authorization", t}, new String[] {"X-Token", t});
    for (String[] h : wrong) {
      HttpResponse<String> r = server.send("POST", "/api/admin/reindex", "", h);
      assertEquals(401, r.statusCode(), String.join(" ", h));
      assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""));
      assertTrue(r.body().contains("Authorization: Bearer"), r.body());
      assertFalse(r.body().contains(t), "the token is never echoed");
    }
    assertEquals(400, server.send("POST", "/api/admin/reindex?token=" + t, "").statusCode(), "not in the URL (logs keep URLs)");
    assertEquals(405, server.get("/api/admin/reindex").statusCode());
    assertEquals(before, reindexCalls, "nothing ran without the token");
    HttpResponse<String> ok = server.send("POST", "/api/admin/reindex", "", "Authorization", "Bearer " + t);
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(before + 1, reindexCalls);
  }

  /**
   * Jetty's per-connection header cache matched values ignoring case and rebuilt a value from a cached
   * prefix: after "Bearer …012345678" on a kept-alive connection, "Bearer …0123456789" in the wrong case
   * reached the handler as the right token.
   */
  @Test
  void headerValuesReachTheHandlerExactlyAsSentOnAKeptAliveConnection() throws Exception {
    int before = reindexCalls;
    String t = TestServer.TOKEN;
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      for (String token : new String[] {t.substring(0, t.length() - 1), t.substring(0, t.length() - 1), t.toUpperCase(),
          t.toUpperCase(), t.substring(0, t.length() - 1) + "X"}) {
        s.getOutputStream().write(("POST /api/admin/reindex HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nAuthorization: Bearer "
            + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(401, readResponseStatus(s.getInputStream()), token);
      }
    }
    assertEquals(before, reindexCalls);
  }

  /** Reads one response with a Content-Length body off a kept-alive connection; returns its status. */
  static int readResponseStatus(java.io.InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("connection closed after: " + head);
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).strip());
    }
    in.readNBytes(length);
    return Integer.parseInt(head.toString().split(" ")[1]);
  }

  @Test
  void withoutAConfiguredTokenNoTokenOpensTheAdminEndpoints(@TempDir Path other) throws Exception {
    Config c = TestServer.config(dir, dir.resolve("index"), dir.resolve("web"), SearchLimits.DEFAULTS);
    c = new Config(c.home(), c.corpus(), c.index(), c.web(), c.host(), 0, "", c.corsOrigins(), false, false, null, false,
        c.limits(), c.maxBodyBytes(), false, 1);
    try (LuceneBackend e = LuceneBackend.open(dir.resolve("index"), TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS)) {
      Javalin app = WebApp.create(new StubReindex(e, rebuild -> fail("reindex ran without a token")), c).start();
      try {
        TestServer.RawResponse r = rawPost(app.port(), "/api/admin/reindex", "Authorization: Bearer \r\n");
        assertEquals(401, r.status(), r.head());
      } finally {
        app.stop();
      }
    }
  }

  static TestServer.RawResponse rawPost(int port, String path, String headers) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n" + headers
          + "\r\n").getBytes(StandardCharsets.US_ASCII));
      return TestServer.RawResponse.parse(s.getInputStream().readAllBytes());
    }
  }

  @Test
  void theDefaultConfigurationListensOnLoopbackOnly() throws Exception {
    Config d = Config.defaults(dir);
    assertEquals("127.0.0.1", d.host());
    assertEquals("127.0.0.1", Config.load(dir).host(), "no properties file: still loopback");
    Config c = new Config(dir, dir.resolve("corpus"), dir.resolve("index"), dir.resolve("web"), d.host(), 0, "t", List.of(),
        false, false, null, false, SearchLimits.DEFAULTS, Config.DEFAULT_MAX_BODY_BYTES, false, 1);
    try (LuceneBackend e = LuceneBackend.open(dir.resolve("index"), TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS)) {
      Javalin app = WebApp.create(e, c).start();
      try {
        var connectors = app.jettyServer().server().getConnectors();
        assertEquals(1, connectors.length);
        assertEquals("127.0.0.1", ((ServerConnector) connectors[0]).getHost());
        try (Socket s = new Socket("127.0.0.1", app.port())) {
          assertTrue(s.isConnected());
        }
        List<InetAddress> others = nonLoopbackAddresses();
        System.out.println("loopback binding: checked against " + others);
        for (InetAddress a : others) {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a, app.port()), 2_000);
            fail("the server answered on " + a);
          } catch (IOException expected) {
            // refused or unreachable: not listening there
          }
        }
      } finally {
        app.stop();
      }
    }
  }

  static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) continue;
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a.isLoopbackAddress() || a instanceof Inet6Address && a.isLinkLocalAddress()) continue;
        out.add(a);
      }
    }
    return out;
  }

  @Test
  void documentTextIsEscapedWhereItBecomesHtml() throws Exception {
    for (String q : new String[] {"", "?q=script", "?q=" + java.net.URLEncoder.encode("\"<img\"", StandardCharsets.UTF_8)}) {
      HttpResponse<String> r = server.get("/api/documents/xss" + q);
      assertEquals(200, r.statusCode(), r.body());
      JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
      for (JsonElement p : o.getAsJsonArray("paragraphs")) {
        String html = p.getAsJsonObject().get("html").getAsString();
        assertFalse(html.contains("<script") || html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;") || html.contains("&lt;</mark>script") || html.contains("<mark>"), html);
        assertTrue(html.replaceAll("</?mark>", "").contains("&lt;img src=x onerror=alert(2)&gt;"), html);
      }
    }
    HttpResponse<String> hit = server.get("/api/search?q=" + java.net.URLEncoder.encode("\"onerror\"", StandardCharsets.UTF_8));
    String html = JsonParser.parseString(hit.body()).getAsJsonObject().getAsJsonArray("hits").get(0).getAsJsonObject()
        .getAsJsonArray("passages").get(0).getAsJsonObject().get("html").getAsString();
    assertEquals("含有&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;和&lt;img src=x <mark>onerror</mark>=alert(2)&gt;的教育文字。", html);
  }

  @Test
  void everyAnswerCarriesTheContentSecurityPolicy() throws Exception {
    for (String path : List.of("/", "/index.html", "/app.js", "/api/health", "/api/search?q=x", "/api/search?size=-1",
        "/api/nothing", "/nothing.html", "/openapi.json", "/api/documents/nope")) {
      HttpResponse<String> r = server.get(path);
      assertEquals(WebApp.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), path + " → " + r.statusCode());
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
    }
    assertTrue(WebApp.CSP.contains("script-src 'self'") && !WebApp.CSP.contains("unsafe-inline"), "no inline script");
    HttpResponse<String> post = server.send("POST", "/api/search", "{}");
    assertEquals(WebApp.CSP, post.headers().firstValue("Content-Security-Policy").orElse(null), "405");
    TestServer.RawResponse tooLong = server.raw("/api/search?q=" + "a".repeat(20_000));
    assertEquals(414, tooLong.status());
    assertEquals(WebApp.CSP, tooLong.header("Content-Security-Policy"), "Jetty's own 414");
    TestServer.RawResponse bad = server.raw("/%C0%AF");
    assertEquals(400, bad.status());
    assertEquals(WebApp.CSP, bad.header("Content-Security-Policy"), "Jetty's own 400");
  }
}
