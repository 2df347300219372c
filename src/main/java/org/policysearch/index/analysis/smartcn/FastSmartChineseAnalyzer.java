package org.policysearch.index.analysis.smartcn;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * A drop-in for {@link SmartChineseAnalyzer}: the same chain (tokenizer, Porter stemmer, stop filter
 * with smartcn's punctuation list) over {@link FastSmartChineseTokenizer}. The filters are the stock
 * ones: they cost little, and sharing them keeps positions and stemming identical by construction.
 */
public final class FastSmartChineseAnalyzer extends Analyzer {
  private final CharArraySet stopWords;

  /** With smartcn's default stop set (punctuation), like {@code new SmartChineseAnalyzer()}. */
  public FastSmartChineseAnalyzer() {
    this(true);
  }

  /**
   * Like {@code new SmartChineseAnalyzer(useDefaultStopWords)}: without the default stop set,
   * punctuation stays in the token stream (as ",").
   */
  public FastSmartChineseAnalyzer(boolean useDefaultStopWords) {
    this(useDefaultStopWords ? getDefaultStopSet() : CharArraySet.EMPTY_SET);
  }

  /** Like {@code new SmartChineseAnalyzer(stopWords)}; null means none. */
  public FastSmartChineseAnalyzer(CharArraySet stopWords) {
    this.stopWords = stopWords == null ? CharArraySet.EMPTY_SET : stopWords;
  }

  /** smartcn's own default stop set, the very same unmodifiable instance. */
  public static CharArraySet getDefaultStopSet() {
    return SmartChineseAnalyzer.getDefaultStopSet();
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new FastSmartChineseTokenizer();
    // As stock: no LowerCaseFilter, the tokenizer already lower-cases Latin letters.
    TokenStream result = new PorterStemFilter(tokenizer);
    if (!stopWords.isEmpty()) {
      result = new StopFilter(result, stopWords);
    }
    return new TokenStreamComponents(tokenizer, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
