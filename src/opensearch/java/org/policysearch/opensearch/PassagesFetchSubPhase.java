package org.policysearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.BytesRef;
import org.opensearch.common.document.DocumentField;
import org.opensearch.common.lucene.search.Queries;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.ObjectMapper;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.index.query.Rewriteable;
import org.opensearch.search.SearchExtBuilder;
import org.opensearch.search.fetch.FetchContext;
import org.opensearch.search.fetch.FetchSubPhase;
import org.opensearch.search.fetch.FetchSubPhaseProcessor;
import org.opensearch.search.internal.ContextIndexSearcher;

/**
 * A hit's passages ({@link PassagesSearchExt}): its best nested documents by a query, or its first ones, with their
 * stored fields, as the hit's field {@value PassagesSearchExt#NAME}:
 *
 * <pre>"fields": {"policy_search_passages": [{"lead": false, "hits": [{"paragraphs.para_no": [3], …}, …]}]}</pre>
 *
 * ({@code lead}: no paragraph matched, or there was no query, and these are the hit's lead paragraphs.)
 *
 * Why not a nested query's inner hits, which give the same paragraphs: they build the paragraph query's scorers again
 * for every hit, and run a whole fetch phase per hit for its paragraphs, which made them most of the fetch phase and
 * about a fifth of a search's time on the node (docs/opensearch.md, "Latency"). Here the query's weight is built once
 * per request and its scorer once per segment, and moves forward through the hits' blocks of paragraphs in document
 * order (the fetch phase visits hits in that order). And where no paragraph matches, the hit's lead is chosen here,
 * reading its paragraphs in order only until it is settled, rather than sent as a window of its first paragraphs to be
 * chosen from (and the whole document read when the window did not settle it).
 */
public final class PassagesFetchSubPhase implements FetchSubPhase {
  @Override
  public FetchSubPhaseProcessor getProcessor(FetchContext context) throws IOException {
    SearchExtBuilder ext = context.getSearchExt(PassagesSearchExt.NAME);
    return ext instanceof PassagesSearchExt p ? new Processor(context, p) : null;
  }

  /** A nested document considered for a hit: its score (0 for the lead) and its place by the order field. */
  private record Candidate(int doc, float score, long order) {}

  /** Best first: higher score, then the lower order (the earlier paragraph). */
  private static final Comparator<Candidate> BEST = Comparator.comparingDouble((Candidate c) -> -c.score())
      .thenComparingLong(Candidate::order);

  private static final class Processor implements FetchSubPhaseProcessor {
    private final PassagesSearchExt ext;
    private final BitSetProducer parents;
    private final Weight children;
    private final Weight scored;
    /** The fields read: those asked for and those the lead's rule reads. */
    private final Map<String, MappedFieldType> fields = new LinkedHashMap<>();
    private LeafReaderContext leaf;
    private BitSet parentBits;
    private StoredFields stored;
    private Scorer scorer;
    private int lastHit;

    Processor(FetchContext context, PassagesSearchExt ext) throws IOException {
      this.ext = ext;
      QueryShardContext qsc = context.getQueryShardContext();
      ObjectMapper nested = qsc.getObjectMapper(ext.path);
      if (nested == null || !nested.nested().isNested()) {
        throw new IllegalArgumentException("[" + PassagesSearchExt.NAME + "] path [" + ext.path + "] is not a nested field");
      }
      Query childFilter = nested.nestedTypeFilter();
      ContextIndexSearcher searcher = context.searcher();
      this.parents = qsc.bitsetFilter(Queries.newNonNestedFilter());
      this.children = searcher.createWeight(searcher.rewrite(new ConstantScoreQuery(childFilter)), ScoreMode.COMPLETE_NO_SCORES, 1f);
      if (ext.query != null && ext.size > 0) {
        // built as a nested query builds its inner query: in the nested field's scope
        qsc.nestedScope().nextLevel(nested);
        Query q;
        try {
          QueryBuilder rewritten = Rewriteable.rewrite(ext.query, qsc, true);
          q = rewritten.toQuery(qsc);
        } finally {
          qsc.nestedScope().previousLevel();
        }
        Query only = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(childFilter, BooleanClause.Occur.FILTER).build();
        this.scored = searcher.createWeight(searcher.rewrite(only), ScoreMode.COMPLETE, 1f);
      } else {
        this.scored = null;
      }
      List<String> read = new ArrayList<>(ext.fields);
      if (ext.leadSkip != null) read.add(ext.leadSkip);
      if (ext.leadText != null) read.add(ext.leadText);
      for (String f : read) {
        MappedFieldType ft = qsc.fieldMapper(f);
        if (ft != null) fields.put(f, ft);
      }
    }

    @Override
    public void setNextReader(LeafReaderContext readerContext) throws IOException {
      leaf = readerContext;
      parentBits = parents.getBitSet(readerContext);
      stored = readerContext.reader().storedFields();
      scorer = null;
      lastHit = -1;
    }

    @Override
    public void process(HitContext hit) throws IOException {
      int p = hit.docId();
      if (parentBits == null || !parentBits.get(p)) return; // a nested document itself: no passages of its own
      int first = p == 0 ? 0 : parentBits.prevSetBit(p - 1) + 1;
      List<Candidate> chosen = first < p ? best(first, p) : List.of();
      boolean lead = chosen.isEmpty();
      List<Object> hits = new ArrayList<>(chosen.size());
      if (lead) {
        hits.addAll(lead(first, p));
      } else {
        for (Candidate c : chosen) hits.add(shown(read(c.doc())));
      }
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("lead", lead);
      value.put("hits", hits);
      hit.hit().setDocumentField(PassagesSearchExt.NAME, new DocumentField(PassagesSearchExt.NAME, List.of(value)));
    }

    /** The best {@code size} of the block's nested documents [first, parent) that the query matches. */
    private List<Candidate> best(int first, int parent) throws IOException {
      if (scored == null) return List.of();
      if (parent <= lastHit) scorer = null; // hits out of document order: start the segment's scorer again
      lastHit = parent;
      if (scorer == null) {
        scorer = scored.scorer(leaf);
        if (scorer == null) return List.of();
      }
      DocIdSetIterator it = scorer.iterator();
      int d = it.docID() < first ? it.advance(first) : it.docID();
      if (d >= parent) return List.of();
      SortedNumericDocValues order = DocValues.getSortedNumeric(leaf.reader(), ext.order);
      PriorityQueue<Candidate> worstFirst = new PriorityQueue<>(BEST.reversed());
      for (; d < parent; d = it.nextDoc()) {
        worstFirst.add(new Candidate(d, scorer.score(), order(order, d)));
        if (worstFirst.size() > ext.size) worstFirst.poll();
      }
      List<Candidate> out = new ArrayList<>(worstFirst);
      out.sort(BEST);
      return out;
    }

    /**
     * The lead of the block's nested documents [first, parent) of the path: in order, the first {@code size} that open
     * the document ({@link #opens}), or its first when none does; read only until that is settled.
     */
    private List<Object> lead(int first, int parent) throws IOException {
      if (ext.size == 0 || first >= parent) return List.of();
      Scorer s = children.scorer(leaf);
      if (s == null) return List.of();
      DocIdSetIterator it = s.iterator();
      SortedNumericDocValues order = DocValues.getSortedNumeric(leaf.reader(), ext.order);
      List<Candidate> inOrder = new ArrayList<>();
      for (int d = it.advance(first); d < parent; d = it.nextDoc()) inOrder.add(new Candidate(d, 0f, order(order, d)));
      inOrder.sort(Comparator.comparingLong(Candidate::order));
      List<Object> out = new ArrayList<>();
      Map<String, List<Object>> opening = null;
      for (Candidate c : inOrder) {
        Map<String, List<Object>> f = read(c.doc());
        if (opening == null) opening = f;
        if (opens(f)) {
          out.add(shown(f));
          if (out.size() >= ext.size) break;
        }
      }
      if (out.isEmpty() && opening != null) out.add(shown(opening));
      return out;
    }

    /** Whether a paragraph can open the lead: its skip field is not true and its text is long enough. */
    private boolean opens(Map<String, List<Object>> f) {
      if (ext.leadSkip != null && f.getOrDefault(ext.leadSkip, List.of()).contains(Boolean.TRUE)) return false;
      if (ext.leadText == null) return true;
      List<Object> text = f.getOrDefault(ext.leadText, List.of());
      String t = text.isEmpty() ? "" : String.valueOf(text.get(0));
      return t.codePointCount(0, t.length()) >= ext.leadMinChars;
    }

    /** The asked-for fields of what {@link #read} read. */
    private Map<String, Object> shown(Map<String, List<Object>> read) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String f : ext.fields) {
        List<Object> v = read.get(f);
        if (v != null) out.put(f, v);
      }
      return out;
    }

    /** The order field's (first) value; a document without one goes last. */
    private static long order(SortedNumericDocValues dv, int doc) throws IOException {
      return dv.advanceExact(doc) ? dv.nextValue() : Long.MAX_VALUE;
    }

    /** The stored fields read of a nested document ({@link #fields}), each as a list of values as a search shows them. */
    private Map<String, List<Object>> read(int doc) throws IOException {
      Map<String, List<Object>> values = new LinkedHashMap<>();
      stored.document(doc, new StoredFieldVisitor() {
        @Override
        public Status needsField(FieldInfo info) {
          return fields.containsKey(info.name) ? Status.YES : Status.NO;
        }

        private void add(FieldInfo info, Object v) {
          values.computeIfAbsent(info.name, k -> new ArrayList<>()).add(fields.get(info.name).valueForDisplay(v));
        }

        @Override
        public void stringField(FieldInfo info, String value) {
          add(info, value);
        }

        @Override
        public void binaryField(FieldInfo info, byte[] value) {
          add(info, new BytesRef(value)); // a stored keyword: its display value is the string
        }

        @Override
        public void intField(FieldInfo info, int value) {
          add(info, value);
        }

        @Override
        public void longField(FieldInfo info, long value) {
          add(info, value);
        }

        @Override
        public void floatField(FieldInfo info, float value) {
          add(info, value);
        }

        @Override
        public void doubleField(FieldInfo info, double value) {
          add(info, value);
        }
      });
      return values;
    }
  }
}
