package org.policysearch.search.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Filters of a search. Several values of one dimension combine with OR, dimensions with AND.
 *
 * @param regions           region paths ("湖北省", "湖北省/鄂州市", "全国"); a path includes everything under it
 * @param years             years
 * @param yearFrom          first year of a range (inclusive), or null
 * @param yearTo            last year of a range (inclusive), or null
 * @param themes            themes
 * @param types             document types
 * @param includeDuplicates also list reposts of documents already in the results
 * @param effectiveOn       only documents in force on this day, as far as the corpus knows (see
 *                          {@link org.policysearch.doc.InForce}), or null for no such filter
 * @param cites             only documents that cite this one: a document id or a 文号 ("" for any; docs/lineage.md)
 */
public record Filters(List<String> regions, List<Integer> years, Integer yearFrom, Integer yearTo,
                      List<String> themes, List<String> types, boolean includeDuplicates, LocalDate effectiveOn,
                      String cites) {
  public static final Filters NONE = new Filters(List.of(), List.of(), null, null, List.of(), List.of(), false);

  /** Without the in-force and {@code cites} filters. */
  public Filters(List<String> regions, List<Integer> years, Integer yearFrom, Integer yearTo,
                 List<String> themes, List<String> types, boolean includeDuplicates) {
    this(regions, years, yearFrom, yearTo, themes, types, includeDuplicates, null, "");
  }

  /** Without a {@code cites} filter. */
  public Filters(List<String> regions, List<Integer> years, Integer yearFrom, Integer yearTo,
                 List<String> themes, List<String> types, boolean includeDuplicates, LocalDate effectiveOn) {
    this(regions, years, yearFrom, yearTo, themes, types, includeDuplicates, effectiveOn, "");
  }

  /**
   * A day as typed for {@code effective_on} (surrounding spaces allowed): exactly YYYY-MM-DD, a real day,
   * the year from {@link #MIN_YEAR} to {@link #MAX_YEAR}; shared by the HTTP parameter and the command line.
   *
   * @throws IllegalArgumentException when it is not such a day, with what is wrong
   */
  public static LocalDate parseDay(String typed) {
    String t = typed.strip();
    if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) throw new IllegalArgumentException("not written YYYY-MM-DD");
    LocalDate d;
    try {
      d = LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("no such day in the calendar");
    }
    if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) throw new IllegalArgumentException("the year is not from " + MIN_YEAR + " to " + MAX_YEAR);
    return d;
  }

  /** The same filters with the repost setting changed. */
  public Filters withIncludeDuplicates(boolean include) {
    return new Filters(regions, years, yearFrom, yearTo, themes, types, include, effectiveOn, cites);
  }

  /** The same filters, keeping only the documents that cite {@code idOrNumber}. */
  public Filters withCites(String idOrNumber) {
    return new Filters(regions, years, yearFrom, yearTo, themes, types, includeDuplicates, effectiveOn, idOrNumber);
  }

  /** The years a filter accepts: four digits, from this one ... */
  public static final int MIN_YEAR = 1000;
  /** ... to this one. */
  public static final int MAX_YEAR = 2999;

  /**
   * A year as typed (surrounding spaces allowed), the one check the HTTP parameters and the command-line
   * options share; each face words its own message.
   *
   * @throws NumberFormatException when it is not a whole number from {@link #MIN_YEAR} to {@link #MAX_YEAR}
   */
  public static int parseYear(String typed) {
    int y = Integer.parseInt(typed.strip());
    if (y < MIN_YEAR || y > MAX_YEAR) throw new NumberFormatException("not a four-digit year: " + y);
    return y;
  }

  public Filters {
    regions = List.copyOf(regions == null ? List.of() : regions);
    years = List.copyOf(years == null ? List.of() : years);
    themes = List.copyOf(themes == null ? List.of() : themes);
    types = List.copyOf(types == null ? List.of() : types);
    cites = cites == null ? "" : cites.strip();
  }

  public boolean yearSelected() {
    return !years.isEmpty() || yearFrom != null || yearTo != null;
  }

  /** Whether a year passes the year filter: in the list of years, or in the range (either may admit it). */
  public boolean yearMatches(int y) {
    boolean hasRange = yearFrom != null || yearTo != null;
    boolean inRange = hasRange && (yearFrom == null || y >= yearFrom) && (yearTo == null || y <= yearTo);
    return years.contains(y) || inRange;
  }
}
