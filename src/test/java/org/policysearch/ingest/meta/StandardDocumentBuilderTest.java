package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.DatedEvent;
import org.policysearch.doc.Evidence;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;

class StandardDocumentBuilderTest {
  static StandardDocumentBuilder builder;

  static final String LAW = String.join("\n", "# 上海口岸服务条例", "",
      "2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过", "",
      "2020年5月14日 上海市第十五届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》第一次修正", "",
      "## 第一章  总则", "", "第一条 为了规范口岸开放，提高口岸通关效率，根据国家有关法律、行政法规的规定，结合本市实际，制定本条例。", "",
      "第二条 本条例所称的口岸，是指供人员、货物、物品和交通工具直接出入国（关、边）境的港口、机场、车站等。", "",
      "第三条 本市口岸开放、通关服务优化、口岸环境保障等工作，适用本条例。");

  @BeforeAll
  static void load() {
    builder = StandardDocumentBuilder.load();
  }

  static PolicyDocument build(String text, GivenMetadata given) throws IngestException {
    return builder.build(new RawDocument("laws/shanghai.md", 0, text, "UTF-8", given, "abc"));
  }

  static Evidence evidence(PolicyDocument d, String field) {
    return d.evidence().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow();
  }

  @Test
  void aLocalRegulation() throws Exception {
    PolicyDocument d = build(LAW, GivenMetadata.EMPTY);
    assertEquals("上海口岸服务条例", d.title());
    assertEquals(DateInfo.day(2020, 5, 14), d.date());
    assertEquals("上海市", d.region().path());
    assertEquals("法规", d.type());
    assertEquals("上海市人民代表大会常务委员会", d.issuer());
    assertEquals(List.of(1, 4), d.paragraphs().stream().filter(p -> p.heading()).map(p -> p.number()).toList());
    assertEquals("第一章  总则", d.paragraphs().get(3).text());
    assertEquals(7, d.paragraphs().size());
    // Every dated event, with its kind and the line that states it; the date is the version's (the amendment).
    assertEquals(List.of(
        new DatedEvent(DatedEvent.Kind.ADOPTED, DateInfo.day(2011, 11, 17), "2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过"),
        new DatedEvent(DatedEvent.Kind.AMENDED, DateInfo.day(2020, 5, 14),
            "2020年5月14日 上海市第十五届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》第一次修正")), d.dates());
    // Its theme from the title (口岸), with score and evidence.
    assertEquals(List.of("商贸、海关、旅游/海关口岸"), d.themes());
    assertEquals("商贸、海关、旅游/海关口岸", d.themeScores().get(0).theme());
  }

  @Test
  void givenMetadataWinsAndSaysSo() throws Exception {
    GivenMetadata given = new GivenMetadata("given", "law-24e933d71ff9c6bf", "上海口岸服务条例（2020年修正）", "2020-05-14",
        "上海市", "地方性法规", List.of("口岸"), "LawRefBook", "https://example.org/x", "上海市人大常委会", "");
    PolicyDocument d = build(LAW, given);
    assertEquals("law-24e933d71ff9c6bf", d.id());
    assertEquals("laws/shanghai.md", d.file());
    assertEquals("上海口岸服务条例（2020年修正）", d.title());
    assertEquals("法规", d.type()); // mapped through doc-types.tsv
    assertEquals(List.of("口岸"), d.themes());
    assertEquals("LawRefBook", d.source());
    assertEquals("https://example.org/x", d.sourceUrl());
    assertEquals("上海市人大常委会", d.issuer());
    assertEquals(1.0, d.region().confidence());
    assertEquals(new Evidence("region", "上海市", "given", "given region 上海市"), evidence(d, "region"));
    assertEquals(new Evidence("type", "法规", "given", "given type 地方性法规"), evidence(d, "type"));
    assertEquals("given", evidence(d, "date").origin());
  }

  @Test
  void givenValuesThatCannotBeUsedAreRecordedAndExtractionTakesOver() throws Exception {
    GivenMetadata given = new GivenMetadata("sidecar", "", "", "sometime", "火星省", "其他", null, "", "", "", "");
    PolicyDocument d = build(LAW, given);
    assertEquals("laws/shanghai.md", d.id());
    assertEquals(DateInfo.day(2020, 5, 14), d.date());
    assertEquals("上海市", d.region().path());
    assertEquals("法规", d.type()); // "其他" is mapped to "classify the text"
    assertTrue(d.evidence().contains(new Evidence("region", "", "sidecar", "given region '火星省' is not in the gazetteer: ignored")));
    assertTrue(d.evidence().contains(new Evidence("date", "", "sidecar", "given date 'sometime' is not a date: ignored")));
  }

  @Test
  void aNationalRegionAndAChineseDateGiven() throws Exception {
    GivenMetadata given = new GivenMetadata("html-meta", "", "", "2023年2月12日", "中华人民共和国", "", null, "", "", "", "");
    PolicyDocument d = build("关于做好工作的通知\n各地要认真做好工作，确保取得实效。", given);
    assertTrue(d.region().national());
    assertEquals("全国", d.region().path());
    assertEquals(DateInfo.day(2023, 2, 12), d.date());
    assertEquals("通知", d.type());
  }

  @Test
  void nothingLeftAfterCleaningIsNoText() {
    IngestException e = assertThrows(IngestException.class,
        () -> build("展开全文\n评论列表\n>\n……\n栏目导航 >到文鼎文库首页", GivenMetadata.EMPTY));
    assertEquals("no-text", e.reason());
    assertEquals("nothing of the text of laws/shanghai.md remains after removing page debris", e.getMessage());
  }

  @Test
  void documentNumbersAndDecrees() throws Exception {
    PolicyDocument notice = build("某某市人民政府办公室关于加强校园安全工作的通知\n某政办发〔2023〕12号\n各县（市、区）人民政府：\n"
        + "为加强校园安全工作，现将有关事项通知如下。", GivenMetadata.EMPTY);
    assertEquals("某政办发〔2023〕12号", notice.docNumber());
    assertEquals("某某市人民政府办公室", notice.issuer());
    PolicyDocument hubei = build("关于加强学前教育的通知\n鄂政办发〔2022〕12号\n各市、州、县人民政府：\n现将有关事项通知如下，请认真贯彻执行。",
        GivenMetadata.EMPTY);
    assertEquals("鄂政办发〔2022〕12号", hubei.docNumber());
    assertEquals("湖北省", hubei.region().path());
    PolicyDocument decree = build("# 安全生产许可证条例\n2004年1月13日 中华人民共和国国务院令第397号公布\n"
        + "第一条 为了严格规范安全生产条件，制定本条例。\n第二条 国家对矿山企业实行安全生产许可制度。", GivenMetadata.EMPTY);
    assertEquals("中华人民共和国国务院令第397号", decree.docNumber());
    assertEquals("国务院", decree.issuer());
    assertTrue(decree.region().national());
    assertEquals(DateInfo.day(2004, 1, 13), decree.date());
  }

  /** A party congress report as Wikisource gives it: the report, then the licence notice pasted below. */
  static final String CONGRESS_REPORT = "同志们！\n中国共产党第十一次全国代表大会，现在开幕了。\n"
      + "一九七六年十月，我们党一举粉碎了江青反革命集团，这是我们党的历史上又一次伟大的胜利。\n"
      + "本作品在全世界都属于公有领域，因为作者逝世已经超过100年，并且于1900年1月1日之前出版。\n"
      + "1949年10月1日以前发表的作品，版权已经过期。\nPublic domain\n";

  @Test
  void withoutEvidenceAboutTheDocumentItsDateIsUnknownNotTheFirstYearItMentions() throws Exception {
    PolicyDocument d = build(CONGRESS_REPORT, GivenMetadata.EMPTY);
    assertEquals(DateInfo.UNKNOWN, d.date());
    assertEquals(null, d.year());
    assertTrue(d.evidence().stream().noneMatch(e -> e.field().equals("date")), d.evidence().toString());
  }

  @Test
  void aGivenYearStillWinsWhereTheTextHasNoDate() throws Exception {
    GivenMetadata given = new GivenMetadata("given", "cpc-congress-006", "在中国共产党第十一次全国代表大会上的政治报告", "1977",
        "", "", null, "", "", "", "");
    PolicyDocument d = build(CONGRESS_REPORT, given);
    assertEquals(DateInfo.year(1977), d.date());
    assertEquals("given", evidence(d, "date").origin());
  }
}
