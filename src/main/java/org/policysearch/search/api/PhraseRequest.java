package org.policysearch.search.api;

/**
 * Statistics and occurrences in context of one exact phrase.
 *
 * @param phrase  the phrase (surrounding quotation marks are optional)
 * @param filters facet filters
 * @param page    1-based page of occurrences
 * @param size    occurrences per page
 * @param context characters of context on each side
 */
public record PhraseRequest(String phrase, Filters filters, int page, int size, int context) {
  public static final int DEFAULT_SIZE = 20;
  public static final int DEFAULT_CONTEXT = 30;
  public static final int MAX_CONTEXT = 200;

  public PhraseRequest {
    filters = filters == null ? Filters.NONE : filters;
  }
}
