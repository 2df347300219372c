package org.policysearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.Interpretation;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;

/**
 * The counts of phrase statistics and their page of occurrences in context, fed paragraph by paragraph
 * (document by document, newest first) by whichever backend found them: the embedded {@link PhraseService} and the
 * OpenSearch backend count, order and page by this one class, so their answers cannot drift apart.
 */
public final class PhraseTally {
  private static final String UNKNOWN_YEAR = "unknown";
  private final String n;
  private final PhraseRequest r;
  private final long from;
  private final long to;
  private final Map<String, long[]> byYear = new HashMap<>();
  private final Map<String, long[]> byRegion = new HashMap<>();
  private final Map<List<String>, long[]> byRegionYear = new HashMap<>();
  private final List<PhraseResult.Occurrence> items = new ArrayList<>();
  private long occurrences;
  private long paragraphs;
  private long documents;
  private Object lastDocument;

  /** For the normalised phrase {@code n} of request {@code r}. */
  public PhraseTally(String n, PhraseRequest r) {
    this.n = n;
    this.r = r;
    this.from = (long) (r.page() - 1) * r.size();
    this.to = from + r.size();
  }

  /** Whether the next paragraph, holding the phrase {@code count} times, has occurrences on the requested page. */
  public boolean onPage(int count) {
    return occurrences + count > from && occurrences < to;
  }

  /**
   * Counts the next paragraph holding the phrase {@code count} times ({@code document}: any key of its document;
   * the paragraphs of a document come together). When {@link #onPage} says so, its occurrences {@code occ} in
   * {@code text} (paragraph {@code number} of {@code meta}) are listed in context; otherwise those may be null.
   */
  public void add(Object document, String year, List<String> regions, int count, PolicyDocument meta, int number, String text,
      List<int[]> occ) {
    if (count == 0) return;
    boolean newDoc = !document.equals(lastDocument);
    lastDocument = document;
    paragraphs++;
    if (newDoc) documents++;
    add(byYear, year == null ? UNKNOWN_YEAR : year, newDoc, count);
    for (String path : regions) {
      add(byRegion, path, newDoc, count);
      if (year != null) add(byRegionYear, List.of(path, year), newDoc, count);
    }
    if (onPage(count)) {
      long at = occurrences;
      for (int[] o : occ) {
        if (at >= from && items.size() < r.size()) {
          items.add(new PhraseResult.Occurrence(meta.id(), meta.title(), meta.date().value(), meta.region(), number,
              text.substring(Math.max(0, o[0] - r.context()), o[0]), text.substring(o[0], o[1]),
              text.substring(o[1], Math.min(text.length(), o[1] + r.context())), o[0], o[1]));
        }
        at++;
      }
    }
    occurrences += count;
  }

  private static <K> void add(Map<K, long[]> m, K key, boolean newDoc, int occ) {
    long[] c = m.computeIfAbsent(key, k -> new long[2]);
    if (newDoc) c[0]++;
    c[1] += occ;
  }

  /**
   * The record, each count beside how many documents the covered corpus holds for its year or region
   * ({@code covered} in all, {@code yearUnknown} without a year).
   */
  public PhraseResult result(String phrase, long covered, Map<String, Long> corpusYears, Map<String, Long> corpusRegions, long yearUnknown,
      long tookMs, boolean timedOut, List<Interpretation.FilterReading> readings) {
    long[] unknown = byYear.remove(UNKNOWN_YEAR);
    PhraseResult.Count unknownCount = new PhraseResult.Count(UNKNOWN_YEAR, unknown == null ? 0 : unknown[0],
        unknown == null ? 0 : unknown[1], yearUnknown);
    List<PhraseResult.Count> years = counts(byYear, corpusYears);
    years.sort(Comparator.comparing(PhraseResult.Count::value).reversed());
    List<PhraseResult.Count> regions = counts(byRegion, corpusRegions);
    regions.sort(Comparator.comparingLong(PhraseResult.Count::occurrences).reversed().thenComparing(PhraseResult.Count::value));
    List<PhraseResult.RegionYear> regionYears = new ArrayList<>();
    byRegionYear.forEach((k, v) -> regionYears.add(new PhraseResult.RegionYear(k.get(0), k.get(1), v[0], v[1])));
    regionYears.sort(Comparator.comparing(PhraseResult.RegionYear::region)
        .thenComparing(Comparator.comparing(PhraseResult.RegionYear::year).reversed()));
    return new PhraseResult(phrase, n, documents, covered, paragraphs, occurrences, years, unknownCount, regions, regionYears,
        r.page(), r.size(), items, tookMs, timedOut, readings);
  }

  private static List<PhraseResult.Count> counts(Map<String, long[]> m, Map<String, Long> corpus) {
    List<PhraseResult.Count> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new PhraseResult.Count(k, v[0], v[1], corpus.getOrDefault(k, 0L))));
    return out;
  }
}
