package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.vector.FakeEmbedder;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.query.Synonyms;

/**
 * Similar documents with the paragraph vectors, when asked for: lexical until the vectors are searchable,
 * then both sides fused, saying so; the same rules either way (one entry per document, never the source or its area).
 * Semantic search likewise adds documents near by meaning after the words' matches, under the filters, and
 * never widens a quoted string. The model is a deterministic stand-in ({@link FakeEmbedder}).
 */
class HybridSimilarTest {
  @TempDir Path dir;

  @Test
  void lexicalUntilTheVectorsAreBuiltThenHybridUnderTheSameRules() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("hz", "杭州市养犬管理条例", "2020-01-01", "浙江省/杭州市", "法规", List.of(),
            "养犬人应当为犬只办理登记，定期接种狂犬病疫苗。", "携犬出户时应当束犬链，由成年人牵领。"),
        TestIndex.doc("jn", "济南市养犬管理条例", "2021-01-01", "山东省/济南市", "法规", List.of(),
            "犬只应当登记并接种狂犬病疫苗。", "出户遛犬须束犬链。"),
        TestIndex.doc("zz", "郑州市养犬管理条例", "2022-01-01", "河南省/郑州市", "法规", List.of(),
            "饲养犬只实行登记制度，免疫狂犬病。", "犬只出户应当牵引。"),
        TestIndex.doc("nb", "宁波市养犬管理条例", "2022-01-01", "浙江省/杭州市", "法规", List.of(), "同城的养犬规定：登记和免疫。"),
        TestIndex.doc("wh", "武汉市城市绿化条例", "2023-01-01", "湖北省/武汉市", "法规", List.of(),
            "城市绿化规划应当确定绿地率。", "古树名木实行挂牌保护。")));
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    SemanticIndex semantic = SemanticIndex.open(new IndexLayout(dir), new FakeEmbedder("fake-1"),
        new VectorBuilder.Settings(1, Duration.ofHours(1), 1, Duration.ofHours(1)), 1, log);
    try (LuceneBackend engine = LuceneBackend.open(dir, TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS, semantic)) {
      SimilarResult before = engine.similarTo("hz", 1, 5, SimilarMode.DOCUMENTS, true);
      assertEquals("lexical", before.answeredBy(), "no vectors yet");

      semantic.buildNow(s -> {});
      assertEquals("lexical", engine.similarTo("hz", 1, 5, SimilarMode.DOCUMENTS, false).answeredBy(), "not asked for");
      SimilarResult r = engine.similarTo("hz", 1, 5, SimilarMode.DOCUMENTS, true);
      assertEquals("hybrid", r.answeredBy());
      List<String> ids = r.items().stream().map(SimilarResult.Item::id).toList();
      assertEquals(new HashSet<>(ids).size(), ids.size(), "one entry per document: " + ids);
      assertFalse(ids.contains("hz"), "not the source");
      assertFalse(ids.contains("nb"), "not the source's area");
      assertEquals(new HashSet<>(List.of("jn", "zz")), new HashSet<>(ids.subList(0, 2)), ids::toString);
      assertTrue(r.items().stream().anyMatch(i -> i.why().semantic()), "the vectors ranked some of them too");

      SimilarResult pasted = engine.similarToText("犬只登记，接种狂犬病疫苗，出户束犬链", 3, SimilarMode.DOCUMENTS, true);
      assertEquals("hybrid", pasted.answeredBy());
      assertTrue(pasted.items().stream().map(SimilarResult.Item::id).toList().subList(0, 2).stream().allMatch(id -> !id.equals("wh")));

      // search: semantic=true adds documents near by meaning after the words', counted apart; never for a quoted string
      SearchResult words = engine.search(new SearchRequest("狂犬病 疫苗", null, null, 1, 10, 1));
      assertEquals("lexical", words.answeredBy());
      assertEquals(0, words.byMeaning());
      SearchResult meaning = engine.search(new SearchRequest("狂犬病 疫苗", null, null, 1, 10, 1, true));
      assertEquals("hybrid", meaning.answeredBy());
      List<String> all = meaning.hits().stream().map(h -> h.document().id()).toList();
      assertTrue(all.containsAll(words.hits().stream().map(h -> h.document().id()).toList()), all::toString);
      assertTrue(meaning.byMeaning() >= 1, "zz says 免疫狂犬病, not 疫苗: found by meaning");
      assertEquals(words.total() + meaning.byMeaning(), meaning.total());
      assertEquals(words.facets(), meaning.facets(), "the facets count the documents that hold the words");
      SearchResult quoted = engine.search(new SearchRequest("\"狂犬病疫苗\"", null, null, 1, 10, 1, true));
      assertEquals("lexical", quoted.answeredBy());
      assertEquals(0, quoted.byMeaning());
      Filters hubei = new Filters(List.of("湖北省"), List.of(), null, null, List.of(), List.of(), false);
      SearchResult filtered = engine.search(new SearchRequest("狂犬病 疫苗", hubei, null, 1, 10, 1, true));
      assertTrue(filtered.hits().stream().allMatch(h -> h.document().region().path().startsWith("湖北省")), "filters hold for what meaning adds");
    }
  }
}
