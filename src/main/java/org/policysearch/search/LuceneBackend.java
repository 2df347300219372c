package org.policysearch.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorStatus;
import org.policysearch.search.api.CitedBy;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Facets;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.IndexStats;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.ReindexException;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SemanticStatus;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.api.Suggestion;
import org.policysearch.search.query.Synonyms;

/**
 * The search backend over a Lucene index on this machine: the services for search, phrases, similar
 * documents and export over one {@link SearchContext}, opened together and closed together.
 */
public final class LuceneBackend implements SearchBackend {
  private final SearchContext ctx;
  private final SearchService search;
  private final PhraseService phrases;
  private final SimilarService similar;
  private final ExportService export;
  private final LineageService lineage;
  /** Null when the backend was opened without its corpus: reindex is then refused. */
  private final CorpusSync sync;

  private LuceneBackend(IndexLayout layout, SearchContext ctx, Corpus corpus) {
    this.ctx = ctx;
    this.sync = corpus == null ? null : new CorpusSync(corpus.folder(), layout, corpus.indexer(), this, corpus.log());
    this.search = new SearchService(ctx);
    this.phrases = new PhraseService(ctx);
    this.similar = new SimilarService(ctx, search);
    this.lineage = new LineageService(search);
    this.export = new ExportService(search, lineage);
  }

  /** Lexical only: no vectors, no model. */
  public static LuceneBackend open(Path index, Analyzers analyzers, Synonyms synonyms, SearchLimits limits) throws IOException {
    return open(index, analyzers, synonyms, limits, SemanticIndex.off());
  }

  /** With {@code semantic} (the vectors beside the index and their model), which the backend closes with itself. */
  public static LuceneBackend open(Path index, Analyzers analyzers, Synonyms synonyms, SearchLimits limits, SemanticIndex semantic)
      throws IOException {
    return open(index, analyzers, synonyms, limits, semantic, null);
  }

  /**
   * As {@link #open(Path, Analyzers, Synonyms, SearchLimits, SemanticIndex)}, and able to reindex from
   * {@code corpus} (null: reindex is refused).
   */
  public static LuceneBackend open(Path index, Analyzers analyzers, Synonyms synonyms, SearchLimits limits, SemanticIndex semantic,
                                   Corpus corpus) throws IOException {
    IndexLayout layout = new IndexLayout(index);
    return new LuceneBackend(layout, new SearchContext(layout, analyzers, synonyms, limits, semantic), corpus);
  }

  /**
   * The corpus a served index is kept up to date with.
   *
   * @param folder  the corpus folder
   * @param indexer the indexer (its ingest pipeline and analyzers must be those the index was built with)
   * @param log     where failed runs are logged in full (with paths)
   */
  public record Corpus(Path folder, CorpusIndexer indexer, PrintStream log) {}

  /** The vectors and their model, for the harnesses that measure them. */
  public SemanticIndex semantic() {
    return ctx.semantic();
  }

  @Override
  public String kind() {
    return "lucene";
  }

  @Override
  public SearchLimits limits() {
    return ctx.limits();
  }

  @Override
  public SearchResult search(SearchRequest request) throws InvalidRequestException, IOException {
    return search.search(request);
  }

  @Override
  public DocumentView document(String id, String query) throws NotFoundException, InvalidRequestException, IOException {
    return search.document(id, query);
  }

  @Override
  public List<CitedReference> cites(String id) throws NotFoundException, IOException {
    return lineage.cites(id);
  }

  @Override
  public CitedBy citedBy(String id, Filters filters, int page, int size) throws NotFoundException, InvalidRequestException, IOException {
    return lineage.citedBy(id, filters, page, size);
  }

  @Override
  public SimilarResult similarTo(String id, int paragraph, int size, SimilarMode mode, boolean semantic)
      throws InvalidRequestException, NotFoundException, IOException {
    return similar.similarTo(id, paragraph, size, mode, semantic);
  }

  @Override
  public SimilarResult similarToText(String text, int size, SimilarMode mode, boolean semantic)
      throws InvalidRequestException, IOException {
    return similar.similarToText(text, size, mode, semantic);
  }

  @Override
  public PhraseResult phrase(PhraseRequest request) throws InvalidRequestException, IOException {
    return phrases.phrase(request);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) throws InvalidRequestException, IOException {
    return search.suggest(prefix, size);
  }

  @Override
  public Facets facets() throws IOException {
    return search.facets();
  }

  @Override
  public IndexStats stats() throws IOException {
    return search.stats();
  }

  @Override
  public long documentCount() throws IOException {
    return search.documentCount();
  }

  @Override
  public long export(SearchRequest request, int limit, Consumer<ExportRow> sink) throws InvalidRequestException, IOException {
    return export.export(request, limit, sink);
  }

  @Override
  public SemanticStatus semanticStatus() {
    VectorStatus s = ctx.semantic().status();
    return new SemanticStatus(s.state().label(), s.embedded(), s.total(), s.model(), s.searchable(), s.detail(), s.describe());
  }

  @Override
  public IndexRun reindex(boolean rebuild) throws ReindexException {
    if (sync == null) throw ReindexException.noCorpus();
    return sync.run(rebuild);
  }

  @Override
  public void refresh() throws IOException {
    search.refresh();
  }

  @Override
  public void catchUpInBackground() {
    ctx.semantic().buildInBackground();
  }

  @Override
  public void close() throws IOException {
    try {
      ctx.semantic().close();
    } finally {
      ctx.close();
    }
  }
}
