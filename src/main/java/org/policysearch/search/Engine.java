package org.policysearch.search;

import java.io.IOException;
import java.nio.file.Path;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.search.query.Synonyms;

/** The search services over one index, opened together and closed together. */
public record Engine(SearchService search, PhraseService phrases, SimilarService similar, ExportService export)
    implements AutoCloseable {

  public static Engine open(Path index, Analyzers analyzers, Synonyms synonyms, SearchLimits limits) throws IOException {
    SearchService s = new SearchService(new IndexLayout(index), analyzers, synonyms, limits);
    return new Engine(s, new PhraseService(s), new SimilarService(s), new ExportService(s));
  }

  @Override
  public void close() throws IOException {
    search.close();
  }
}
