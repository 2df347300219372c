package org.policysearch.web;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.policysearch.search.api.DocumentView;
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

/**
 * A real backend whose reindex does what a test says instead (count calls, fail, answer at once): for
 * the tests of the admin endpoint that need no corpus. Everything else is the real backend's answer.
 */
public final class StubReindex implements SearchBackend {
  /** What the stub's reindex does. */
  @FunctionalInterface
  public interface Action {
    IndexRun reindex(boolean rebuild) throws ReindexException;
  }

  /** A run that found nothing to do. */
  public static final IndexRun NOTHING_TO_DO = new IndexRun(0, 0, 0, 0, 0, List.of(), 0, 0, false, null, null, 0, 0);

  /** Answers every reindex with {@link #NOTHING_TO_DO}. */
  public static final Action NOOP = rebuild -> NOTHING_TO_DO;

  private final SearchBackend real;
  private final Action action;

  public StubReindex(SearchBackend real, Action action) {
    this.real = real;
    this.action = action;
  }

  @Override
  public IndexRun reindex(boolean rebuild) throws ReindexException {
    return action.reindex(rebuild);
  }

  @Override
  public String kind() {
    return real.kind();
  }

  @Override
  public SearchLimits limits() {
    return real.limits();
  }

  @Override
  public SearchResult search(SearchRequest request) throws InvalidRequestException, IOException {
    return real.search(request);
  }

  @Override
  public DocumentView document(String id, String query) throws NotFoundException, InvalidRequestException, IOException {
    return real.document(id, query);
  }

  @Override
  public java.util.List<org.policysearch.search.api.CitedReference> cites(String id) throws NotFoundException, IOException {
    return real.cites(id);
  }

  @Override
  public org.policysearch.search.api.CitedBy citedBy(String id, org.policysearch.search.api.Filters filters, int page, int size)
      throws NotFoundException, InvalidRequestException, IOException {
    return real.citedBy(id, filters, page, size);
  }

  @Override
  public SimilarResult similarTo(String id, int paragraph, int size, SimilarMode mode, boolean semantic)
      throws InvalidRequestException, NotFoundException, IOException {
    return real.similarTo(id, paragraph, size, mode, semantic);
  }

  @Override
  public SimilarResult similarToText(String text, int size, SimilarMode mode, boolean semantic)
      throws InvalidRequestException, IOException {
    return real.similarToText(text, size, mode, semantic);
  }

  @Override
  public PhraseResult phrase(PhraseRequest request) throws InvalidRequestException, IOException {
    return real.phrase(request);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) throws InvalidRequestException, IOException {
    return real.suggest(prefix, size);
  }

  @Override
  public Facets facets() throws IOException {
    return real.facets();
  }

  @Override
  public IndexStats stats() throws IOException {
    return real.stats();
  }

  @Override
  public long documentCount() throws IOException {
    return real.documentCount();
  }

  @Override
  public long export(SearchRequest request, int limit, Consumer<ExportRow> sink) throws InvalidRequestException, IOException {
    return real.export(request, limit, sink);
  }

  @Override
  public SemanticStatus semanticStatus() {
    return real.semanticStatus();
  }

  @Override
  public void refresh() throws IOException {
    real.refresh();
  }

  @Override
  public void catchUpInBackground() {
    real.catchUpInBackground();
  }

  /** The real backend is closed by whoever opened it. */
  @Override
  public void close() {}
}
