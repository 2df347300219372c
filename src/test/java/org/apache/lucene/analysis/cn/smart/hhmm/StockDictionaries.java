package org.apache.lucene.analysis.cn.smart.hhmm;

/**
 * Test-only window onto smartcn's package-private dictionaries, so that our tests can compare each
 * lookup of {@code org.policysearch.index.analysis.smartcn.SmartcnDictionaries} with the stock one.
 * It lives in smartcn's package (the jar is not sealed), calls only stock methods, and reflects
 * into nothing.
 */
public final class StockDictionaries {
  private StockDictionaries() {}

  /** {@code WordDictionary.getFrequency}: frequency of a word, 0 when absent. */
  public static int wordFrequency(char[] word) {
    return WordDictionary.getInstance().getFrequency(word);
  }

  /** {@code WordDictionary.getPrefixMatch}: first row item with this prefix, -1 when none. */
  public static int prefixMatch(char[] prefix, int knownStart) {
    return WordDictionary.getInstance().getPrefixMatch(prefix, knownStart);
  }

  /** {@code WordDictionary.isEqual}: whether row item {@code itemIndex} is exactly this word. */
  public static boolean isEqual(char[] word, int itemIndex) {
    return WordDictionary.getInstance().isEqual(word, itemIndex);
  }

  /** {@code BigramDictionary.getFrequency} of a key {@code word1 + '@' + word2}. */
  public static int bigramFrequency(char[] key) {
    return BigramDictionary.getInstance().getFrequency(key);
  }

  /** {@code AbstractDictionary.hash1(char[])}. */
  public static long hash1(char[] chars) {
    return BigramDictionary.getInstance().hash1(chars);
  }

  /** {@code AbstractDictionary.hash2(char[])}. */
  public static int hash2(char[] chars) {
    return BigramDictionary.getInstance().hash2(chars);
  }

  /** {@code AbstractDictionary.hash1(char)}. */
  public static long hash1(char c) {
    return BigramDictionary.getInstance().hash1(c);
  }

  /** {@code AbstractDictionary.hash2(char)}. */
  public static int hash2(char c) {
    return BigramDictionary.getInstance().hash2(c);
  }
}
