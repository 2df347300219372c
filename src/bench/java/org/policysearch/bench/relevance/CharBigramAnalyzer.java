package org.policysearch.bench.relevance;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The reference baseline's terms, as the relevance sets' README defines them: character bigrams of runs
 * of Chinese characters, letters and digits (a run of one character is its own term), lower-cased. No
 * segmenter, no dictionary: what "forty lines of BM25" would do.
 */
final class CharBigramAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new BigramTokenizer());
  }

  private static final class BigramTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private int[] cps = new int[0];
    private int n;
    private int at;

    @Override
    public void reset() throws IOException {
      super.reset();
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[4096];
      for (int r; (r = input.read(buf)) > 0; ) sb.append(buf, 0, r);
      cps = sb.codePoints().map(c -> Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1).toArray();
      n = cps.length;
      at = 0;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      while (at < n) {
        int c = cps[at];
        if (c < 0) {
          at++;
          continue;
        }
        boolean prevIn = at > 0 && cps[at - 1] >= 0;
        boolean nextIn = at + 1 < n && cps[at + 1] >= 0;
        if (nextIn) {
          term.setEmpty().append(new String(cps, at, 2));
          at++;
          return true;
        }
        at++;
        if (!prevIn) { // a run of one
          term.setEmpty().append(new String(cps, at - 1, 1));
          return true;
        }
      }
      return false;
    }
  }
}
