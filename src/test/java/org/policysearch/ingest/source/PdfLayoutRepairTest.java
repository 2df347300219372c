package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PdfLayoutRepairTest {
  @Test
  void spacesInsideChineseGoAndSpacesBetweenLatinWordsStay() {
    assertEquals("2023年2月", PdfLayoutRepair.fixSpaces("2023年 2月"));
    assertEquals("会议", PdfLayoutRepair.fixSpaces("会 议"));
    assertEquals("第3条", PdfLayoutRepair.fixSpaces("第 3 条"));
    assertEquals("会议指出，要求", PdfLayoutRepair.fixSpaces("会议指出 ，  要求"));
    assertEquals("2023年2月12日", PdfLayoutRepair.fixSpaces("2023 年 2 月 12 日"));
    assertEquals("WTO 规则", PdfLayoutRepair.fixSpaces("WTO 规则"), "Chinese next to a Latin word: left as written");
    assertEquals("Hello world 12 34", PdfLayoutRepair.fixSpaces("Hello  world 12 34"));
    assertEquals("一、\u3000总体要求", PdfLayoutRepair.fixSpaces("一、\u3000总体要求"), "an ideographic space is typed on purpose");
  }

  @Test
  void wrappedLinesJoinAndParagraphsEndAtSentenceEndsShortLinesAndItems() {
    String extracted = String.join("\n",
        "为深入贯彻落实党的二十大精神，全面推进教育强市建设，市政府于2023年 2月12日召开会",
        "议。会议强调，要坚持立德树人根本任务，推动义务教育优质均衡发展，加快建设高质",
        "量教育体系。",
        "二、主要任务",
        "（一）推进学前教育普及普惠发展，扩大普惠性资源供给，提高保教质量，促进幼小",
        "科学衔接。",
        "— 2 —",
        "（二）推动义务教育优质均衡发展，加快城镇学校扩容增位，办好乡村小规模学校，",
        "第 3 页 共 5 页",
        "全面落实“双减”工作要求。",
        "各地要结合实际抓好落实",
        "附件：重点任务分工表");
    assertEquals(String.join("\n",
        "为深入贯彻落实党的二十大精神，全面推进教育强市建设，市政府于2023年2月12日召开会议。会议强调，要坚持立德树人根本任务，推动义务教育优质均衡发展，加快建设高质量教育体系。",
        "二、主要任务",
        "（一）推进学前教育普及普惠发展，扩大普惠性资源供给，提高保教质量，促进幼小科学衔接。",
        "（二）推动义务教育优质均衡发展，加快城镇学校扩容增位，办好乡村小规模学校，全面落实“双减”工作要求。",
        "各地要结合实际抓好落实",
        "附件：重点任务分工表"), PdfLayoutRepair.repair(extracted));
  }

  @Test
  void aBlankLineAlwaysBreaksAndAShortLineEndsAParagraph() {
    String extracted = String.join("\n",
        "关于做好2023年春季学期开学工作的通知",
        "各镇街中心学校，区属各学校",
        "为切实做好2023年春季学期开学工作，确保师生平安返校，现将有关事项通知如下",
        "",
        "为切实做好2023年春季学期开学工作，确保师生平安返校，现将有关事项通知如下");
    assertEquals(List.of(
        "关于做好2023年春季学期开学工作的通知",
        "各镇街中心学校，区属各学校",
        "为切实做好2023年春季学期开学工作，确保师生平安返校，现将有关事项通知如下",
        "为切实做好2023年春季学期开学工作，确保师生平安返校，现将有关事项通知如下"),
        List.of(PdfLayoutRepair.repair(extracted).split("\n")));
  }

  @Test
  void latinTextWrappedByTheLayoutRejoinsWithSpaces() {
    String extracted = String.join("\n",
        "The State Council published the plan on 12 February, setting out the main",
        "tasks for compulsory education and the measures that local governments are",
        "expected to take.",
        "Short heading",
        "A second paragraph starts here and it is long enough to fill the whole line",
        "too.");
    assertEquals(String.join("\n",
        "The State Council published the plan on 12 February, setting out the main tasks for compulsory education"
            + " and the measures that local governments are expected to take.",
        "Short heading",
        "A second paragraph starts here and it is long enough to fill the whole line too."),
        PdfLayoutRepair.repair(extracted));
  }

  @Test
  void geometryTellsIndentedParagraphStartsAndPageNumbersAtPageEdges() {
    // em = 12; text from x=72 to x=432 (30 characters); paragraphs indented by two characters.
    List<PdfLayoutRepair.Line> lines = List.of(
        new PdfLayoutRepair.Line("一是优化学校布局，新建改扩建中小学校十所，新增学位", 96, 432, 12, 1, true, false),
        new PdfLayoutRepair.Line("六千个", 72, 108, 12, 1, false, false),
        new PdfLayoutRepair.Line("二是加强教师队伍建设，全年招聘教师三百名，培训校长", 96, 432, 12, 1, false, false),
        new PdfLayoutRepair.Line("12", 240, 264, 12, 1, false, true),
        new PdfLayoutRepair.Line("和骨干教师两千人次，教师队伍结构持续优化，教育质量", 72, 432, 12, 2, true, false),
        new PdfLayoutRepair.Line("稳步提升", 72, 120, 12, 2, false, true));
    assertEquals("一是优化学校布局，新建改扩建中小学校十所，新增学位六千个\n"
        + "二是加强教师队伍建设，全年招聘教师三百名，培训校长和骨干教师两千人次，教师队伍结构持续优化，教育质量稳步提升",
        PdfLayoutRepair.repair(lines));
  }

  @Test
  void sentenceEndsLookPastClosingQuotes() {
    assertTrue(PdfLayoutRepair.endsSentence("他说：“要办好人民满意的教育。”"));
    assertTrue(PdfLayoutRepair.endsSentence("现将有关事项通知如下："));
    assertFalse(PdfLayoutRepair.endsSentence("推动义务教育优质均衡"));
  }

  @Test
  void nothingInNothingOut() {
    assertEquals("", PdfLayoutRepair.repair(""));
    assertEquals("", PdfLayoutRepair.repair("\n \n"));
  }
}
