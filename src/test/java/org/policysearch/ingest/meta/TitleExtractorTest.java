package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitleExtractorTest {
  TitleExtractor.Result extract(String... lines) {
    return new TitleExtractor().extract(new ParagraphSplitter().split(List.of(lines)));
  }

  @Test
  void aSloganAboveADashSubtitle() {
    TitleExtractor.Result r = extract("在2021年全市教育系统工作会议上的讲话", "【提纲】(一)校园疫情防控取得重要阶段性胜利。",
        "共建共享幸福教育奋力开启X教育现代化新征程", "——在2021年全市教育系统工作会议上的讲话", "今天我们召开会议。");
    assertEquals("共建共享幸福教育奋力开启X教育现代化新征程", r.title());
    assertEquals("在2021年全市教育系统工作会议上的讲话", r.subtitle());
    assertEquals(2, r.titleBlock());
    assertEquals(3, r.subtitleBlock());
  }

  @Test
  void aWorkReportWithItsCongressLine() {
    TitleExtractor.Result r = extract("2026年上海市政府工作报告", "——2026年2月3日在上海市第十六届人民代表大会第四次会议上", "各位代表：");
    assertEquals("2026年上海市政府工作报告", r.title());
    assertEquals("2026年2月3日在上海市第十六届人民代表大会第四次会议上", r.subtitle());
    TitleExtractor.Result paren = extract("政府工作报告", "（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）", "各位代表：");
    assertEquals("2026年1月27日在贵州省第十四届人民代表大会第四次会议上", paren.subtitle());
  }

  @Test
  void markdownHeadings() {
    assertEquals("上海口岸服务条例", extract("# 上海口岸服务条例", "2011年11月17日 通过").title());
    TitleExtractor.Result code = extract("# 中华人民共和国民法典", "# 人格权编", "2020年5月28日 通过");
    assertEquals("中华人民共和国民法典", code.title());
    assertEquals("人格权编", code.subtitle());
  }

  @Test
  void aNewsReportWithoutTitleLineIsNamedByItsMeetingClause() {
    assertEquals("2023年全市教育工作会议召开",
        extract("2月12日上午,2023年全市教育工作会议召开,深入学习贯彻党的二十大精神。市政府副市长邱实出席会议并讲话。").title());
    assertEquals("潼南区召开2023年开学暨“五心强校”党建工作推进会",
        extract("2月2日,潼南区召开2023年开学暨“五心强校”党建工作推进会。区委常委出席会议。").title());
  }

  @Test
  void otherwiseTheFirstSentenceCutAtAClause() {
    TitleExtractor.Result r = extract("各位代表：", "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员和其他列席人员提出意见。");
    assertEquals("现在，我代表国务院，向大会报告政府工作，请予审议", r.title());
    assertEquals(-1, r.titleBlock());
  }
}
