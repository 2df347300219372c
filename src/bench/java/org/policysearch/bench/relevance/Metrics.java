package org.policysearch.bench.relevance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * nDCG@10, Recall@10 and MRR of one ranked list, as the relevance sets' README defines them: distinct
 * documents in the order they first appear, after the documents the set says to ignore have been taken out.
 *
 * @param ndcg   DCG of the top 10 (gain = grade, discount log2(rank + 1)) over the ideal DCG of the judged grades
 * @param recall relevant documents (grade ≥ 1) in the top 10 ÷ min(10, relevant documents)
 * @param rr     1 / rank of the first relevant document in the whole list (0 when none)
 * @param judged share of the top 10 that carries a judgment (1 for sets where every document is judged)
 */
record Metrics(double ndcg, double recall, double rr, double judged) {
  static final int K = 10;

  /** Scores a list against graded judgments; documents without a grade count as 0 (not relevant). */
  static Metrics of(List<String> ranked, Map<String, Integer> grades, boolean allJudged) {
    double dcg = 0;
    int hits = 0;
    int judgedInTop = 0;
    double rr = 0;
    for (int i = 0; i < ranked.size(); i++) {
      Integer g = grades.get(ranked.get(i));
      int gain = g == null ? 0 : g;
      if (i < K) {
        dcg += gain / log2(i + 2);
        if (gain > 0) hits++;
        if (g != null) judgedInTop++;
      }
      if (gain > 0 && rr == 0) rr = 1.0 / (i + 1);
    }
    List<Integer> ideal = new ArrayList<>(grades.values());
    ideal.sort(Collections.reverseOrder());
    double idcg = 0;
    int relevant = 0;
    for (int i = 0; i < ideal.size(); i++) {
      if (ideal.get(i) > 0) relevant++;
      if (i < K) idcg += ideal.get(i) / log2(i + 2);
    }
    double ndcg = idcg == 0 ? 0 : dcg / idcg;
    double recall = relevant == 0 ? 0 : (double) hits / Math.min(K, relevant);
    int shown = Math.min(K, ranked.size());
    double judged = allJudged ? 1 : shown == 0 ? 0 : (double) judgedInTop / shown;
    return new Metrics(ndcg, recall, rr, judged);
  }

  static Metrics mean(List<Metrics> all) {
    if (all.isEmpty()) return new Metrics(0, 0, 0, 0);
    double n = 0, r = 0, m = 0, j = 0;
    for (Metrics x : all) {
      n += x.ndcg;
      r += x.recall;
      m += x.rr;
      j += x.judged;
    }
    int c = all.size();
    return new Metrics(n / c, r / c, m / c, j / c);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
