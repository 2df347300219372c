package org.policysearch.index.analysis;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.policysearch.index.Fields;
import org.policysearch.index.analysis.smartcn.FastSmartChineseAnalyzer;
import org.policysearch.text.TextNormalizer;

/**
 * The one factory of analysis chains, used for indexing and for querying alike, so that both sides
 * always segment the same way.
 *
 * <ul>
 *   <li>words: normalisation, then smartcn (by default {@link FastSmartChineseAnalyzer}, token for token
 *       the stock {@link SmartChineseAnalyzer} with its default stop set, which drops punctuation but leaves
 *       a position gap so phrases do not run across ，。；). For ranking.
 *   <li>exact pairs / exact units: normalisation, then {@link ExactTokenizer}. For the exact guarantee.
 * </ul>
 */
public final class Analyzers {
  /** Recorded in the index; a change forces a rebuild. */
  public static final String VERSION = "norm" + TextNormalizer.VERSION + "-exact1-smartcn-"
      + org.apache.lucene.util.Version.LATEST;

  private final Analyzer words;
  private final Analyzer wordsOfNormalized;
  private final Analyzer exactPairs;
  private final Analyzer exactUnits;
  private final Analyzer perField;

  /** The default chain: the project's smartcn reimplementation (identical tokens, several times faster). */
  public Analyzers() {
    this(false);
  }

  /**
   * @param stockSmartcn analyse with Lucene's own SmartChineseAnalyzer instead of
   *                     {@link FastSmartChineseAnalyzer}; both give the same tokens (tested token for token),
   *                     so an index built with either serves the other and {@link #VERSION} is the same
   */
  public Analyzers(boolean stockSmartcn) {
    this.wordsOfNormalized = stockSmartcn ? new SmartChineseAnalyzer(true) : new FastSmartChineseAnalyzer(true);
    this.words = normalizing(wordsOfNormalized);
    this.exactPairs = exact(ExactTokenizer.Mode.PAIRS);
    this.exactUnits = exact(ExactTokenizer.Mode.UNITS);
    this.perField = new PerFieldAnalyzerWrapper(words, Map.of(
        Fields.BODY_PAIRS, exactPairs,
        Fields.BODY_UNITS, exactUnits,
        Fields.TITLE_PAIRS, exactPairs,
        Fields.TITLE_UNITS, exactUnits));
  }

  /** smartcn words, for ranking. */
  public Analyzer words() {
    return words;
  }

  /**
   * The words chain without its normalisation, for text that is normalised already (the indexer
   * normalises each paragraph once for all its fields; normalising is idempotent, so the tokens are
   * those of {@link #words()}).
   */
  public Analyzer wordsOfNormalized() {
    return wordsOfNormalized;
  }

  public Analyzer exactPairs() {
    return exactPairs;
  }

  public Analyzer exactUnits() {
    return exactUnits;
  }

  /** The analyzer of the IndexWriter: picks the chain by field name. */
  public Analyzer perField() {
    return perField;
  }

  private static Analyzer normalizing(Analyzer delegate) {
    return new AnalyzerWrapper(delegate.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return delegate;
      }

      @Override
      protected Reader wrapReader(String fieldName, Reader reader) {
        return new NormalizingCharFilter(reader);
      }
    };
  }

  private static Analyzer exact(ExactTokenizer.Mode mode) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new ExactTokenizer(mode));
      }

      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new NormalizingCharFilter(reader);
      }
    };
  }
}
