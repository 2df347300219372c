package org.policysearch.search.query;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * A query of several words with one of them let go: the documents that hold all of the words but one.
 * Searches show them after the documents that hold every word, marked with the word they lack, and
 * never count them in the total: a short list of full matches is thereby completed by the nearest
 * misses, not padded with documents that only look like answers.
 *
 * @param query on parents: every required part but at most one (quoted strings, exclusions and OR groups
 *              stay as they were); the caller excludes the full matches
 * @param parts the words that may be let go, as typed between spaces, in order
 */
public record Relaxed(Query query, List<Part> parts) {
  /**
   * One word (or a word group with synonyms, which counts as one).
   *
   * @param text   the word as normalised, as shown in {@code missing}
   * @param scored the query that matches and scores it on the document fields
   */
  public record Part(String text, Query scored) {}
}
