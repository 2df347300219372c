package org.policysearch.search;

import java.io.IOException;
import java.nio.file.Path;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.search.query.Synonyms;

/**
 * The search services over one index, opened together and closed together.
 *
 * @param semantic the vectors beside the index and their model ({@link SemanticIndex#off()} with {@code semantic=false})
 */
public record Engine(SearchService search, PhraseService phrases, SimilarService similar, ExportService export,
                     SemanticIndex semantic) implements AutoCloseable {

  /** Lexical only: no vectors, no model. */
  public static Engine open(Path index, Analyzers analyzers, Synonyms synonyms, SearchLimits limits) throws IOException {
    return open(index, analyzers, synonyms, limits, SemanticIndex.off());
  }

  /** With {@code semantic}, which the engine closes with itself. */
  public static Engine open(Path index, Analyzers analyzers, Synonyms synonyms, SearchLimits limits, SemanticIndex semantic)
      throws IOException {
    SearchService s = new SearchService(new IndexLayout(index), analyzers, synonyms, limits, semantic);
    return new Engine(s, new PhraseService(s), new SimilarService(s, semantic), new ExportService(s), semantic);
  }

  @Override
  public void close() throws IOException {
    try {
      semantic.close();
    } finally {
      search.close();
    }
  }
}
