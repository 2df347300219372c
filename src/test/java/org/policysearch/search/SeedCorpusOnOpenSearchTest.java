package org.policysearch.search;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.policysearch.BackendConfig;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.opensearch.OpenSearchBackend;
import org.policysearch.search.opensearch.TestCluster;
import org.policysearch.search.query.Synonyms;

/**
 * The golden queries of {@link SeedCorpusTest}, every one of them, answered by the OpenSearch backend (the test
 * node, three shards): the same documents, totals, facet counts, passages, highlight offsets, phrase statistics and
 * similar paragraphs as the embedded index, asserted by the same code against the same expected values.
 */
class SeedCorpusOnOpenSearchTest extends SeedCorpusTest {
  /** After {@link SeedCorpusTest#build} (JUnit runs a superclass's first): the same seeds, now on the cluster. */
  @BeforeAll
  static void onTheCluster() throws Exception {
    engine.close(); // the embedded engine the superclass opened: this class asks the same of the cluster
    Path corpus = dir.resolve("corpus");
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "seed-golden", "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 3, 0);
    OpenSearchBackend cluster = OpenSearchBackend.open(cfg, "", TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS,
        new OpenSearchBackend.Corpus(corpus, new Ingester(IngestConfig.DEFAULTS, Builders.standard()), System.err));
    IndexRun run = cluster.reindex(true);
    added = run.added();
    skipped = run.skipped();
    engine = cluster;
  }
}
