package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/**
 * When the documents that hold every word run out, the page goes on with those that lack exactly one of
 * the words typed, each saying which; they are never counted in the total or the facets, and what the
 * user insisted on (quoted strings, exclusions) is never let go.
 */
class PartialMatchesTest {
  @TempDir static Path dir;
  static SearchService service;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("all", "公共场所控烟规定", "2023-01-01", "湖北省", "条例", List.of(), "公共场所禁止吸烟，控烟工作由卫生部门负责。"),
        TestIndex.doc("place", "公共场所治安管理", "2023-01-02", "湖北省", "条例", List.of(), "维护公共场所秩序。"),
        TestIndex.doc("tobacco", "健康乡村", "2023-01-03", "山东省", "条例", List.of(), "加强村民控烟教育。"),
        TestIndex.doc("smoke", "控烟宣传", "2023-01-04", "山东省", "条例", List.of(), "开展控烟宣传，劝阻吸烟行为。"),
        TestIndex.doc("noban", "场所卫生", "2023-01-05", "山东省", "条例", List.of(), "公共场所内禁止吸烟。"),
        TestIndex.doc("other", "农业生产", "2023-01-06", "山东省", "条例", List.of(), "发展现代农业。")));
    service = TestIndex.service(dir);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  static SearchResult search(String q, int page, int size) throws Exception {
    return service.search(new SearchRequest(q, null, null, page, size, 1));
  }

  /** Partial hits by id, each with the words it lacks. */
  static Map<String, List<String>> partial(SearchResult r) {
    Map<String, List<String>> out = new TreeMap<>();
    r.partial().hits().forEach(p -> out.put(p.hit().document().id(), p.missing()));
    return out;
  }

  @Test
  void documentsLackingOneWordFollowTheMatchesAndSayWhichWord() throws Exception {
    SearchResult r = search("公共场所 控烟", 1, 10);
    assertEquals(List.of("all"), r.hits().stream().map(h -> h.document().id()).toList());
    assertEquals(1, r.total(), "the total counts only documents holding every word");
    assertEquals(1, r.facets().region().stream().mapToLong(FacetValue::count).sum(), "facets count only the matches");
    assertNotNull(r.partial());
    assertEquals(List.of("公共场所", "控烟"), r.partial().words());
    assertEquals(4, r.partial().total());
    assertEquals(Map.of("place", List.of("控烟"), "tobacco", List.of("公共场所"), "smoke", List.of("公共场所"),
        "noban", List.of("控烟")), partial(r));
  }

  @Test
  void theyPageOnFromWhereTheMatchesEnd() throws Exception {
    assertNull(search("公共场所 控烟", 1, 1).partial(), "the first page is full of matches");
    List<String> seen = new ArrayList<>();
    for (int page = 2; page <= 6; page++) {
      SearchResult r = search("公共场所 控烟", page, 1);
      assertTrue(r.hits().isEmpty());
      assertEquals(1, r.total());
      r.partial().hits().forEach(p -> seen.add(p.hit().document().id()));
    }
    assertEquals(4, seen.size(), "each partial match once, then none: " + seen);
    assertEquals(4, seen.stream().distinct().count());
    assertEquals(partial(search("公共场所 控烟", 1, 10)).keySet().stream().sorted().toList(), seen.stream().sorted().toList());
  }

  @Test
  void quotedStringsAndExclusionsAreNeverLetGo() throws Exception {
    // 控烟 quoted must stay: noban (公共场所 吸烟, no 控烟) is no partial match; smoke lacks only 公共场所.
    SearchResult quoted = search("\"控烟\" 公共场所 吸烟", 1, 10);
    assertEquals(List.of("all"), quoted.hits().stream().map(h -> h.document().id()).toList());
    assertEquals(Map.of("smoke", List.of("公共场所")), partial(quoted));
    // -吸烟 stays excluded: no full match, and the partial ones hold no 吸烟.
    SearchResult excluded = search("公共场所 控烟 -吸烟", 1, 10);
    assertEquals(0, excluded.total());
    assertEquals(Map.of("place", List.of("控烟"), "tobacco", List.of("公共场所")), partial(excluded));
  }

  @Test
  void onlyWhereOneOfSeveralWordsCanBeLetGo() throws Exception {
    assertNull(search("控烟", 1, 10).partial(), "one word: nothing to let go");
    assertNull(search("公共场所控烟", 1, 10).partial(), "one word as typed (no space) is never cut into pieces");
    assertNull(service.search(new SearchRequest("公共场所 控烟", null, SortOrder.DATE_DESC, 1, 10, 1)).partial(),
        "by date, the list is the matches only");
  }
}
