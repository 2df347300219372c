package org.policysearch.cli;

import org.policysearch.Config;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;

/** Wires the stages together: ingest → index, as the index and serve commands run them. */
final class Pipeline {
  private Pipeline() {}

  static final double RAM_BUFFER_MB = 256;

  static CorpusIndexer indexer(Config c) {
    return new CorpusIndexer(ingester(), Common.analyzers(c), Runtime.getRuntime().availableProcessors(), RAM_BUFFER_MB);
  }

  /** The ingest pipeline alone (the cluster backend sends what it reads to the cluster). */
  static Ingester ingester() {
    return new Ingester(IngestConfig.DEFAULTS, Builders.standard());
  }
}
