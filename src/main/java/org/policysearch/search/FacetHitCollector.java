package org.policysearch.search;

import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.policysearch.index.Fields;
import org.policysearch.search.api.Filters;

/**
 * Collects the top documents and the facet counts in one pass, drill-sideways: the query runs without
 * the facet filters; a document that passes every selected dimension is a hit and counts in every
 * dimension; a document that fails exactly one dimension counts only in that dimension, so a selected
 * dimension still shows the counts of its other values. Reposts folded into their originals (see
 * {@link RepostFolding}) are neither hits nor counted in any facet; those that would have been hits are
 * counted as {@link #folded()}.
 *
 * <p>Why not Lucene's DrillSideways: this is the same algorithm in one small class, over doc values we
 * already have, without a taxonomy index or a second reader state to keep in step with refreshes.
 */
final class FacetHitCollector implements Collector {
  /** The facet dimensions, each over the doc-values field of the same name. */
  enum Dimension {
    REGION(Fields.REGION), YEAR(Fields.YEAR), THEME(Fields.THEME), TYPE(Fields.TYPE);

    final String field;

    Dimension(String field) {
      this.field = field;
    }
  }

  // The callers' short names: fc.counts(FacetHitCollector.REGION).
  static final Dimension REGION = Dimension.REGION;
  static final Dimension YEAR = Dimension.YEAR;
  static final Dimension THEME = Dimension.THEME;
  static final Dimension TYPE = Dimension.TYPE;

  private final Collector top;
  private final Filters filters;
  private final Set<Dimension> selected = EnumSet.noneOf(Dimension.class);
  private final Map<Dimension, Map<String, Long>> counts = new EnumMap<>(Dimension.class);
  private final Set<Integer> foldedDocs;
  private long hits;
  private long folded;
  private long yearUnknown;

  /**
   * @param foldedDocs global doc ids of the reposts to leave out ({@link RepostFolding#folded})
   */
  FacetHitCollector(Collector top, Filters filters, Set<Integer> foldedDocs) {
    this.top = top;
    this.filters = filters;
    this.foldedDocs = foldedDocs;
    for (Dimension d : Dimension.values()) counts.put(d, new HashMap<>());
    if (!filters.regions().isEmpty()) selected.add(REGION);
    if (filters.yearSelected()) selected.add(YEAR);
    if (!filters.themes().isEmpty()) selected.add(THEME);
    if (!filters.types().isEmpty()) selected.add(TYPE);
  }

  long hits() {
    return hits;
  }

  /** Documents counted in the year dimension that have no year (their date is unknown). */
  long yearUnknown() {
    return yearUnknown;
  }

  /** Reposts that passed every filter and were left out because their original is a hit. */
  long folded() {
    return folded;
  }

  /** Counts per value for one dimension (region counts are per path of every level). */
  Map<String, Long> counts(Dimension dim) {
    return counts.get(dim);
  }

  @Override
  public ScoreMode scoreMode() {
    return top.scoreMode() == ScoreMode.COMPLETE_NO_SCORES ? ScoreMode.COMPLETE_NO_SCORES : ScoreMode.COMPLETE;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
    LeafCollector inner = top.getLeafCollector(ctx);
    var reader = ctx.reader();
    SortedSetDocValues region = reader.getSortedSetDocValues(REGION.field);
    SortedNumericDocValues year = reader.getSortedNumericDocValues(YEAR.field);
    SortedSetDocValues theme = reader.getSortedSetDocValues(THEME.field);
    SortedSetDocValues type = reader.getSortedSetDocValues(TYPE.field);
    // effective_on narrows like the query, not like a facet: a document out of force is counted nowhere.
    Long inForceOn = filters.effectiveOn() == null ? null : filters.effectiveOn().toEpochDay();
    NumericDocValues inForceFrom = inForceOn == null ? null : reader.getNumericDocValues(Fields.IN_FORCE_FROM);
    NumericDocValues repealedOn = inForceOn == null ? null : reader.getNumericDocValues(Fields.REPEALED_ON);
    // ... and repealed by another document of the corpus, from the day that one comes into force.
    Map<Integer, Long> repealedElsewhere = inForceOn == null ? Map.of()
        : RepealedElsewhere.of(ReaderUtil.getTopLevelContext(ctx).reader());
    int docBase = ctx.docBase;
    // Read once per segment, not per document.
    boolean regionSelected = selected.contains(REGION);
    boolean yearSelected = selected.contains(YEAR);
    boolean themeSelected = selected.contains(THEME);
    boolean typeSelected = selected.contains(TYPE);
    Map<String, Long> yearsOutOfRange = counts.get(YEAR);
    FixedBitSet fold = null;
    for (int g : foldedDocs) {
      if (g < ctx.docBase || g >= ctx.docBase + reader.maxDoc()) continue;
      if (fold == null) fold = new FixedBitSet(reader.maxDoc());
      fold.set(g - ctx.docBase);
    }
    FixedBitSet foldHere = fold;
    Set<Long> regionOrds = ords(region, filters.regions());
    Set<Long> themeOrds = ords(theme, filters.themes());
    Set<Long> typeOrds = ords(type, filters.types());
    long[] regionCounts = region == null ? null : new long[(int) region.getValueCount()];
    long[] themeCounts = theme == null ? null : new long[(int) theme.getValueCount()];
    long[] typeCounts = type == null ? null : new long[(int) type.getValueCount()];
    return new LeafCollector() {
      // ords of the current document, per dimension (reused: this runs for every matching document)
      private long[] rOrds = new long[8];
      private long[] thOrds = new long[8];
      private long[] tyOrds = new long[8];
      // year counts by year - MIN_YEAR (years outside go to the map)
      private final long[] yearCounts = new long[YEAR_SPAN];

      @Override
      public void setScorer(Scorable scorer) throws IOException {
        inner.setScorer(scorer);
      }

      @Override
      public void collect(int doc) throws IOException {
        if (inForceOn != null) {
          if (inForceFrom == null || !inForceFrom.advanceExact(doc) || inForceFrom.longValue() > inForceOn) return;
          if (repealedOn != null && repealedOn.advanceExact(doc) && repealedOn.longValue() <= inForceOn) return;
          Long elsewhere = repealedElsewhere.isEmpty() ? null : repealedElsewhere.get(docBase + doc);
          if (elsewhere != null && elsewhere <= inForceOn) return;
        }
        int nRegion = 0;
        if (region != null && region.advanceExact(doc)) {
          nRegion = region.docValueCount();
          if (rOrds.length < nRegion) rOrds = new long[nRegion];
          for (int i = 0; i < nRegion; i++) rOrds[i] = region.nextOrd();
        }
        int nTheme = 0;
        if (theme != null && theme.advanceExact(doc)) {
          nTheme = theme.docValueCount();
          if (thOrds.length < nTheme) thOrds = new long[nTheme];
          for (int i = 0; i < nTheme; i++) thOrds[i] = theme.nextOrd();
        }
        int nType = 0;
        if (type != null && type.advanceExact(doc)) {
          nType = type.docValueCount();
          if (tyOrds.length < nType) tyOrds = new long[nType];
          for (int i = 0; i < nType; i++) tyOrds[i] = type.nextOrd();
        }
        int yearValue = Integer.MIN_VALUE;
        if (year != null && year.advanceExact(doc)) yearValue = (int) year.nextValue();

        int failed = 0;
        Dimension failedDim = null;
        if (regionSelected && !anyIn(rOrds, nRegion, regionOrds)) { failed++; failedDim = REGION; }
        if (yearSelected && (yearValue == Integer.MIN_VALUE || !filters.yearMatches(yearValue))) { failed++; failedDim = YEAR; }
        if (themeSelected && !anyIn(thOrds, nTheme, themeOrds)) { failed++; failedDim = THEME; }
        if (typeSelected && !anyIn(tyOrds, nType, typeOrds)) { failed++; failedDim = TYPE; }
        if (failed > 1) return;
        if (foldHere != null && foldHere.get(doc)) {
          if (failed == 0) folded++;
          return;
        }
        if (failed == 0) {
          hits++;
          inner.collect(doc);
        }
        if (failed == 0 || failedDim == REGION) for (int i = 0; i < nRegion; i++) regionCounts[(int) rOrds[i]]++;
        if (failed == 0 || failedDim == THEME) for (int i = 0; i < nTheme; i++) themeCounts[(int) thOrds[i]]++;
        if (failed == 0 || failedDim == TYPE) for (int i = 0; i < nType; i++) typeCounts[(int) tyOrds[i]]++;
        if ((failed == 0 || failedDim == YEAR) && yearValue == Integer.MIN_VALUE) yearUnknown++;
        if ((failed == 0 || failedDim == YEAR) && yearValue != Integer.MIN_VALUE) {
          if (yearValue >= MIN_YEAR && yearValue < MIN_YEAR + YEAR_SPAN) yearCounts[yearValue - MIN_YEAR]++;
          else yearsOutOfRange.merge(Integer.toString(yearValue), 1L, Long::sum);
        }
      }

      @Override
      public void finish() throws IOException {
        inner.finish();
        flush(region, regionCounts, counts.get(REGION));
        flush(theme, themeCounts, counts.get(THEME));
        flush(type, typeCounts, counts.get(TYPE));
        for (int i = 0; i < YEAR_SPAN; i++) {
          if (yearCounts[i] > 0) counts.get(YEAR).merge(Integer.toString(MIN_YEAR + i), yearCounts[i], Long::sum);
        }
      }
    };
  }

  /** Years counted in an array (others, if any, in the map). */
  private static final int MIN_YEAR = 1000;
  private static final int YEAR_SPAN = 2000;

  private static boolean anyIn(long[] ords, int n, Set<Long> wanted) {
    for (int i = 0; i < n; i++) if (wanted.contains(ords[i])) return true;
    return false;
  }

  private static Set<Long> ords(SortedSetDocValues dv, List<String> values) throws IOException {
    Set<Long> out = new HashSet<>();
    if (dv == null) return out;
    for (String v : values) {
      long o = dv.lookupTerm(new BytesRef(v));
      if (o >= 0) out.add(o);
    }
    return out;
  }

  private static void flush(SortedSetDocValues dv, long[] ordCounts, Map<String, Long> into) throws IOException {
    if (dv == null) return;
    for (int o = 0; o < ordCounts.length; o++) {
      if (ordCounts[o] > 0) into.merge(dv.lookupOrd(o).utf8ToString(), ordCounts[o], Long::sum);
    }
  }
}
