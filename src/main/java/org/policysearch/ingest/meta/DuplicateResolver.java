package org.policysearch.ingest.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.policysearch.doc.Flags;
import org.policysearch.doc.PolicyDocument;

/**
 * Finds reposts: the same text (after cleaning) published again, by another site or in another file.
 * Not a document on the same subject or with the same structure: 21 cities' 制定地方性法规条例 share
 * their chapters and most of their wording and are 21 laws.
 *
 * <p>Two documents are copies when {@link RepostCheck} says so on their full texts: at least
 * {@link RepostCheck#MIN_SHARED} of the shingles of each are in the other, and their metadata does not
 * tell them apart (another region, another issuer, another version's date). Pairs worth that check
 * are picked from the {@link Fingerprint}s, without comparing all pairs: the same exact hash, or a
 * band of {@link #BAND_BINS} sketch bins in common (two texts sharing 90% of their shingles have all
 * four bins of a band equal with probability 0.66, so one of 32 bands almost surely), then an
 * estimated similarity of at least {@link #MIN_ESTIMATE} and shingle counts within
 * {@link RepostCheck#MIN_SHARED} of each other (a necessary condition).
 *
 * <p>The original of a group is the earliest by date (unknown dates last), then the smallest id; every
 * document checked to be a copy of it is marked its duplicate. Copies are never chained: a document
 * only near a duplicate (and not near its original) stays a document of its own.
 */
public final class DuplicateResolver {
  /** Sketch bins per band for picking pairs. */
  static final int BAND_BINS = 4;
  /**
   * Least estimated Jaccard similarity worth reading both texts for. Two texts sharing 95% of the
   * shingles of each have a Jaccard of at least 0.905; the estimate from 128 bins errs by about 0.03 there,
   * so 0.8 misses none in practice and keeps the texts read few.
   */
  static final double MIN_ESTIMATE = 0.8;

  /**
   * One document to compare.
   *
   * @param id   document id
   * @param date ISO date as in {@link org.policysearch.doc.DateInfo#value()}, or "" when unknown
   * @param fp   its fingerprint
   */
  public record Candidate(String id, String date, Fingerprint fp) {
    public Candidate {
      date = date == null ? "" : date;
    }
  }

  /** Where the resolver gets a candidate's whole document (text and metadata) for the final check. */
  @FunctionalInterface
  public interface Loader {
    PolicyDocument load(String id) throws IOException;
  }

  /** A pair that was checked on the full texts, with the verdict: what the repost report lists. */
  public record CheckedPair(String a, String b, RepostCheck.Verdict verdict) {}

  private DuplicateResolver() {}

  /** Duplicate id → original id, for every document that is a copy of an earlier one. */
  public static Map<String, String> resolve(List<Candidate> candidates, Loader loader) throws IOException {
    return group(candidates, check(candidates, loader));
  }

  /**
   * The ids of the documents {@link #resolve} will load for the check on the full texts: those of the pairs the
   * fingerprints pick. A caller whose documents are costly to load one at a time reads these together first.
   */
  public static Set<String> idsToLoad(List<Candidate> candidates) {
    Set<String> out = new java.util.HashSet<>();
    for (long pair : pairs(candidates)) {
      out.add(candidates.get((int) (pair >>> 32)).id());
      out.add(candidates.get((int) pair).id());
    }
    return out;
  }

  /** Every pair the fingerprints pick, checked on the full texts (reposts and the rest). */
  public static List<CheckedPair> check(List<Candidate> candidates, Loader loader) throws IOException {
    Map<String, RepostCheck.Texts> loaded = new HashMap<>();
    List<CheckedPair> out = new ArrayList<>();
    for (long pair : pairs(candidates)) {
      Candidate a = candidates.get((int) (pair >>> 32));
      Candidate b = candidates.get((int) pair);
      out.add(new CheckedPair(a.id(), b.id(), RepostCheck.check(texts(a.id(), loader, loaded), texts(b.id(), loader, loaded))));
    }
    return out;
  }

  /** A document with its shingles, read once per resolve however many pairs it is in. */
  private static RepostCheck.Texts texts(String id, Loader loader, Map<String, RepostCheck.Texts> loaded) throws IOException {
    RepostCheck.Texts t = loaded.get(id);
    if (t == null) {
      t = RepostCheck.Texts.of(loader.load(id));
      loaded.put(id, t);
    }
    return t;
  }

  /** Index pairs (i &lt; j, packed i &lt;&lt; 32 | j) worth checking on the full texts, in a stable order. */
  static Set<Long> pairs(List<Candidate> candidates) {
    Set<Long> out = new TreeSet<>();
    Map<Long, List<Integer>> byExact = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).fp().shingles() == 0) continue; // an empty body is nobody's copy
      byExact.computeIfAbsent(candidates.get(i).fp().exact(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> same : byExact.values()) addAll(same, candidates, out, false);
    for (int band = 0; band < Fingerprint.BINS / BAND_BINS; band++) {
      Map<Long, List<Integer>> buckets = new HashMap<>();
      for (int i = 0; i < candidates.size(); i++) {
        Fingerprint f = candidates.get(i).fp();
        long key = band;
        boolean full = true;
        for (int k = band * BAND_BINS; k < (band + 1) * BAND_BINS; k++) {
          if (f.bin(k) == Fingerprint.EMPTY) full = false;
          key = key * 0x9E3779B97F4A7C15L + f.bin(k);
        }
        // A band with an empty bin says only "short text": all short texts would share it.
        if (full) buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      for (List<Integer> bucket : buckets.values()) addAll(bucket, candidates, out, true);
    }
    return out;
  }

  private static void addAll(List<Integer> group, List<Candidate> candidates, Set<Long> out, boolean filter) {
    for (int x = 0; x < group.size(); x++) {
      for (int y = x + 1; y < group.size(); y++) {
        int i = Math.min(group.get(x), group.get(y));
        int j = Math.max(group.get(x), group.get(y));
        if (filter && !worthChecking(candidates.get(i).fp(), candidates.get(j).fp())) continue;
        out.add((long) i << 32 | j);
      }
    }
  }

  static boolean worthChecking(Fingerprint a, Fingerprint b) {
    double ratio = (double) Math.min(a.shingles(), b.shingles()) / Math.max(a.shingles(), b.shingles());
    return ratio >= RepostCheck.MIN_SHARED && a.estimatedSimilarity(b) >= MIN_ESTIMATE;
  }

  /** Originals first (earliest, then smallest id); each takes the unassigned documents checked to be its copies. */
  private static Map<String, String> group(List<Candidate> candidates, List<CheckedPair> checked) {
    Map<String, List<String>> copiesOf = new HashMap<>();
    for (CheckedPair p : checked) {
      if (!p.verdict().repost()) continue;
      copiesOf.computeIfAbsent(p.a(), k -> new ArrayList<>()).add(p.b());
      copiesOf.computeIfAbsent(p.b(), k -> new ArrayList<>()).add(p.a());
    }
    // A date known to the year or month sorts after the days it could be: a speech "2023" and its page posted
    // 2023-11-29 reposted under "2023": the one with the day is the original.
    Comparator<Candidate> order = Comparator
        .comparing((Candidate c) -> c.date().isEmpty() ? "\uFFFF" : c.date().length() < 10 ? c.date() + "\uFFFF" : c.date())
        .thenComparing(Candidate::id);
    List<Candidate> involved = new ArrayList<>();
    for (Candidate c : candidates) if (copiesOf.containsKey(c.id())) involved.add(c);
    involved.sort(order);
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> originals = new java.util.HashSet<>();
    for (Candidate c : involved) {
      if (out.containsKey(c.id())) continue;
      originals.add(c.id());
      for (String copy : copiesOf.get(c.id())) {
        if (!out.containsKey(copy) && !originals.contains(copy)) out.put(copy, c.id());
      }
    }
    return out;
  }

  /** The documents in the same order, copies flagged with {@link Flags#duplicateOf()} their original's id. */
  public static List<PolicyDocument> markDuplicates(List<PolicyDocument> docs) {
    List<Candidate> candidates = new ArrayList<>(docs.size());
    Map<String, PolicyDocument> byId = new HashMap<>();
    for (PolicyDocument d : docs) {
      candidates.add(new Candidate(d.id(), d.date().value(), Fingerprint.of(d)));
      byId.put(d.id(), d);
    }
    Map<String, String> dup;
    try {
      dup = resolve(candidates, byId::get);
    } catch (IOException e) {
      throw new UncheckedIOException("documents in memory cannot fail to load", e);
    }
    List<PolicyDocument> out = new ArrayList<>(docs.size());
    for (PolicyDocument d : docs) {
      String original = dup.getOrDefault(d.id(), "");
      out.add(original.equals(d.flags().duplicateOf()) ? d
          : d.withFlags(new Flags(d.flags().truncated(), d.flags().redacted(), original)));
    }
    return out;
  }
}
