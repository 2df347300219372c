package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.BackendConfig;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.json.ResultJson;
import org.policysearch.search.query.Synonyms;

/**
 * A repost on the cluster is found by its words like any document. Its mark is decided after every document was
 * sent and set by sending it again; it was once set by a partial update, which OpenSearch rebuilds from the
 * {@code _source}, where the document's words are not kept: the repost was then found by nothing but its paragraphs
 * ({@code bench --backend opensearch} found 7 reposts of the shared corpus missed by quoted strings).
 */
class OpenSearchRepostTest {
  @TempDir static Path dir;
  static LuceneBackend lucene;
  static OpenSearchBackend cluster;

  @BeforeAll
  static void build() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path s : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(s, corpus.resolve(s.getFileName()));
    }
    // the Ezhou speech again under another name: one of the two is a repost of the other
    Files.copy(Path.of("src/test/resources/seeds/000_64eeac01db686175.txt"), corpus.resolve("zz_repost_of_ezhou.txt"));
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    new CorpusIndexer(ingester, new Analyzers(), 2, 32).run(corpus, new IndexLayout(dir.resolve("index")), false, CorpusIndexer.Progress.NONE);
    lucene = LuceneBackend.open(dir.resolve("index"), new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS);
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "repost-test", "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 2, 0);
    cluster = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
        new OpenSearchBackend.Corpus(corpus, ingester, System.err));
    assertEquals(1, cluster.reindex(true).duplicatesChanged(), "one repost marked on the cluster");
  }

  @AfterAll
  static void close() throws Exception {
    lucene.close();
    cluster.close();
  }

  static final List<String> QUERIES = List.of("\"实施家校协同\"", "\"防溺水\"", "鄂州 教育", "\"鄂州\"", "教育 -疫情", "");

  @Test
  void eachDocumentIsSentOnceSoSimilarDocumentsScoreAsOnTheEmbeddedIndex() throws Exception {
    // A repost marked after it was sent was sent again, and its first version stayed as a soft-deleted document (kept
    // by OpenSearch for its replicas' history until a merge after its retention lease moved on), counted in BM25's
    // statistics: similar documents scored 1-20 % off. The marks are now decided before anything is sent.
    try (Cluster c = TestCluster.client()) {
      JsonObject docs = Cluster.ok(c.get("/repost-test/_stats/docs"), "stats").getAsJsonObject("_all").getAsJsonObject("primaries")
          .getAsJsonObject("docs");
      assertEquals(0, docs.get("deleted").getAsLong(), docs::toString);
    }
    for (String id : List.of("000_64eeac01db686175.txt", "zz_repost_of_ezhou.txt")) {
      for (int para : List.of(3, 10, 20)) {
        for (SimilarMode mode : SimilarMode.values()) {
          JsonObject a = ResultJson.similar(lucene.similarTo(id, para, 10, mode, false));
          JsonObject b = ResultJson.similar(cluster.similarTo(id, para, 10, mode, false));
          a.remove("took_ms");
          b.remove("took_ms");
          assertEquals(a, b, () -> id + " #" + para + " " + mode);
        }
      }
    }
  }

  @Test
  void theRepostIsFoundByItsWordsAndFoldedAlike() throws Exception {
    assertEquals(1, lucene.stats().duplicates());
    assertEquals(1, cluster.stats().duplicates());
    Filters withReposts = new Filters(List.of(), List.of(), null, null, List.of(), List.of(), true);
    for (String q : QUERIES) {
      for (Filters f : List.of(withReposts, Filters.NONE)) {
        SearchRequest r = new SearchRequest(q, f, SortOrder.DATE_ASC, 1, 100, 0);
        SearchResult a = lucene.search(r);
        SearchResult b = cluster.search(r);
        assertEquals(a.hits().stream().map(h -> h.document().id()).sorted().toList(),
            b.hits().stream().map(h -> h.document().id()).sorted().toList(), () -> q + " " + f.includeDuplicates());
        assertEquals(a.total(), b.total(), q);
        assertEquals(a.foldedReposts(), b.foldedReposts(), q);
        assertEquals(a.facets(), b.facets(), q);
      }
    }
    SearchResult both = cluster.search(new SearchRequest("\"实施家校协同\"", withReposts, SortOrder.DATE_ASC, 1, 10, 0));
    assertEquals(2, both.total(), "the speech and its repost");
    SearchResult folded = cluster.search(new SearchRequest("\"实施家校协同\"", Filters.NONE, SortOrder.DATE_ASC, 1, 10, 0));
    assertEquals(1, folded.total());
    assertEquals(1, folded.foldedReposts());
    assertTrue(folded.hits().stream().noneMatch(h -> h.document().flags().duplicate()), "the original is shown, not the repost");
  }

  /** The repost was sent again with its mark, its paragraphs read back from the cluster (the source holds none): all of them. */
  @Test
  void theRepostKeepsItsWholeText() throws Exception {
    SearchResult all = lucene.search(new SearchRequest("", new Filters(List.of(), List.of(), null, null, List.of(), List.of(), true),
        SortOrder.DATE_ASC, 1, 100, 0));
    assertTrue(all.hits().stream().anyMatch(h -> h.document().flags().duplicate()));
    for (var h : all.hits()) {
      String id = h.document().id();
      assertEquals(lucene.document(id, null).document().paragraphs(), cluster.document(id, null).document().paragraphs(), id);
      assertEquals(h.document().flags(), cluster.document(id, null).document().flags(), id);
    }
  }
  /**
   * A mark that changes on a document kept from an earlier run is set by sending that document again, rebuilt from its
   * source (file hash, fingerprint, metadata) and its paragraphs: with its original's file deleted, the repost is no
   * longer one, and it is found by its words with its whole text, as an embedded index of the same corpus finds it.
   */
  @Test
  void aKeptDocumentWhoseMarkChangesIsSentAgainWhole(@TempDir Path own) throws Exception {
    Path corpus = Files.createDirectories(own.resolve("corpus"));
    Files.copy(Path.of("src/test/resources/seeds/000_64eeac01db686175.txt"), corpus.resolve("a_ezhou.txt"));
    Files.copy(Path.of("src/test/resources/seeds/000_64eeac01db686175.txt"), corpus.resolve("b_ezhou_again.txt"));
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "repost-change-test", "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 1, 0);
    try (OpenSearchBackend c = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
        new OpenSearchBackend.Corpus(corpus, ingester, System.err))) {
      c.reindex(true);
      Filters withReposts = new Filters(List.of(), List.of(), null, null, List.of(), List.of(), true);
      SearchResult before = c.search(new SearchRequest("", withReposts, SortOrder.DATE_ASC, 1, 10, 0));
      assertEquals(2, before.total());
      var original = before.hits().stream().filter(h -> !h.document().flags().duplicate()).findFirst().orElseThrow().document();
      var repost = before.hits().stream().filter(h -> h.document().flags().duplicate()).findFirst().orElseThrow().document();
      assertEquals(original.id(), repost.flags().duplicateOf());
      Files.delete(corpus.resolve(original.file()));
      assertEquals(1, c.reindex(false).duplicatesChanged(), "the kept document is no longer a repost");

      new CorpusIndexer(ingester, new Analyzers(), 2, 32).run(corpus, new IndexLayout(own.resolve("index")), false, CorpusIndexer.Progress.NONE);
      try (LuceneBackend l = LuceneBackend.open(own.resolve("index"), new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS)) {
        assertEquals(l.document(repost.id(), null).document(), c.document(repost.id(), null).document());
        assertTrue(!c.document(repost.id(), null).document().flags().duplicate());
        // everything but the scores: BM25 on the cluster still counts the deleted documents (the original, the first
        // version of the document sent again) until a merge takes them away, as Lucene counts them (docs/opensearch.md)
        for (String q : List.of("\"实施家校协同\"", "鄂州 教育")) {
          SearchRequest r = new SearchRequest(q, Filters.NONE, SortOrder.RELEVANCE, 1, 10, 3);
          String unscored = "\"(took_ms|score)\":[-0-9.E]+";
          assertEquals(ResultJson.search(l.search(r)).toString().replaceAll(unscored, ""),
              ResultJson.search(c.search(r)).toString().replaceAll(unscored, ""), q);
          assertEquals(1, c.search(r).total(), q);
        }
      }
    }
  }

  /**
   * A repost whose original is a hit is folded out of every facet, also one of a dimension whose filter alone leaves
   * the repost out of the hits: the original here is a speech (讲话), its repost filed as a notice (通知), and with
   * 讲话 selected the type facet, which counts as if no type were selected, must not count the repost under 通知.
   * The cluster folds in the one request when no repost to fold is on the page, and sends the search again otherwise
   * (a later page): both answer as the embedded backend does.
   */
  @Test
  void aRepostIsFoldedOutOfEveryFacetAsOnTheEmbeddedIndex(@TempDir Path own) throws Exception {
    Path corpus = Files.createDirectories(own.resolve("corpus"));
    com.google.gson.Gson gson = new com.google.gson.Gson();
    String speech = Files.readString(Path.of("src/test/resources/seeds/000_64eeac01db686175.txt"));
    String other = Files.readString(Path.of("src/test/resources/seeds/001_c64f190a103f523b.txt"));
    List<String> lines = new java.util.ArrayList<>();
    lines.add(gson.toJson(java.util.Map.of("id", "a-original", "title", "鄂州市教育工作会议讲话", "region_code", "420700",
        "date", "2023-02-20", "doc_type", "讲话", "text", speech)));
    lines.add(gson.toJson(java.util.Map.of("id", "b-repost", "title", "鄂州市教育工作会议讲话", "region_code", "420700",
        "date", "2023-02-20", "doc_type", "通知", "text", speech)));
    lines.add(gson.toJson(java.util.Map.of("id", "c-other", "title", "另一篇讲话", "region_code", "420000",
        "date", "2022-01-10", "doc_type", "讲话", "text", other)));
    Files.write(corpus.resolve("docs.jsonl"), lines);
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    new CorpusIndexer(ingester, new Analyzers(), 2, 32).run(corpus, new IndexLayout(own.resolve("index")), false, CorpusIndexer.Progress.NONE);
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "repost-facet-test", "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 2, 0);
    try (LuceneBackend l = LuceneBackend.open(own.resolve("index"), new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS);
         OpenSearchBackend c = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
             new OpenSearchBackend.Corpus(corpus, ingester, System.err))) {
      c.reindex(true);
      assertEquals(1, l.stats().duplicates(), "the copy is a repost of the original");
      assertEquals(1, c.stats().duplicates());
      assertEquals("讲话", l.document("a-original", null).document().type());
      assertEquals("通知", l.document("b-repost", null).document().type());
      assertEquals("a-original", l.document("b-repost", null).document().flags().duplicateOf());
      Filters speeches = new Filters(List.of(), List.of(), null, null, List.of(), List.of("讲话"), false);
      Filters notices = new Filters(List.of(), List.of(), null, null, List.of(), List.of("通知"), false);
      // every dimension selected (each facet counts in an aggregation of its own), and two of them (the others share one)
      List<String> themes = l.document("a-original", null).document().themes();
      assertFalse(themes.isEmpty(), "the speech has a theme to select");
      Filters every = new Filters(List.of("湖北省"), List.of(2023), null, null, List.of(themes.get(0)), List.of("讲话"), false);
      Filters two = new Filters(List.of("湖北省/鄂州市"), List.of(2023), null, null, List.of(), List.of(), false);
      for (String q : List.of("教育", "\"实施家校协同\"", "")) {
        for (Filters f : List.of(Filters.NONE, speeches, notices, every, two)) {
          for (int[] page : List.of(new int[] {1, 10}, new int[] {1, 1}, new int[] {2, 1}, new int[] {3, 1})) {
            SearchRequest r = new SearchRequest(q, f, SortOrder.DATE_ASC, page[0], page[1], 0);
            SearchResult a = l.search(r);
            SearchResult b = c.search(r);
            String what = q + " " + f + " page " + page[0] + " of " + page[1];
            assertEquals(a.total(), b.total(), () -> "total of " + what);
            assertEquals(a.foldedReposts(), b.foldedReposts(), () -> "folded of " + what);
            assertEquals(a.facets(), b.facets(), () -> "facets of " + what);
            assertEquals(a.hits().stream().map(h -> h.document().id()).toList(), b.hits().stream().map(h -> h.document().id()).toList(),
                () -> "hits of " + what);
          }
        }
      }
      // the case itself: with 讲话 selected the original is the one hit, and no notice is counted
      SearchResult r = c.search(new SearchRequest("\"实施家校协同\"", speeches, SortOrder.RELEVANCE, 1, 10, 0));
      assertEquals(1, r.total());
      assertTrue(r.facets().type().stream().noneMatch(v -> v.value().equals("通知")), r.facets().type()::toString);
    }
  }
}
