package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;

/**
 * "How did other regions regulate this?": documents ranked as a whole against the whole source text,
 * the subject taken from titles, one entry per document with its best paragraphs marked and why it came
 * up. Fixture: three subjects regulated by four provinces each, written differently in each, and a work
 * report that mentions every subject in passing.
 */
class SimilarDocumentsTest {
  @TempDir static Path dir;
  static SearchService service;
  static SimilarService similar;

  static final String[] PROVINCES = {"浙江省/杭州市", "山东省/济南市", "河南省/郑州市", "湖北省/武汉市"};
  static final Map<String, String[]> SUBJECTS = Map.of(
      "dog", new String[] {"养犬管理条例", "养犬人应当为犬只办理登记，定期接种狂犬病疫苗，携犬出户时束犬链并由成年人牵领。",
          "禁止饲养烈性犬，流浪犬由收容场所收容。犬吠影响他人休息的，养犬人应当采取措施。", "违反本条例规定携犬出户未束犬链的，由公安机关给予警告并处罚款。"},
      "green", new String[] {"城市绿化条例", "城市绿化规划应当确定绿地率和绿线，公园绿地和防护绿地按规划建设。",
          "古树名木实行挂牌保护，禁止擅自砍伐或者移植树木，确需移植的应当报绿化行政主管部门批准。", "损坏草坪、花坛和绿化设施的，由绿化行政主管部门责令赔偿并处罚款。"},
      "estate", new String[] {"物业管理条例", "业主大会由物业管理区域内全体业主组成，业主委员会执行业主大会的决定。",
          "专项维修资金属于业主所有，用于共用部位、共用设施设备保修期满后的维修和更新、改造。", "物业服务企业应当按照物业服务合同约定提供服务，不得擅自提高物业费标准。"});

  @BeforeAll
  static void index() throws Exception {
    List<PolicyDocument> docs = new ArrayList<>();
    for (Map.Entry<String, String[]> s : SUBJECTS.entrySet()) {
      for (int p = 0; p < PROVINCES.length; p++) {
        String city = PROVINCES[p].split("/")[1];
        String[] v = s.getValue();
        // each province words its articles a little differently and adds one of its own
        docs.add(TestIndex.doc(s.getKey() + p, city + v[0], "202" + p + "-05-01", PROVINCES[p], "法规", List.of(),
            "第一条 为了加强管理，根据有关法律，结合" + city + "实际，制定本条例。", v[1 + p % 3], v[1 + (p + 1) % 3],
            "第" + (p + 5) + "条 " + city + "人民政府有关部门应当加强" + v[0].replace("条例", "") + "工作的监督检查。", v[1 + (p + 2) % 3]));
      }
    }
    docs.add(TestIndex.doc("report", "武汉市人民政府工作报告", "2024-01-10", "湖北省/武汉市", "工作报告", List.of(),
        "过去一年，我们推进城市绿化，新增公园绿地，规范养犬管理，完善物业管理和业主委员会建设。",
        "今年要坚持稳中求进，扩大有效投资，促进消费，推动高质量发展。"));
    docs.add(TestIndex.doc("dog0-copy", "杭州市养犬管理条例", "2020-05-01", "浙江省/杭州市", "法规", List.of(), "转载"));
    TestIndex.write(dir, docs);
    service = TestIndex.service(dir);
    similar = new SimilarService(service);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  @Test
  void aParagraphBringsUpTheOtherRegionsDocumentsOnItsSubjectOncePerDocument() throws Exception {
    SimilarResult r = similar.similarTo("dog0", 3, 5);
    assertEquals("documents", r.mode());
    assertEquals("养犬管理条例", r.subject(), "the source's title without its place names");
    List<String> ids = r.items().stream().map(SimilarResult.Item::id).toList();
    assertEquals(new HashSet<>(ids).size(), ids.size(), "one entry per document: " + ids);
    assertEquals(new HashSet<>(List.of("dog1", "dog2", "dog3")), new HashSet<>(ids.subList(0, 3)), ids::toString);
    assertFalse(ids.contains("dog0"), "not the source");
    assertTrue(r.items().stream().noneMatch(i -> i.region().path().startsWith("浙江省/杭州市")), "not the source's own area");
    for (SimilarResult.Item i : r.items().subList(0, 3)) {
      assertTrue(i.why().sameSubject(), i::toString);
      assertFalse(i.why().terms().isEmpty(), i::toString);
      assertFalse(i.passages().isEmpty());
      assertTrue(i.passages().size() <= SimilarService.SHOWN_PARAGRAPHS);
      assertTrue(i.passages().stream().anyMatch(p -> !p.highlights().isEmpty()), "shared words are marked: " + i.passages());
      assertEquals(i.passages().get(0).paragraph(), i.paragraph());
      assertTrue(i.citation().endsWith("第" + i.paragraph() + "段"), i.citation());
    }
    assertFalse(r.items().stream().filter(i -> i.id().startsWith("green") || i.id().startsWith("estate"))
        .anyMatch(i -> i.why().sameSubject()), "other subjects are not the same subject");
  }

  @Test
  void aPastedDraftFindsItsSubjectFromTheBestMatchesTitles() throws Exception {
    // a draft nobody indexed, worded its own way
    String draft = "携犬出户应当束犬链，由成年人牵领；养犬人应当为犬只办理登记并接种狂犬病疫苗。烈性犬不得饲养，流浪犬由收容场所收容。";
    SimilarResult r = similar.similarToText(draft, 4);
    assertEquals("养犬管理条例", r.subject());
    assertEquals(4, r.items().size());
    assertTrue(r.items().stream().allMatch(i -> i.id().startsWith("dog")), () -> r.items().stream().map(SimilarResult.Item::id).toList().toString());
    assertEquals("lexical", r.answeredBy());
  }

  @Test
  void theDocumentsBestParagraphIsTheOneOnThePoint() throws Exception {
    SimilarResult r = similar.similarToText("古树名木实行挂牌保护，禁止擅自砍伐或者移植树木", 3);
    for (SimilarResult.Item i : r.items()) {
      assertTrue(i.text().contains("古树名木"), i::toString);
      assertTrue(i.why().terms().containsAll(List.of("砍伐", "移植")), i.why()::toString);
      assertTrue(i.why().phrases().stream().anyMatch(p -> p.contains("砍伐")), i.why()::toString);
    }
  }

  @Test
  void paragraphsModeListsParagraphsAtMostTwoPerDocument() throws Exception {
    SimilarResult r = similar.similarTo("estate0", 3, 8, SimilarMode.PARAGRAPHS, false);
    assertEquals("paragraphs", r.mode());
    assertFalse(r.items().isEmpty());
    Map<String, Integer> perDoc = new HashMap<>();
    r.items().forEach(i -> perDoc.merge(i.id(), 1, Integer::sum));
    assertTrue(perDoc.values().stream().allMatch(n -> n <= 2), perDoc::toString);
    assertFalse(perDoc.containsKey("estate0"));
    assertEquals(1, r.items().get(0).passages().size());
  }

  @Test
  void textWithNothingToCompareIsRefusedSayingWhy() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> similar.similarToText("，。！？……——", 5));
    assertEquals("text", e.parameter());
    assertTrue(e.getMessage().contains("only punctuation"), e.getMessage());
    assertThrows(InvalidRequestException.class, () -> similar.similarToText("   ", 5));
    assertThrows(InvalidRequestException.class, () -> similar.similarToText("犬".repeat(SimilarService.MAX_TEXT + 1), 5));
    assertThrows(InvalidRequestException.class, () -> SimilarMode.parse("docs"));
  }

  @Test
  void aLongTextIsBoundedToTheRarestPairs() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String[] v : SUBJECTS.values()) for (int k = 1; k < v.length; k++) sb.append(v[k]);
    while (sb.length() < SimilarService.MAX_TEXT - 200) sb.append(sb.length()).append("号文件规定的其他事项按照有关规定办理。");
    SimilarResult r = similar.similarToText(sb.toString(), 5);
    assertEquals(5, r.items().size());
  }
}
