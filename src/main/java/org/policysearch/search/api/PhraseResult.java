package org.policysearch.search.api;

import java.util.List;
import org.policysearch.doc.RegionInfo;
import org.policysearch.search.api.Interpretation;

/**
 * Where and how often a phrase occurs.
 *
 * @param phrase      as asked
 * @param normalized  as matched
 * @param documents   documents containing it
 * @param corpusDocuments documents the search covered (the index's documents that pass the filters, reposts
 *                    aside): the denominator of {@link #documents}
 * @param paragraphs  paragraphs containing it
 * @param occurrences occurrences in all
 * @param byYear      counts per year, newest first (documents without a year are not counted here)
 * @param yearUnknown documents without a year (their date is unknown) and their occurrences, counted apart
 * @param byRegion    counts per region path at every level (province, city, county), most first
 * @param byRegionYear counts per (region path at every level, year): the region × year table of the web page;
 *                    by region path, then newest year first (documents without a year are not counted here)
 * @param page        1-based page of {@link #items}
 * @param size        page size
 * @param items       this page of occurrences in context, newest document first
 * @param timedOut    the time limit cut the scan short: counts are lower bounds
 * @param filters     how each facet filter value was read (as in a search's interpretation)
 */
public record PhraseResult(String phrase, String normalized, long documents, long corpusDocuments, long paragraphs, long occurrences,
                           List<Count> byYear, Count yearUnknown, List<Count> byRegion, List<RegionYear> byRegionYear, int page, int size,
                           List<Occurrence> items, long tookMs, boolean timedOut, List<Interpretation.FilterReading> filters) {
  /**
   * A count of documents and occurrences for one year or region, beside how many documents the corpus
   * holds for it (within the same filters): a jump in the counts that only reflects what was collected
   * shows as a steady share.
   *
   * @param corpusDocuments documents of that year or region that the search covered, with or without the phrase
   */
  public record Count(String value, long documents, long occurrences, long corpusDocuments) {
    /** The share of that year's or region's documents that contain the phrase (0 to 1). */
    public double share() {
      return corpusDocuments == 0 ? 0 : (double) documents / corpusDocuments;
    }
  }

  /** A count of documents and occurrences for one region path in one year. */
  public record RegionYear(String region, String year, long documents, long occurrences) {}

  /**
   * One occurrence in context (KWIC).
   *
   * @param left      text before the match (up to the context length, within the paragraph)
   * @param match     the matched text as written
   * @param right     text after the match
   * @param start     offset of the match in the paragraph text
   * @param end       end offset of the match in the paragraph text
   */
  public record Occurrence(String id, String title, String date, RegionInfo region, int paragraph,
                           String left, String match, String right, int start, int end) {}
}
