package org.policysearch.index.analysis.smartcn;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Passes the tokens of a {@link FastSmartChineseTokenizer} that drops stop words through, and at the
 * end adds the positions of stop words after the last token to the final position increment, as
 * the stock {@code StopFilter} does. The tokenizer cannot do it itself: its base class's {@code
 * end()} is final.
 */
final class TrailingGapFilter extends TokenFilter {
  private final FastSmartChineseTokenizer tokenizer;
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

  TrailingGapFilter(FastSmartChineseTokenizer tokenizer) {
    super(tokenizer);
    this.tokenizer = tokenizer;
  }

  @Override
  public boolean incrementToken() throws IOException {
    return input.incrementToken();
  }

  @Override
  public void end() throws IOException {
    super.end();
    posIncAtt.setPositionIncrement(
        posIncAtt.getPositionIncrement() + tokenizer.trailingSkippedPositions());
  }
}
