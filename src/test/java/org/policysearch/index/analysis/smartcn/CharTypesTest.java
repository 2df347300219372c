package org.policysearch.index.analysis.smartcn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.junit.jupiter.api.Test;

class CharTypesTest {
  @Test
  void everyCharHasTheStockClass() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      int expected = Utility.getCharType((char) c);
      if (expected != CharTypes.of((char) c)) {
        assertEquals(expected, CharTypes.of((char) c), "char U+" + Integer.toHexString(c));
      }
    }
  }

  @Test
  void constantsAreTheStockOnes() {
    assertEquals(CharType.DELIMITER, CharTypes.DELIMITER);
    assertEquals(CharType.LETTER, CharTypes.LETTER);
    assertEquals(CharType.DIGIT, CharTypes.DIGIT);
    assertEquals(CharType.HANZI, CharTypes.HANZI);
    assertEquals(CharType.SPACE_LIKE, CharTypes.SPACE_LIKE);
    assertEquals(CharType.FULLWIDTH_LETTER, CharTypes.FULLWIDTH_LETTER);
    assertEquals(CharType.FULLWIDTH_DIGIT, CharTypes.FULLWIDTH_DIGIT);
    assertEquals(CharType.OTHER, CharTypes.OTHER);
    assertEquals(CharType.SURROGATE, CharTypes.SURROGATE);
    assertEquals(Utility.MAX_FREQUENCE, SentenceSegmenter.MAX_FREQUENCY);
    assertEquals(WordType.SENTENCE_BEGIN, SentenceSegmenter.SENTENCE_BEGIN);
    assertEquals(WordType.SENTENCE_END, SentenceSegmenter.SENTENCE_END);
    assertEquals(WordType.CHINESE_WORD, SentenceSegmenter.CHINESE_WORD);
    assertEquals(WordType.STRING, SentenceSegmenter.STRING);
    assertEquals(WordType.NUMBER, SentenceSegmenter.NUMBER);
    assertEquals(WordType.DELIMITER, SentenceSegmenter.DELIMITER);
    assertEquals(WordType.FULLWIDTH_STRING, SentenceSegmenter.FULLWIDTH_STRING);
    assertEquals(WordType.FULLWIDTH_NUMBER, SentenceSegmenter.FULLWIDTH_NUMBER);
  }
}
