package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import org.policysearch.doc.Articles;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.SearchLimits;

/**
 * Articles over HTTP: each paragraph's place, the table of contents, ?article= jumping there (12, 十二,
 * 第十二条), a 404 for an article the document lacks and a 400 for text that is no article number, and
 * citations of hits and exports by article.
 */
class ArticleHttpTest {
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    List<String> body = new ArrayList<>(List.of("第一章　总则", "第一条 为了加强养犬管理，制定本条例。", "第二章　登记"));
    for (int n = 2; n <= 12; n++) body.add("第" + Articles.chinese(n) + "条 养犬人应当遵守第" + Articles.chinese(n) + "项规定。");
    body.addAll(List.of("犬只应当在取得登记证后饲养。", "登记证每年年检一次。", "（一）携带犬只外出应当束犬链；", "第十三条 本条例自公布之日起施行。"));
    PolicyDocument law = TestIndex.doc("dogs", "某市养犬管理条例", "2017-05-20", "湖北省/武汉市", "法规", List.of(),
        body.toArray(new String[0]));
    PolicyDocument speech = TestIndex.doc("speech", "在全市养犬管理工作会议上的讲话", "2018-03-01", "湖北省/武汉市", "讲话", List.of(),
        "同志们：", "今天召开会议，部署养犬管理工作。");
    TestIndex.write(dir.resolve("index"), List.of(law.withParagraphs(Articles.locate(law.paragraphs())),
        speech.withParagraphs(Articles.locate(speech.paragraphs()))));
    server = new TestServer(dir.resolve("index"), Path.of("web"), SearchLimits.DEFAULTS, StubReindex.NOOP);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static JsonObject json(HttpResponse<String> r) {
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void theDocumentShowsEachParagraphsPlaceAndATableOfContents() throws Exception {
    JsonObject d = json(server.get("/api/documents/dogs"));
    JsonArray ps = d.getAsJsonArray("paragraphs");
    JsonObject twelfth2 = ps.get(14).getAsJsonObject(); // "犬只应当在取得登记证后饲养。"
    assertEquals("第十二条第二款", twelfth2.getAsJsonObject("article").get("cite").getAsString());
    assertEquals("第二章", twelfth2.getAsJsonObject("article").get("chapter").getAsString());
    assertEquals("第十二条第三款第一项", ps.get(16).getAsJsonObject().getAsJsonObject("article").get("cite").getAsString());
    JsonArray toc = d.getAsJsonArray("contents");
    assertEquals(15, toc.size()); // two chapters, thirteen articles
    assertEquals("第一章　总则", toc.get(0).getAsJsonObject().get("label").getAsString());
    assertTrue(d.get("article_paragraph").isJsonNull());
    assertTrue(json(server.get("/api/documents/speech")).getAsJsonArray("contents").isEmpty());
  }

  @Test
  void articleJumpsToWhereTheArticleStartsInEveryHand() throws Exception {
    for (String a : List.of("12", "十二", "第十二条", " 第12条 ")) {
      HttpResponse<String> r = server.get("/api/documents/dogs?article=" + enc(a));
      assertEquals(200, r.statusCode(), a);
      assertEquals(14, json(r).get("article_paragraph").getAsInt(), a);
    }
  }

  @Test
  void anArticleTheDocumentLacksIs404AndTextThatIsNoArticleIs400() throws Exception {
    HttpResponse<String> missing = server.get("/api/documents/dogs?article=99");
    assertEquals(404, missing.statusCode());
    assertTrue(json(missing).get("detail").getAsString().contains("第一条–第十三条"), missing.body());
    HttpResponse<String> none = server.get("/api/documents/speech?article=1");
    assertEquals(404, none.statusCode());
    assertTrue(json(none).get("detail").getAsString().contains("not written in articles"), none.body());
    HttpResponse<String> bad = server.get("/api/documents/dogs?article=" + enc("第二款"));
    assertEquals(400, bad.statusCode());
    assertEquals("article", json(bad).get("parameter").getAsString());
  }

  @Test
  void hitsAndExportsAreCitedByArticle() throws Exception {
    JsonObject r = json(server.get("/api/search?q=" + enc("\"登记证后饲养\"")));
    JsonObject passage = r.getAsJsonArray("hits").get(0).getAsJsonObject().getAsJsonArray("passages").get(0).getAsJsonObject();
    assertEquals("第十二条第二款", passage.getAsJsonObject("article").get("cite").getAsString());
    String jsonl = server.get("/api/export?format=jsonl&q=" + enc("\"登记证后饲养\"")).body();
    assertTrue(jsonl.contains("《某市养犬管理条例》（湖北省武汉市，2017-05-20），第十二条第二款"), jsonl);
    String speech = server.get("/api/export?format=jsonl&q=" + enc("\"部署养犬管理\"")).body();
    assertTrue(speech.contains("，第2段"), speech); // no articles: the paragraph number
  }
}
