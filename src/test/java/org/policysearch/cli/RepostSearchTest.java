package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policysearch.ingest.Fixtures.write;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.web.TestServer;

/**
 * Reposts through the real pipeline (standard builder, indexer, search, CLI and HTTP): a speech
 * reposted by another site with an editor's note is folded into its original and the total says so;
 * the note, which only the repost contains, is still found; two cities' regulations written on one
 * pattern are both listed.
 */
class RepostSearchTest {
  @TempDir static Path dir;
  static Path corpus;
  static Path index;

  static final String SPEECH = """
      在全市教育工作会议上的讲话
      同志们：
      这次会议的主要任务是，总结过去一年全市教育工作，分析当前面临的形势，部署今年的重点任务。
      一、过去一年工作回顾
      过去一年，我们坚持把教育摆在优先发展的战略位置，新建改扩建中小学校二十三所，新增学位一万二千个，城区大班额全部消除。
      我们推进集团化办学，组建教育集团十八个，覆盖中小学八十六所，优质教育资源覆盖面进一步扩大。
      我们落实减轻学生作业负担和校外培训负担的要求，课后服务实现义务教育学校全覆盖，学生参与率达到百分之九十五。
      二、今年的重点任务
      今年要着力抓好学前教育普惠发展，新建公办幼儿园十二所，普惠性幼儿园覆盖率保持在百分之九十以上。
      要深化教师队伍建设，实施名师名校长培养工程，推进县管校聘管理改革，让优秀教师向乡村学校流动。
      要守牢校园安全底线，把防溺水、防欺凌、食品安全作为重中之重，压实学校主体责任和部门监管责任。
      同志们，教育是国之大计、党之大计。让我们以更加饱满的热情、更加务实的作风，奋力开创全市教育高质量发展新局面！
      """;

  static final String NOTE = "编者按：本文转自市教育局网站，略有删节";

  @BeforeAll
  static void indexCorpus() throws Exception {
    corpus = dir.resolve("corpus");
    index = dir.resolve("index");
    write(corpus, "jyj.gov.cn/speech.txt", "发布时间：2023-03-01\n" + SPEECH);
    write(corpus, "wenku/speech-repost.txt", "发布时间：2023-03-09\n来源：某某文库\n" + SPEECH + NOTE + "。\n");
    write(corpus, "laws/zhengzhou.txt", org.policysearch.ingest.meta.RepostFixtures.cityRegulation("河南省", "郑州市", "2016年2月25日"));
    write(corpus, "laws/taian.txt", org.policysearch.ingest.meta.RepostFixtures.cityRegulation("山东省", "泰安市", "2016年2月25日"));
    assertEquals(0, cli("index", "--corpus", corpus.toString(), "--index", index.toString(), "--quiet").code);
  }

  record Run(int code, String out, String err) {}

  static Run cli(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static JsonObject searchJson(String... extra) {
    List<String> argv = new ArrayList<>(List.of("search", "--index", index.toString(), "--json"));
    argv.addAll(List.of(extra));
    Run r = cli(argv.toArray(new String[0]));
    assertEquals(0, r.code, r.err);
    return JsonParser.parseString(r.out).getAsJsonObject();
  }

  static List<String> ids(JsonObject result) {
    List<String> out = new ArrayList<>();
    result.getAsJsonArray("hits").forEach(h -> out.add(h.getAsJsonObject().get("id").getAsString()));
    return out;
  }

  @Test
  void theRepostIsFoldedIntoItsOriginalAndTheTotalSaysSo() {
    JsonObject r = searchJson("\"推进集团化办学\"");
    assertEquals(List.of("jyj.gov.cn/speech.txt"), ids(r));
    assertEquals(1, r.get("total").getAsLong());
    assertEquals(1, r.get("folded_reposts").getAsLong());

    Run human = cli("search", "--index", index.toString(), "\"推进集团化办学\"");
    assertTrue(human.out.startsWith("共 1 篇，另有 1 篇转载已合并（--duplicates 显示）"), human.out);

    JsonObject all = searchJson("\"推进集团化办学\"", "--duplicates");
    assertEquals(List.of("jyj.gov.cn/speech.txt", "wenku/speech-repost.txt"), ids(all).stream().sorted().toList());
    assertEquals(0, all.get("folded_reposts").getAsLong());
    assertEquals("jyj.gov.cn/speech.txt", all.getAsJsonArray("hits").asList().stream()
        .map(h -> h.getAsJsonObject()).filter(h -> h.get("id").getAsString().startsWith("wenku/"))
        .findFirst().orElseThrow().get("duplicate_of").getAsString());
  }

  @Test
  void aQuotedPhraseOnlyTheRepostContainsIsFound() {
    JsonObject r = searchJson("\"" + NOTE + "\"");
    assertEquals(List.of("wenku/speech-repost.txt"), ids(r));
    assertEquals(0, r.get("folded_reposts").getAsLong());
  }

  @Test
  void twoCitiesRegulationsOnOnePatternAreBothListed() {
    JsonObject r = searchJson("\"制定地方性法规活动\"");
    assertEquals(List.of("laws/taian.txt", "laws/zhengzhou.txt"), ids(r).stream().sorted().toList());
    assertEquals(0, r.get("folded_reposts").getAsLong());
  }

  @Test
  void theApiGivesTheFoldedCountBesideTheTotal() throws Exception {
    try (TestServer server = new TestServer(index, Path.of("web"), SearchLimits.DEFAULTS, org.policysearch.web.StubReindex.NOOP)) {
      String q = URLEncoder.encode("\"推进集团化办学\"", StandardCharsets.UTF_8);
      JsonObject folded = JsonParser.parseString(server.get("/api/search?q=" + q).body()).getAsJsonObject();
      assertEquals(1, folded.get("total").getAsLong());
      assertEquals(1, folded.get("folded_reposts").getAsLong());
      JsonObject shown = JsonParser.parseString(server.get("/api/search?duplicates=true&q=" + q).body()).getAsJsonObject();
      assertEquals(2, shown.get("total").getAsLong());
      assertEquals(0, shown.get("folded_reposts").getAsLong());
    }
  }
}
