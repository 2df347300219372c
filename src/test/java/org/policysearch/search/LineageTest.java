package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexStore;
import org.policysearch.search.api.CitedBy;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.CitingDocument;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/** What a document cites and who cites it, resolved against the index of the moment (docs/lineage.md). */
class LineageTest {
  @TempDir Path dir;

  static PolicyDocument doc(String id, String title, String date, String region, String... paragraphs) {
    return TestIndex.doc(id, title, date, region, "法规", List.of(), paragraphs);
  }

  /** The same document with its own 文号. */
  static PolicyDocument numbered(PolicyDocument d, String number) {
    return new PolicyDocument(d.id(), d.file(), d.line(), d.title(), d.subtitle(), d.date(), d.region(), d.type(), d.source(),
        d.sourceUrl(), d.issuer(), number, d.officials(), d.themes(), d.flags(), d.paragraphs(), d.header(), d.evidence(),
        d.encoding(), d.contentHash());
  }

  LuceneBackend open(List<PolicyDocument> docs) throws Exception {
    TestIndex.write(dir.resolve("index"), docs);
    return LuceneBackend.open(dir.resolve("index"), TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS);
  }

  static Map<String, CitedReference> byTitle(List<CitedReference> refs) {
    return refs.stream().collect(Collectors.toMap(r -> r.title().isEmpty() ? r.docNumber() : r.title(), Function.identity()));
  }

  static String target(CitedReference r) {
    return r.target() == null ? null : r.target().id();
  }

  static final List<PolicyDocument> LAWS = List.of(
      doc("edu-law", "中华人民共和国教育法", "1995-03-18", "全国", "第一条 为了发展教育事业，制定本法。"),
      doc("pm-national", "物业管理条例", "2003-06-08", "全国", "第一条 为了规范物业管理活动，制定本条例。"),
      doc("pm-beijing", "物业管理条例", "2020-03-27", "北京市", "第一条 为了规范本市物业管理活动，制定本条例。"),
      doc("pm-shanghai", "物业管理条例", "2004-08-19", "上海市", "第一条 为了规范本市物业管理活动，制定本条例。"),
      doc("water-2010", "武汉市供水条例", "2010-05-01", "湖北省/武汉市", "第一条 为了加强供水管理，制定本条例。"),
      doc("water-2020", "武汉市供水条例", "2020-05-01", "湖北省/武汉市", "第一条 为了加强供水管理，制定本条例（修订）。"),
      doc("decision-a", "关于修改部分地方性法规的决定", "2012-01-01", "湖北省", "决定对下列法规作出修改。"),
      doc("decision-b", "关于修改部分地方性法规的决定", "2016-01-01", "湖北省", "决定对下列法规作出修改。"),
      doc("code-part1", "中华人民共和国民法典", "2020-05-28", "全国", "第一编 总则"),
      doc("code-part2", "中华人民共和国民法典", "2020-05-28", "全国", "第二编 物权"),
      numbered(doc("guofa", "国务院关于加强数字政府建设的指导意见", "2022-06-23", "全国", "各省、自治区、直辖市人民政府："), "国发〔2022〕14号"));

  @Test
  void referencesResolveByKeyRegionAndDate() throws Exception {
    List<PolicyDocument> docs = new ArrayList<>(LAWS);
    docs.add(doc("wuhan-2015", "武汉市教育督导办法", "2015-06-01", "湖北省/武汉市",
        "第一条 根据《教育法》《物业管理条例》《武汉市供水条例》，制定本办法。",
        "按照国发[2022]14号文件要求，落实《国务院关于加强数字政府建设的指导意见》。",
        "依照《关于修改部分地方性法规的决定》执行，本办法即《武汉市教育督导办法》。"));
    docs.add(doc("wuhan-2023", "武汉市供水服务办法", "2023-01-01", "湖北省/武汉市", "第一条 根据《武汉市供水条例》《民法典》，制定本办法。"));
    docs.add(doc("chaoyang", "朝阳区物业服务办法", "2021-01-01", "北京市/朝阳区", "第一条 根据《物业管理条例》，制定本办法。"));
    docs.add(doc("old-beijing", "北京市物业服务旧规定", "2010-01-01", "北京市", "第一条 根据《物业管理条例》，制定本规定。"));
    docs.add(doc("guangzhou", "广州市物业收费办法", "2012-01-01", "广东省/广州市", "参照《上海市物业管理条例》和《北京市物业管理条例》。"));
    try (LuceneBackend b = open(docs)) {
      Map<String, CitedReference> w = byTitle(b.cites("wuhan-2015"));
      assertEquals("edu-law", target(w.get("教育法")), "a short form finds the law");
      assertEquals("rests_on", w.get("教育法").relation());
      assertEquals(1, w.get("教育法").paragraph());
      assertEquals("pm-national", target(w.get("物业管理条例")), "Wuhan has none of its own: the national one");
      assertEquals("water-2010", target(w.get("武汉市供水条例")), "the version in force in 2015");
      assertEquals("guofa", target(w.get("国发[2022]14号")) == null ? null : "guofa"); // cited before it existed: see below
      assertEquals(CitedReference.UNRESOLVED, w.get("国务院关于加强数字政府建设的指导意见").status(), "issued after the citing document");
      assertEquals(CitedReference.AMBIGUOUS, w.get("关于修改部分地方性法规的决定").status(), "two decisions of that name: no link");
      assertEquals(CitedReference.SELF, w.get("武汉市教育督导办法").status());
      assertEquals(CitedReference.AMBIGUOUS, byTitle(b.cites("wuhan-2023")).get("民法典").status(), "a code kept as several documents of one title and date: no part is the code");
      assertEquals("water-2020", target(byTitle(b.cites("wuhan-2023")).get("武汉市供水条例")), "the latest version by 2023");
      assertEquals("pm-beijing", target(byTitle(b.cites("chaoyang")).get("物业管理条例")), "Beijing's own, from a district of Beijing");
      assertEquals("pm-national", target(byTitle(b.cites("old-beijing")).get("物业管理条例")),
          "Beijing's regulation came later: not Beijing's own");
      // a title that names another region finds nothing: 上海市物业管理条例 is not the key of pm-shanghai (titled 物业管理条例)
      assertEquals(CitedReference.UNRESOLVED, byTitle(b.cites("guangzhou")).get("上海市物业管理条例").status());
      assertThrows(NotFoundException.class, () -> b.cites("nope"));
    }
  }

  @Test
  void aDocumentNumberResolvesToTheDocumentThatHasItAsItsOwn() throws Exception {
    List<PolicyDocument> docs = new ArrayList<>(LAWS);
    docs.add(doc("hubei-2023", "湖北省数字政府建设实施方案", "2023-03-01", "湖北省", "为贯彻落实国发(2022)14号文件精神，制定本方案。",
        "本方案参考鄂政发〔2019〕9号执行。"));
    try (LuceneBackend b = open(docs)) {
      Map<String, CitedReference> r = byTitle(b.cites("hubei-2023"));
      assertEquals("guofa", target(r.get("国发(2022)14号")));
      assertEquals("implements", r.get("国发(2022)14号").relation());
      assertEquals(CitedReference.UNRESOLVED, r.get("鄂政发〔2019〕9号").status());
      // the cites filter takes the 文号 in any brackets, or the id
      for (String cites : List.of("guofa", "国发〔2022〕14号", "国发[2022]14号")) {
        SearchResult s = b.search(new SearchRequest("", Filters.NONE.withCites(cites), SortOrder.RELEVANCE, 1, 10, 0));
        assertEquals(List.of("hubei-2023"), s.hits().stream().map(h -> h.document().id()).toList(), cites);
      }
      // a number no document has: the documents that cite it
      SearchResult s = b.search(new SearchRequest("", Filters.NONE.withCites("鄂政发[2019]9号"), SortOrder.RELEVANCE, 1, 10, 0));
      assertEquals(List.of("hubei-2023"), s.hits().stream().map(h -> h.document().id()).toList());
      InvalidRequestException e = assertThrows(InvalidRequestException.class,
          () -> b.search(new SearchRequest("", Filters.NONE.withCites("no such thing"), SortOrder.RELEVANCE, 1, 10, 0)));
      assertEquals("cites", e.parameter());
    }
  }

  @Test
  void citedByIsPagedFirstAdoptersFirstWithFacetsAndATable() throws Exception {
    List<PolicyDocument> docs = new ArrayList<>(LAWS);
    String[] regions = {"湖北省/武汉市", "湖北省/宜昌市", "山东省/青岛市"};
    for (int i = 0; i < 25; i++) {
      docs.add(doc("c" + i, "第" + i + "号教育实施办法", (2000 + i) + "-01-01", regions[i % 3],
          "第一条 为了实施《中华人民共和国教育法》，结合本地实际，制定本办法。"));
    }
    docs.add(doc("no-date", "没有日期的教育办法", "", "山东省", "第一条 根据《教育法》，制定本办法。"));
    try (LuceneBackend b = open(docs)) {
      CitedBy first = b.citedBy("edu-law", Filters.NONE, 1, 10);
      assertEquals(26, first.total());
      assertEquals(List.of("c0", "c1", "c2"), first.documents().stream().limit(3).map(d -> d.document().id()).toList());
      CitingDocument c0 = first.documents().get(0);
      assertEquals("implements", c0.relation());
      assertEquals(1, c0.paragraph());
      assertTrue(c0.context().contains("《中华人民共和国教育法》"), c0.context());
      CitedBy last = b.citedBy("edu-law", Filters.NONE, 3, 10);
      assertEquals(List.of("c20", "c21", "c22", "c23", "c24", "no-date"), last.documents().stream().map(d -> d.document().id()).toList());
      // the table counts every citing document by province and year
      long inTable = first.table().stream().mapToLong(CitedBy.RegionYear::count).sum();
      assertEquals(26, inTable);
      assertTrue(first.table().contains(new CitedBy.RegionYear("山东省", null, 1)), first.table()::toString);
      assertTrue(first.table().contains(new CitedBy.RegionYear("湖北省", 2000, 1)));
      // filtered like a search, facets drill-sideways
      Filters shandong = new Filters(List.of("山东省"), List.of(), 2010, null, List.of(), List.of(), false);
      CitedBy sd = b.citedBy("edu-law", shandong, 1, 50);
      assertEquals(List.of("c11", "c14", "c17", "c20", "c23"), sd.documents().stream().map(d -> d.document().id()).toList());
      Map<String, Long> regionFacet = sd.facets().region().stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
      assertEquals(5L, regionFacet.get("山东省"));
      assertEquals(10L, regionFacet.get("湖北省"), "the other province still counted (drill-sideways)");
      // the same as a search with the cites filter, combined with a query
      SearchResult s = b.search(new SearchRequest("教育", shandong.withCites("edu-law"), SortOrder.DATE_ASC, 1, 50, 0));
      assertEquals(sd.documents().stream().map(d -> d.document().id()).toList(), s.hits().stream().map(h -> h.document().id()).toList());
      assertThrows(NotFoundException.class, () -> b.citedBy("nope", Filters.NONE, 1, 10));
      assertThrows(InvalidRequestException.class, () -> b.citedBy("edu-law", Filters.NONE, 0, 10));
    }
  }

  @Test
  void aDocumentCitedByThousandsIsPaged() throws Exception {
    List<PolicyDocument> docs = new ArrayList<>(LAWS);
    int n = 2500;
    for (int i = 0; i < n; i++) {
      docs.add(doc("t" + i, "第" + i + "号办法", (1996 + i % 28) + "-01-01", i % 2 == 0 ? "湖北省" : "山东省", "根据《教育法》，制定本办法。"));
    }
    try (LuceneBackend b = open(docs)) {
      CitedBy first = b.citedBy("edu-law", Filters.NONE, 1, 20);
      assertEquals(n, first.total());
      assertEquals(20, first.documents().size());
      assertEquals(n, first.table().stream().mapToLong(CitedBy.RegionYear::count).sum());
      // the last page, and no page beyond the result window
      CitedBy last = b.citedBy("edu-law", Filters.NONE, n / 20, 20);
      assertEquals(20, last.documents().size());
      assertEquals(0, b.citedBy("edu-law", Filters.NONE, n / 20 + 1, 20).documents().size());
      assertThrows(InvalidRequestException.class, () -> b.citedBy("edu-law", Filters.NONE, 1000, 100));
      // oldest first across the pages
      assertTrue(first.documents().get(0).document().date().compareTo(last.documents().get(19).document().date()) <= 0);
    }
  }

  @Test
  void selfCitationsAndCyclesBreakNothing() throws Exception {
    List<PolicyDocument> docs = List.of(
        doc("a", "甲市河道管理条例", "2010-01-01", "湖北省", "第一条 依据《乙市湖泊保护条例》，制定本条例。", "本条例即《甲市河道管理条例》。"),
        doc("b", "乙市湖泊保护条例", "2009-01-01", "湖北省", "第一条 根据《甲市河道管理条例》，制定本条例。"));
    try (LuceneBackend b = open(docs)) {
      Map<String, CitedReference> a = byTitle(b.cites("a"));
      assertEquals("b", target(a.get("乙市湖泊保护条例")));
      assertEquals(CitedReference.SELF, a.get("甲市河道管理条例").status());
      // b (2009) cites a (2010): a did not exist yet, so no link — and no loop either way
      assertEquals(CitedReference.UNRESOLVED, byTitle(b.cites("b")).get("甲市河道管理条例").status());
      assertEquals(List.of("a"), b.citedBy("b", Filters.NONE, 1, 10).documents().stream().map(d -> d.document().id()).toList());
      assertEquals(0, b.citedBy("a", Filters.NONE, 1, 10).total());
    }
  }

  @Test
  void bothDirectionsStayTrueWhenEitherSideIsAddedChangedOrDeleted() throws Exception {
    Path index = dir.resolve("index");
    PolicyDocument law = doc("law", "中华人民共和国教育法", "1995-03-18", "全国", "第一条 为了发展教育事业，制定本法。");
    PolicyDocument citer = doc("citer", "湖北省教育条例", "2015-01-01", "湖北省", "第一条 根据《中华人民共和国教育法》，制定本条例。");
    TestIndex.write(index, List.of(citer));
    try (LuceneBackend b = LuceneBackend.open(index, TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS)) {
      assertEquals(CitedReference.UNRESOLVED, b.cites("citer").get(0).status(), "the law is not indexed yet");
      // the cited side is added: the citing document, untouched, now resolves
      put(index, law);
      b.refresh();
      assertEquals("law", target(b.cites("citer").get(0)));
      assertEquals(List.of("citer"), ids(b.citedBy("law", Filters.NONE, 1, 10)));
      // the citing side changes: it no longer cites the law
      put(index, doc("citer", "湖北省教育条例", "2015-01-01", "湖北省", "第一条 结合本省实际，制定本条例。"));
      b.refresh();
      assertEquals(List.of(), b.cites("citer"));
      assertEquals(List.of(), ids(b.citedBy("law", Filters.NONE, 1, 10)));
      // ... and cites it again; then a second citing document is added
      put(index, citer);
      put(index, doc("citer2", "湖北省教师条例", "2016-01-01", "湖北省", "为了贯彻《教育法》，制定本条例。"));
      b.refresh();
      assertEquals(List.of("citer", "citer2"), ids(b.citedBy("law", Filters.NONE, 1, 10)));
      // the cited side changes its title: the references stay, unresolved
      put(index, doc("law", "中华人民共和国高等教育法", "1998-08-29", "全国", "第一条 为了发展高等教育事业，制定本法。"));
      b.refresh();
      assertEquals(CitedReference.UNRESOLVED, b.cites("citer").get(0).status());
      assertEquals(0, b.citedBy("law", Filters.NONE, 1, 10).total());
      // back, then deleted
      put(index, law);
      b.refresh();
      assertEquals(2, b.citedBy("law", Filters.NONE, 1, 10).total());
      try (IndexStore store = IndexStore.open(new IndexLayout(index), TestIndex.ANALYZERS, false, 16)) {
        store.deleteFile("law");
        store.commit();
      }
      b.refresh();
      assertEquals(CitedReference.UNRESOLVED, b.cites("citer").get(0).status());
      assertNull(b.cites("citer2").get(0).target());
      assertThrows(NotFoundException.class, () -> b.citedBy("law", Filters.NONE, 1, 10));
      // a citing document deleted: gone from the cited-by list of a law added again
      put(index, law);
      try (IndexStore store = IndexStore.open(new IndexLayout(index), TestIndex.ANALYZERS, false, 16)) {
        store.deleteFile("citer2");
        store.commit();
      }
      b.refresh();
      assertEquals(List.of("citer"), ids(b.citedBy("law", Filters.NONE, 1, 10)));
    }
  }

  private static void put(Path index, PolicyDocument d) throws Exception {
    try (IndexStore store = IndexStore.open(new IndexLayout(index), TestIndex.ANALYZERS, false, 16)) {
      store.put(d);
      store.commit();
    }
  }

  private static List<String> ids(CitedBy c) {
    return c.documents().stream().map(d -> d.document().id()).toList();
  }
}
