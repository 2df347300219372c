package org.policysearch.ingest.meta;

import org.policysearch.ingest.PolicyDocument;
import org.policysearch.text.TextNormalizer;

/**
 * What a document's text looks like to the duplicate finder: the same text reposted by another site with
 * other debris, another title line or other punctuation gets the same {@link #exact} hash or a
 * {@link #simhash} a few bits away.
 *
 * @param exact   64-bit FNV-1a hash of the body reduced to its letters and digits (Han characters
 *                included) after {@link TextNormalizer}: punctuation, spaces, quotation marks, width and
 *                traditional forms do not count
 * @param simhash 64-bit simhash over the overlapping 4-character shingles of that reduced text
 * @param length  length of the reduced text, to compare only texts of similar length
 */
public record Fingerprint(long exact, long simhash, int length) {
  static final int SHINGLE = 4;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

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
    int[] counts = new int[64];
    int shingles = 0;
    for (int i = 0; i + SHINGLE <= reduced.length(); i++) {
      long h = FNV_OFFSET;
      for (int k = i; k < i + SHINGLE; k++) {
        h ^= reduced.charAt(k);
        h *= FNV_PRIME;
      }
      h = mix(h);
      for (int b = 0; b < 64; b++) counts[b] += ((h >>> b) & 1) != 0 ? 1 : -1;
      shingles++;
    }
    long sim = 0;
    if (shingles == 0) {
      sim = mix(exact);
    } else {
      for (int b = 0; b < 64; b++) if (counts[b] > 0) sim |= 1L << b;
    }
    return new Fingerprint(exact, sim, reduced.length());
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

  /** Bits that differ between the two simhashes. */
  public int distance(Fingerprint other) {
    return Long.bitCount(simhash ^ other.simhash);
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
