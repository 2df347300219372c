package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.json.ResultJson;

/** The region × year cells of phrase statistics, which the web page draws as a table. */
class PhraseRegionYearTest {
  @TempDir static Path dir;
  static SearchService service;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir.resolve("index"), SearchCoreTestDocs.DOCS);
    service = TestIndex.service(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  static PhraseResult phrase(String q, Filters f) throws Exception {
    return new PhraseService(service).phrase(new PhraseRequest(q, f, 1, 10, 4));
  }

  @Test
  void everyRegionLevelByYearNewestFirst() throws Exception {
    // 防溺水: 鄂州市 2023-02, 潼南区 2023-02, 华容区 (under 鄂州市) 2024-01; one occurrence each.
    assertEquals(List.of(
        new PhraseResult.RegionYear("湖北省", "2024", 1, 1),
        new PhraseResult.RegionYear("湖北省", "2023", 1, 1),
        new PhraseResult.RegionYear("湖北省/鄂州市", "2024", 1, 1),
        new PhraseResult.RegionYear("湖北省/鄂州市", "2023", 1, 1),
        new PhraseResult.RegionYear("湖北省/鄂州市/华容区", "2024", 1, 1),
        new PhraseResult.RegionYear("重庆市", "2023", 1, 1),
        new PhraseResult.RegionYear("重庆市/潼南区", "2023", 1, 1)),
        phrase("防溺水", Filters.NONE).byRegionYear());
  }

  @Test
  void theJsonNamesTheCellsAsTheOpenApiDocumentSays() throws Exception {
    JsonObject o = ResultJson.phrase(phrase("防溺水", Filters.NONE));
    JsonObject first = o.getAsJsonArray("by_region_year").get(0).getAsJsonObject();
    assertEquals("{\"region\":\"湖北省\",\"year\":\"2024\",\"documents\":1,\"occurrences\":1}", ResultJson.toJson(first));
    assertEquals(7, o.getAsJsonArray("by_region_year").size());
  }

  @Test
  void cellsAddUpToTheYearTotalsAndFollowTheFilters() throws Exception {
    PhraseResult r = phrase("义务教育", Filters.NONE);
    for (PhraseResult.Count y : r.byYear()) {
      long provinces = r.byRegionYear().stream()
          .filter(c -> c.year().equals(y.value()) && !c.region().contains("/"))
          .mapToLong(PhraseResult.RegionYear::occurrences).sum();
      assertEquals(y.occurrences(), provinces, "year " + y.value());
    }
    Filters chongqing = new Filters(List.of("重庆市"), List.of(), null, null, List.of(), List.of(), false);
    assertEquals(List.of(new PhraseResult.RegionYear("重庆市", "2023", 1, 1), new PhraseResult.RegionYear("重庆市/潼南区", "2023", 1, 1)),
        phrase("义务教育", chongqing).byRegionYear());
  }
}
