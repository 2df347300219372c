package org.policysearch.index.analysis.smartcn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.util.SegmentingTokenizerBase;
import org.apache.lucene.util.AttributeFactory;

/**
 * A drop-in for smartcn's {@code HMMChineseTokenizer}: the same terms, offsets, positions and types
 * for any input, several times faster.
 *
 * <p>Sentence splitting is not reimplemented but inherited, deliberately: like stock, this tokenizer
 * extends {@link SegmentingTokenizerBase} (1,024-char buffer, refilled after the last line break it
 * holds, or cut at 1,024 chars when it holds none) and splits with the JDK's root-locale sentence
 * {@link BreakIterator}. Both decide where the segmenter's sentences begin and end, which changes
 * tokens; sharing them keeps output identical even where a JDK update changes the break rules, and
 * they cost about a tenth of the time. What is reimplemented is the segmentation of each sentence
 * ({@link SentenceSegmenter}), over smartcn's own dictionaries ({@link SmartcnDictionaries}).
 *
 * <p>For {@link FastSmartChineseAnalyzer} the tokenizer also does what the stock analyzer's two
 * filters do ({@code PorterStemFilter}, then {@code StopFilter}), because passing every token
 * through two more token streams cost a tenth of the analyzer's time: a term is stemmed by the
 * stock stemmer when it can change (below), then dropped when it is a stop word, leaving its
 * position as a gap in the next token's position increment (and in the final one), as {@code
 * FilteringTokenFilter} does.
 */
public final class FastSmartChineseTokenizer extends SegmentingTokenizerBase {
  /** Type of every token, as stock sets it. */
  public static final String TOKEN_TYPE = "word";

  private static final BreakIterator SENTENCE_PROTO = BreakIterator.getSentenceInstance(Locale.ROOT);

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final SentenceSegmenter segmenter = new SentenceSegmenter(SmartcnDictionaries.get());

  /** Stop words to drop (null: none). */
  private final StopTerms stopTerms;

  /** The stock stemmer over a one-term stream (null: no stemming). */
  private final OneTerm stemInput;

  private final TokenStream stemmer;
  private final PositionIncrementAttribute posIncAtt;

  /** Positions of dropped stop words since the last token returned. */
  private int skippedPositions;

  private int sentenceStart;
  private int sentenceOffset;
  private int count;
  private int next;

  public FastSmartChineseTokenizer() {
    this(DEFAULT_TOKEN_ATTRIBUTE_FACTORY);
  }

  public FastSmartChineseTokenizer(AttributeFactory factory) {
    this(factory, false, null);
  }

  /**
   * The tokenizer followed by {@code PorterStemFilter} (when {@code stem}) and {@code StopFilter}
   * over {@code stopTerms} (when not null), in one stream.
   */
  FastSmartChineseTokenizer(AttributeFactory factory, boolean stem, StopTerms stopTerms) {
    super(factory, (BreakIterator) SENTENCE_PROTO.clone());
    this.stopTerms = stopTerms;
    this.posIncAtt = addAttribute(PositionIncrementAttribute.class);
    if (stem) {
      addAttribute(KeywordAttribute.class); // as the stock filter adds it; nothing sets it
      stemInput = new OneTerm();
      stemmer = new PorterStemFilter(stemInput);
    } else {
      stemInput = null;
      stemmer = null;
    }
  }

  @Override
  protected void setNextSentence(int sentenceStart, int sentenceEnd) {
    this.sentenceStart = sentenceStart;
    this.sentenceOffset = offset + sentenceStart;
    this.count = segmenter.segment(buffer, sentenceStart, sentenceEnd - sentenceStart);
    this.next = 0;
  }

  @Override
  protected boolean incrementWord() {
    while (next < count) {
      int k = next++;
      if (stopTerms != null && segmenter.isDelimiter(k) && stopTerms.containsComma()) {
        skippedPositions++; // its term is ",", which no stemmer changes
        continue;
      }
      clearAttributes();
      segmenter.writeTerm(k, buffer, sentenceStart, termAtt);
      if (stemmer != null) stem();
      if (stopTerms != null && stopTerms.contains(termAtt.buffer(), termAtt.length())) {
        skippedPositions++;
        continue;
      }
      offsetAtt.setOffset(
          correctOffset(sentenceOffset + segmenter.start(k)),
          correctOffset(sentenceOffset + segmenter.end(k)));
      typeAtt.setType(TOKEN_TYPE);
      if (skippedPositions != 0) {
        posIncAtt.setPositionIncrement(1 + skippedPositions);
        skippedPositions = 0;
      }
      return true;
    }
    return false;
  }

  /**
   * The stock Porter stemmer on the current term, if it can change it. It cannot unless the term
   * ends in a letter a..z: each of its six steps changes the word only after matching a suffix of
   * ASCII letters at the end ("s", "ed", "ing", "y", "ational", ..., "e", "l"), and a step that
   * changes nothing leaves the next step the same end. Our terms are mostly Chinese words, so the
   * stemmer is almost never called.
   */
  private void stem() {
    int length = termAtt.length();
    char last = length == 0 ? 0 : termAtt.buffer()[length - 1];
    if (last < 'a' || last > 'z') return;
    stemInput.term.copyBuffer(termAtt.buffer(), 0, length);
    stemInput.ready = true;
    try {
      stemmer.incrementToken();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a term held in memory", e); // OneTerm never throws
    }
    termAtt.copyBuffer(stemInput.term.buffer(), 0, stemInput.term.length());
  }

  /**
   * Positions of the stop words dropped after the last token, which {@link TrailingGapFilter} adds
   * to the final position increment as {@code FilteringTokenFilter.end} does ({@code end()} is
   * final in the base class).
   */
  int trailingSkippedPositions() {
    return skippedPositions;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    count = 0;
    next = 0;
    skippedPositions = 0;
  }

  /** A stream of the one term put in it, for the stock stemmer to read. */
  private static final class OneTerm extends TokenStream {
    final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    boolean ready;

    @Override
    public boolean incrementToken() {
      boolean r = ready;
      ready = false;
      return r;
    }
  }
}
