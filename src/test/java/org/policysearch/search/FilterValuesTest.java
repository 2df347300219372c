package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Interpretation.FilterReading;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/**
 * Filter values as people type them: a region by full path, name, short form, a province's abbreviation
 * or 全国's other names finds its documents and says how it was read; an ambiguous name or a value that
 * names nothing is refused with the candidates or the closest values, never answered with 0 hits.
 */
class FilterValuesTest {
  @TempDir static Path dir;
  static SearchService service;
  static PhraseService phrases;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("qingdao", "青岛市教育工作要点", "2023-03-01", "山东省/青岛市", "通知", List.of("双减"), "青岛市推进教育强市建设。"),
        TestIndex.doc("jinan", "济南市教育工作要点", "2022-03-01", "山东省/济南市", "通知", List.of(), "济南市推进教育强市建设。"),
        TestIndex.doc("chaoyang-bj", "朝阳区教育工作会议", "2023-01-05", "北京市/朝阳区", "会议报道", List.of(), "朝阳区召开教育工作会议。"),
        TestIndex.doc("chaoyang-cc", "朝阳区教育工作要点", "2023-02-05", "吉林省/长春市/朝阳区", "通知", List.of(), "朝阳区推进教育工作。"),
        TestIndex.doc("law", "中华人民共和国教育法", "2021-04-29", "全国", "法规", List.of(), "为了发展教育事业，制定本法。"),
        // a place the gazetteer does not know: found by what the index holds
        TestIndex.doc("sample", "样本市教育通知", "2020-05-01", "测试省/样本市", "通知", List.of(), "样本市教育工作。")));
    service = TestIndex.service(dir);
    phrases = new PhraseService(service);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  static SearchResult search(String region) throws Exception {
    return service.search(new SearchRequest("教育", filters(List.of(region), List.of(), List.of()), SortOrder.RELEVANCE, 1, 10, 1));
  }

  static Filters filters(List<String> regions, List<String> themes, List<String> types) {
    return new Filters(regions, List.of(), null, null, themes, types, false);
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.document().id()).sorted().toList();
  }

  @Test
  void aRegionIsFoundAsPeopleTypeIt() throws Exception {
    record Case(String given, String value, String how, List<String> ids) {}
    for (Case c : List.of(
        new Case("山东省/青岛市", "山东省/青岛市", "exact", List.of("qingdao")),
        new Case("青岛市", "山东省/青岛市", "name", List.of("qingdao")),
        new Case("青岛", "山东省/青岛市", "short_name", List.of("qingdao")),
        new Case("山东 › 青岛", "山东省/青岛市", "path", List.of("qingdao")),
        new Case("山东/青岛", "山东省/青岛市", "path", List.of("qingdao")),
        new Case("山东", "山东省", "short_name", List.of("jinan", "qingdao")),
        new Case("鲁", "山东省", "province_abbreviation", List.of("jinan", "qingdao")),
        new Case("中华人民共和国", "全国", "national", List.of("law")),
        new Case("中央", "全国", "national", List.of("law")),
        new Case("全国", "全国", "exact", List.of("law")),
        new Case("北京市/朝阳区", "北京市/朝阳区", "exact", List.of("chaoyang-bj")),
        new Case("北京/朝阳区", "北京市/朝阳区", "path", List.of("chaoyang-bj")),
        new Case("样本", "测试省/样本市", "short_name", List.of("sample")))) {
      SearchResult r = search(c.given);
      assertEquals(c.ids, ids(r), c.given);
      assertEquals(List.of(new FilterReading("region", c.given, c.value, c.how, c.ids.size())), r.interpretation().filters(), c.given);
      assertEquals(List.of(c.value), r.filters().regions(), "the result's filters are the values applied: " + c.given);
    }
  }

  @Test
  void theFacetTreeMarksTheRegionTheNameWasReadAs() throws Exception {
    SearchResult r = search("青岛");
    FacetValue shandong = r.facets().region().stream().filter(v -> v.value().equals("山东省")).findFirst().orElseThrow();
    FacetValue qingdao = shandong.children().stream().filter(v -> v.value().equals("山东省/青岛市")).findFirst().orElseThrow();
    assertTrue(qingdao.selected());
  }

  @Test
  void anAmbiguousNameIsRefusedWithItsCandidates() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> search("朝阳区"));
    assertEquals("region", e.parameter());
    assertEquals(List.of("北京市/朝阳区", "吉林省/长春市/朝阳区"), e.validValues());
    assertTrue(e.getMessage().contains("could be any of 北京市/朝阳区, 吉林省/长春市/朝阳区"), e.getMessage());
    assertTrue(e.messageZh().contains("地区“朝阳区”有多个：北京市/朝阳区、吉林省/长春市/朝阳区"), e.messageZh());
  }

  @Test
  void aRegionThatNamesNothingIsRefusedWithTheClosestValues() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> search("青岛湾"));
    assertEquals("region", e.parameter());
    assertEquals("山东省/青岛市", e.validValues().get(0), e.validValues().toString());
    assertTrue(e.messageZh().startsWith("找不到地区“青岛湾”"), e.messageZh());
  }

  @Test
  void aRealPlaceTheIndexHasNothingFromIsReadAndSaidSo() throws Exception {
    SearchResult r = search("黄石");
    assertEquals(0, r.total());
    assertEquals(List.of(new FilterReading("region", "黄石", "湖北省/黄石市", "short_name", 0)), r.interpretation().filters());
  }

  @Test
  void anUnknownTypeOrThemeIsRefusedWithTheValidValues() {
    InvalidRequestException type = assertThrows(InvalidRequestException.class, () -> service.search(
        new SearchRequest("", filters(List.of(), List.of(), List.of("条例")), SortOrder.RELEVANCE, 1, 10, 1)));
    assertEquals("type", type.parameter());
    assertEquals(List.of("通知", "会议报道", "法规"), type.validValues(), "every type the index holds, most documents first");
    assertTrue(type.messageZh().startsWith("没有类型为“条例”的文件，可选的类型：通知、会议报道、法规"), type.messageZh());
    InvalidRequestException theme = assertThrows(InvalidRequestException.class, () -> service.search(
        new SearchRequest("", filters(List.of(), List.of("减负"), List.of()), SortOrder.RELEVANCE, 1, 10, 1)));
    assertEquals("theme", theme.parameter());
    assertEquals(List.of("双减"), theme.validValues());
  }

  @Test
  void phraseStatisticsReadFiltersTheSameWay() throws Exception {
    PhraseResult r = phrases.phrase(new PhraseRequest("教育", filters(List.of("鲁"), List.of(), List.of()), 1, 10, 10));
    assertEquals(2, r.documents());
    assertEquals("山东省", r.filters().get(0).value());
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> phrases.phrase(new PhraseRequest("教育", filters(List.of(), List.of(), List.of("条例")), 1, 10, 10)));
    assertEquals("type", e.parameter());
  }
}
