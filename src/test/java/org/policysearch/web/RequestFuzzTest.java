package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.SearchCoreTestDocs;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.SearchLimits;

/**
 * Thousands of random and hostile requests (seeded: {@code -Dfuzz.seed=N} replays a run, {@code
 * -Dfuzz.threads=1} makes it sequential to see which request left a connection broken): every
 * answer is a 2xx, or a 4xx with a complete problem document, never a 5xx; no answer carries a stack
 * trace or a server path; no request takes long; the server is healthy afterwards.
 */
class RequestFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 20_261_125L);
  static final int THREADS = Integer.getInteger("fuzz.threads", 2);
  static final int REQUESTS_PER_THREAD = 1_750;
  /** Generous: a bound that only a hang or a runaway query breaks, on a busy two-core CI machine. */
  static final long MAX_LATENCY_MS = 5_000;

  @TempDir static Path dir;
  static TestServer server;
  static List<String> serverPaths;

  @BeforeAll
  static void start() throws Exception {
    TestIndex.write(dir.resolve("index"), SearchCoreTestDocs.DOCS);
    Path web = Files.createDirectories(dir.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>policy-search</title>");
    server = new TestServer(dir.resolve("index"), web, SearchLimits.DEFAULTS, StubReindex.NOOP);
    serverPaths = List.of(dir.toString(), System.getProperty("user.dir"), System.getProperty("java.home"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  // ---- what hostile input is made of

  static final String[] FRAGMENTS = {
      "\"", "“", "”", "'", "(", ")", "((((", "))))", "()", "OR", "OR OR", "AND", "NOT", "-", "- - -", "--", "+",
      "title:", "title:\"", "title:(", "title:title:", "*", "?", "**", "*教育*", "(a+)+$", ".*.*.*", "[a-z]+", "{1,99999}",
      "\\", "\\\"", "/", "//", "%", "%%", "&", "=", "#", ";", ",", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
      "</mark>", "\u0000", "\u0001", "\u007f", "\t", "\n", "\r\n", "\u200b", "\uFEFF", "\u202e", "\u0301", "😀", "𠮷", "é",
      "ｔｉｔｌｅ：", "　", "…", "教育", "义务教育", "防溺水", "鄂州", "双减", "教联体", "2023", "2023年", "湖北省/鄂州市", "a", "zz",
      "null", "undefined", "NaN", "-1", "0", "99999999999999999999", "../../etc/passwd", "%2e%2e%2f", "..\\..\\", "${jndi:x}",
      "' OR 1=1 --", "\uD800", "\uDFFF"};
  static final String[] NUMBERS = {"-1", "0", "1", "2", "5", "100", "101", "10000", "2147483647", "2147483648", "-2147483648",
      "99999999999999999999", "1e3", "0x10", "NaN", "", " ", "1.5", "abc", "١٢", "+5", "\u0000", "2023"};
  static final String[] YEARS = {"2023", "2021", "20x3", "0000", "9999", "1000", "2999", "-2023", "", "2023,2024", "二〇二三"};
  static final String[] REGIONS = {"湖北省", "湖北省/鄂州市", "湖北省/鄂州市/华容区", "全国", "不存在省", "/", "a//b", "湖北省/",
      "x".repeat(101), "重庆市/潼南区", "%", "..", ""};
  static final String[] WORDS = {"双减", "校园安全", "讲话", "通知", "会议报道", "没有这个主题", "", "x", "relevance", "date_desc",
      "date_asc", "newest", "csv", "jsonl", "json", "xls", "true", "false", "maybe"};
  static final String[] ROUTES = {"/api/search", "/api/phrase", "/api/suggest", "/api/similar", "/api/export", "/api/facets",
      "/api/stats", "/api/health", "/api/admin/reindex", "/openapi.json", "/api/documents/ezhou", "/", "/index.html", "/api/nope"};
  static final String[] PARAMS = {"q", "region", "year", "from", "to", "theme", "type", "sort", "page", "size", "passages",
      "context", "format", "limit", "duplicates", "id", "paragraph", "text", "Q", "q ", "qq", "regoin", "", "%", "a[b]", "__proto__"};
  static final String[] BAD_ESCAPES = {"%C3%28", "%FF", "%FE%FF", "%E0%80%80", "%ED%A0%80", "%C0%AF", "%00", "%", "%G1",
      "%zz", "%2", "%%32%30", "%E6%95", "%F4%90%80%80"};

  static String pick(Random r, String[] a) {
    return a[r.nextInt(a.length)];
  }

  static String randomUnicode(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int cp = switch (r.nextInt(4)) {
        case 0 -> r.nextInt(0x80);
        case 1 -> 0x4E00 + r.nextInt(0x5200);
        case 2 -> r.nextInt(0x10000);
        default -> r.nextInt(0x110000);
      };
      sb.appendCodePoint(cp); // lone surrogates included: clients must send something for them
    }
    return sb.toString();
  }

  static String query(Random r) {
    int k = r.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < k; i++) {
      if (r.nextInt(3) > 0) sb.append(' ');
      sb.append(r.nextInt(5) == 0 ? randomUnicode(r, 1 + r.nextInt(6)) : pick(r, FRAGMENTS));
    }
    return switch (r.nextInt(40)) {
      case 0 -> "教 ".repeat(10_000); // 10,000 terms
      case 1 -> "教育".repeat(501); // just over the length limit
      case 2 -> "a ".repeat(64) + "b"; // 65 terms
      case 3 -> "\"" + "教育".repeat(400) + "\"";
      case 4 -> "(".repeat(300) + "教育" + ")".repeat(300);
      case 5 -> "-".repeat(500) + "教育";
      case 6 -> "title:" + "title:".repeat(100);
      default -> sb.toString();
    };
  }

  static String value(Random r, String param) {
    return switch (param) {
      case "q", "text" -> query(r);
      case "page", "size", "passages", "context", "limit", "paragraph" -> pick(r, NUMBERS);
      case "year", "from", "to" -> pick(r, YEARS);
      case "region" -> pick(r, REGIONS);
      case "id" -> r.nextBoolean() ? pick(r, new String[] {"ezhou", "xss", "law", "nope", "../ezhou", "ezhou/.."}) : query(r);
      default -> r.nextInt(4) == 0 ? randomUnicode(r, 3) : pick(r, WORDS);
    };
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A query string of well-formed escapes, mostly known parameters of the route, sometimes others. */
  static String queryString(Random r, String route) {
    List<String> known = switch (route) {
      case "/api/search" -> List.of("q", "region", "year", "from", "to", "theme", "type", "sort", "page", "size", "passages");
      case "/api/phrase" -> List.of("q", "region", "year", "page", "size", "context", "format");
      case "/api/export" -> List.of("q", "region", "year", "sort", "format", "limit", "passages");
      case "/api/suggest" -> List.of("q", "size");
      case "/api/similar" -> List.of("id", "paragraph", "size");
      default -> List.of("q");
    };
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      String p = r.nextInt(8) == 0 ? pick(r, PARAMS) : known.get(r.nextInt(known.size()));
      sb.append(sb.isEmpty() ? "?" : "&").append(enc(p));
      if (r.nextInt(10) > 0) sb.append('=').append(enc(value(r, p)));
    }
    return sb.toString();
  }

  // ---- one request, its checks

  record Outcome(String request, int status, String contentType, String csp, String body, long ms, boolean head) {}

  Outcome send(Random r) throws Exception {
    int kind = r.nextInt(100);
    long t0 = System.nanoTime();
    String[] request = {"?"};
    try {
      return send(r, kind, t0, request);
    } catch (java.io.IOException e) {
      // No answer at all (connection closed or reset): a failure of its own kind, reported with the request.
      return new Outcome(request[0], -1, "", null, e.toString(), (System.nanoTime() - t0) / 1_000_000, false);
    }
  }

  Outcome send(Random r, int kind, long t0, String[] request) throws Exception {
    if (kind < 12) return rawRequest(r, t0, request);
    String method = "GET";
    String path;
    String body = null;
    List<String> headers = new ArrayList<>();
    if (kind < 45) {
      path = "/api/search" + queryString(r, "/api/search");
    } else if (kind < 52) {
      path = "/api/phrase" + queryString(r, "/api/phrase");
    } else if (kind < 58) {
      path = "/api/suggest" + queryString(r, "/api/suggest");
    } else if (kind < 65) {
      path = "/api/documents/" + enc(value(r, "id")).replace("+", "%20") + (r.nextBoolean() ? "?q=" + enc(query(r)) : "");
    } else if (kind < 71) {
      path = "/api/similar" + queryString(r, "/api/similar");
    } else if (kind < 80) {
      method = "POST";
      path = "/api/similar" + (r.nextInt(10) == 0 ? "?x=1" : "");
      body = similarBody(r);
      if (r.nextBoolean()) headers.addAll(List.of("Content-Type", pick(r, new String[] {"application/json", "text/plain",
          "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz", "application/json; charset=gbk"})));
    } else if (kind < 85) {
      path = "/api/export" + queryString(r, "/api/export");
    } else if (kind < 90) {
      path = pick(r, new String[] {"/api/facets", "/api/stats", "/api/health", "/openapi.json"}) + queryString(r, "");
    } else if (kind < 96) {
      method = pick(r, new String[] {"PUT", "DELETE", "PATCH", "POST", "OPTIONS", "HEAD"});
      path = pick(r, ROUTES);
      if (method.equals("POST") && path.equals("/api/admin/reindex")) {
        headers.addAll(List.of("Authorization", pick(r, new String[] {"Bearer wrong", "Bearer", "Basic dGVzdA==", "bearer x"})));
      }
      body = method.equals("HEAD") || method.equals("OPTIONS") ? null : query(r);
    } else {
      path = "/" + String.join("/", Collections.nCopies(1 + r.nextInt(4), enc(query(r)).replace("+", "%20")));
    }
    request[0] = method + " " + abbreviate(path) + (body == null ? "" : " with a body of " + body.length() + " characters");
    HttpResponse<String> res = server.send(method, path, body, headers.toArray(new String[0]));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new Outcome(method + " " + abbreviate(path), res.statusCode(), res.headers().firstValue("Content-Type").orElse(""),
        res.headers().firstValue("Content-Security-Policy").orElse(null), res.body(), ms, method.equals("HEAD"));
  }

  static String similarBody(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> "";
      case 1 -> "{";
      case 2 -> "[]";
      case 3 -> "null";
      case 4 -> "{\"text\": 1}";
      case 5 -> "[".repeat(20_000) + "]".repeat(20_000);
      case 6 -> "{\"text\":\"" + "长".repeat(70_000) + "\"}"; // over the body limit
      case 7 -> "{\"text\":\"" + "教育 ".repeat(5_000) + "\"}"; // over the text limit
      case 8 -> "{\"text\":\"教育\",\"size\":" + pick(r, new String[] {"-1", "0", "1e9", "1.5", "\"5\"", "null", "[]",
          "99999999999999999999"}) + "}";
      case 9 -> "\u0000\u0001\u00ff";
      default -> {
        JsonObject o = new JsonObject();
        o.addProperty("text", query(r));
        if (r.nextBoolean()) o.addProperty("size", pick(r, NUMBERS));
        yield o.toString();
      }
    };
  }

  /** Bytes a client library would not send: malformed escapes, raw non-UTF-8, dot segments, control characters. */
  Outcome rawRequest(Random r, long t0, String[] request) throws Exception {
    String route = pick(r, new String[] {"/api/search", "/api/phrase", "/api/suggest", "/api/documents/", "/api/similar", "/"});
    byte[] target;
    switch (r.nextInt(5)) {
      case 0 -> target = ascii(route + (route.endsWith("/") ? pick(r, BAD_ESCAPES) : "?q=" + pick(r, BAD_ESCAPES)));
      case 1 -> target = ascii(route + (route.endsWith("/") ? "" : "?") + pick(r, BAD_ESCAPES) + "=" + pick(r, BAD_ESCAPES));
      case 2 -> {
        byte[] junk = new byte[1 + r.nextInt(8)];
        for (int i = 0; i < junk.length; i++) junk[i] = (byte) (0x80 + r.nextInt(0x80)); // raw high bytes, not escaped
        byte[] head = ascii(route + (route.endsWith("/") ? "" : "?q="));
        target = new byte[head.length + junk.length];
        System.arraycopy(head, 0, target, 0, head.length);
        System.arraycopy(junk, 0, target, head.length, junk.length);
      }
      case 3 -> target = ascii(pick(r, new String[] {"/api/../pom.xml", "/api/search/../../pom.xml", "/./api/./health",
          "/api/documents/..%2f..%2fpom.xml", "/api/documents/%2e%2e", "/api//search", "/api/search;jsessionid=1?q=a",
          "/api/documents/a%5cb", "*", "http://127.0.0.1/api/health", "/api/search?q=a#frag", "/%u0041pi/health"}));
      // Just over the 16 KiB request-line limit: small enough to be written before the server answers 414 and closes.
      default -> target = ascii(route + "?q=" + "a".repeat(r.nextBoolean() ? 2_000 : 1 + r.nextInt(100)).replace("a", "%E6%95%99"));
    }
    request[0] = "RAW " + abbreviate(new String(target, StandardCharsets.ISO_8859_1));
    TestServer.RawResponse res = server.raw(target, "GET");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new Outcome("RAW " + abbreviate(new String(target, StandardCharsets.ISO_8859_1)), res.status(),
        res.header("Content-Type") == null ? "" : res.header("Content-Type"), res.header("Content-Security-Policy"), res.body(), ms,
        false);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String abbreviate(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
  }

  /** What is wrong with one answer, or null. */
  static String problemWith(Outcome o) {
    if (o.status < 0) return "no answer (" + o.body + ")";
    boolean ok = o.status >= 200 && o.status < 300 || o.status >= 400 && o.status < 500;
    if (!ok) return "status " + o.status;
    if (o.csp == null || !o.csp.contains("script-src 'self'")) return "no Content-Security-Policy header";
    for (String leak : List.of("Exception", "\tat ", "at org.", "at java.", "at io.javalin", "at org.eclipse")) {
      if (o.body.contains(leak)) return "body contains '" + leak.strip() + "'";
    }
    for (String p : serverPaths) if (o.body.contains(p)) return "body contains the server path " + p;
    if (o.status >= 400 && !o.head) {
      if (!o.contentType.startsWith("application/problem+json")) return "content type " + o.contentType;
      JsonObject p;
      try {
        JsonElement e = JsonParser.parseString(o.body);
        p = e.getAsJsonObject();
      } catch (RuntimeException e) {
        return "problem body is not a JSON object";
      }
      for (String field : List.of("type", "title", "status", "detail")) if (!p.has(field)) return "problem without " + field;
      if (p.get("status").getAsInt() != o.status) return "problem status " + p.get("status") + " on a " + o.status;
    }
    return null;
  }

  @Test
  void everyHostileRequestGetsAnAnswerOrAProblemQuicklyAndTheServerStaysHealthy() throws Exception {
    List<Outcome> all = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> runs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      Random r = new Random(SEED + t);
      runs.add(pool.submit(() -> {
        String previous = "";
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
          Outcome o = send(r);
          // A request without an answer is often the victim of the one before it on a kept-alive connection.
          if (o.status < 0) o = new Outcome(o.request + " (after " + previous + ")", o.status, o.contentType, o.csp, o.body, o.ms, o.head);
          previous = o.request + " → " + o.status;
          all.add(o);
        }
        return null;
      }));
    }
    for (Future<?> f : runs) f.get();
    pool.shutdown();
    long took = (System.nanoTime() - t0) / 1_000_000;

    List<String> failures = new ArrayList<>();
    long[] ms = new long[all.size()];
    int i = 0;
    int[] byClass = new int[6];
    for (Outcome o : all) {
      ms[i++] = o.ms;
      byClass[Math.min(5, o.status / 100)]++;
      String p = problemWith(o);
      if (p != null && failures.size() < 12) failures.add(p + ": " + o.request + " → " + o.status + " " + abbreviate(o.body));
    }
    java.util.Arrays.sort(ms);
    long p50 = ms[ms.length / 2];
    long p99 = ms[(int) (ms.length * 0.99)];
    long max = ms[ms.length - 1];
    System.out.printf("fuzz: %d requests (seed %d) in %d ms; 2xx %d, 4xx %d, 5xx %d; latency p50 %d ms, p99 %d ms, max %d ms%n",
        all.size(), SEED, took, byClass[2], byClass[4], byClass[5], p50, p99, max);
    assertEquals(List.of(), failures);
    assertTrue(max < MAX_LATENCY_MS, "slowest request took " + max + " ms");
    HttpResponse<String> health = server.get("/api/health");
    assertEquals(200, health.statusCode(), health.body());
    assertEquals("ok", JsonParser.parseString(health.body()).getAsJsonObject().get("status").getAsString());
    assertEquals(SearchCoreTestDocs.DOCS.size(),
        JsonParser.parseString(server.get("/api/search?size=0").body()).getAsJsonObject().get("total").getAsInt());
  }
}
