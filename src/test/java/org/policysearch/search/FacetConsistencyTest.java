package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/**
 * Facet counts agree with searches: on the small corpus of {@link SearchCoreTest}, under queries and filter sets,
 * every value of every dimension counts what a search with that value as its dimension's only selection finds
 * (drill-sideways: the dimension's own selection is left out of its counts, the others narrow). Asked of the
 * embedded backend here, of the OpenSearch backend in {@code FacetConsistencyOnOpenSearchTest}.
 */
class FacetConsistencyTest {
  @TempDir static Path dir;
  /** The backend under test: the embedded index here, the cluster in {@code FacetConsistencyOnOpenSearchTest}. */
  static SearchBackend engine;

  @BeforeAll
  static void build() throws Exception {
    engine = TestIndex.backend(dir.resolve("index"), SearchCoreTestDocs.DOCS);
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  static SearchResult search(String q, Filters f) throws Exception {
    return engine.search(new SearchRequest(q, f, SortOrder.RELEVANCE, 1, 50, 3));
  }

  /** Every facet count equals the total of the same search with that value as the dimension's only selection. */
  @Test
  void everyFacetCountEqualsTheFilteredHitCount() throws Exception {
    List<Filters> selections = List.of(
        Filters.NONE,
        new Filters(List.of("湖北省"), List.of(), null, null, List.of(), List.of(), false),
        new Filters(List.of("湖北省/鄂州市", "重庆市"), List.of(2023), null, null, List.of(), List.of(), false),
        new Filters(List.of(), List.of(), null, null, List.of("校园安全"), List.of("会议报道", "通知"), false),
        new Filters(List.of("全国"), List.of(), 2020, null, List.of(), List.of(), false));
    int checked = 0;
    for (String q : List.of("", "教育", "\"义务教育\"", "防溺水 OR 双减", "-疫情")) {
      for (Filters f : selections) {
        SearchResult r = search(q, f);
        for (int dim = 0; dim < 4; dim++) {
          List<FacetValue> values = switch (dim) {
            case 0 -> flatten(r.facets().region());
            case 1 -> r.facets().year();
            case 2 -> r.facets().theme();
            default -> r.facets().type();
          };
          for (FacetValue v : values) {
            Filters only = switch (dim) {
              case 0 -> new Filters(List.of(v.value()), f.years(), f.yearFrom(), f.yearTo(), f.themes(), f.types(), false);
              case 1 -> new Filters(f.regions(), List.of(Integer.parseInt(v.value())), null, null, f.themes(), f.types(), false);
              case 2 -> new Filters(f.regions(), f.years(), f.yearFrom(), f.yearTo(), List.of(v.value()), f.types(), false);
              default -> new Filters(f.regions(), f.years(), f.yearFrom(), f.yearTo(), f.themes(), List.of(v.value()), false);
            };
            long total = search(q, only).total();
            int d = dim;
            assertEquals(total, v.count(), () -> "q=" + q + " filters=" + f + " dim=" + d + " value=" + v.value());
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 100, "checked " + checked);
  }

  static List<FacetValue> flatten(List<FacetValue> tree) {
    List<FacetValue> out = new ArrayList<>();
    for (FacetValue v : tree) {
      out.add(v);
      out.addAll(flatten(v.children()));
    }
    return out;
  }
}
