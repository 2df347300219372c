package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Interpretation.FilterReading;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/**
 * Themes are paths of a two-level taxonomy and work like regions: the facet is a tree (top level › second
 * level, counts of documents at each), a top level filters everything under it, and a second level alone is
 * read as its path. Asked of the embedded backend here, of the OpenSearch backend in {@code ThemeFacetOnOpenSearchTest}.
 */
class ThemeFacetTest {
  @TempDir static Path dir;
  /** The backend under test: the embedded index here, the cluster in {@code ThemeFacetOnOpenSearchTest}. */
  static SearchBackend engine;
  static final List<PolicyDocument> DOCS = List.of(
      TestIndex.doc("kindergarten", "幼儿园管理办法", "2023-03-01", "山东省/青岛市", "法规", List.of("科技、教育/学前教育"), "幼儿园工作。"),
      TestIndex.doc("tutoring", "校外培训管理办法", "2022-03-01", "山东省/济南市", "法规", List.of("科技、教育/双减"), "校外培训工作。"),
      TestIndex.doc("air", "大气污染防治条例", "2021-04-29", "全国", "法规", List.of("城乡建设、环境保护/生态环境"), "大气污染防治工作。"));

  @BeforeAll
  static void build() throws Exception {
    engine = TestIndex.backend(dir.resolve("index"), DOCS);
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  static SearchResult search(List<String> themes) throws Exception {
    return engine.search(new SearchRequest("工作", FilterValuesTest.filters(List.of(), themes, List.of()), SortOrder.RELEVANCE, 1, 10, 1));
  }

  @Test
  void theThemeFacetIsATreeOfTwoLevels() throws Exception {
    List<FacetValue> tree = search(List.of()).facets().theme();
    assertEquals(List.of(
        new FacetValue("科技、教育", "科技、教育", 2, false, List.of(
            new FacetValue("科技、教育/双减", "双减", 1, false, List.of()),
            new FacetValue("科技、教育/学前教育", "学前教育", 1, false, List.of()))),
        new FacetValue("城乡建设、环境保护", "城乡建设、环境保护", 1, false, List.of(
            new FacetValue("城乡建设、环境保护/生态环境", "生态环境", 1, false, List.of())))), tree);
  }

  @Test
  void aTopLevelFindsItsSecondLevelsAndASecondLevelAloneIsReadAsItsPath() throws Exception {
    assertEquals(List.of("kindergarten", "tutoring"), FilterValuesTest.ids(search(List.of("科技、教育"))));
    SearchResult r = search(List.of("学前教育"));
    assertEquals(List.of("kindergarten"), FilterValuesTest.ids(r));
    assertEquals(List.of(new FilterReading("theme", "学前教育", "科技、教育/学前教育", "name", 1)), r.interpretation().filters());
  }
}
