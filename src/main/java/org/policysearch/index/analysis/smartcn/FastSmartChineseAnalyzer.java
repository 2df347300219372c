package org.policysearch.index.analysis.smartcn;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * A drop-in for {@link SmartChineseAnalyzer}: the same chain (tokenizer, Porter stemmer, stop filter
 * with smartcn's punctuation list) with the same output, over {@link FastSmartChineseTokenizer}. The
 * tokenizer stems (with the stock stemmer) and drops stop words itself, which saves two token
 * streams per token; {@link TrailingGapFilter} only completes the final position increment.
 */
public final class FastSmartChineseAnalyzer extends Analyzer {
  private final CharArraySet stopWords;
  private final StopTerms stopTerms;

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
    this.stopTerms = StopTerms.of(this.stopWords);
  }

  /** smartcn's own default stop set, the very same unmodifiable instance. */
  public static CharArraySet getDefaultStopSet() {
    return SmartChineseAnalyzer.getDefaultStopSet();
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // As stock: no LowerCaseFilter, the tokenizer already lower-cases Latin letters.
    FastSmartChineseTokenizer tokenizer =
        new FastSmartChineseTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, true, stopTerms);
    return new TokenStreamComponents(
        tokenizer, stopTerms == null ? tokenizer : new TrailingGapFilter(tokenizer));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
