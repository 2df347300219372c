package org.policysearch.search.api;

import java.util.List;

/**
 * Documents that hold all of the query's words but one, listed after the documents that hold every word
 * once those run out (the page reaches past the last full match). Never counted in
 * {@link SearchResult#total()} nor in the facets: they do not match the query, and each says which word it
 * lacks.
 *
 * @param total how many documents hold all the words but one (filters applied, reposts folded)
 * @param words the words of which one may be missing, as normalised
 * @param hits  this page's share of them, best first, paged on from where the full matches end
 */
public record PartialMatches(long total, List<String> words, List<PartialHit> hits) {
  /**
   * @param hit     the document, with its best paragraphs for the words it does hold
   * @param missing the word(s) of {@code words} it lacks (one; two when a word's synonyms overlap)
   */
  public record PartialHit(Hit hit, List<String> missing) {}
}
