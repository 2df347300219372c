package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.policysearch.Config;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.query.Synonyms;

/**
 * The one place that chooses and opens the search backend from the configuration; every command and
 * the server get a {@link SearchBackend} from here and see nothing of its implementation. Today that is
 * the Lucene index at {@link Config#index()}, with semantic search as configured.
 */
final class Backends {
  private Backends() {}

  static SearchBackend open(Config c) throws IOException {
    return open(c, System.err);
  }

  /** The backend with semantic search as configured; {@code log} gets its progress lines and failures. */
  static SearchBackend open(Config c, PrintStream log) throws IOException {
    SemanticIndex semantic = Common.semantic(c, log);
    try {
      return LuceneBackend.open(c.index(), Common.analyzers(c), Synonyms.load(c.synonyms()), c.limits(), semantic);
    } catch (IOException | RuntimeException e) {
      semantic.close();
      throw e;
    }
  }
}
