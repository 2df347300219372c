package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.Config;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.ReindexException;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;

/**
 * Every endpoint and every error class over real HTTP on a random port. The server runs over the embedded backend
 * here, over the OpenSearch backend in {@code HttpApiOnOpenSearchTest}; what a backend answers differently by design
 * is asked through the methods that subclass overrides ({@link #backend()}).
 */
class HttpApiTest {
  @TempDir static Path dir;
  /** The backend the server runs over: the embedded index here, the cluster in {@code HttpApiOnOpenSearchTest}. */
  static SearchBackend engine;
  /** The same index opened without its corpus, as a server over a copied index is (cannot reindex). */
  static SearchBackend withoutCorpus;
  static Javalin app;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String TOKEN = "test-token-123";

  @BeforeAll
  static void start() throws Exception {
    TestIndex.write(dir.resolve("index"), org.policysearch.search.SearchCoreTestDocs.DOCS);
    engine = LuceneBackend.open(dir.resolve("index"), TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS);
    withoutCorpus = engine; // opened without a corpus
    serve();
  }

  /** The server over {@link #engine}, its reindex answered at once. */
  static void serve() {
    Config cfg = new Config(dir, dir.resolve("corpus"), dir.resolve("index"), Path.of("web"), "127.0.0.1", 0, TOKEN, List.of(), false,
        false, null, false, SearchLimits.DEFAULTS, Config.DEFAULT_MAX_BODY_BYTES, false, 1);
    app = WebApp.create(new StubReindex(engine, StubReindex.NOOP), cfg).start();
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    if (withoutCorpus != engine) withoutCorpus.close();
    engine.close();
  }

  /** What /api/health and /api/stats say the backend is. */
  String backend() {
    return "lucene";
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) b.headers(headers);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonObject json(HttpResponse<String> r) {
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  static void assertProblem(HttpResponse<String> r, int status, String parameter) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    JsonObject p = json(r);
    assertEquals(status, p.get("status").getAsInt());
    assertTrue(p.has("type") && p.has("title") && p.has("detail"));
    // the page shows detail_zh: every problem, Jetty's own (414) included, says it in Chinese
    assertTrue(p.has("detail_zh") && p.get("detail_zh").getAsString().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF),
        "detail_zh in Chinese: " + r.body());
    assertFalse(r.body().contains("Exception"), "no stack trace or exception names: " + r.body());
    assertFalse(r.body().contains(dir.toString()), "no file system paths");
    if (parameter != null) assertEquals(parameter, p.get("parameter").getAsString(), r.body());
  }

  @Test
  void search() throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + enc("\"义务教育\"") + "&region=" + enc("湖北省") + "&size=5");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject o = json(r);
    assertEquals(2, o.get("total").getAsLong()); // ezhou and huarong
    JsonObject hit = o.getAsJsonArray("hits").get(0).getAsJsonObject();
    assertTrue(hit.has("passages"));
    JsonObject passage = hit.getAsJsonArray("passages").get(0).getAsJsonObject();
    JsonArray hl = passage.getAsJsonArray("highlights").get(0).getAsJsonArray();
    String text = passage.get("text").getAsString();
    assertEquals("义务教育", text.substring(hl.get(0).getAsInt(), hl.get(1).getAsInt()));
    JsonArray regions = o.getAsJsonObject("facets").getAsJsonArray("region");
    assertTrue(regions.size() >= 2, "drill sideways keeps other regions");
    assertEquals("exact", o.getAsJsonObject("query").getAsJsonArray("clauses").get(0).getAsJsonObject().get("kind").getAsString());
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
  }

  @Test
  void searchErrorsNameTheParameter() throws Exception {
    assertProblem(get("/api/search?q=" + enc("(教育")), 400, "q");
    JsonObject quote = json(get("/api/search?q=" + enc("\"教育")));
    assertEquals("the quotation mark at position 1 is never closed; add a closing quotation mark or remove it",
        quote.get("detail").getAsString());
    assertEquals("第 1 个字符处的引号没有闭合：请补上后引号，或删去这个引号", quote.get("detail_zh").getAsString());
    assertProblem(get("/api/search?size=-1"), 400, "size");
    assertProblem(get("/api/search?size=100000"), 400, "size");
    assertProblem(get("/api/search?page=0"), 400, "page");
    assertProblem(get("/api/search?sort=newest"), 400, "sort");
    assertTrue(get("/api/search?sort=newest").body().contains("date_desc"), "lists the valid values");
    assertProblem(get("/api/search?year=20x3"), 400, "year");
    assertProblem(get("/api/search?regoin=x"), 400, "regoin");
    assertProblem(get("/api/search?from=2024&to=2020"), 400, "from");
  }

  @Test
  void effectiveOnTakesARealDayAndSaysWhatToFix() throws Exception {
    for (String bad : List.of("2020-13-01", "2020-02-30", "20200101", "2020/01/01", "2020-1-1", "昨天")) {
      HttpResponse<String> r = get("/api/search?effective_on=" + enc(bad));
      assertProblem(r, 400, "effective_on");
      assertTrue(json(r).get("detail").getAsString().contains("YYYY-MM-DD"), bad);
    }
    assertProblem(get("/api/export?effective_on=2020-02-30"), 400, "effective_on");
    assertProblem(get("/api/phrase?q=" + enc("教育") + "&effective_on=x"), 400, "effective_on");
    JsonObject ok = json(get("/api/search?effective_on=" + enc(" 2024-02-29 ")));
    assertEquals("2024-02-29", ok.getAsJsonObject("filters").get("effective_on").getAsString());
  }

  @Test
  void filterValuesAreReadAsTypedOrRefusedWithTheValidOnes() throws Exception {
    for (String given : List.of("山东", "鲁", "聊城", "聊城市", "山东省/聊城市")) {
      JsonObject o = json(get("/api/search?region=" + enc(given)));
      assertEquals(1, o.get("total").getAsLong(), given);
      assertEquals("liaocheng", o.getAsJsonArray("hits").get(0).getAsJsonObject().get("id").getAsString(), given);
      JsonObject reading = o.getAsJsonObject("query").getAsJsonArray("filters").get(0).getAsJsonObject();
      assertEquals(given, reading.get("given").getAsString());
      assertTrue(reading.get("value").getAsString().startsWith("山东省"), reading.toString());
    }
    JsonObject national = json(get("/api/search?region=" + enc("中华人民共和国")));
    assertEquals("law", national.getAsJsonArray("hits").get(0).getAsJsonObject().get("id").getAsString());
    assertEquals("全国", national.getAsJsonObject("filters").getAsJsonArray("region").get(0).getAsString());

    HttpResponse<String> ambiguous = get("/api/search?region=" + enc("朝阳区"));
    assertProblem(ambiguous, 400, "region");
    assertEquals("[\"北京市/朝阳区\",\"吉林省/长春市/朝阳区\"]", json(ambiguous).getAsJsonArray("valid_values").toString());
    HttpResponse<String> type = get("/api/search?type=" + enc("条例"));
    assertProblem(type, 400, "type");
    assertTrue(json(type).getAsJsonArray("valid_values").toString().contains("法规"), type.body());
    assertTrue(json(type).get("detail_zh").getAsString().startsWith("没有类型为“条例”的文件"), type.body());
    assertProblem(get("/api/search?theme=" + enc("不存在的主题")), 400, "theme");
    // the export and the phrase statistics read filters the same way
    assertProblem(get("/api/export?q=" + enc("教育") + "&type=" + enc("条例")), 400, "type");
    assertProblem(get("/api/phrase?q=" + enc("教育") + "&region=" + enc("朝阳区")), 400, "region");
    String export = get("/api/export?q=" + enc("立德树人") + "&region=" + enc("鲁") + "&format=jsonl&passages=1").body();
    assertTrue(export.contains("\"id\":\"liaocheng\""), export);
    JsonObject phrase = json(get("/api/phrase?q=" + enc("立德树人") + "&region=" + enc("聊城")));
    assertEquals(1, phrase.get("documents").getAsLong());
    assertEquals("山东省/聊城市", phrase.getAsJsonArray("filters").get(0).getAsJsonObject().get("value").getAsString());
  }

  @Test
  void documentAndNotFound() throws Exception {
    HttpResponse<String> r = get("/api/documents/ezhou?q=" + enc("教联体"));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject o = json(r);
    assertEquals(4, o.getAsJsonArray("paragraphs").size());
    assertEquals(1, o.get("matches").getAsInt());
    assertProblem(get("/api/documents/nope"), 404, null);
    assertProblem(get("/api/documents/" + enc("../../etc/passwd")), 404, null);
  }

  @Test
  void similarBothWays() throws Exception {
    JsonObject byId = json(get("/api/similar?id=ezhou&paragraph=3&size=3"));
    assertTrue(byId.getAsJsonArray("items").size() > 0);
    HttpResponse<String> pasted = post("/api/similar", "{\"text\":\"推动义务教育优质均衡发展\",\"size\":2}", "Content-Type", "application/json");
    assertEquals(200, pasted.statusCode(), pasted.body());
    assertProblem(post("/api/similar", "not json"), 400, "body");
    assertProblem(post("/api/similar", "{\"size\":2}"), 400, "text");
    assertProblem(get("/api/similar?id=ezhou"), 400, "paragraph");
    assertProblem(get("/api/similar?id=ezhou&paragraph=99"), 404, null);
    assertProblem(post("/api/similar", "{\"text\":\"" + "长".repeat(100_000) + "\"}"), 413, null);
  }

  @Test
  void phraseJsonAndCsv() throws Exception {
    JsonObject o = json(get("/api/phrase?q=" + enc("防溺水")));
    assertEquals(3, o.get("occurrences").getAsLong());
    // each count beside its denominator: 2023 has 3 documents (2 with the phrase), the corpus 8
    assertEquals(8, o.get("corpus_documents").getAsLong());
    JsonObject y2023 = o.getAsJsonArray("by_year").get(1).getAsJsonObject();
    assertEquals("{\"year\":\"2023\",\"documents\":2,\"occurrences\":2,\"corpus_documents\":3,\"share\":0.6667}", y2023.toString());
    for (var c : o.getAsJsonArray("by_region")) assertTrue(c.getAsJsonObject().has("corpus_documents"), c.toString());
    HttpResponse<String> csv = get("/api/phrase?q=" + enc("防溺水") + "&format=csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().startsWith("\uFEFFid,title,date,region,paragraph,left,match,right"), csv.body());
    assertEquals(4, csv.body().split("\r\n").length);
    assertProblem(get("/api/phrase?q=" + enc("防溺水") + "&format=xls"), 400, "format");
    assertProblem(get("/api/phrase"), 400, "q");
  }

  @Test
  void exportCsvAndJsonl() throws Exception {
    HttpResponse<String> csv = get("/api/export?q=" + enc("防溺水") + "&passages=1");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().startsWith("\uFEFFid,title,issuer,doc_number,region,date,paragraph,text"));
    assertEquals(4, csv.body().split("\r\n").length, csv.body());
    HttpResponse<String> jsonl = get("/api/export?q=" + enc("防溺水") + "&format=jsonl&passages=1");
    String[] lines = jsonl.body().strip().split("\n");
    assertEquals(3, lines.length);
    JsonObject row = JsonParser.parseString(lines[0]).getAsJsonObject();
    assertTrue(row.get("reference").getAsString().contains("[Z]") || row.get("reference").getAsString().contains("[EB/OL]"));
  }

  @Test
  void suggestFacetsStatsHealth() throws Exception {
    JsonObject s = json(get("/api/suggest?q=" + enc("鄂州")));
    assertEquals("湖北省/鄂州市", s.getAsJsonArray("suggestions").get(0).getAsJsonObject().get("label").getAsString());
    JsonObject f = json(get("/api/facets"));
    assertTrue(f.getAsJsonArray("region").size() > 3);
    JsonObject st = json(get("/api/stats"));
    assertEquals(8, st.get("documents").getAsLong());
    assertEquals("off", st.getAsJsonObject("semantic").get("state").getAsString());
    assertEquals(backend(), st.get("backend").getAsString());
    JsonObject h = json(get("/api/health"));
    assertEquals("ok", h.get("status").getAsString());
    assertEquals(backend(), h.get("backend").getAsString());
    assertEquals("off", h.getAsJsonObject("semantic").get("state").getAsString());
    assertFalse(h.getAsJsonObject("semantic").get("searchable").getAsBoolean());
  }

  @Test
  void adminNeedsTheToken() throws Exception {
    assertProblem(post("/api/admin/reindex", ""), 401, null);
    assertProblem(post("/api/admin/reindex", "", "Authorization", "Bearer wrong"), 401, null);
    HttpResponse<String> ok = post("/api/admin/reindex", "", "Authorization", "Bearer " + TOKEN);
    assertEquals(200, ok.statusCode(), ok.body());
  }

  @Test
  void eachReasonAReindexFailsForHasItsStatus() throws Exception {
    // A backend opened without its corpus (a server over a copied index) cannot reindex: 503, saying why.
    Javalin bare = WebApp.create(withoutCorpus, TestServer.config(dir, dir.resolve("index"), Path.of("web"), SearchLimits.DEFAULTS)).start();
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port() + "/api/admin/reindex"))
          .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + TestServer.TOKEN).build(),
          HttpResponse.BodyHandlers.ofString());
      assertProblem(r, 503, null);
      assertEquals("this server has no corpus to reindex", json(r).get("detail").getAsString());
    } finally {
      bare.stop();
    }
    // Busy and locked are worth trying again later (409); an index that cannot be written is the server's to fix (503).
    Map<ReindexException.Reason, Integer> expected = Map.of(ReindexException.Reason.BUSY, 409, ReindexException.Reason.LOCKED, 409,
        ReindexException.Reason.NOT_WRITABLE, 503, ReindexException.Reason.FAILED, 503, ReindexException.Reason.UNSUPPORTED, 503);
    for (ReindexException.Reason reason : ReindexException.Reason.values()) {
      assertEquals(expected.get(reason), WebApp.reindexProblem(new ReindexException(reason, "m", "中")).status(), reason.name());
    }
  }

  @Test
  void unknownRoutesAndMethods() throws Exception {
    assertProblem(get("/api/nothing"), 404, null);
    assertProblem(post("/api/search", "{}"), 405, null);
    assertProblem(get("/api/search?q=" + "教".repeat(20_000)), 414, null);
  }

  @Test
  void responsesAreCompressed() throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/search?size=8"))
        .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
  }

  /** The OpenAPI document describes exactly the routes the server registers. */
  @Test
  void openApiMatchesTheRoutes() throws Exception {
    JsonObject doc = json(get("/openapi.json"));
    Set<String> documented = new HashSet<>();
    for (var e : doc.getAsJsonObject("paths").entrySet()) {
      for (String m : e.getValue().getAsJsonObject().keySet()) documented.add(m.toUpperCase() + " " + e.getKey());
    }
    Set<String> routes = new HashSet<>();
    for (WebApp.Route r : WebApp.ROUTES) routes.add(r.method().name() + " " + r.openApiPath());
    assertEquals(routes, documented);
    // and every documented GET answers something other than 404/405 on this server
    for (String route : routes) {
      if (!route.startsWith("GET ")) continue;
      String path = route.substring(4).replace("{id}", "ezhou");
      int status = get(path).statusCode();
      assertTrue(status != 404 && status != 405 && status < 500, route + " → " + status);
    }
  }
}
