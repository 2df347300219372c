package org.policysearch.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The whole of a pasted text as a bag of terms: every exact pair (two adjacent characters, or a letter or
 * digit run beside its neighbour) weighted by how often the text holds it. Why pairs and not smartcn
 * words: on the precedent set, BM25 over pairs of whole documents beat BM25 over words (nDCG@10 0.764
 * against 0.729) and adding the words to the pairs lowered it (0.757); pairs also carry the words smartcn
 * does not know. Why every term and not the 40 best (MoreLikeThis): a 600-character stretch has about
 * 450 distinct pairs and the subject lies in their sum; dropping most of them cost 0.14 nDCG@10.
 */
final class SimilarityQuery {
  /**
   * Most distinct terms a query uses: bounds the cost of a 5,000-character paste (about 4,000 pairs), and
   * keeps a query with its subject clauses under Lucene's limit of 1,024 clauses in all.
   */
  static final int MAX_TERMS = 800;

  private final Map<String, Integer> pairs;

  private SimilarityQuery(Map<String, Integer> pairs) {
    this.pairs = pairs;
  }

  /** The pairs of {@code text}, at most {@link #MAX_TERMS} (the rarest in {@code field}). */
  static SimilarityQuery of(String text, Analyzer exactPairs, SimilarIndex.View index, String field) throws IOException {
    return new SimilarityQuery(rarest(counts(exactPairs, text), index, field, MAX_TERMS));
  }

  /** The terms, or the {@code max} rarest of them in {@code field} (ties: the more frequent in the text). */
  static Map<String, Integer> rarest(Map<String, Integer> counts, SimilarIndex.View index, String field, int max) throws IOException {
    if (counts.size() > max) {
      // Keep the terms that say most: the rarest in the index (ties by count in the text).
      List<Map.Entry<String, Integer>> all = new ArrayList<>(counts.entrySet());
      Map<String, Integer> df = index.docFreqs(field, counts.keySet());
      all.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> df.get(e.getKey()) == 0 ? Integer.MAX_VALUE : df.get(e.getKey()))
          .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()));
      Map<String, Integer> kept = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> e : all.subList(0, max)) kept.put(e.getKey(), e.getValue());
      return kept;
    }
    return counts;
  }

  static Map<String, Integer> counts(Analyzer analyzer, String text) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream ts = analyzer.tokenStream("", new StringReader(text))) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) counts.merge(t.toString(), 1, Integer::sum);
      ts.end();
    }
    return counts;
  }

  boolean isEmpty() {
    return pairs.isEmpty();
  }

  int size() {
    return pairs.size();
  }

  /** Every pair with its count in the text (its weight). */
  Map<String, Integer> terms() {
    return pairs;
  }

  static Query weighted(String field, Map<String, ? extends Number> terms, double scale) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    terms.forEach((t, w) -> b.add(new BoostQuery(new TermQuery(new Term(field, t)), (float) (w.doubleValue() * scale)), Occur.SHOULD));
    return b.build();
  }
}
