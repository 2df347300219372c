package org.policysearch.search.api;

import java.util.List;

/**
 * How a query was understood, returned with every result so users can see why documents match.
 *
 * @param query       the query as typed
 * @param clauses     each word group or quoted string, in order
 * @param explanation a one-line reading of the whole query, e.g. {@code 教育 AND 高质量 AND NOT "双减"}
 * @param filters     how each facet filter value was read (青岛 → 山东省/青岛市), in the order given
 */
public record Interpretation(String query, List<Clause> clauses, String explanation, List<FilterReading> filters) {
  public Interpretation {
    clauses = List.copyOf(clauses);
    filters = List.copyOf(filters);
  }

  /** The query alone, before its filters are read. */
  public Interpretation(String query, List<Clause> clauses, String explanation) {
    this(query, clauses, explanation, List.of());
  }

  public Interpretation withFilters(List<FilterReading> readings) {
    return new Interpretation(query, clauses, explanation, readings);
  }

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

  /**
   * One filter value as given and as applied.
   *
   * @param facet     "region", "theme" or "type"
   * @param given     as typed (青岛, 鲁, 中华人民共和国)
   * @param value     the index value it was read as (山东省/青岛市, 山东省, 全国)
   * @param how       how it was read: {@code exact} (an index value as it is), {@code path} (a path written
   *                  another way: 山东/青岛, 山东省 › 青岛市), {@code name} (the full name of one place: 青岛市),
   *                  {@code short_name} (a name without 省/市/区/县…: 青岛, 山东), {@code alias} (锡盟, 襄樊),
   *                  {@code province_abbreviation} (鲁, 鄂), {@code national} (全国, 中华人民共和国, 中央)
   * @param documents how many documents (reposts aside) the index holds for that value; 0 for a real place
   *                  that the index has nothing from
   */
  public record FilterReading(String facet, String given, String value, String how, long documents) {}
}
