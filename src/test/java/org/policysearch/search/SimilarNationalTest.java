package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;

/**
 * National documents on the subject of a pasted regulation are listed apart from the other regions'
 * precedents: a national law worded like the regional rules must not take their places.
 */
class SimilarNationalTest {
  @TempDir static Path dir;
  static SearchService service;
  static SimilarService similar;

  static final String A = "学前教育应当坚持公益普惠，县级以上人民政府应当将学前教育纳入国民经济和社会发展规划。";
  static final String B = "幼儿园应当配备保育教育人员，保教人员应当持证上岗，禁止对学前儿童进行小学化教育。";

  @BeforeAll
  static void index() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("law", "中华人民共和国学前教育法", "2024-11-08", "全国", "法律", List.of(), A, B, "本法自2025年6月1日起施行。"),
        TestIndex.doc("zj", "浙江省学前教育条例", "2017-09-30", "浙江省", "法规", List.of(), A, B.replace("禁止", "不得")),
        TestIndex.doc("sd", "山东省学前教育条例", "2021-07-29", "山东省", "法规", List.of(), A.replace("应当坚持", "坚持"), B),
        TestIndex.doc("hb", "湖北省学前教育条例", "2022-03-31", "湖北省", "法规", List.of(), A, "幼儿园保育教育人员应当持证上岗。"),
        TestIndex.doc("other", "城市绿化条例", "2020-01-01", "河南省", "法规", List.of(), "城市绿化规划应当确定绿地率和绿线。")));
    service = TestIndex.service(dir);
    similar = new SimilarService(service);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  @Test
  void aNationalLawIsListedApartNeverAmongTheRegions() throws Exception {
    SimilarResult r = similar.similarToText(A + "\n" + B, 5);
    List<String> items = r.items().stream().map(SimilarResult.Item::id).toList();
    assertEquals(List.of("law"), r.national().stream().map(SimilarResult.Item::id).toList());
    assertTrue(items.containsAll(List.of("zj", "sd", "hb")), items.toString());
    assertTrue(r.items().stream().noneMatch(i -> i.region().national()), items.toString());
    assertTrue(r.national().get(0).citation().startsWith("《中华人民共和国学前教育法》"), r.national().get(0).citation());
  }

  @Test
  void fromANationalSourceTheRegionsAreThePrecedentsAndNothingIsApart() throws Exception {
    SimilarResult r = similar.similarTo("law", 1, 5);
    assertTrue(r.national().isEmpty());
    assertEquals(List.of("hb", "sd", "zj"), r.items().stream().map(SimilarResult.Item::id).filter(i -> !i.equals("other")).sorted().toList());
  }

  @Test
  void paragraphsModeKeepsOneList() throws Exception {
    SimilarResult r = similar.similarToText(A + "\n" + B, 5, SimilarMode.PARAGRAPHS, false);
    assertTrue(r.national().isEmpty());
    assertTrue(r.items().stream().anyMatch(i -> i.id().equals("law")));
  }
}
