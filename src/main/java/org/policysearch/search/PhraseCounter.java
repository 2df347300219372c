package org.policysearch.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.ArrayUtil;

/**
 * Counts the occurrences of an exact phrase (a phrase of unit pairs) in a paragraph from the positions
 * in the index, so that phrase statistics need not read and scan the text of every paragraph. Only
 * used for phrases that cannot overlap themselves ({@link #cannotOverlap}): then every match the index
 * has is one occurrence of the text, the same count the stored text gives (ExactGuaranteeTest checks it).
 */
final class PhraseCounter {
  private final PostingsEnum[] postings;
  private final int[] offsets;
  private final int[][] positions;
  private final int[] counts;

  private PhraseCounter(PostingsEnum[] postings, int[] offsets) {
    this.postings = postings;
    this.offsets = offsets;
    this.positions = new int[postings.length][];
    for (int i = 0; i < positions.length; i++) positions[i] = new int[16];
    this.counts = new int[postings.length];
  }

  /**
   * Whether two occurrences of {@code normalized} can overlap, i.e. whether some proper prefix is also a
   * suffix ("哈哈" in "哈哈哈"). When they can, the text's non-overlapping count is not the index's.
   */
  static boolean cannotOverlap(String normalized) {
    int n = normalized.length();
    int[] border = new int[n];
    for (int i = 1, k = 0; i < n; i++) {
      while (k > 0 && normalized.charAt(i) != normalized.charAt(k)) k = border[k - 1];
      if (normalized.charAt(i) == normalized.charAt(k)) k++;
      border[i] = k;
    }
    return n == 0 || border[n - 1] == 0;
  }

  /** A counter for the phrase {@code query} in one segment, or null when it is not a phrase or the segment lacks a term. */
  static PhraseCounter open(LeafReader reader, Query query) throws IOException {
    if (!(query instanceof PhraseQuery pq) || pq.getSlop() != 0) return null;
    Term[] terms = pq.getTerms();
    int[] offsets = pq.getPositions();
    if (terms.length == 0) return null;
    Terms field = reader.terms(terms[0].field());
    if (field == null) return null;
    PostingsEnum[] pe = new PostingsEnum[terms.length];
    for (int i = 0; i < terms.length; i++) {
      TermsEnum te = field.iterator();
      if (!te.seekExact(terms[i].bytes())) return null;
      pe[i] = te.postings(null, PostingsEnum.POSITIONS);
    }
    return new PhraseCounter(pe, offsets);
  }

  /** Occurrences of the phrase in {@code doc}, which must match it; docs must come in increasing order. */
  int count(int doc) throws IOException {
    for (int i = 0; i < postings.length; i++) {
      PostingsEnum p = postings[i];
      if (p.docID() < doc) p.advance(doc);
      if (p.docID() != doc) return 0;
      int freq = p.freq();
      if (positions[i].length < freq) positions[i] = ArrayUtil.grow(positions[i], freq);
      for (int k = 0; k < freq; k++) positions[i][k] = p.nextPosition();
      counts[i] = freq;
    }
    // a match at p: term i at p + offsets[i] for every i (positions are increasing, so walk pointers)
    int[] at = new int[postings.length];
    int matches = 0;
    outer:
    for (int k = 0; k < counts[0]; k++) {
      int start = positions[0][k] - offsets[0];
      for (int i = 1; i < postings.length; i++) {
        int want = start + offsets[i];
        while (at[i] < counts[i] && positions[i][at[i]] < want) at[i]++;
        if (at[i] >= counts[i]) break outer;
        if (positions[i][at[i]] != want) continue outer;
      }
      matches++;
    }
    return matches;
  }
}
