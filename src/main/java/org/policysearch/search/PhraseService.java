package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.FixedBitSet;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.Fields;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.query.QueryCompiler;
import org.policysearch.text.NormalizedText;
import org.policysearch.text.TextNormalizer;

/**
 * Phrase statistics for journalists: every occurrence of an exact phrase, counted by year and region,
 * with each occurrence in context. Counts are the occurrences in the stored paragraph text, so they
 * agree with the highlighted matches one for one; they are read from the positions of the exact pairs
 * when the phrase cannot overlap itself (the same number, see {@link PhraseCounter}), else from the text.
 */
final class PhraseService {
  private final SearchContext context;

  PhraseService(SearchContext context) {
    this.context = context;
  }

  /** Over the context of {@code service} (tests). */
  PhraseService(SearchService service) {
    this(service.context());
  }

  /**
   * A paragraph that contains the phrase: its document's date, year and region paths (every level),
   * and its number of occurrences (-1 until counted from the text).
   */
  private record Found(int parentGlobal, int child, long date, String year, List<String> regions, int paragraph, int count) {}


  PhraseResult phrase(PhraseRequest r) throws InvalidRequestException, IOException {
    long t0 = System.nanoTime();
    String phrase = validPhrase(r);
    String n = TextNormalizer.normalizeToString(phrase);
    Query child = QueryCompiler.exactQuery(n, Fields.BODY_PAIRS, Fields.BODY_UNITS);
    if (child == null) {
      throw new InvalidRequestException("q", "the phrase has nothing to match once quotation marks and spaces are removed",
          "去掉引号和空格后短语里没有可匹配的内容");
    }

    try (SearcherProvider.Lease lease = context.provider().acquire()) {
      FilterResolver.Resolved rf = context.resolveFilters(lease.searcher(), r.filters());
      IndexSearcher s = context.timed(lease.searcher());
      FixedBitSet allowed = matchingDocuments(lease.searcher(), s, n, rf.filters());
      boolean timedOut = s.timedOut();
      List<Found> found = paragraphsWithPhrase(s, child, n, allowed);
      Tally t = new Tally(s, n, r);
      for (Found f : found) {
        if (s.getTimeout().shouldExit()) {
          timedOut = true;
          break;
        }
        t.add(f);
      }
      // The denominators: every document the search covered (the filters, no phrase), by year and region.
      // Without the time limit: a denominator cut short would overstate every share, and this is one pass
      // over the parents' doc values.
      FacetHitCollector corpus = new FacetHitCollector(new SearchContext.NoHits(), rf.filters(), Set.of());
      SearchContext.searchWith(lease.searcher(),
          SearchService.withCites(lease.searcher(), context.documentsQuery(null), rf.filters().cites()), corpus);
      return t.result(phrase, corpus, t0, timedOut, rf);
    }
  }

  /** The phrase asked for, without the quotation marks around it, or the reason the request is refused. */
  private String validPhrase(PhraseRequest r) throws InvalidRequestException {
    return validPhrase(r, context.limits());
  }

  /** The phrase asked for, checked against {@code limits} (every backend's rule, {@link BackendRules}). */
  static String validPhrase(PhraseRequest r, org.policysearch.search.api.SearchLimits limits) throws InvalidRequestException {
    String phrase = r.phrase() == null ? "" : r.phrase().strip();
    if (phrase.length() >= 2 && (phrase.startsWith("\"") && phrase.endsWith("\"") || phrase.startsWith("“") && phrase.endsWith("”"))) {
      phrase = phrase.substring(1, phrase.length() - 1);
    }
    if (phrase.isBlank()) throw new InvalidRequestException("q", "give the phrase to count, e.g. q=\"双减\"", "请输入要统计的短语，例如 “双减”");
    if (phrase.length() > limits.maxQueryLength()) {
      throw new InvalidRequestException("q", "the phrase is longer than " + limits.maxQueryLength() + " characters",
          "短语超过 " + limits.maxQueryLength() + " 个字符，请缩短");
    }
    if (r.page() < 1) throw new InvalidRequestException("page", "page starts at 1, got " + r.page(), "页码从 1 开始，收到的是 " + r.page());
    if (r.size() < 0 || r.size() > limits.maxPageSize()) {
      throw new InvalidRequestException("size", "size must be between 0 and " + limits.maxPageSize(),
          "每页条数须在 0 到 " + limits.maxPageSize() + " 之间");
    }
    if (r.context() < 0 || r.context() > PhraseRequest.MAX_CONTEXT) {
      throw new InvalidRequestException("context", "context must be between 0 and " + PhraseRequest.MAX_CONTEXT,
          "上下文长度须在 0 到 " + PhraseRequest.MAX_CONTEXT + " 个字符之间");
    }
    return phrase;
  }

  /** Step 1: the documents (global parent ids) that contain the normalised phrase and pass the filters. */
  private FixedBitSet matchingDocuments(IndexSearcher shared, IndexSearcher s, String n, Filters filters)
      throws IOException, InvalidRequestException {
    FixedBitSet allowed = new FixedBitSet(Math.max(1, s.getIndexReader().maxDoc()));
    Query matching = SearchService.withCites(shared,
        context.documentsQuery(QueryCompiler.exactQuery(n, Fields.DOC_PAIRS, Fields.DOC_UNITS)), filters.cites());
    FacetHitCollector fc = new FacetHitCollector(new BitSetCollector(allowed), filters, RepostFolding.folded(s, matching, filters));
    SearchContext.searchWith(s, matching, fc);
    return allowed;
  }

  /**
   * Step 2: the paragraphs of those documents that contain the phrase, in order: newest document first, then
   * reading order, with each paragraph's count (from the index when the phrase cannot overlap itself, else
   * -1: counted later from the text) and its document's year and regions (doc values: no stored fields
   * read here).
   */
  private List<Found> paragraphsWithPhrase(IndexSearcher s, Query child, String n, FixedBitSet allowed) throws IOException {
    boolean countFromIndex = PhraseCounter.cannotOverlap(n);
    List<Found> found = new ArrayList<>();
    Weight w = s.createWeight(s.rewrite(child), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(ctx);
      if (sc == null) continue;
      BitSet parents = context.parents().getBitSet(ctx);
      SortedNumericDocValues dates = ctx.reader().getSortedNumericDocValues(Fields.DATE);
      SortedNumericDocValues years = ctx.reader().getSortedNumericDocValues(Fields.YEAR);
      SortedSetDocValues regions = ctx.reader().getSortedSetDocValues(Fields.REGION);
      NumericDocValues paraNo = ctx.reader().getNumericDocValues(Fields.PARA_NUMBER);
      PhraseCounter counter = countFromIndex ? PhraseCounter.open(ctx.reader(), child) : null;
      Map<Long, String> regionNames = new HashMap<>();
      int lastParent = -1;
      long date = Long.MIN_VALUE;
      String year = null;
      List<String> regionPaths = List.of();
      DocIdSetIterator it = sc.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        int parent = parents.nextSetBit(d);
        if (!allowed.get(ctx.docBase + parent)) continue;
        if (parent != lastParent) {
          lastParent = parent;
          date = dates != null && dates.advanceExact(parent) ? dates.nextValue() : Long.MIN_VALUE;
          year = years != null && years.advanceExact(parent) ? Long.toString(years.nextValue()) : null;
          regionPaths = new ArrayList<>();
          if (regions != null && regions.advanceExact(parent)) {
            for (int i = 0; i < regions.docValueCount(); i++) {
              long ord = regions.nextOrd();
              String name = regionNames.get(ord);
              if (name == null) {
                name = regions.lookupOrd(ord).utf8ToString();
                regionNames.put(ord, name);
              }
              regionPaths.add(name);
            }
          }
        }
        int no = paraNo != null && paraNo.advanceExact(d) ? (int) paraNo.longValue() : 0;
        int count = counter == null ? -1 : counter.count(d);
        found.add(new Found(ctx.docBase + parent, ctx.docBase + d, date, year, regionPaths, no, count));
      }
    }
    found.sort(Comparator.comparingLong(Found::date).reversed().thenComparingInt(Found::parentGlobal).thenComparingInt(Found::paragraph));
    return found;
  }

  /**
   * Step 3: the counts by year, region and region × year, and the requested page of occurrences in context
   * (the only paragraphs and documents read, unless the phrase can overlap itself and every paragraph's text
   * is counted). Step 4, {@link #result}: the counts beside their denominators.
   */
  private static final class Tally {
    private final IndexSearcher s;
    private final String n;
    private final DocumentReader.Reads reads = new DocumentReader.Reads();
    private final Map<Integer, PolicyDocument> metaCache = new HashMap<>();
    private final PhraseTally tally;

    Tally(IndexSearcher s, String n, PhraseRequest r) {
      this.s = s;
      this.n = n;
      this.tally = new PhraseTally(n, r);
    }

    /** One paragraph that contains the phrase, in order; its text is read only when its count or its page needs it. */
    void add(Found f) throws IOException {
      Paragraph p = null;
      List<int[]> occ = null;
      int count = f.count;
      if (count < 0 || tally.onPage(count)) {
        LeafReaderContext ctx = DocumentReader.leaf(s, f.child);
        p = DocumentReader.paragraph(reads.of(ctx), f.child - ctx.docBase);
        occ = occurrences(p.text(), n);
        count = occ.size();
      }
      // count 0 cannot happen: the index and the text agree (tested)
      PolicyDocument meta = count > 0 && tally.onPage(count) ? metadata(f.parentGlobal) : null;
      tally.add(f.parentGlobal, f.year, f.regions, count, meta, p == null ? 0 : p.number(), p == null ? null : p.text(), occ);
    }

    private PolicyDocument metadata(int parentGlobal) throws IOException {
      PolicyDocument meta = metaCache.get(parentGlobal);
      if (meta == null) {
        LeafReaderContext pc = DocumentReader.leaf(s, parentGlobal);
        meta = DocumentReader.metadata(pc, reads.of(pc), parentGlobal - pc.docBase, List.of());
        metaCache.put(parentGlobal, meta);
      }
      return meta;
    }

    /** The record, each count beside how many documents the covered corpus holds for its year or region. */
    PhraseResult result(String phrase, FacetHitCollector corpus, long t0, boolean timedOut, FilterResolver.Resolved rf) {
      return tally.result(phrase, corpus.hits(), corpus.counts(FacetHitCollector.YEAR), corpus.counts(FacetHitCollector.REGION),
          corpus.yearUnknown(), (System.nanoTime() - t0) / 1_000_000, timedOut, rf.readings());
    }
  }

  /** Non-overlapping occurrences of a normalised phrase in a paragraph, as source ranges. */
  static List<int[]> occurrences(String text, String normalizedPhrase) {
    NormalizedText nt = TextNormalizer.normalize(text);
    String n = nt.text();
    List<int[]> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int i = n.indexOf(normalizedPhrase, from);
      if (i < 0) break;
      int e = i + normalizedPhrase.length();
      if (Highlighter.wholeRuns(n, i, e)) {
        out.add(new int[] {nt.sourceStart(i), nt.sourceEnd(e)});
        from = e;
      } else {
        from = i + 1;
      }
    }
    return out;
  }

  /** Marks collected parents in a bit set. */
  private static final class BitSetCollector implements org.apache.lucene.search.Collector {
    private final FixedBitSet bits;

    BitSetCollector(FixedBitSet bits) {
      this.bits = bits;
    }

    @Override
    public org.apache.lucene.search.LeafCollector getLeafCollector(LeafReaderContext ctx) {
      int base = ctx.docBase;
      return new org.apache.lucene.search.LeafCollector() {
        @Override
        public void setScorer(org.apache.lucene.search.Scorable scorer) {}

        @Override
        public void collect(int doc) {
          bits.set(base + doc);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
