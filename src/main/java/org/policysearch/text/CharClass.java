package org.policysearch.text;

/**
 * Character classes shared by normalisation, the exact-match tokenizer and the brute-force oracle in
 * the tests, so that all three agree on what a "Chinese character" and a "run of letters or digits" are.
 */
public final class CharClass {
  private CharClass() {}

  /**
   * Characters of East Asian scripts that are written without spaces: Han, kana, Hangul, Bopomofo,
   * plus CJK symbols and punctuation (U+3000..U+303F) and the remaining full-width forms. Whitespace
   * next to one of these is an artefact of layout (PDF extraction, scraped pages) and is removed.
   */
  public static boolean isCjk(int cp) {
    if (cp < 0x2E80) return false; // fast path: everything below CJK radicals (Latin, digits, ASCII punctuation)
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)) {
      return true; // fast path: the common Han block and CJK/full-width punctuation
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL
        || s == Character.UnicodeScript.BOPOMOFO;
  }

  /**
   * Letters and digits of alphabetic scripts (Latin, Greek, Cyrillic, Arabic digits, ...). A run of
   * them is one unit for exact matching: "2023年" finds 2023年 but "023" need not.
   */
  public static boolean isAlnum(int cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return Character.isLetterOrDigit(cp) && !isCjk(cp);
  }

  public static boolean isWhitespace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0xFEFF;
  }
}
