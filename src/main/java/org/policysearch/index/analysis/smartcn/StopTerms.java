package org.policysearch.index.analysis.smartcn;

import org.apache.lucene.analysis.CharArraySet;

/**
 * {@code stopWords.contains(term)} for a {@link CharArraySet}, answered without hashing the term
 * where the answer is known beforehand: the set's answer for every one-char term is read off once,
 * and a longer term can only match an entry of exactly its length ({@code CharArrayMap.equals}
 * compares lengths first, with or without ignoring case), so lengths that no entry has are "no".
 * smartcn's default set holds one-char punctuation only, so no term is hashed at all.
 *
 * <p>Immutable; shared by all tokenizers of an analyzer.
 */
final class StopTerms {
  private static final StopTerms SMARTCN_DEFAULT =
      new StopTerms(FastSmartChineseAnalyzer.getDefaultStopSet());

  private final CharArraySet set;

  /** Bit c: is the one-char term c a stop word. */
  private final long[] single = new long[(Character.MAX_VALUE + 1) / 64];

  /** Entry lengths present (index = length), up to the longest entry. */
  private final boolean[] lengths;

  private final boolean comma;

  private StopTerms(CharArraySet set) {
    this.set = set;
    char[] one = new char[1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      one[0] = (char) c;
      if (set.contains(one, 0, 1)) single[c >>> 6] |= 1L << c;
    }
    int longest = 0;
    for (Object entry : set) longest = Math.max(longest, length(entry));
    lengths = new boolean[longest + 1];
    for (Object entry : set) lengths[length(entry)] = true;
    comma = contains(new char[] {','}, 1);
  }

  /** For {@code set}; null when it is empty (nothing to filter). */
  static StopTerms of(CharArraySet set) {
    if (set == null || set.isEmpty()) return null;
    if (set == FastSmartChineseAnalyzer.getDefaultStopSet()) return SMARTCN_DEFAULT;
    return new StopTerms(set);
  }

  /** {@code set.contains(term, 0, length)}. */
  boolean contains(char[] term, int length) {
    if (length == 1) return (single[term[0] >>> 6] & 1L << term[0]) != 0;
    if (length >= lengths.length || !lengths[length]) return false;
    return set.contains(term, 0, length);
  }

  /** Whether "," is a stop word: the term of every punctuation token. */
  boolean containsComma() {
    return comma;
  }

  private static int length(Object entry) {
    return entry instanceof char[] chars ? chars.length : entry.toString().length();
  }
}
