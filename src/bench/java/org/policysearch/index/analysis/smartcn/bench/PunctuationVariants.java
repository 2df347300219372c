package org.policysearch.index.analysis.smartcn.bench;

/**
 * The same text with Chinese punctuation written two ways. It matters for smartcn's speed: stock
 * smartcn's bigram lookups get stuck on some pairs ending in an ASCII char (docs/smartcn-hash-bug.md),
 * so ASCII-punctuated Chinese runs about half as fast as full-width-punctuated Chinese.
 */
public final class PunctuationVariants {
  private PunctuationVariants() {}

  /** Real text with all Chinese punctuation replaced by its ASCII look-alike (，→, 。→. ...). */
  public static String asciiPunctuation(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(
          switch (c) {
            case '，', '、' -> ',';
            case '。' -> '.';
            case '；' -> ';';
            case '：' -> ':';
            case '！' -> '!';
            case '？' -> '?';
            case '（' -> '(';
            case '）' -> ')';
            case '“', '”' -> '"';
            default -> c;
          });
    }
    return b.toString();
  }

  /** The converse: ASCII punctuation replaced by full-width punctuation. */
  public static String fullWidthPunctuation(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(
          switch (c) {
            case ',' -> '，';
            case '.' -> '。';
            case ';' -> '；';
            case ':' -> '：';
            case '!' -> '！';
            case '?' -> '？';
            case '(' -> '（';
            case ')' -> '）';
            default -> c;
          });
    }
    return b.toString();
  }
}
