package org.policysearch.index.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Emits the exact-match terms of already normalised text (see {@link ExactUnits}): either each unit
 * ({@link Mode#UNITS}) or each pair of adjacent units at consecutive positions ({@link Mode#PAIRS}).
 * Field values are paragraphs or titles, so the whole value is buffered.
 */
public final class ExactTokenizer extends Tokenizer {
  public enum Mode { UNITS, PAIRS }

  private final Mode mode;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final StringBuilder text = new StringBuilder();
  private List<ExactUnits.Unit> units;
  private int next;

  public ExactTokenizer(Mode mode) {
    this.mode = mode;
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (units == null) {
      char[] buf = new char[2048];
      int n;
      while ((n = input.read(buf)) != -1) text.append(buf, 0, n);
      units = ExactUnits.split(text);
      next = 0;
    }
    if (mode == Mode.UNITS) {
      if (next >= units.size()) return false;
      ExactUnits.Unit u = units.get(next++);
      term.setEmpty().append(text, u.start(), u.end());
      offset.setOffset(correctOffset(u.start()), correctOffset(u.end()));
    } else {
      if (next + 1 >= units.size()) return false;
      ExactUnits.Unit a = units.get(next);
      ExactUnits.Unit b = units.get(next + 1);
      next++;
      term.setEmpty().append(ExactUnits.pair(text, a, b));
      offset.setOffset(correctOffset(a.start()), correctOffset(b.end()));
    }
    posInc.setPositionIncrement(1);
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int fin = correctOffset(text.length());
    offset.setOffset(fin, fin);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    text.setLength(0);
    units = null;
    next = 0;
  }
}
