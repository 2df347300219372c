package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/**
 * Documents without a date are counted apart in the year facet and in phrase statistics, never under a
 * year, and no year filter finds them. Asked of the embedded backend here, of the OpenSearch backend in
 * {@code YearUnknownFacetOnOpenSearchTest}.
 */
class YearUnknownFacetTest {
  @TempDir static Path dir;
  /** The backend under test: the embedded index here, the cluster in {@code YearUnknownFacetOnOpenSearchTest}. */
  static SearchBackend engine;
  static final List<PolicyDocument> DOCS = List.of(
      TestIndex.doc("a", "2023年工作报告", "2023-03-01", "湖北省", "工作报告", List.of(), "邓小平理论是党的指导思想。"),
      TestIndex.doc("b", "2022年工作报告", "2022", "湖北省", "工作报告", List.of(), "坚持邓小平理论。"),
      TestIndex.doc("c", "在党的代表大会上的报告", "", "全国", "工作报告", List.of(), "高举邓小平理论伟大旗帜。"));

  @BeforeAll
  static void build() throws Exception {
    engine = TestIndex.backend(dir.resolve("index"), DOCS);
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  static SearchResult search(Filters f) throws Exception {
    return engine.search(new SearchRequest("\"邓小平理论\"", f, SortOrder.RELEVANCE, 1, 10, 0));
  }

  @Test
  void theUndatedDocumentIsCountedApart() throws Exception {
    SearchResult r = search(Filters.NONE);
    assertEquals(3, r.total());
    assertEquals(List.of("2023:1", "2022:1"), r.facets().year().stream().map(v -> v.value() + ":" + v.count()).toList());
    assertEquals(1, r.facets().yearUnknown());
  }

  @Test
  void aYearFilterLeavesItOutAndTheFacetStillShowsItsCount() throws Exception {
    SearchResult r = search(new Filters(List.of(), List.of(2023), null, null, List.of(), List.of(), false));
    assertEquals(1, r.total());
    assertEquals(1, r.facets().yearUnknown()); // drill-sideways: the year dimension counts as if unselected
    SearchResult range = search(new Filters(List.of(), List.of(), 1900, 2100, List.of(), List.of(), false));
    assertEquals(2, range.total());
  }

  @Test
  void phraseStatisticsCountTheUndatedDocumentApartNotUnderAYear() throws Exception {
    PhraseResult r = engine.phrase(new PhraseRequest("邓小平理论", Filters.NONE, 1, 10, 4));
    assertEquals(3, r.occurrences());
    // each beside its denominator: the corpus holds one document of each year, and one undated
    assertEquals(List.of(new PhraseResult.Count("2023", 1, 1, 1), new PhraseResult.Count("2022", 1, 1, 1)), r.byYear());
    assertEquals(new PhraseResult.Count("unknown", 1, 1, 1), r.yearUnknown());
  }
}
