package org.policysearch.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 章/节/条/款/项 read from paragraphs, cited as lawyers cite them, never renumbered. */
class ArticlesTest {
  static List<Paragraph> located(String... texts) {
    List<Paragraph> ps = new ArrayList<>();
    for (String t : texts) ps.add(new Paragraph(ps.size() + 1, t, false, List.of()));
    return Articles.locate(ps);
  }

  static List<String> cites(List<Paragraph> ps) {
    return ps.stream().map(p -> p.article().cite()).toList();
  }

  static final List<Paragraph> REGULATION = located(
      "上海市产品质量条例",
      "第一章　总则",
      "第一条 为了明确产品质量责任，制定本条例。",
      "第二条 在本市行政区域内从事产品生产、销售活动，应当遵守本条例。",
      "本条例所称产品是指经过加工、制作，用于销售的产品。",
      "建设工程不适用本条例规定。",
      "第二章　生产者、销售者的责任和义务",
      "第一节　生产者",
      "第七条 生产者应当对其生产的产品质量负责。",
      "产品质量应当符合下列要求：",
      "（一）不存在危及人身、财产安全的不合理的危险；",
      "（二）具备产品应当具备的使用性能；",
      "生产者提供的赠品，应当符合本条第二款规定。",
      "第八条 企业应当制定企业标准。");

  @Test
  void paragraphsKnowTheirArticleClauseAndItem() {
    assertEquals(List.of("", "", "第一条", "第二条第一款", "第二条第二款", "第二条第三款", "", "",
        "第七条第一款", "第七条第二款", "第七条第二款第一项", "第七条第二款第二项", "第七条第三款", "第八条"), cites(REGULATION));
    ArticlePosition item = REGULATION.get(10).article();
    assertEquals("第二章", item.chapter());
    assertEquals("第一节", item.section());
    assertEquals(7, item.number());
    assertEquals("（一）", item.item());
    assertEquals("第一章", REGULATION.get(2).article().chapter());
    assertEquals(ArticlePosition.NONE, REGULATION.get(0).article()); // the title, before any chapter
  }

  @Test
  void theTableOfContentsListsChaptersSectionsAndArticlesWithTheirParagraphs() {
    List<String> toc = Articles.contents(REGULATION).stream().map(e -> e.level() + " " + e.label() + " ¶" + e.paragraph()).toList();
    assertEquals(List.of("chapter 第一章　总则 ¶2", "article 第一条 ¶3", "article 第二条 ¶4",
        "chapter 第二章　生产者、销售者的责任和义务 ¶7", "section 第一节　生产者 ¶8", "article 第七条 ¶9", "article 第八条 ¶14"), toc);
  }

  @Test
  void articleNumbersInEveryHandUpToTheThousands() {
    assertEquals(12, Articles.number("十二"));
    assertEquals(10, Articles.number("十"));
    assertEquals(105, Articles.number("一百零五"));
    assertEquals(110, Articles.number("一百一十"));
    assertEquals(1260, Articles.number("一千二百六十"));
    assertEquals(1005, Articles.number("一千零五"));
    assertEquals(200, Articles.number("两百"));
    assertEquals(12, Articles.number("12"));
    assertEquals(null, Articles.number("十百"));
    assertEquals(null, Articles.number("一二"));
    for (int n : new int[] {1, 2, 10, 11, 12, 20, 99, 100, 105, 110, 999, 1000, 1005, 1260}) {
      assertEquals(n, Articles.number(Articles.chinese(n)), Articles.chinese(n));
    }
    assertEquals("一千二百六十", Articles.chinese(1260));
    assertEquals("十二", Articles.chinese(12));
  }

  @Test
  void skippedAndRepeatedNumbersAreShownAsWrittenNeverRenumbered() {
    List<Paragraph> ps = located("第一条 总则。", "第三条 跳过了第二条。", "第三条 又一个第三条。", "第一千二百六十条 最后一条。",
        "第二十条之一 插入的条文。");
    assertEquals(List.of("第一条", "第三条", "第三条", "第一千二百六十条", "第二十条之一"), cites(ps));
    assertEquals(1260, ps.get(3).article().number());
    assertEquals(2, Articles.find(ps, "3").orElseThrow().number());       // paragraph 2: the first 第三条, as written
    assertEquals(2, Articles.find(ps, "第三条").orElseThrow().number());
    assertTrue(Articles.find(ps, "2").isEmpty());                          // skipped: not invented
    assertEquals(4, Articles.find(ps, "一千二百六十").orElseThrow().number());
    assertEquals(5, Articles.find(ps, "第二十条之一").orElseThrow().number());
    assertTrue(Articles.find(ps, "20").isEmpty());                          // 第二十条之一 is not 第二十条
    assertThrows(IllegalArgumentException.class, () -> Articles.find(ps, "第三款"));
    assertThrows(IllegalArgumentException.class, () -> Articles.find(ps, "0"));
    assertThrows(IllegalArgumentException.class, () -> Articles.find(ps, "abc"));
  }

  @Test
  void aSpeechThatOnceSaysFirstArticleIsNotBuiltOfArticles() {
    List<Paragraph> ps = located("同志们：", "第一条，要坚持党的领导。", "会议强调，要抓好落实。");
    assertEquals(List.of("", "", ""), cites(ps));
    assertTrue(Articles.contents(ps).isEmpty());
  }

  @Test
  void anArticleLabelAloneOnItsLineTakesTheNextParagraphAsItsText() {
    List<Paragraph> ps = located("第一条", "为了规范管理，制定本办法。", "第二条", "本办法适用于本市。", "前款所称本市，包括所辖区县。");
    assertEquals(List.of("第一条", "第一条", "第二条第一款", "第二条第一款", "第二条第二款"), cites(ps));
  }
}
