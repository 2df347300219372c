package org.policysearch.search.api;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the HTTP server and the command line ask of a search backend: requests and answers are the
 * records of this package, so a face never sees how the index is kept. The Lucene index
 * ({@code org.policysearch.search.LuceneBackend}) is one implementation; a remote search server would be
 * another. Implementations are thread-safe: one instance serves every request.
 */
public interface SearchBackend extends AutoCloseable {
  /**
   * Which backend this is: {@code lucene} or {@code opensearch}, the {@code backend} field of {@code /api/health}
   * and {@code /api/stats}; the only place a client can tell them apart.
   */
  String kind();

  /** The limits requests are held to (page size, passages, query length, result window, timeout). */
  SearchLimits limits();

  /** One page of documents matching a query and filters, with passages, facets and partial matches. */
  SearchResult search(SearchRequest request) throws InvalidRequestException, IOException;

  /** A document by id, with its paragraphs; with a query, every match in every paragraph is marked. */
  DocumentView document(String id, String query) throws NotFoundException, InvalidRequestException, IOException;

  /**
   * A document jumping to an article ({@code 12}, {@code 十二}, {@code 第十二条}); null or blank: as
   * {@link #document(String, String)}. Every backend gets it from the document's own paragraphs.
   */
  default DocumentView document(String id, String query, String article)
      throws NotFoundException, InvalidRequestException, IOException {
    DocumentView v = document(id, query);
    return article == null || article.isBlank() ? v : v.atArticle(article);
  }

  /**
   * What a document cites, each reference resolved against the index now (resolved, unresolved, ambiguous
   * or self), in the order of the text.
   */
  List<CitedReference> cites(String id) throws NotFoundException, IOException;

  /**
   * The documents that cite a document, first adopters first, filtered and counted like a search
   * ({@code filters.cites} is ignored: it is {@code id}).
   */
  CitedBy citedBy(String id, Filters filters, int page, int size) throws NotFoundException, InvalidRequestException, IOException;

  /** Documents from other regions like a paragraph of a document. */
  SimilarResult similarTo(String id, int paragraph, int size, SimilarMode mode, boolean semantic)
      throws InvalidRequestException, NotFoundException, IOException;

  /** Documents like a pasted text. */
  SimilarResult similarToText(String text, int size, SimilarMode mode, boolean semantic) throws InvalidRequestException, IOException;

  /** Occurrences of an exact phrase, counted by year and region, in context. */
  PhraseResult phrase(PhraseRequest request) throws InvalidRequestException, IOException;

  /** Completions for a typed prefix: regions, themes, types, frequent words and titles. */
  List<Suggestion> suggest(String prefix, int size) throws InvalidRequestException, IOException;

  /** Every facet value with its count over the whole index (reposts excluded). */
  Facets facets() throws IOException;

  /** Size and make-up of the index. */
  IndexStats stats() throws IOException;

  /** Number of documents served now. */
  long documentCount() throws IOException;

  /**
   * Streams the export rows of a search (the request's page and size are ignored: every document up to
   * {@code limit}, at most {@link ExportRow#MAX_DOCUMENTS}) to {@code sink}, in result order.
   *
   * @return the number of documents exported
   */
  long export(SearchRequest request, int limit, Consumer<ExportRow> sink) throws InvalidRequestException, IOException;

  /** How far semantic search is; searches are lexical until it is searchable. */
  SemanticStatus semanticStatus();

  /**
   * Brings the index up to date with the corpus it was built from and serves the result; with
   * {@code rebuild}, writes a whole new index beside the serving one and swaps it in when complete.
   * Searches go on with the previous index while it runs and after it fails. One run at a time.
   *
   * @throws ReindexException when it did not run or did not finish, saying why ({@link ReindexException#reason()})
   */
  default IndexRun reindex(boolean rebuild) throws ReindexException {
    throw ReindexException.noCorpus();
  }

  /**
   * Serves what indexing has written since the last call (new commits, a published rebuild): called after
   * an indexing run.
   */
  void refresh() throws IOException;

  /**
   * Brings what the backend derives from its index (the paragraph vectors) up to date, in the
   * background; a no-op when it derives nothing.
   */
  void catchUpInBackground();

  @Override
  void close() throws IOException;
}
