package org.policysearch.bench;

import org.policysearch.Config;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;

/**
 * What the harness needs from the program as the commands wire it, handed in by the bench command so
 * that the harness measures exactly what {@code index} and {@code serve} run (and depends on no command).
 */
public interface Wiring {
  /** The indexer the {@code index} command builds for this configuration. */
  CorpusIndexer indexer(Config config);

  /** The analysis chains the program indexes and queries with. */
  Analyzers analyzers(Config config);

  /** The paragraph vectors of an index and their model, as the program opens them for this configuration. */
  SemanticIndex semantic(Config config) throws java.io.IOException;

  /** The progress display of a bulk import on the terminal. */
  Display progress();

  /** A progress display: updated by the indexer, closed when the run ends. */
  interface Display extends CorpusIndexer.Progress {
    void done();
  }
}
