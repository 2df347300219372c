package org.policysearch.index.analysis.smartcn;

/**
 * smartcn's character classes ({@code org.apache.lucene.analysis.cn.smart.CharType} and {@code
 * Utility.getCharType}), reproduced as one table lookup per char. The ranges are copied from the
 * stock method, odd ones included (0x21..0xBB are all "delimiters", letters with accents too), because
 * identical tokens need identical classes; {@code CharTypesTest} compares all 65,536 chars.
 */
final class CharTypes {
  private CharTypes() {}

  static final byte DELIMITER = 0;
  static final byte LETTER = 1;
  static final byte DIGIT = 2;
  static final byte HANZI = 3;
  static final byte SPACE_LIKE = 4;
  static final byte FULLWIDTH_LETTER = 5;
  static final byte FULLWIDTH_DIGIT = 6;
  static final byte OTHER = 7;
  static final byte SURROGATE = 8;

  /** First and last char that smartcn treats as a Chinese character (most of CJK Unified Ideographs). */
  static final char HANZI_FIRST = '\u4E00';

  static final char HANZI_LAST = '\u9FA5';

  private static final byte[] TABLE = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      TABLE[c] = compute((char) c);
    }
  }

  static byte of(char ch) {
    return TABLE[ch];
  }

  /** The stock decision procedure, in the stock order (the order matters where ranges overlap). */
  static byte compute(char ch) {
    if (Character.isSurrogate(ch)) return SURROGATE;
    if (ch >= HANZI_FIRST && ch <= HANZI_LAST) return HANZI;
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) return LETTER;
    if (ch >= '0' && ch <= '9') return DIGIT;
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\u3000') return SPACE_LIKE;
    if ((ch >= 0x0021 && ch <= 0x00BB)
        || (ch >= 0x2010 && ch <= 0x2642)
        || (ch >= 0x3001 && ch <= 0x301E)) return DELIMITER;
    if ((ch >= 0xFF21 && ch <= 0xFF3A) || (ch >= 0xFF41 && ch <= 0xFF5A)) return FULLWIDTH_LETTER;
    if (ch >= 0xFF10 && ch <= 0xFF19) return FULLWIDTH_DIGIT;
    if (ch >= 0xFE30 && ch <= 0xFF63) return DELIMITER;
    return OTHER;
  }
}
