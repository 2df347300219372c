package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.api.Span;
import org.policysearch.search.api.Suggestion;

/** What users check on a small corpus: which documents a query finds, why, and how they are shown. */
class SearchCoreTest {
  @TempDir static Path dir;
  static SearchService service;

  static final List<PolicyDocument> DOCS = SearchCoreTestDocs.DOCS;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir.resolve("index"), DOCS);
    service = TestIndex.service(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  static SearchResult search(String q) throws Exception {
    return search(q, Filters.NONE);
  }

  static SearchResult search(String q, Filters f) throws Exception {
    return service.search(new SearchRequest(q, f, SortOrder.RELEVANCE, 1, 50, 3));
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.document().id()).sorted().toList();
  }

  @Test
  void quotedPhraseFindsEveryDocumentThatContainsIt() throws Exception {
    SearchResult r = search("\"义务教育\"");
    assertEquals(List.of("ezhou", "huarong", "liaocheng", "tongnan"), ids(r));
    assertEquals(4, r.total());
    Hit ezhou = r.hits().stream().filter(h -> h.document().id().equals("ezhou")).findFirst().orElseThrow();
    Passage p = ezhou.passages().get(0);
    assertEquals(3, p.paragraph());
    assertEquals(List.of(new Span(2, 6)), p.highlights()); // 推动[义务教育]优质..., one span, not four
    assertEquals("推动<mark>义务教育</mark>优质均衡发展，落实“双减”政策。", p.html());
  }

  @Test
  void partOfADictionaryWordIsFound() throws Exception {
    assertEquals(List.of("ezhou"), ids(search("鄂州")));
    assertEquals(List.of("ezhou"), ids(search("\"鄂州\"")));
  }

  @Test
  void unknownWordsStayTogether() throws Exception {
    SearchResult r = search("教联体");
    // wuhan has 教, 联 and 体 in "教师联系群体" but not the word
    assertEquals(List.of("ezhou"), ids(r));
    assertEquals(List.of("教联体"), r.interpretation().clauses().get(0).mustMatch());
    Passage p = r.hits().get(0).passages().get(0);
    assertEquals(2, p.paragraph());
    assertEquals(List.of(new Span(5, 8)), p.highlights());
  }

  @Test
  void everyUnquotedWordMustMatchSomewhereInTheDocument() throws Exception {
    assertEquals(List.of("ezhou"), ids(search("教联体 防溺水"))); // different paragraphs of one document
    assertEquals(List.of("tongnan"), ids(search("学前教育 防溺水")));
  }

  @Test
  void normalisationAppliesToQueries() throws Exception {
    assertEquals(List.of("ezhou"), ids(search("落实双减政策")));
    assertEquals(List.of("ezhou"), ids(search("\"落实双减政策\"")));
    assertEquals(List.of("law"), ids(search("\"教育会议\"")));
    assertEquals(List.of("law"), ids(search("\"教育會議\"")));
    // unquoted, the two words may stand apart: 全市教育工作会议 has both
    assertEquals(List.of("ezhou", "law"), ids(search("教育會議")));
  }

  @Test
  void orExclusionTitleAndGroups() throws Exception {
    assertEquals(List.of("ezhou", "huarong", "liaocheng", "tongnan"), ids(search("防溺水 OR 立德树人")));
    assertEquals(List.of("ezhou", "huarong", "liaocheng"), ids(search("\"义务教育\" -潼南区")));
    assertEquals(List.of("law"), ids(search("title:教育法")));
    assertEquals(List.of("liaocheng", "tongnan"), ids(search("(立德树人 OR 学前教育) -疫情")));
    // only exclusions: everything else is listed
    assertEquals(List.of("wuhan"), ids(search("-教育 -\"<script>\"")));
  }

  @Test
  void synonymsWidenAndAreShown() throws Exception {
    SearchResult r = search("双减");
    assertEquals(List.of("ezhou", "wuhan"), ids(r));
    assertTrue(r.interpretation().clauses().get(0).synonyms().contains("减轻学生作业负担和校外培训负担"));
    Hit wuhan = r.hits().stream().filter(h -> h.document().id().equals("wuhan")).findFirst().orElseThrow();
    assertEquals("切实<mark>减轻学生作业负担和校外培训负担</mark>。", wuhan.passages().get(0).html());
  }

  @Test
  void filtersAndDrillSidewaysFacets() throws Exception {
    Filters hubei = new Filters(List.of("湖北省"), List.of(), null, null, List.of(), List.of(), false);
    SearchResult r = search("", hubei);
    assertEquals(List.of("ezhou", "huarong", "wuhan"), ids(r));
    // the selected region still shows its siblings' counts
    FacetValue hb = r.facets().region().stream().filter(v -> v.value().equals("湖北省")).findFirst().orElseThrow();
    assertTrue(hb.selected());
    assertEquals(3, hb.count());
    FacetValue cq = r.facets().region().stream().filter(v -> v.value().equals("重庆市")).findFirst().orElseThrow();
    assertEquals(1, cq.count());
    FacetValue ez = hb.children().stream().filter(v -> v.value().equals("湖北省/鄂州市")).findFirst().orElseThrow();
    assertEquals(2, ez.count());
    assertEquals("华容区", ez.children().get(0).label());
    Filters years = new Filters(List.of(), List.of(), 2022, 2023, List.of(), List.of(), false);
    assertEquals(List.of("ezhou", "liaocheng", "tongnan", "wuhan"), ids(search("", years)));
  }

  @Test
  void sortByDateAndPage() throws Exception {
    SearchResult p1 = service.search(new SearchRequest("", Filters.NONE, SortOrder.DATE_DESC, 1, 3, 1));
    assertEquals(8, p1.total());
    assertEquals(List.of("huarong", "liaocheng", "ezhou"), p1.hits().stream().map(h -> h.document().id()).toList());
    SearchResult p3 = service.search(new SearchRequest("", Filters.NONE, SortOrder.DATE_DESC, 3, 3, 1));
    // documents without a date come last
    assertEquals(List.of("taizhou", "xss"), p3.hits().stream().map(h -> h.document().id()).toList());
    SearchResult asc = service.search(new SearchRequest("", Filters.NONE, SortOrder.DATE_ASC, 1, 1, 1));
    assertEquals("taizhou", asc.hits().get(0).document().id());
  }

  @Test
  void htmlIsEscaped() throws Exception {
    SearchResult r = search("\"<script>\"");
    assertEquals(List.of("xss"), ids(r));
    String html = r.hits().get(0).passages().get(0).html();
    assertFalse(html.contains("<script>"));
    assertFalse(html.contains("<img"));
    assertTrue(html.contains("<mark>&lt;script&gt;</mark>"));
  }

  @Test
  void malformedQueriesSayWhatAndWhere() {
    // Each message in English (scripts) and in Chinese (the page), both saying what and where.
    record Case(String q, String fragment, String fragmentZh) {}
    List<Case> cases = List.of(
        new Case("\"双减", "position 1", "第 1 个字符处的引号没有闭合"),
        new Case("教育 (双减", "'(' at position 4", "第 4 个字符处的“(”没有闭合"),
        new Case("教育)", "')' at position 3", "第 3 个字符处的“)”没有对应的“(”"),
        new Case("()", "empty", "括号是空的"),
        new Case("OR 教育", "before", "OR 前面缺少检索词"),
        new Case("教育 OR", "after", "OR 后面缺少检索词"),
        new Case("title:", "title:", "“title:”后面要紧跟"),
        new Case("\"\"", "empty", "引号里是空的"),
        new Case("教育 - 双减", "'-' at position 4", "第 4 个字符处的“-”后面要紧跟"),
        new Case("《》", "nothing to search", "没有可查找的内容"));
    for (Case c : cases) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> search(c.q), c.q);
      assertTrue(e.getMessage().contains(c.fragment), () -> c.q + " → " + e.getMessage());
      assertTrue(e.messageZh().contains(c.fragmentZh), () -> c.q + " → " + e.messageZh());
      assertEquals("q", e.parameter());
    }
    String longQuery = "教育".repeat(600);
    assertThrows(InvalidRequestException.class, () -> search(longQuery));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100; i++) many.append("词").append(i).append(' ');
    InvalidRequestException tooMany = assertThrows(InvalidRequestException.class, () -> search(many.toString()));
    assertTrue(tooMany.getMessage().contains("too many"));
    assertTrue(tooMany.messageZh().contains("检索式的词太多"), tooMany.messageZh());
  }

  @Test
  void badParametersAreRefused() {
    assertThrows(InvalidRequestException.class, () -> service.search(new SearchRequest("", Filters.NONE, SortOrder.RELEVANCE, 0, 10, 1)));
    assertThrows(InvalidRequestException.class, () -> service.search(new SearchRequest("", Filters.NONE, SortOrder.RELEVANCE, 1, 1000, 1)));
    assertThrows(InvalidRequestException.class, () -> service.search(new SearchRequest("", Filters.NONE, SortOrder.RELEVANCE, 1000, 100, 1)));
    assertThrows(InvalidRequestException.class, () -> SortOrder.parse("newest"));
  }

  @Test
  void phraseStatisticsCountAndShowContext() throws Exception {
    PhraseResult r = new PhraseService(service).phrase(new PhraseRequest("\"防溺水\"", Filters.NONE, 1, 10, 4));
    assertEquals(3, r.documents());
    assertEquals(3, r.occurrences());
    // each count beside how many documents the corpus holds for that year or region: 2023 has three
    // (ezhou, tongnan, liaocheng), 湖北省 three (ezhou, wuhan, huarong); eight documents in all
    assertEquals(8, r.corpusDocuments());
    assertEquals(List.of(new PhraseResult.Count("2024", 1, 1, 1), new PhraseResult.Count("2023", 2, 2, 3)), r.byYear());
    assertTrue(r.byRegion().contains(new PhraseResult.Count("湖北省", 2, 2, 3)), r.byRegion().toString());
    assertTrue(r.byRegion().contains(new PhraseResult.Count("湖北省/鄂州市/华容区", 1, 1, 1)));
    assertEquals(2 / 3.0, r.byYear().get(1).share(), 1e-9);
    // within the filters: the denominators are the documents the search covered
    PhraseResult hubei = new PhraseService(service).phrase(new PhraseRequest("\"防溺水\"",
        new Filters(List.of("湖北省"), List.of(), null, null, List.of(), List.of(), false), 1, 10, 4));
    assertEquals(3, hubei.corpusDocuments());
    assertEquals(List.of(new PhraseResult.Count("2024", 1, 1, 1), new PhraseResult.Count("2023", 1, 1, 1)), hubei.byYear());
    PhraseResult.Occurrence first = r.items().get(0); // newest first: 华容区 2024
    assertEquals("huarong", first.id());
    assertEquals("防溺水", first.match());
    assertEquals("展，做好", first.left());
    assertEquals("工作。", first.right());
  }

  @Test
  void similarParagraphsComeFromOtherRegions() throws Exception {
    SimilarResult r = new SimilarService(service).similarTo("ezhou", 3, 5);
    List<String> from = new ArrayList<>();
    r.items().forEach(i -> from.add(i.id()));
    assertTrue(from.contains("tongnan"), from::toString);
    assertFalse(from.contains("ezhou"));
    assertFalse(from.contains("huarong"), "华容区 is part of 鄂州市"); // same city
    SimilarResult.Item tn = r.items().stream().filter(i -> i.id().equals("tongnan")).findFirst().orElseThrow();
    assertEquals(2, tn.paragraph());
    assertEquals("《潼南区召开2023年开学暨党建工作推进会》（重庆市潼南区，2023-02-02），第2段", tn.citation());
    SimilarResult pasted = new SimilarService(service).similarToText("推动义务教育优质均衡发展", 3);
    assertFalse(pasted.items().isEmpty());
    assertThrows(NotFoundException.class, () -> new SimilarService(service).similarTo("ezhou", 99, 5));
  }

  @Test
  void suggestionsCompletePrefixes() throws Exception {
    List<Suggestion> s = service.suggest("鄂州", 5);
    assertEquals("湖北省/鄂州市", s.get(0).label());
    assertEquals("region", s.get(0).kind());
    assertTrue(service.suggest("中华人民", 5).stream().anyMatch(x -> x.text().equals("中华人民共和国教育法")));
  }

  @Test
  void documentViewMarksEveryMatch() throws Exception {
    DocumentView v = service.document("ezhou", "双减 OR 教联体");
    assertEquals(4, v.paragraphs().size());
    assertEquals(2, v.matches());
    assertEquals("着重抓好“<mark>教联体</mark>”改革、师德师风建设、教育评价改革等工作。", v.paragraphs().get(1).html());
    assertThrows(NotFoundException.class, () -> service.document("nope", null));
  }
}
