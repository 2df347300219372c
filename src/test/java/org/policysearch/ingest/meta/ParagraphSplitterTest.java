package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphSplitterTest {
  final ParagraphSplitter splitter = new ParagraphSplitter();

  @Test
  void headings() {
    for (String h : List.of("一、加强党对教育工作的全面领导", "(一)教育党建工作呈现新气象", "（二）教育教学质量实现新提升", "1.万个公办园学位扩充",
        "第一章  总则", "第三节 监督管理", "会议强调", "鄂州教育十大行动:", "一要抓好一个统领,大力加强党对教育工作的全面领导",
        "(一)校园疫情防控取得重要阶段性胜利。")) {
      assertTrue(ParagraphSplitter.isHeading(h), h);
    }
    for (String p : List.of("第一条 为了规范口岸开放，制定本条例。", "第三条 本市适用本条例。", "同志们:", "各位代表：",
        "(六)教师队伍建设展现新面貌。政策体系进一步完善。", "二〇二三年七月三日", "抓课堂教学主阵地,打牢思想基础;",
        "1.优质均衡有进展。继续巩固提高基础教育发展水平。2021—2022学年全县小学适龄儿童入学率达100%;", "1.5亿元用于改造。")) {
      assertFalse(ParagraphSplitter.isHeading(p), p);
    }
  }

  @Test
  void markdownMarkersAreStripped() {
    List<Block> b = splitter.split(List.of("# 上海口岸服务条例", "## 第一章  总则", "第一条 为了规范口岸开放，制定本条例。"));
    assertEquals("上海口岸服务条例", b.get(0).text());
    assertTrue(b.get(0).heading() && b.get(0).markdown());
    assertEquals(1, b.get(0).level());
    assertEquals("第一章  总则", b.get(1).text());
    assertEquals(2, b.get(1).level());
    assertFalse(b.get(2).heading());
  }

  @Test
  void overLongParagraphsAreSplitAtSentenceEnds() {
    String sentence = "要加强教师队伍建设，强化师德师风，完善教师培训体系，让每一位教师都能在岗位上成长成才。"; // 44 chars
    String para = sentence.repeat(50); // 2,200 chars
    List<Block> b = splitter.split(List.of(para));
    assertEquals(3, b.size());
    assertEquals(para, String.join("", b.stream().map(Block::text).toList()));
    for (Block x : b) {
      assertTrue(x.text().length() <= ParagraphSplitter.MAX_PARAGRAPH_CHARS);
      assertTrue(x.text().endsWith("。"));
    }
  }

  @Test
  void aSentenceLongerThanTheLimitIsCutAtCommasThenHard() {
    String s = "甲".repeat(700) + "，" + "乙".repeat(700) + "。";
    List<Block> b = splitter.split(List.of(s));
    assertEquals(2, b.size());
    assertEquals("甲".repeat(700) + "，", b.get(0).text());
    List<Block> hard = splitter.split(List.of("丙".repeat(2500)));
    assertEquals(List.of(1000, 1000, 500), hard.stream().map(x -> x.text().length()).toList());
  }
}
