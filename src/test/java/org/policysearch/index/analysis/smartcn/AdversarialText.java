package org.policysearch.index.analysis.smartcn;

import java.util.List;
import java.util.Random;

/**
 * Seeded generator of text that stresses every branch of smartcn's segmenter: mixed scripts, ASCII
 * and full-width punctuation and digits and letters, every kind of space, words broken by spaces
 * ("教 育"), surrogate pairs and lone surrogates, NUL and other control chars, chars at the edges of
 * smartcn's character classes, and pieces of real policy text.
 */
final class AdversarialText {
  /** Pieces chosen for what they exercise; the generator glues them with random chars. */
  static final String[] FRAGMENTS = {
    "教 育", "义务 教育", "义务教育", "推动义务教育优质均衡发展", "人民满意的教育", "鄂州市", "教联体", "双减",
    "立德树人", "2023年", "２０２３年", "2023 年", "ＡＢＣ", "ａｂｃ", "abc", "ABC", "Ab", "COVID-19", "e-mail",
    "U.S.A.", "1.5%", "３．１４", "No.1", "ＧＤＰ增长", "5G网络", "iPhone", "running", "ponies", "caresses",
    "😀", "👩‍👩‍👧", "𠀀", "𪚥", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\u0000", "\u0001", "\u3000", "\r\n", "\n",
    "\r", "\t", " ", "  ", "\u0085", "\u2028", "\u2029", "\u00A0", "\u200B", "\uFEFF", "é", "Ж", "Ωμέγα", "한국어",
    "カタカナ", "ｶﾀｶﾅ", "\uFFFD", "〔2023〕", "《教育法》", "“双减”", "‘单引’", "「」『』", "……", "——", "·", "×",
    "°", "±", "¥", "\u00BB", "\u00BC", "\u2010", "\u2642", "\u2643", "\u3001", "\u301E", "\u301F", "\uFE30",
    "\uFF63", "\uFF64", "\u9FA5", "\u9FA6", "\u4DFF", "\u3400", "\u4E00", "，", "。", "；", "：", "！", "？", "、",
    "（", "）", ",", ".", ";", ":", "!", "?", "(", ")", "\"", "'", "-", "_", "@", "#", "%", "&", "*", "/", "\\",
    "ｗｗｗ．ｇｏｖ．ｃｎ", "www.gov.cn", "第1条", "第一条", "１２３abc４５６", "a1b2", "3a", "Ａ1ｂ２", "。。。", "!!",
    "?!", ". ", ".\n", "。\n", "Mr. Li", "3.14159", "未##串", "始##始", "对,", "十,", "余,", "恤金橘", "耪地幔"
  };

  private final Random random;
  private final List<String> realText;

  AdversarialText(long seed, List<String> realText) {
    this.random = new Random(seed);
    this.realText = realText;
  }

  /** A string of about {@code length} chars (surrogate pairs may stretch it by one). */
  String next(int length) {
    StringBuilder b = new StringBuilder(length + 16);
    while (b.length() < length) {
      int kind = random.nextInt(20);
      if (kind < 6) {
        b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      } else if (kind < 11 && !realText.isEmpty()) {
        b.append(mutate(realPiece(1 + random.nextInt(40))));
      } else if (kind < 14) {
        b.append((char) (CharTypes.HANZI_FIRST + random.nextInt(CharTypes.HANZI_LAST - CharTypes.HANZI_FIRST + 1)));
      } else if (kind < 16) {
        b.append((char) random.nextInt(0x80));
      } else if (kind < 18) {
        b.append((char) random.nextInt(0x10000)); // may be a lone surrogate
      } else if (kind < 19) {
        b.appendCodePoint(0x10000 + random.nextInt(0x100000));
      } else {
        b.append((char) (0xFF01 + random.nextInt(0x5E))); // full-width ASCII
      }
    }
    if (b.length() > length && random.nextBoolean()) b.setLength(length); // may split a pair
    return b.toString();
  }

  /** A piece of real policy text with ASCII and full-width forms swapped and spaces put in. */
  String mutate(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int r = random.nextInt(30);
      if (r == 0 && c >= 0x21 && c <= 0x7E) c = (char) (c + 0xFEE0);
      else if (r == 1 && c >= 0xFF01 && c <= 0xFF5E) c = (char) (c - 0xFEE0);
      else if (r == 2) b.append(' ');
      else if (r == 3) b.append('\u3000');
      b.append(c);
    }
    return b.toString();
  }

  String realPiece(int length) {
    String doc = realText.get(random.nextInt(realText.size()));
    if (doc.length() <= length) return doc;
    int from = random.nextInt(doc.length() - length);
    return doc.substring(from, from + length);
  }
}
