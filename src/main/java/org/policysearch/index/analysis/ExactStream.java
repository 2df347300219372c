package org.policysearch.index.analysis;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.policysearch.text.CharClass;

/**
 * The exact-match terms of already normalised paragraphs, straight from the text: the same units and
 * pairs as {@link ExactTokenizer} (see {@link ExactUnits}), without a unit object per character and
 * without normalising again. Over several paragraphs (a document's field), paragraphs are {@code gap}
 * positions apart, and no pair is made across two of them, so an exact phrase never spans paragraphs.
 *
 * <p>Units go to fields that record only which documents contain them (no positions, no frequencies), so
 * each distinct unit is emitted once per stream: the postings are the same, at a fraction of the work.
 */
public final class ExactStream extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final ExactTokenizer.Mode mode;
  private final List<String> paragraphs;
  private final int gap;

  private int paragraph;
  private String text;
  private int at; // scan position in text
  private int base; // offset of this paragraph in the concatenation
  // the previous unit of this paragraph (for pairs), or prevEnd < 0 when there is none
  private int prevStart;
  private int prevEnd;
  private boolean pendingGap;
  private boolean emitted;
  // units already emitted: single code points in an open-addressing set, longer runs in a hash set
  private int[] seenCodePoints;
  private int seenCount;
  private java.util.HashSet<String> seenRuns;

  public ExactStream(ExactTokenizer.Mode mode, List<String> normalizedParagraphs, int gap) {
    this.mode = mode;
    this.paragraphs = normalizedParagraphs;
    this.gap = gap;
  }

  @Override
  public void reset() throws java.io.IOException {
    super.reset();
    paragraph = -1;
    text = null;
    base = 0;
    emitted = false;
    pendingGap = false;
    seenCodePoints = null;
    seenCount = 0;
    seenRuns = null;
  }

  @Override
  public boolean incrementToken() {
    while (true) {
      if (text == null) {
        if (paragraph >= 0) base += paragraphs.get(paragraph).length();
        paragraph++;
        if (paragraph >= paragraphs.size()) return false;
        text = paragraphs.get(paragraph);
        at = 0;
        prevEnd = -1;
        pendingGap = emitted;
      }
      int n = text.length();
      boolean space = false;
      while (at < n && CharClass.isWhitespace(text.codePointAt(at))) {
        space = true;
        at += Character.charCount(text.codePointAt(at));
      }
      if (at >= n) {
        text = null;
        continue;
      }
      int start = at;
      int cp = text.codePointAt(at);
      at += Character.charCount(cp);
      if (CharClass.isAlnum(cp)) {
        while (at < n) {
          int c2 = text.codePointAt(at);
          if (!CharClass.isAlnum(c2)) break;
          at += Character.charCount(c2);
        }
      }
      int end = at;
      boolean spaceBefore = space && prevEnd >= 0;
      if (mode == ExactTokenizer.Mode.UNITS) {
        if (!firstTime(start, end)) continue;
        emit(start, end, start, end, false);
        return true;
      }
      if (prevEnd >= 0) {
        int ps = prevStart;
        int pe = prevEnd;
        prevStart = start;
        prevEnd = end;
        emit(ps, pe, start, end, spaceBefore);
        return true;
      }
      prevStart = start;
      prevEnd = end;
    }
  }

  /** Whether the unit [start, end) of the current text has not been emitted before by this stream. */
  private boolean firstTime(int start, int end) {
    int cp = text.codePointAt(start);
    if (end - start != Character.charCount(cp)) {
      if (seenRuns == null) seenRuns = new java.util.HashSet<>();
      return seenRuns.add(text.substring(start, end));
    }
    if (seenCodePoints == null) seenCodePoints = new int[64];
    if (seenCount * 2 >= seenCodePoints.length) {
      int[] old = seenCodePoints;
      seenCodePoints = new int[old.length * 2];
      seenCount = 0;
      for (int v : old) if (v != 0) insert(v);
    }
    return insert(cp + 1); // 0 marks an empty slot
  }

  private boolean insert(int key) {
    int mask = seenCodePoints.length - 1;
    int i = (key * 0x9E3779B9) >>> 16 & mask;
    while (seenCodePoints[i] != 0) {
      if (seenCodePoints[i] == key) return false;
      i = (i + 1) & mask;
    }
    seenCodePoints[i] = key;
    seenCount++;
    return true;
  }

  /** Emits the unit [as, ae) (units), or the pair of [as, ae) and [bs, be) (pairs). */
  private void emit(int as, int ae, int bs, int be, boolean spaceBefore) {
    clearAttributes();
    if (mode == ExactTokenizer.Mode.UNITS) {
      term.setEmpty().append(text, as, ae);
    } else {
      term.setEmpty().append(text, as, ae);
      if (spaceBefore) term.append(' ');
      term.append(text, bs, be);
    }
    inc.setPositionIncrement(pendingGap ? 1 + gap : 1);
    pendingGap = false;
    emitted = true;
    offset.setOffset(base + as, base + be);
  }

  @Override
  public void end() throws java.io.IOException {
    super.end();
    int total = base + (text == null ? 0 : text.length());
    offset.setOffset(total, total);
  }
}
