package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.index.Fields;
import org.policysearch.search.api.Filters;

/**
 * Facet counts drill-sideways on a five-document index: values of a selected dimension keep their counts
 * (so a user can add a second region), the other dimensions narrow, and folded reposts count nowhere.
 */
class FacetHitCollectorTest {
  @TempDir static Path dir;
  static SearchService service;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("ezhou", "鄂州市教育工作会议讲话", "2023-02-12", "湖北省/鄂州市", "讲话", List.of("双减"), "推进教育强市建设。"),
        TestIndex.doc("wuhan", "武汉市教育工作要点", "2023-03-01", "湖北省/武汉市", "通知", List.of("双减", "校园安全"), "推进教育现代化。"),
        TestIndex.doc("qingdao", "青岛市教育工作要点", "2022-03-01", "山东省/青岛市", "通知", List.of(), "青岛市推进教育发展。"),
        TestIndex.doc("jinan", "济南市防溺水通知", "2021-06-01", "山东省/济南市", "通知", List.of("校园安全"), "做好防溺水工作。"),
        TestIndex.doc("undated", "某地教育讲话", "", "山东省", "讲话", List.of(), "教育工作。")));
    service = TestIndex.service(dir);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  static Filters filters(List<String> regions, List<Integer> years, List<String> themes, List<String> types) {
    return new Filters(regions, years, null, null, themes, types, false);
  }

  /** Runs every document through a collector with these filters; {@code folded} are the ids left out as reposts. */
  static FacetHitCollector collect(Filters f, Set<String> folded) throws Exception {
    try (SearcherProvider.Lease lease = service.context().provider().acquire()) {
      IndexSearcher s = lease.searcher();
      Set<Integer> foldedDocs = new java.util.HashSet<>();
      for (String id : folded) {
        foldedDocs.add(s.search(service.context().documentsQuery(new TermQuery(new Term(Fields.ID, id))), 1).scoreDocs[0].doc);
      }
      FacetHitCollector fc = new FacetHitCollector(new SearchContext.NoHits(), f, foldedDocs);
      SearchContext.searchWith(s, service.context().documentsQuery(null), fc);
      return fc;
    }
  }

  @Test
  void withoutFiltersEveryDocumentCountsEverywhere() throws Exception {
    FacetHitCollector fc = collect(Filters.NONE, Set.of());
    assertEquals(5, fc.hits());
    assertEquals(Map.of("湖北省", 2L, "湖北省/鄂州市", 1L, "湖北省/武汉市", 1L, "山东省", 3L, "山东省/青岛市", 1L, "山东省/济南市", 1L),
        fc.counts(FacetHitCollector.REGION));
    assertEquals(Map.of("2023", 2L, "2022", 1L, "2021", 1L), fc.counts(FacetHitCollector.YEAR));
    assertEquals(1, fc.yearUnknown());
    assertEquals(Map.of("双减", 2L, "校园安全", 2L), fc.counts(FacetHitCollector.THEME));
    assertEquals(Map.of("讲话", 2L, "通知", 3L), fc.counts(FacetHitCollector.TYPE));
    assertEquals(0, fc.folded());
  }

  @Test
  void aSelectedDimensionKeepsItsOtherValuesAndTheRestNarrow() throws Exception {
    FacetHitCollector fc = collect(filters(List.of("湖北省"), List.of(), List.of(), List.of()), Set.of());
    assertEquals(2, fc.hits());
    // Regions still show 山东省: choosing it too would add its documents.
    assertEquals(Map.of("湖北省", 2L, "湖北省/鄂州市", 1L, "湖北省/武汉市", 1L, "山东省", 3L, "山东省/青岛市", 1L, "山东省/济南市", 1L),
        fc.counts(FacetHitCollector.REGION));
    // Every other dimension counts the two documents of 湖北省 only.
    assertEquals(Map.of("2023", 2L), fc.counts(FacetHitCollector.YEAR));
    assertEquals(0, fc.yearUnknown());
    assertEquals(Map.of("双减", 2L, "校园安全", 1L), fc.counts(FacetHitCollector.THEME));
    assertEquals(Map.of("讲话", 1L, "通知", 1L), fc.counts(FacetHitCollector.TYPE));
  }

  @Test
  void aDocumentFailingOneSelectedDimensionCountsOnlyThere() throws Exception {
    // 通知 in 山东省: qingdao and jinan pass both; undated (讲话, 山东省) fails only the type; wuhan (通知, 湖北省)
    // fails only the region; ezhou (讲话, 湖北省) fails both and counts nowhere.
    FacetHitCollector fc = collect(filters(List.of("山东省"), List.of(), List.of(), List.of("通知")), Set.of());
    assertEquals(2, fc.hits());
    assertEquals(Map.of("山东省", 2L, "山东省/青岛市", 1L, "山东省/济南市", 1L, "湖北省", 1L, "湖北省/武汉市", 1L),
        fc.counts(FacetHitCollector.REGION));
    assertEquals(Map.of("通知", 2L, "讲话", 1L), fc.counts(FacetHitCollector.TYPE));
    assertEquals(Map.of("2022", 1L, "2021", 1L), fc.counts(FacetHitCollector.YEAR));
    assertEquals(Map.of("校园安全", 1L), fc.counts(FacetHitCollector.THEME));
  }

  @Test
  void aYearFilterLeavesUndatedDocumentsOutOfTheHits() throws Exception {
    FacetHitCollector fc = collect(filters(List.of(), List.of(2023), List.of(), List.of()), Set.of());
    assertEquals(2, fc.hits());
    // Still shown beside the years: the undated document fails only the year.
    assertEquals(1, fc.yearUnknown());
    assertEquals(Map.of("2023", 2L, "2022", 1L, "2021", 1L), fc.counts(FacetHitCollector.YEAR));
  }

  @Test
  void foldedRepostsAreNeitherHitsNorCounted() throws Exception {
    FacetHitCollector fc = collect(Filters.NONE, Set.of("wuhan"));
    assertEquals(4, fc.hits());
    assertEquals(1, fc.folded());
    assertEquals(Map.of("双减", 1L, "校园安全", 1L), fc.counts(FacetHitCollector.THEME));
    assertEquals(Map.of("湖北省", 1L, "湖北省/鄂州市", 1L, "山东省", 3L, "山东省/青岛市", 1L, "山东省/济南市", 1L),
        fc.counts(FacetHitCollector.REGION));
  }
}
