package org.policysearch.index.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.policysearch.text.NormalizedText;
import org.policysearch.text.TextNormalizer;

/**
 * Applies {@link TextNormalizer} in front of every tokenizer, at index and at query time, with offsets
 * corrected back to the text as written so that highlights land on the source characters.
 *
 * <p>Why a char filter and not a token filter: traditional→simplified and the removal of quotation
 * marks must happen before segmentation, otherwise smartcn segments 教育會議 and 落实“双减”政策
 * differently from their normalised forms. Field values are paragraphs or titles (bounded in length),
 * so the whole value is read and normalised at once.
 */
public final class NormalizingCharFilter extends BaseCharFilter {
  private String normalized;
  private int pos;

  public NormalizingCharFilter(Reader in) {
    super(in);
  }

  private void fill() throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[4096];
    int n;
    while ((n = input.read(buf)) != -1) {
      sb.append(buf, 0, n);
    }
    NormalizedText nt = TextNormalizer.normalize(sb);
    normalized = nt.text();
    int lastDiff = 0;
    for (int i = 0; i < normalized.length(); i++) {
      int diff = nt.start()[i] - i;
      if (diff != lastDiff) {
        addOffCorrectMap(i, diff);
        lastDiff = diff;
      }
    }
    // The final offset maps to the end of the source, past any removed trailing marks or spaces.
    int endDiff = sb.length() - normalized.length();
    if (endDiff != lastDiff) {
      addOffCorrectMap(normalized.length(), endDiff);
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (normalized == null) fill();
    if (pos >= normalized.length()) return -1;
    int n = Math.min(len, normalized.length() - pos);
    normalized.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }
}
