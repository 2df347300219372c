package org.policysearch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  private static String norm(String s) {
    return TextNormalizer.normalizeToString(s);
  }

  @Test
  void foldsFullWidthToHalfWidth() {
    assertEquals("2023年ABC,(1)", norm("２０２３年ＡＢＣ，（１）"));
  }

  @Test
  void convertsTraditionalToSimplified() {
    assertEquals("教育会议", norm("教育會議"));
  }

  @Test
  void removesQuotationAndTitleMarks() {
    assertEquals("落实双减政策", norm("落实“双减”政策"));
    assertEquals("学习贯彻教育法", norm("学习贯彻《教育法》"));
    assertEquals("国发〔2023〕5号", norm("国发〔2023〕5号")); // 〔〕 are not quotation marks
  }

  @Test
  void removesWhitespaceNextToChineseAndCollapsesTheRest() {
    assertEquals("2023年2月", norm("2023年 2月"));
    assertEquals("会议", norm("会\n议"));
    assertEquals("石珊", norm("石 珊"));
    assertEquals("machine learning", norm("  machine \t\n learning  "));
    assertEquals("COVID-19疫情", norm("COVID-19 疫情"));
    assertEquals("a b", norm("a “ b"));
  }

  @Test
  void keepsCaseAndOtherPunctuation() {
    assertEquals("Abc。;、", norm("Abc。;、")); // 。 and 、 are not full-width forms
  }

  @Test
  void offsetsMapBackToTheSource() {
    String src = "落实“双减”政策";
    NormalizedText n = TextNormalizer.normalize(src);
    int at = n.text().indexOf("双减");
    assertEquals("双减", src.substring(n.sourceStart(at), n.sourceEnd(at + 2)));
    String src2 = "教育 會議 ＡＢ";
    NormalizedText n2 = TextNormalizer.normalize(src2);
    assertEquals("教育会议AB", n2.text());
    assertEquals("會議", src2.substring(n2.sourceStart(2), n2.sourceEnd(4)));
  }

  @Test
  void survivesCharactersThatMapOutsideTheBmp() {
    // 噁 maps to U+2BAC7 in the ICU table: the output is longer than the input in UTF-16 units.
    String src = "开展一次二噁英监测";
    NormalizedText n = TextNormalizer.normalize(src);
    assertEquals(src.length() + 1, n.length());
    int at = n.text().indexOf("英");
    assertEquals("英", src.substring(n.sourceStart(at), n.sourceEnd(at + 1)));
    assertEquals("噁", src.substring(n.sourceStart(at - 2), n.sourceEnd(at)));
  }

  @Test
  void isIdempotent() {
    Random r = new Random(42);
    String alphabet = "教育會議“”《》 　\n\tＡa1２，,。x-";
    for (int t = 0; t < 2000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(20); i > 0; i--) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String once = norm(sb.toString());
      assertEquals(once, norm(once), () -> "input: " + sb);
    }
  }
}
