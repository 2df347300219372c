package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policysearch.ingest.Flags;
import org.policysearch.ingest.PolicyDocument;

/**
 * Finds the same text reposted: documents with the same {@link Fingerprint#exact} hash, or with simhashes
 * at most {@link #MAX_DISTANCE} bits apart and lengths within {@link #MIN_LENGTH_RATIO}, are copies of
 * one another. In each group of copies the original is the earliest by date (unknown dates last), then
 * the smallest id; every other member is marked its duplicate.
 *
 * <p>Near pairs are found without comparing all pairs: two simhashes at most 3 bits apart agree on at
 * least one of four 16-bit bands (pigeonhole), so only documents sharing a band are compared.
 * Groups are transitive (A≈B and B≈C put A, B, C together).
 */
public final class DuplicateResolver {
  public static final int MAX_DISTANCE = 3;
  public static final double MIN_LENGTH_RATIO = 0.8;
  private static final int BANDS = 4;

  /**
   * One document to compare.
   *
   * @param id   document id
   * @param date ISO date as in {@link org.policysearch.ingest.DateInfo#value()}, or "" when unknown
   * @param fp   its fingerprint
   */
  public record Candidate(String id, String date, Fingerprint fp) {
    public Candidate {
      date = date == null ? "" : date;
    }
  }

  private DuplicateResolver() {}

  /** Duplicate id → original id, for every document that is a copy of an earlier one. */
  public static Map<String, String> resolve(List<Candidate> candidates) {
    int n = candidates.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;

    Map<Long, Integer> byExact = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Integer first = byExact.putIfAbsent(candidates.get(i).fp().exact(), i);
      if (first != null) union(parent, first, i);
    }
    for (int band = 0; band < BANDS; band++) {
      Map<Long, List<Integer>> buckets = new HashMap<>();
      int shift = band * 16;
      for (int i = 0; i < n; i++) {
        long key = (candidates.get(i).fp().simhash() >>> shift) & 0xFFFF;
        buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      for (List<Integer> bucket : buckets.values()) {
        for (int a = 0; a < bucket.size(); a++) {
          for (int b = a + 1; b < bucket.size(); b++) {
            int i = bucket.get(a);
            int j = bucket.get(b);
            if (near(candidates.get(i).fp(), candidates.get(j).fp())) union(parent, i, j);
          }
        }
      }
    }

    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    Comparator<Candidate> order = Comparator
        .comparing((Candidate c) -> c.date().isEmpty() ? "\uFFFF" : c.date())
        .thenComparing(Candidate::id);
    Map<String, String> out = new LinkedHashMap<>();
    for (List<Integer> g : groups.values()) {
      if (g.size() < 2) continue;
      Candidate original = g.stream().map(candidates::get).min(order).orElseThrow();
      for (int i : g) {
        Candidate c = candidates.get(i);
        if (!c.id().equals(original.id())) out.put(c.id(), original.id());
      }
    }
    return out;
  }

  /** The documents in the same order, copies flagged with {@link Flags#duplicateOf()} their original's id. */
  public static List<PolicyDocument> markDuplicates(List<PolicyDocument> docs) {
    List<Candidate> candidates = new ArrayList<>(docs.size());
    for (PolicyDocument d : docs) candidates.add(new Candidate(d.id(), d.date().value(), Fingerprint.of(d)));
    Map<String, String> dup = resolve(candidates);
    List<PolicyDocument> out = new ArrayList<>(docs.size());
    for (PolicyDocument d : docs) {
      String original = dup.getOrDefault(d.id(), "");
      out.add(original.equals(d.flags().duplicateOf()) ? d
          : d.withFlags(new Flags(d.flags().truncated(), d.flags().redacted(), original)));
    }
    return out;
  }

  static boolean near(Fingerprint a, Fingerprint b) {
    if (a.length() == 0 || b.length() == 0) return a.length() == b.length() && a.exact() == b.exact();
    double ratio = (double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length());
    return ratio >= MIN_LENGTH_RATIO && a.distance(b) <= MAX_DISTANCE;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
