package org.policysearch.ingest.meta;

import java.util.Arrays;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.text.TextNormalizer;

/**
 * What a document's body looks like to the repost finder, small enough to keep for every indexed
 * document. The body is reduced to its letters and digits after {@link TextNormalizer} (punctuation,
 * spaces, quotation marks, width and traditional forms do not count) and cut into overlapping
 * {@link #SHINGLE}-character shingles.
 *
 * <p>Why a sketch and not the simhash this replaced: a simhash a few bits away said "similar subject and
 * structure" (21 cities' 制定地方性法规条例 came out as copies of one), not "the same text". The sketch
 * estimates the share of shingles two bodies have in common, which is what a repost is, and only picks
 * the pairs that {@link DuplicateResolver} then checks on the full texts ({@link #shingleHashes}).
 *
 * @param exact    64-bit FNV-1a hash of the reduced text: equal for the same text whatever its debris
 * @param shingles number of distinct shingles of the reduced text
 * @param sketch   one-permutation MinHash: for each of {@link #BINS} bins (the top bits of a shingle's
 *                 hash) the smallest low 32 bits of the shingles falling in it, unsigned, or
 *                 {@link #EMPTY} when none does
 */
public record Fingerprint(long exact, int shingles, int[] sketch) {
  /** Five characters: long enough that shared stock phrases (中华人民共和国) do not make texts alike. */
  static final int SHINGLE = 5;
  public static final int BINS = 128;
  public static final int EMPTY = -1;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  public Fingerprint {
    if (sketch.length != BINS) throw new IllegalArgumentException("a sketch has " + BINS + " bins, got " + sketch.length);
    sketch = sketch.clone();
  }

  public static Fingerprint of(PolicyDocument doc) {
    return of(doc.bodyText());
  }

  /** The fingerprint of a text (the body of a document: its paragraphs joined). */
  public static Fingerprint of(String body) {
    String reduced = reduce(body);
    long exact = FNV_OFFSET;
    for (int i = 0; i < reduced.length(); i++) {
      exact ^= reduced.charAt(i);
      exact *= FNV_PRIME;
    }
    long[] hashes = distinctShingles(reduced);
    int[] sketch = new int[BINS];
    Arrays.fill(sketch, EMPTY);
    for (long h : hashes) {
      int bin = (int) (h >>> 57);
      int low = (int) h;
      if (Integer.compareUnsigned(low, sketch[bin]) < 0) sketch[bin] = low;
    }
    return new Fingerprint(exact, hashes.length, sketch);
  }

  /** The distinct shingle hashes of a body, sorted: what {@link #shared} compares. */
  public static long[] shingleHashes(String body) {
    return distinctShingles(reduce(body));
  }

  /** Letters and digits only, after normalisation (width, traditional forms), lower-cased. */
  static String reduce(String text) {
    String n = TextNormalizer.normalizeToString(text);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) sb.appendCodePoint(Character.toLowerCase(cp));
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Shingle hashes, sorted and distinct; a text shorter than a shingle is one shingle of itself. */
  private static long[] distinctShingles(String reduced) {
    if (reduced.isEmpty()) return new long[0];
    int n = Math.max(1, reduced.length() - SHINGLE + 1);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = FNV_OFFSET;
      for (int k = i; k < Math.min(reduced.length(), i + SHINGLE); k++) {
        h ^= reduced.charAt(k);
        h *= FNV_PRIME;
      }
      out[i] = mix(h);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < n; i++) if (i == 0 || out[i] != out[i - 1]) out[distinct++] = out[i];
    return distinct == n ? out : Arrays.copyOf(out, distinct);
  }

  /** How many of the sorted distinct hashes {@code a} are also in {@code b}. */
  public static int shared(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int both = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return both;
  }

  /**
   * The share of shingles the two bodies have in common over all shingles of either (Jaccard), as the
   * sketches estimate it: bins where both hold the same minimum, over bins where either holds one.
   */
  public double estimatedSimilarity(Fingerprint other) {
    if (exact == other.exact && shingles == other.shingles) return 1;
    int used = 0;
    int same = 0;
    for (int b = 0; b < BINS; b++) {
      if (sketch[b] == EMPTY && other.sketch[b] == EMPTY) continue;
      used++;
      if (sketch[b] == other.sketch[b]) same++;
    }
    return used == 0 ? 0 : (double) same / used;
  }

  @Override
  public int[] sketch() {
    return sketch.clone();
  }

  /** One bin of the sketch, without copying it. */
  public int bin(int b) {
    return sketch[b];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && f.exact == exact && f.shingles == shingles && Arrays.equals(f.sketch, sketch);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(exact) * 31 + Arrays.hashCode(sketch);
  }

  @Override
  public String toString() {
    return "Fingerprint[exact=" + Long.toHexString(exact) + ", shingles=" + shingles + "]";
  }

  /** A finaliser (from MurmurHash3) so that nearby FNV values spread over all 64 bits. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93fe53a2a4dL;
    h ^= h >>> 33;
    return h;
  }
}
