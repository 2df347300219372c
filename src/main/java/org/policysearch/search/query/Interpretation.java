package org.policysearch.search.query;

import java.util.List;

/**
 * How a query was understood, returned with every result so users can see why documents match.
 *
 * @param query       the query as typed
 * @param clauses     each word group or quoted string, in order
 * @param explanation a one-line reading of the whole query, e.g. {@code 教育 AND 高质量 AND NOT "双减"}
 */
public record Interpretation(String query, List<Clause> clauses, String explanation) {
  /**
   * @param kind       "words" (unquoted) or "exact" (quoted)
   * @param text       as typed
   * @param normalized after normalisation (widths, traditional characters, quotation marks, spaces)
   * @param scope      "body" or "title"
   * @param excluded   true for -term
   * @param segments   smartcn's segmentation of unquoted text (words only)
   * @param mustMatch  what each document must contain: unknown words whose characters smartcn split apart
   *                   are kept together (教联体, not 教 + 联 + 体)
   * @param synonyms   other terms also accepted, from the synonyms file
   */
  public record Clause(String kind, String text, String normalized, String scope, boolean excluded,
                       List<String> segments, List<String> mustMatch, List<String> synonyms) {}
}
