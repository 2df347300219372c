package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * Relevance on the cluster is the embedded index's: on one shard (BM25 is computed per shard otherwise, as every
 * engine does unless asked for a distributed frequency pass) the same query ranks the same documents in the same
 * order with the same scores, so the ranking measured in RELEVANCE.md is the ranking either backend serves.
 * The corpus is the bundled one (the seeds and the work reports), through the standard ingest, so it runs on a
 * fresh clone too; the queries cover every scored form the compiler writes: words (one, several, rare and common,
 * synonyms), quoted strings (the exact pairs field), title searches, OR, NOT, a word holding the text. On several
 * shards the same holds with {@code opensearch.search_type=dfs_query_then_fetch}.
 */
class OpenSearchRankingTest {
  @TempDir static Path dir;
  static LuceneBackend lucene;
  static OpenSearchBackend cluster;

  @BeforeAll
  static void build() throws Exception {
    Path corpus = Path.of("corpus");
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    new CorpusIndexer(ingester, new Analyzers(), 2, 32).run(corpus, new IndexLayout(dir.resolve("index")), false,
        CorpusIndexer.Progress.NONE);
    lucene = LuceneBackend.open(dir.resolve("index"), new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS);
    cluster = TestCluster.backend("ranking-test", 1, new OpenSearchBackend.Corpus(corpus, ingester, System.err));
    cluster.reindex(true);
    assertEquals(lucene.documentCount(), cluster.documentCount());
  }

  @AfterAll
  static void close() throws Exception {
    if (cluster != null) cluster.close();
    if (lucene != null) lucene.close();
  }

  static final List<String> QUERIES = List.of("教育", "义务教育", "高质量发展", "乡村振兴 共同富裕", "防溺水", "营商环境 优化",
      "\"高质量发展\"", "\"义务教育\"", "\"营商环境\"", "\"人民代表大会\"", "title:工作报告", "title:\"政府工作报告\"",
      "科技创新 OR 人工智能", "教育 -疫情", "减税降费", "鄂州", "生态环境 保护 治理", "\"推动经济社会发展\"", "双减", "碳达峰 碳中和");

  @Test
  void wordsAndQuotedStringsRankAsOnTheEmbeddedIndex() throws Exception {
    List<String> differ = differences(cluster);
    assertTrue(differ.isEmpty(), differ.size() + " places differ:\n" + String.join("\n", differ));
  }

  /**
   * On three shards each shard scores with its own statistics unless asked otherwise: the places differ; with
   * {@code opensearch.search_type=dfs_query_then_fetch} the scores are the whole index's, the embedded ones again.
   */
  @Test
  void onSeveralShardsTheWholeIndexsStatisticsGiveTheSameRanking() throws Exception {
    Path corpus = Path.of("corpus");
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    try (OpenSearchBackend perShard = TestCluster.backend("ranking-test-3", 3, new OpenSearchBackend.Corpus(corpus, ingester, System.err))) {
      perShard.reindex(true);
      assertFalse(differences(perShard).isEmpty(), "per-shard statistics on 3 shards should move some scores");
      BackendConfig dfs = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "ranking-test-3", "",
          BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 3, 0, BackendConfig.SearchType.DFS_QUERY_THEN_FETCH);
      try (OpenSearchBackend whole = OpenSearchBackend.open(dfs, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS, null)) {
        List<String> differ = differences(whole);
        assertTrue(differ.isEmpty(), differ.size() + " places differ:\n" + String.join("\n", differ));
      }
    }
  }

  /** The places of the queries' first 20 hits where the cluster's score is not the embedded index's. */
  private static List<String> differences(OpenSearchBackend on) throws Exception {
    int compared = 0;
    List<String> differ = new ArrayList<>();
    for (String q : QUERIES) {
      SearchRequest r = new SearchRequest(q, Filters.NONE, SortOrder.RELEVANCE, 1, 20, 1);
      SearchResult a = lucene.search(r);
      SearchResult b = on.search(r);
      assertEquals(a.total(), b.total(), () -> "total of " + q);
      for (int i = 0; i < Math.min(a.hits().size(), b.hits().size()); i++) {
        Hit x = a.hits().get(i);
        Hit y = b.hits().get(i);
        // the same score at each place (documents of equal score may come in either order), and so the same document
        // wherever the scores are not tied
        if (Math.abs(x.score() - y.score()) > 1e-4 * Math.max(1, x.score())) differ.add(q + " #" + (i + 1) + ": " + x.document().id() + " " + x.score() + " | " + y.document().id() + " " + y.score());
        compared++;
      }
    }
    assertTrue(compared > 150, "places compared: " + compared);
    return differ;
  }
}
