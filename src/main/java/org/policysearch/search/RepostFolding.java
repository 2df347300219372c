package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.policysearch.index.Fields;
import org.policysearch.search.api.Filters;

/**
 * Which reposts a search folds into their originals: a repost is left out of the hits only when its
 * original is itself a hit of the same query and filters. A repost whose original the query does not
 * find (a quoted phrase only the repost contains, a filter only the repost passes) is shown like any
 * document, so folding never hides the only documents that match.
 *
 * <p>Two small steps before the real search: the reposts of the index (doc values, a few per thousand
 * documents), then which of their originals the query and filters find.
 */
final class RepostFolding {
  private RepostFolding() {}

  /** Global doc ids of the reposts to fold (empty when duplicates are asked for or there are none). */
  static Set<Integer> folded(IndexSearcher s, Query documents, Filters filters) throws IOException {
    if (filters.includeDuplicates()) return Set.of();
    Map<String, List<Integer>> repostsByOriginal = new HashMap<>();
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      NumericDocValues dup = ctx.reader().getNumericDocValues(Fields.DUPLICATE);
      BinaryDocValues dupOf = ctx.reader().getBinaryDocValues(Fields.DUPLICATE_OF);
      if (dup == null || dupOf == null) continue;
      var live = ctx.reader().getLiveDocs();
      for (int d = dup.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dup.nextDoc()) {
        if (dup.longValue() == 0 || (live != null && !live.get(d)) || !dupOf.advanceExact(d)) continue;
        repostsByOriginal.computeIfAbsent(dupOf.binaryValue().utf8ToString(), k -> new ArrayList<>()).add(ctx.docBase + d);
      }
    }
    if (repostsByOriginal.isEmpty()) return Set.of();
    List<BytesRef> originals = repostsByOriginal.keySet().stream().map(BytesRef::new).toList();
    Query originalHits = new BooleanQuery.Builder()
        .add(documents, Occur.MUST)
        .add(new TermInSetQuery(Fields.DOC_KEY, originals), Occur.FILTER)
        .build();
    // The same drill-sideways rules as the search: an original is a hit when it passes every filter.
    Filters all = new Filters(filters.regions(), filters.years(), filters.yearFrom(), filters.yearTo(),
        filters.themes(), filters.types(), true, filters.cites());
    List<Integer> hits = new ArrayList<>();
    SearchContext.searchWith(s, originalHits, new FacetHitCollector(new DocCollector(hits), all, Set.of()));
    Set<Integer> out = new HashSet<>();
    var stored = s.storedFields();
    for (int doc : hits) {
      String id = stored.document(doc, Set.of(Fields.ID)).get(Fields.ID);
      out.addAll(repostsByOriginal.getOrDefault(id, List.of()));
    }
    return out;
  }

  /** Records the global doc ids it is given. */
  private record DocCollector(List<Integer> into) implements Collector {
    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) {
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          into.add(ctx.docBase + doc);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
