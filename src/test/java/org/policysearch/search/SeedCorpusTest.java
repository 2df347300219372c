package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexSummary;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.api.Span;
import org.policysearch.search.query.Synonyms;

/**
 * Golden queries on the bundled seed corpus, indexed by the real pipeline (cleaning, metadata, paragraphs):
 * exact documents, totals, facet counts, passages and highlight fragments. Expected documents were
 * checked with grep over the seed files.
 */
class SeedCorpusTest {
  @TempDir static Path dir;
  /** The backend under test: the embedded index here, the cluster in {@code SeedCorpusOnOpenSearchTest}. */
  static SearchBackend engine;
  /** What the indexing run added and skipped. */
  static long added;
  static List<?> skipped;

  static final String EZHOU = "000_64eeac01db686175.txt";
  static final String TONGNAN = "001_c64f190a103f523b.txt";
  static final String LIAOCHENG = "002_5844abc75884d999.txt";
  static final String TAIZHOU = "003_b4075a6b7c439fa0.txt";
  static final String XILINGOL = "004_727ffb95bee0db86.txt";

  @BeforeAll
  static void build() throws Exception {
    Path corpus = seedCorpus(dir);
    CorpusIndexer indexer = new CorpusIndexer(new Ingester(IngestConfig.DEFAULTS, Builders.standard()), TestIndex.ANALYZERS, 2, 32);
    IndexSummary summary = indexer.run(corpus, new IndexLayout(dir.resolve("index")), false, CorpusIndexer.Progress.NONE);
    added = summary.added();
    skipped = summary.skipped();
    engine = LuceneBackend.open(dir.resolve("index"), TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS);
  }

  /** The five seed files in a corpus folder of {@code dir}. */
  static Path seedCorpus(Path dir) throws java.io.IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path s : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(s, corpus.resolve(s.getFileName()));
    }
    return corpus;
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  static SearchResult search(String q, Filters f) throws Exception {
    return engine.search(new SearchRequest(q, f, SortOrder.RELEVANCE, 1, 10, 3));
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.document().id()).sorted().toList();
  }

  static Map<String, Long> flat(List<FacetValue> values) {
    Map<String, Long> m = new TreeMap<>();
    for (FacetValue v : values) {
      m.put(v.value(), v.count());
      m.putAll(flat(v.children()));
    }
    return m;
  }

  @Test
  void theSeedsAreIndexedWithTheirMetadata() throws Exception {
    assertEquals(5, added);
    assertEquals(List.of(), skipped);
    SearchResult all = search("", Filters.NONE);
    assertEquals(5, all.total());
    assertEquals(Map.of("湖北省", 1L, "湖北省/鄂州市", 1L, "重庆市", 1L, "重庆市/潼南区", 1L, "山东省", 1L, "山东省/聊城市", 1L,
        "浙江省", 1L, "浙江省/台州市", 1L, "内蒙古自治区", 1L, "内蒙古自治区/锡林郭勒盟", 1L), flat(all.facets().region()));
    assertEquals(Map.of("2023", 4L, "2021", 1L), flat(all.facets().year()));
    assertEquals(Map.of("会议报道", 2L, "署名文章", 1L, "讲话", 2L), flat(all.facets().type()));
  }

  @Test
  void goldenQueries() throws Exception {
    assertEquals(List.of(EZHOU, TONGNAN, LIAOCHENG, TAIZHOU, XILINGOL), ids(search("\"义务教育\"", Filters.NONE)));
    assertEquals(List.of(EZHOU), ids(search("教联体", Filters.NONE)));
    assertEquals(List.of(EZHOU, TONGNAN), ids(search("防溺水", Filters.NONE)));
    assertEquals(List.of(EZHOU, TONGNAN, LIAOCHENG, XILINGOL), ids(search("\"双减\"", Filters.NONE)));
    assertEquals(List.of(EZHOU, TONGNAN), ids(search("立德树人 -疫情", Filters.NONE)));
    assertEquals(List.of(EZHOU), ids(search("鄂州", Filters.NONE)));
    assertEquals(List.of(TAIZHOU, XILINGOL), ids(search("title:讲话", Filters.NONE)));
  }

  @Test
  void passagesPointToTheParagraphAndMarkThePhraseOnce() throws Exception {
    SearchResult r = search("教联体", Filters.NONE);
    DocumentView doc = engine.document(EZHOU, null);
    int expected = doc.document().paragraphs().stream().filter(p -> p.text().contains("实施教联体扩面提质行动"))
        .findFirst().orElseThrow().number();
    Passage best = r.hits().get(0).passages().get(0);
    assertEquals(expected, best.paragraph());
    Span s = best.highlights().get(0);
    assertEquals("教联体", best.text().substring(s.start(), s.end()));
    assertTrue(best.html().contains("实施<mark>教联体</mark>扩面提质行动"), best.html());
  }

  @Test
  void facetsFollowTheQueryAndDrillSideways() throws Exception {
    SearchResult r = search("防溺水", Filters.NONE);
    assertEquals(Map.of("湖北省", 1L, "湖北省/鄂州市", 1L, "重庆市", 1L, "重庆市/潼南区", 1L), flat(r.facets().region()));
    Filters chongqing = new Filters(List.of("重庆市"), List.of(), null, null, List.of(), List.of(), false);
    SearchResult cq = search("防溺水", chongqing);
    assertEquals(List.of(TONGNAN), ids(cq));
    assertEquals(Map.of("湖北省", 1L, "湖北省/鄂州市", 1L, "重庆市", 1L, "重庆市/潼南区", 1L), flat(cq.facets().region()));
    assertEquals(Map.of("2023", 1L), flat(cq.facets().year()));
  }

  @Test
  void flagsReachTheResults() throws Exception {
    Hit taizhou = search("\"义务教育\"", Filters.NONE).hits().stream().filter(h -> h.document().id().equals(TAIZHOU)).findFirst().orElseThrow();
    assertTrue(taizhou.document().flags().truncated());
    assertTrue(taizhou.document().flags().redacted());
    assertEquals("浙江省/台州市", taizhou.document().region().path());
    assertEquals(2021, taizhou.document().year());
  }

  @Test
  void phraseStatisticsOnTheSeeds() throws Exception {
    PhraseResult r = engine.phrase(new PhraseRequest("防溺水", Filters.NONE, 1, 10, 6));
    assertEquals(2, r.documents());
    // every occurrence is in the cleaned text of 000 (防欺凌防溺水) and 001 (防溺水 twice in one paragraph)
    assertEquals(List.of(new PhraseResult.Count("2023", 2, r.occurrences(), 4)), r.byYear(), "four of the seeds are from 2023");
    assertTrue(r.items().stream().allMatch(o -> o.match().equals("防溺水")));
    assertFalse(r.items().isEmpty());
  }

  @Test
  void similarParagraphsOfTheEzhouSpeechComeFromOtherCities() throws Exception {
    DocumentView doc = engine.document(EZHOU, null);
    int para = doc.document().paragraphs().stream().filter(p -> p.text().contains("立德树人")).findFirst().orElseThrow().number();
    SimilarResult r = engine.similarTo(EZHOU, para, 5, SimilarMode.DOCUMENTS, false);
    assertFalse(r.items().isEmpty());
    assertTrue(r.items().stream().noneMatch(i -> i.region().path().startsWith("湖北省/鄂州市")));
  }
}
