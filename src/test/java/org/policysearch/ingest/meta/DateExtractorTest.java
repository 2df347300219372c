package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.DatedEvent;

class DateExtractorTest {
  final DateExtractor dates = new DateExtractor();
  final ParagraphSplitter splitter = new ParagraphSplitter();

  DateExtractor.Result extract(String title, Map<String, String> header, String... lines) {
    return dates.extract(title, "", header, splitter.split(List.of(lines)));
  }

  @Test
  void readsChineseNumeralsAndFullWidthDigits() {
    assertEquals(DateInfo.day(2023, 1, 15), DateMention.parse("二〇二三年一月十五日"));
    assertEquals(DateInfo.day(2023, 1, 15), DateMention.parse("二○二三年一月十五日"));
    assertEquals(DateInfo.day(2026, 1, 27), DateMention.parse("二〇二六年一月二十七日"));
    assertEquals(DateInfo.day(2023, 12, 31), DateMention.parse("2023年12月31日"));
    assertEquals(DateInfo.day(2023, 6, 16), DateMention.parse("２０２３－０６－１６"));
    assertEquals(DateInfo.day(2021, 3, 4), DateMention.parse("2021/3/4 21:08:46"));
    assertEquals(DateInfo.month(2023, 6), DateMention.parse("2023年6月"));
    assertEquals(DateInfo.year(2023), DateMention.parse("2023"));
    assertEquals(DateInfo.UNKNOWN, DateMention.parse("2023年2月30日")); // no such day: not a date
    assertEquals(DateInfo.UNKNOWN, DateMention.parse("1.14亿元"));
  }

  @Test
  void aHeaderFieldWins() {
    DateExtractor.Result r = extract("讲话", Map.of("时间", "2023-11-29 14:13:01"),
        "今天，我们召开2023年教育工作会议，部署今年工作。");
    assertEquals(DateInfo.day(2023, 11, 29), r.date());
    assertEquals(DateExtractor.Kind.HEADER, r.kind());
  }

  @Test
  void aMeetingDateWithoutYearTakesTheYearOfItsSentence() {
    DateExtractor.Result r = extract("会议召开", Map.of(),
        "2月12日上午,2023年全市教育工作会议召开,深入学习贯彻党的二十大精神。市政府副市长邱实出席会议并讲话。");
    assertEquals(DateInfo.day(2023, 2, 12), r.date());
    assertEquals(DateExtractor.Kind.MEETING, r.kind());
  }

  @Test
  void aMeetingDateWithoutAnyYearTakesTheTitleYear() {
    DateExtractor.Result r = extract("2022年全区教育工作会议", Map.of(), "3月5日，全区教育工作会议召开。");
    assertEquals(DateInfo.day(2022, 3, 5), r.date());
  }

  @Test
  void aWorkReportIsDatedByItsCongressLine() {
    DateExtractor.Result r = extract("2025年北京市政府工作报告", Map.of(),
        "2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。", "各位代表：",
        "现在，我代表北京市人民政府，向大会报告政府工作，请予审议。");
    assertEquals(DateInfo.day(2025, 1, 14), r.date());
    DateExtractor.Result cn = dates.extract("2026年甘肃省政府工作报告", "二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上",
        Map.of(), splitter.split(List.of("各位代表：")));
    assertEquals(DateInfo.day(2026, 1, 27), cn.date());
  }

  @Test
  void aRegulationIsDatedByItsLatestAmendmentNotItsEffectiveDate() {
    DateExtractor.Result r = extract("上海口岸服务条例", Map.of(), "# 上海口岸服务条例",
        "2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过",
        "2020年5月14日 上海市第十五届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》第一次修正",
        "2020年10月1日 施行", "## 第一章  总则", "第一条 为了规范口岸开放，制定本条例。");
    assertEquals(DateInfo.day(2020, 5, 14), r.date());
    assertEquals(DateExtractor.Kind.PROMULGATION, r.kind());
  }

  @Test
  void anAmendmentRunIntoTheSameLineCounts() {
    DateExtractor.Result r = extract("河南省反不正当竞争条例", Map.of(),
        "1997年5月23日 河南省第八届人民代表大会常务委员会第二十六次会议《关于修改〈河南省反不正当竞争条例〉的决定》第一次修正"
            + "根据2010年7月30日河南省第十一届人民代表大会常务委员会第十六次会议《关于修改部分地方性法规的决定》第二次修正",
        "第一条 为了保障社会主义市场经济健康发展，制定本条例。");
    assertEquals(DateInfo.day(2010, 7, 30), r.date());
  }

  @Test
  void theEffectiveDateIsUsedWhenNothingSaysWhenItWasAdopted() {
    DateExtractor.Result r = extract("某解释", Map.of(), "第一条 为依法惩治犯罪，制定本解释。", "第十条 本解释自2017年7月1日起施行。");
    assertEquals(DateInfo.day(2017, 7, 1), r.date());
    assertEquals(DateExtractor.Kind.EFFECTIVE, r.kind());
  }

  @Test
  void aNoticeIsDatedByTheDateLineThatSignsIt() {
    DateExtractor.Result r = extract("关于做好暑期安全工作的通知", Map.of(), "各县（市、区）教育局：",
        "为做好暑期学生安全工作，现将有关事项通知如下。", "某某市教育局", "二〇二三年七月三日");
    assertEquals(DateInfo.day(2023, 7, 3), r.date());
  }

  @Test
  void plannedYearsAreNeverTheDocumentYear() {
    DateExtractor.Result r = extract("关于加快建设教育强市的意见", Map.of(),
        "到2035年，建成教育强市。力争2025年底前实现全覆盖。", "“十四五”（2021—2025年）期间，要巩固已有成绩。", "2023年9月6日");
    assertEquals(DateInfo.day(2023, 9, 6), r.date()); // the date line at the end, never 2035 or 2025
  }

  @Test
  void aLicenceFooterWithAYearIsNoDate() {
    // A Wikisource page: the report, then the licence notice pasted below it.
    DateExtractor.Result r = extract("北京共产主义组织的报告 (一大)", Map.of(), "同志们，北京共产主义组织仅仅是在十个月以前才产生的。",
        "在报告之前，我尽量简略地向你们叙述一下北京社会生活的情况。",
        "本作品在全世界都属于公有领域，因为作者逝世已经超过100年，并且于1900年1月1日之前出版。", "Public domain");
    assertEquals(DateInfo.UNKNOWN, r.date());
    assertEquals(null, r.kind());
  }

  @Test
  void theYearsOfTheFactsAreNotTheDateOfTheWriteUp() {
    DateExtractor.Result r = extract("张某诉某公司劳动争议案", Map.of(),
        "基本案情", "2016年3月，张某入职某公司，双方签订了为期三年的劳动合同。2018年5月，公司以经营困难为由解除合同。",
        // Facts that look like a regulation's header lines: a date, then 印发 or 施行 further on.
        "2013年11月，张某将补偿协议交给公司，协议约定自2015年2月9日起施行。",
        "另查，2004年12月2日国家发展改革委印发的《管理暂行办法》规定了收费标准。",
        "裁判结果", "法院判决公司支付经济补偿金。");
    assertEquals(DateInfo.UNKNOWN, r.date());
  }

  @Test
  void aSpeechWithAMeetingLineKeepsItsDateEvenBefore1949() {
    DateExtractor.Result r = extract("论联合政府", Map.of(), "——一九四五年四月二十四日在中国共产党第七次全国代表大会上的政治报告",
        "同志们！", "我们的大会是在下列的情况之下召开的。");
    assertEquals(DateInfo.day(1945, 4, 24), r.date());
    assertEquals(DateExtractor.Kind.MEETING, r.kind());
  }

  @Test
  void aTitleYearBefore1949OrInTheFutureIsNotTakenWithoutALineThatStatesIt() {
    DateExtractor extractor = new DateExtractor(java.time.LocalDate.of(2026, 6, 1));
    assertEquals(DateInfo.UNKNOWN, extractor.extract("1931年苏区工作报告", "", Map.of(),
        splitter.split(List.of("同志们，要把工作做好。"))).date());
    assertEquals(DateInfo.UNKNOWN, extractor.extract("2031年教育工作要点", "", Map.of(),
        splitter.split(List.of("同志们，要把工作做好。"))).date());
    assertEquals(DateInfo.year(2026), extractor.extract("2026年教育工作要点", "", Map.of(),
        splitter.split(List.of("同志们，要把工作做好。"))).date());
  }

  @Test
  void theTitleYearComesBeforeMentionsInTheBody() {
    DateExtractor.Result r = extract("2023年度教育局工作会议上讲话", Map.of(), "2022年，全县教育系统取得新成绩。");
    assertEquals(DateInfo.year(2023), r.date());
    assertEquals(DateExtractor.Kind.TITLE_YEAR, r.kind());
  }

  @Test
  void aReportOnLastYearIsFromTheYearAfter() {
    DateExtractor.Result r = extract("各位代表", Map.of(), "各位代表：", "现在，我代表国务院，向大会报告政府工作。", "一、2024年工作回顾",
        "过去一年，我国发展历程很不平凡。");
    assertEquals(DateInfo.year(2025), r.date());
    assertEquals(DateExtractor.Kind.REVIEW_YEAR, r.kind());
  }

  @Test
  void noDateAtAll() {
    assertEquals(DateInfo.UNKNOWN, extract("标题", Map.of(), "同志们，要把工作做好。").date());
  }

  @Test
  void yearsInEveryWrittenFormOfChineseNumerals() {
    assertEquals(DateInfo.year(1998), DateMention.parse("一九九八年"));
    assertEquals(DateInfo.day(2003, 3, 5), DateMention.parse("二〇〇三年三月五日")); // U+3007
    assertEquals(DateInfo.day(2003, 3, 5), DateMention.parse("二OO三年三月五日")); // Latin letter O
    assertEquals(DateInfo.day(2003, 3, 5), DateMention.parse("二oo三年三月五日")); // lower-case o
    assertEquals(DateInfo.day(2003, 3, 5), DateMention.parse("二ＯＯ三年三月五日")); // full-width O
    assertEquals(DateInfo.day(2003, 3, 5), DateMention.parse("二00三年三月五日")); // ASCII zeros among Chinese digits
    assertEquals(DateInfo.day(2003, 3, 5), DateMention.parse("二零零三年三月五日"));
    assertEquals(DateInfo.month(2003, 12), DateMention.parse("两千零三年十二月"));
    assertEquals(DateInfo.year(2015), DateMention.parse("二千零一十五年"));
    assertEquals(DateInfo.year(1998), DateMention.parse("一千九百九十八年"));
    assertEquals(DateInfo.day(2015, 10, 31), DateMention.parse("二○一五年十月三十一日")); // U+25CB
    assertEquals(DateInfo.day(2015, 1, 27), DateMention.parse("2O15年1月27日")); // a letter O among ASCII digits
    // Not years: 二十三年 (twenty-three years), a word that starts with O, a number of three digits.
    assertEquals(DateInfo.UNKNOWN, DateMention.parse("二十三年来"));
    assertEquals(DateInfo.UNKNOWN, DateMention.parse("OO三年"));
    assertEquals(DateInfo.UNKNOWN, DateMention.parse("二〇三年"));
  }

  @Test
  void numeralsAreFoldedOneCharForOneSoPositionsStay() {
    assertEquals("2003年三月, 1998年", ChineseNumerals.foldYearDigits("二OO三年三月, 一九九八年"));
    assertEquals("OECD 2003", ChineseNumerals.foldYearDigits("OECD ２００３"));
    assertEquals(2003, ChineseNumerals.value("两千零三"));
    assertEquals(27, ChineseNumerals.value("二十七"));
    assertEquals(null, ChineseNumerals.value("二三"));
  }

  @Test
  void aWorkReportIsDatedByTheYearDeliveredNotTheYearReviewed() {
    // The delivery line gives year and month only.
    DateExtractor.Result r = dates.extract("政府工作报告", "2008年1月在河北省第十一届人民代表大会第一次会议上", Map.of(),
        splitter.split(List.of("各位代表：", "一、2007年工作回顾", "2007年，全省经济平稳较快发展。")), "政府工作报告");
    assertEquals(DateInfo.month(2008, 1), r.date());
    assertEquals(List.of(new DatedEvent(DatedEvent.Kind.DELIVERED, DateInfo.month(2008, 1), "2008年1月在河北省第十一届人民代表大会第一次会议上")),
        r.events());
    // The title's year, though a body sentence near the top dates a meeting of the year reviewed.
    DateExtractor.Result county = dates.extract("安新县2024年政府工作报告", "", Map.of(), splitter.split(List.of(
        "各位代表：", "2023年3月5日，县委召开全县经济工作会议，部署全年工作。", "一、2023年工作回顾", "2023年，全县生产总值增长6%。")),
        "政府工作报告");
    assertEquals(DateInfo.year(2024), county.date());
    assertEquals(DateExtractor.Kind.TITLE_YEAR, county.kind());
    // No year in the title, no delivery line: the year after the one reviewed.
    DateExtractor.Result reviewed = dates.extract("政府工作报告", "", Map.of(), splitter.split(List.of(
        "各位代表：", "一、二〇二三年工作回顾", "过去一年，我们坚持稳中求进。")), "政府工作报告");
    assertEquals(DateInfo.year(2024), reviewed.date());
    // A page posted in the same year makes the year of the title precise; one posted later does not change it.
    DateExtractor.Result posted = dates.extract("在2023年全县教育工作会议上的讲话", "", Map.of("发布时间", "2023-03-02"),
        splitter.split(List.of("同志们：")), "讲话");
    assertEquals(DateInfo.day(2023, 3, 2), posted.date());
    DateExtractor.Result later = dates.extract("在2023年全县教育工作会议上的讲话", "", Map.of("发布时间", "2024-01-05"),
        splitter.split(List.of("同志们：")), "讲话");
    assertEquals(DateInfo.year(2023), later.date());
    assertEquals(List.of(new DatedEvent(DatedEvent.Kind.PUBLISHED, DateInfo.day(2024, 1, 5), "发布时间: 2024-01-05"),
        new DatedEvent(DatedEvent.Kind.DELIVERED, DateInfo.year(2023), "在2023年全县教育工作会议上的讲话")), later.events());
  }

  @Test
  void everyDatedEventOfARegulationWithItsKind() {
    DateExtractor.Result r = dates.extract("福州市城市绿化条例", "", Map.of(), splitter.split(List.of("福州市城市绿化条例",
        "（2003年8月28日福州市第十二届人民代表大会常务委员会第六次会议通过 2003年9月26日福建省第十届人民代表大会常务委员会第五次会议批准"
            + " 2003年10月15日福州市人民代表大会常务委员会公告第7号公布 自2004年1月1日起施行 根据2016年6月30日福州市第十五届人民代表大会"
            + "常务委员会第三十八次会议《关于修改部分地方性法规的决定》修正）",
        "第一条 为了促进城市绿化事业的发展，制定本条例。", "第五十条 本条例自2004年1月1日起施行。1995年发布的《福州市城市绿化管理办法》同时废止。")),
        "法规");
    String line = r.events().get(0).evidence();
    assertEquals(List.of(
        new DatedEvent(DatedEvent.Kind.ADOPTED, DateInfo.day(2003, 8, 28), line),
        new DatedEvent(DatedEvent.Kind.APPROVED, DateInfo.day(2003, 9, 26), line),
        new DatedEvent(DatedEvent.Kind.PUBLISHED, DateInfo.day(2003, 10, 15), line),
        new DatedEvent(DatedEvent.Kind.EFFECTIVE, DateInfo.day(2004, 1, 1), line),
        new DatedEvent(DatedEvent.Kind.AMENDED, DateInfo.day(2016, 6, 30), line)), r.events());
    // The version in the file: its latest amendment, not the date it first took effect.
    assertEquals(DateInfo.day(2016, 6, 30), r.date());
  }
}
