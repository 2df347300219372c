package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.web.StubReindex;
import org.policysearch.web.TestServer;

/** The lineage over HTTP and on the command line: the same records, the filters, the errors. */
class LineageApiCliTest {
  @TempDir static Path dir;
  static Path index;
  static TestServer server;

  static List<PolicyDocument> docs() {
    List<PolicyDocument> d = new ArrayList<>();
    d.add(TestIndex.doc("laws/edu", "中华人民共和国教育法", "1995-03-18", "全国", "法规", List.of(), "第一条 为了发展教育事业，制定本法。"));
    String[] regions = {"湖北省/武汉市", "山东省/青岛市", "山东省/济南市"};
    for (int i = 0; i < 14; i++) {
      d.add(TestIndex.doc("local/" + i, "第" + i + "号教育办法", (2006 + i) + "-03-01", regions[i % 3], i % 2 == 0 ? "法规" : "通知", List.of(),
          "第一条 根据《中华人民共和国教育法》，结合本地实际，制定本办法。", "第二条 贯彻《未收录的某某规定》。"));
    }
    return d;
  }

  @BeforeAll
  static void start() throws Exception {
    index = dir.resolve("index");
    TestIndex.write(index, docs());
    server = new TestServer(index, Path.of("web"), SearchLimits.DEFAULTS, StubReindex.NOOP);
  }

  @AfterAll
  static void stop() throws Exception {
    server.app.stop();
    server.engine.close();
  }

  static JsonElement get(String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(200, r.statusCode(), path + " → " + r.body());
    return JsonParser.parseString(r.body());
  }

  static String cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(1, List.of("--index", index.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(all.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void theDocumentCarriesItsLineageAndTheCommandLinePrintsTheSameRecords() throws Exception {
    JsonObject doc = get("/api/documents/local/3").getAsJsonObject();
    JsonArray cites = doc.getAsJsonArray("cites");
    assertEquals(2, cites.size());
    JsonObject law = cites.get(0).getAsJsonObject();
    assertEquals("rests_on", law.get("relation").getAsString());
    assertEquals("resolved", law.get("status").getAsString());
    assertEquals("laws/edu", law.getAsJsonObject("target").get("id").getAsString());
    assertEquals(1, law.get("paragraph").getAsInt());
    JsonObject missing = cites.get(1).getAsJsonObject();
    assertEquals("unresolved", missing.get("status").getAsString());
    assertTrue(missing.get("target").isJsonNull());
    assertEquals("implements", missing.get("relation").getAsString());
    assertEquals(cites, JsonParser.parseString(cli("cites", "local/3", "--json")));

    JsonObject lawDoc = get("/api/documents/laws/edu").getAsJsonObject();
    JsonObject citedBy = lawDoc.getAsJsonObject("cited_by");
    assertEquals(14, citedBy.get("total").getAsLong());
    assertEquals(10, citedBy.getAsJsonArray("documents").size());
    assertEquals("local/0", citedBy.getAsJsonArray("documents").get(0).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void citedByIsPagedFilteredAndCountedAndTheCommandLineAgrees() throws Exception {
    String path = "/api/documents/laws/edu/cited-by?region=" + enc("山东省") + "&from=2010&page=2&size=2";
    JsonObject page = get(path).getAsJsonObject();
    // 山东省 from 2010: local/4 (2010), 5, 7, 8, 10, 11, 13 → page 2 of 2: local/7, local/8
    assertEquals(7, page.get("total").getAsLong());
    List<String> ids = new ArrayList<>();
    page.getAsJsonArray("documents").forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
    assertEquals(List.of("local/7", "local/8"), ids);
    JsonObject first = page.getAsJsonArray("documents").get(0).getAsJsonObject();
    assertTrue(first.get("context").getAsString().contains("《中华人民共和国教育法》"));
    long hubei = 0;
    for (JsonElement v : page.getAsJsonObject("facets").getAsJsonArray("region")) {
      if (v.getAsJsonObject().get("value").getAsString().equals("湖北省")) hubei = v.getAsJsonObject().get("count").getAsLong();
    }
    assertEquals(3, hubei, "湖北省 from 2010 (local/6, 9, 12), counted drill-sideways");
    long inTable = 0;
    for (JsonElement cell : page.getAsJsonArray("table")) inTable += cell.getAsJsonObject().get("count").getAsLong();
    assertEquals(14, inTable, "every citing document by province and year, filters aside");
    assertEquals(page, JsonParser.parseString(cli("cited-by", "laws/edu", "--region", "山东省", "--from", "2010", "--page", "2", "--size", "2",
        "--json")));
  }

  @Test
  void theCitesFilterCombinesWithTheOthersOnSearchAndExport() throws Exception {
    JsonObject r = get("/api/search?cites=laws/edu&type=" + enc("通知") + "&region=" + enc("湖北省") + "&sort=date_asc").getAsJsonObject();
    List<String> ids = new ArrayList<>();
    r.getAsJsonArray("hits").forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
    assertEquals(List.of("local/3", "local/9"), ids);
    assertEquals("laws/edu", r.getAsJsonObject("filters").get("cites").getAsString());
    String jsonl = server.get("/api/export?format=jsonl&passages=1&cites=laws/edu&region=" + enc("湖北省")).body();
    List<JsonObject> rows = jsonl.lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    assertEquals(5, rows.size(), jsonl);
    // the export carries each document's references
    assertEquals("rests_on 《中华人民共和国教育法》 → laws/edu; implements 《未收录的某某规定》", rows.get(0).get("cites").getAsString());
    // the phrase statistics too: counted over the citing documents only, denominators included
    JsonObject phrase = get("/api/phrase?q=" + enc("结合本地实际") + "&cites=laws/edu&region=" + enc("湖北省")).getAsJsonObject();
    assertEquals(5, phrase.get("documents").getAsLong(), phrase.toString());
    String cliSearch = cli("search", "--cites", "laws/edu", "--region", "湖北省", "--type", "通知");
    assertTrue(cliSearch.startsWith("共 2 篇"), cliSearch);
  }

  @Test
  void badInputIsAClearProblemNeverAFailure() throws Exception {
    HttpResponse<String> bogus = server.get("/api/search?cites=" + enc("不是编号也不是文号"));
    assertEquals(400, bogus.statusCode());
    assertTrue(bogus.body().contains("\"parameter\":\"cites\""), bogus.body());
    assertEquals(404, server.get("/api/documents/nope/cited-by").statusCode());
    assertEquals(400, server.get("/api/documents/laws/edu/cited-by?page=0").statusCode());
    assertEquals(400, server.get("/api/documents/laws/edu/cited-by?cites=x").statusCode(), "cites is the path's document here");
    assertEquals(400, server.get("/api/search?cites=a&cites=b").statusCode());
  }
}
