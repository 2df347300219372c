package org.policysearch.bench.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The measures as the relevance sets' README defines them, on lists worked out by hand. */
class MetricsTest {
  private static final double EPS = 1e-9;

  @Test
  void binaryGainsOverTheTopTen() {
    // relevant at ranks 2 and 4 of three relevant documents
    Metrics m = Metrics.of(List.of("x", "a", "y", "b", "z"), Map.of("a", 1, "b", 1, "c", 1), true);
    double dcg = 1 / log2(3) + 1 / log2(5);
    double idcg = 1 + 1 / log2(3) + 1 / log2(4);
    assertEquals(dcg / idcg, m.ndcg(), EPS);
    assertEquals(2.0 / 3, m.recall(), EPS);
    assertEquals(0.5, m.rr(), EPS);
    assertEquals(1.0, m.judged(), EPS);
  }

  @Test
  void recallIsCutAtTenAndReciprocalRankLooksPastIt() {
    List<String> ranked = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) ranked.add("n" + i);
    ranked.add("r0");
    Map<String, Integer> grades = new java.util.HashMap<>();
    for (int i = 0; i < 12; i++) grades.put("r" + i, 1);
    Metrics m = Metrics.of(ranked, grades, true);
    assertEquals(0, m.ndcg(), EPS);
    assertEquals(0, m.recall(), EPS); // 0 of min(10, 12)
    assertEquals(1.0 / 13, m.rr(), EPS);
  }

  @Test
  void gradedGainsAndUnjudgedDocuments() {
    // grades 2 and 1 judged; "u" was never judged: counts as 0 and lowers judged@10
    Metrics m = Metrics.of(List.of("one", "u", "two"), Map.of("two", 2, "one", 1, "zero", 0), false);
    double dcg = 1 + 2 / log2(4);
    double idcg = 2 + 1 / log2(3);
    assertEquals(dcg / idcg, m.ndcg(), EPS);
    assertEquals(1.0, m.recall(), EPS);
    assertEquals(1.0, m.rr(), EPS);
    assertEquals(2.0 / 3, m.judged(), EPS);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
