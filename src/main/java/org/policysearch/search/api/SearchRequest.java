package org.policysearch.search.api;

/**
 * A search.
 *
 * @param query    query text in the query language ("" lists everything that passes the filters)
 * @param filters  facet filters
 * @param sort     order
 * @param page     1-based page
 * @param size     hits per page
 * @param passages best paragraphs to return per hit
 * @param semantic also rank by meaning (paragraph embeddings) when the vectors are ready: unquoted queries
 *                 ordered by relevance only; a quoted string keeps the query exact
 */
public record SearchRequest(String query, Filters filters, SortOrder sort, int page, int size, int passages, boolean semantic) {
  public static final int DEFAULT_SIZE = 10;
  public static final int DEFAULT_PASSAGES = 3;

  public SearchRequest {
    query = query == null ? "" : query;
    filters = filters == null ? Filters.NONE : filters;
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  /** Lexical. */
  public SearchRequest(String query, Filters filters, SortOrder sort, int page, int size, int passages) {
    this(query, filters, sort, page, size, passages, false);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, Filters.NONE, SortOrder.RELEVANCE, 1, DEFAULT_SIZE, DEFAULT_PASSAGES);
  }
}
