package org.policysearch.index.analysis.smartcn;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
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
 */
public final class FastSmartChineseTokenizer extends SegmentingTokenizerBase {
  /** Type of every token, as stock sets it. */
  public static final String TOKEN_TYPE = "word";

  private static final BreakIterator SENTENCE_PROTO = BreakIterator.getSentenceInstance(Locale.ROOT);

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final SentenceSegmenter segmenter = new SentenceSegmenter(SmartcnDictionaries.get());

  private int sentenceStart;
  private int sentenceOffset;
  private int count;
  private int next;

  public FastSmartChineseTokenizer() {
    this(DEFAULT_TOKEN_ATTRIBUTE_FACTORY);
  }

  public FastSmartChineseTokenizer(AttributeFactory factory) {
    super(factory, (BreakIterator) SENTENCE_PROTO.clone());
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
    if (next >= count) return false;
    clearAttributes();
    segmenter.writeTerm(next, buffer, sentenceStart, termAtt);
    offsetAtt.setOffset(
        correctOffset(sentenceOffset + segmenter.start(next)),
        correctOffset(sentenceOffset + segmenter.end(next)));
    typeAtt.setType(TOKEN_TYPE);
    next++;
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    count = 0;
    next = 0;
  }
}
