package org.policysearch.index.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The words (smartcn) of a document's paragraphs, analysed once and replayed twice: into each
 * paragraph's own field and into the document's field, where paragraphs follow each other with a
 * position gap so that no phrase matches across two of them. smartcn is by far the slowest stage of
 * indexing; this way the document-level field costs no second segmentation.
 *
 * <p>Kept compactly (term characters in one array, an end and a position increment per token) because a
 * document may have millions of characters. Offsets are not kept: no words field indexes offsets
 * (highlights are computed from the stored text), so replayed tokens carry increasing stand-in offsets.
 */
public final class WordTokens {
  private char[] chars = new char[4096];
  private int[] termEnd = new int[1024];
  private int[] posInc = new int[1024];
  private int size;
  private int charCount;
  private final int[] paragraphEnd;

  private WordTokens(int paragraphs) {
    this.paragraphEnd = new int[paragraphs];
  }

  /**
   * Analyses each normalised paragraph with {@code analyzer}, which must be the words chain without its
   * normalisation (the text is normalised already; normalising is idempotent, so the tokens are those
   * of the full chain on the text as written).
   */
  public static WordTokens analyse(Analyzer analyzer, String field, List<String> normalizedParagraphs) {
    WordTokens w = new WordTokens(normalizedParagraphs.size());
    for (int p = 0; p < normalizedParagraphs.size(); p++) {
      try (TokenStream ts = analyzer.tokenStream(field, normalizedParagraphs.get(p))) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        ts.reset();
        while (ts.incrementToken()) w.add(term.buffer(), term.length(), inc.getPositionIncrement());
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      w.paragraphEnd[p] = w.size;
    }
    return w;
  }

  private void add(char[] buf, int len, int inc) {
    if (size == termEnd.length) {
      termEnd = Arrays.copyOf(termEnd, size * 2);
      posInc = Arrays.copyOf(posInc, size * 2);
    }
    if (charCount + len > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + len));
    System.arraycopy(buf, 0, chars, charCount, len);
    charCount += len;
    termEnd[size] = charCount;
    posInc[size] = inc;
    size++;
  }

  public int size() {
    return size;
  }

  /** The tokens of paragraph {@code p} (0-based). */
  public TokenStream paragraph(int p) {
    return new Replay(p == 0 ? 0 : paragraphEnd[p - 1], paragraphEnd[p], 0);
  }

  /** The tokens of every paragraph, {@code gap} positions apart. */
  public TokenStream all(int gap) {
    return new Replay(0, size, gap);
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final int from;
    private final int to;
    private final int gap;
    private int next;
    private int paragraph;
    private int offsetAt;

    Replay(int from, int to, int gap) {
      this.from = from;
      this.to = to;
      this.gap = gap;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = from;
      paragraph = 0;
      offsetAt = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next >= to) return false;
      clearAttributes();
      int start = next == 0 ? 0 : termEnd[next - 1];
      int len = termEnd[next] - start;
      term.copyBuffer(chars, start, len);
      int increment = posInc[next];
      if (gap > 0 && next > from) {
        // the first token of a later paragraph: the gap keeps phrases inside one paragraph
        boolean crossed = false;
        while (paragraph < paragraphEnd.length && paragraphEnd[paragraph] <= next) {
          crossed |= paragraphEnd[paragraph] > from;
          paragraph++;
        }
        if (crossed) increment += gap;
      }
      inc.setPositionIncrement(increment);
      offset.setOffset(offsetAt, offsetAt + len);
      offsetAt += len;
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(offsetAt, offsetAt);
    }
  }
}
