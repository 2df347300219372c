package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.PolicyDocument;
import org.policysearch.ingest.RawDocument;

class DuplicateResolverTest {
  static StandardDocumentBuilder builder;

  @BeforeAll
  static void load() {
    builder = StandardDocumentBuilder.load();
  }

  static PolicyDocument build(String file, String text) throws Exception {
    return builder.build(new RawDocument(file, 0, text, "UTF-8", GivenMetadata.EMPTY, ""));
  }

  @Test
  void fingerprintsIgnorePunctuationWidthAndTraditionalForms() {
    Fingerprint a = Fingerprint.of("落实“双减”政策，办好人民满意的教育。");
    Fingerprint b = Fingerprint.of("落實雙減政策 辦好人民滿意的教育");
    assertEquals(a, b);
    assertEquals(1.0, a.estimatedSimilarity(b));
  }

  @Test
  void aSeedRepostedWithOtherDebrisAndTitleIsADuplicateOfTheOriginal() throws Exception {
    String original = SeedGoldenTest.seed(SeedGoldenTest.S4);
    // Another site: other header, other footer, a different title line, the text as it was.
    String body = original.substring(original.indexOf("同志们:"), original.indexOf("推荐访问"));
    String repost = "县教育局长在2023年教育工作会议上的讲话（全文）\n\n发布时间：2024-01-05\n来源：某某文库\n\n" + body
        + "\n相关阅读：教育工作会议讲话稿\n版权所有 某某文库";
    PolicyDocument first = build("a/seed004.txt", original);
    PolicyDocument copy = build("b/repost.txt", repost);
    PolicyDocument other = build("c/seed002.txt", SeedGoldenTest.seed(SeedGoldenTest.S2));
    Fingerprint f1 = Fingerprint.of(first);
    Fingerprint f2 = Fingerprint.of(copy);
    assertTrue(f1.exact() != f2.exact());
    assertTrue(DuplicateResolver.worthChecking(f1, f2), "estimated " + f1.estimatedSimilarity(f2));

    List<PolicyDocument> marked = DuplicateResolver.markDuplicates(List.of(copy, other, first));
    assertEquals("a/seed004.txt", marked.get(0).flags().duplicateOf()); // the repost is later (2024-01-05)
    assertEquals("", marked.get(1).flags().duplicateOf());
    assertEquals("", marked.get(2).flags().duplicateOf());
    assertTrue(marked.get(2).flags().redacted(), "other flags are kept");
  }

  @Test
  void differentDocumentsAreNotDuplicates() throws Exception {
    List<PolicyDocument> docs = List.of(build("0", SeedGoldenTest.seed(SeedGoldenTest.S0)), build("1", SeedGoldenTest.seed(SeedGoldenTest.S1)),
        build("2", SeedGoldenTest.seed(SeedGoldenTest.S2)), build("3", SeedGoldenTest.seed(SeedGoldenTest.S3)));
    for (PolicyDocument d : DuplicateResolver.markDuplicates(docs)) assertEquals("", d.flags().duplicateOf(), d.id());
  }

  @Test
  void theEarliestByDateThenByIdIsTheOriginal() throws Exception {
    String text = "同一篇文章的正文内容，被三个网站转载。";
    Map<String, PolicyDocument> docs = Map.of("z", build("z", text), "y", build("y", text), "x", build("x", text),
        "w", build("w", text));
    Fingerprint f = Fingerprint.of(docs.get("z"));
    Map<String, String> dup = DuplicateResolver.resolve(List.of(
        new DuplicateResolver.Candidate("z", "2023-01-02", f),
        new DuplicateResolver.Candidate("y", "", f),
        new DuplicateResolver.Candidate("x", "2023-01-02", f),
        new DuplicateResolver.Candidate("w", "2023-01-03", f)), docs::get);
    assertEquals(Map.of("z", "x", "y", "x", "w", "x"), dup);
  }

  /**
   * A city's law-making regulation as many cities wrote it: the same chapters and wording, the city's
   * name in the title, the first articles and the adoption line, 本市 everywhere else.
   */
  static String cityRegulation(String province, String city, String adopted) {
    return city + "制定地方性法规条例\n"
        + "（" + adopted + city + "第十四届人民代表大会第一次会议通过　" + province + "第十二届人民代表大会常务委员会第二十二次会议批准）\n"
        + "第一章　总则\n"
        + "第一条　为了规范" + city + "制定地方性法规活动，提高立法质量，发挥立法的引领和推动作用，根据《中华人民共和国立法法》"
        + "和有关法律的规定，结合本市实际，制定本条例。\n"
        + "第二条　" + city + "人民代表大会及其常务委员会制定、修改、废止和解释地方性法规，适用本条例。\n"
        + "第三条　制定地方性法规应当遵循宪法的基本原则，不得同宪法、法律、行政法规和本省的地方性法规相抵触。\n"
        + "第四条　立法应当坚持科学立法、民主立法、依法立法，坚持立改废释并举，增强地方性法规的及时性、系统性、针对性和有效性。\n"
        + "第五条　本市人民代表大会常务委员会通过立法调研、立法论证、立法听证等方式，广泛听取社会各方面的意见和建议。\n"
        + "第二章　立法规划和计划\n"
        + "第六条　常务委员会法制工作机构负责编制立法规划草案和年度立法计划草案，经主任会议通过后向社会公布。\n"
        + "第七条　编制立法规划和年度立法计划，应当认真研究代表议案和建议，广泛征集意见，科学论证评估，根据经济社会发展需要确定立法项目。\n"
        + "第八条　列入年度立法计划的项目，提案人应当按照计划要求及时提出法规案；确需调整的，应当书面说明理由。\n"
        + "第三章　法规案的提出和审议\n"
        + "第九条　主席团、常务委员会、各专门委员会以及一个代表团或者十名以上的代表联名，可以向本市人民代表大会提出法规案。\n"
        + "第十条　列入常务委员会会议议程的法规案，一般应当经两次常务委员会会议审议后再交付表决；各方面意见比较一致的，也可以经一次会议审议即交付表决。\n"
        + "第十一条　法规案有关问题存在重大意见分歧或者涉及利益关系重大调整，需要进行听证的，应当召开听证会，听取有关基层和群体代表、部门、人民团体、专家的意见。\n"
        + "第十二条　拟提请常务委员会会议审议通过的法规案，法制委员会可以对法规草案中主要制度规范的可行性、出台时机、实施的社会效果和可能出现的问题等进行评估。\n"
        + "第四章　法规的报批和公布\n"
        + "第十三条　地方性法规通过后，常务委员会应当在三十日内将法规文本及其说明报请省人民代表大会常务委员会批准。\n"
        + "第十四条　地方性法规公布后，其文本以及草案的说明、审议结果报告等，应当及时在常务委员会公报和中国人大网、本地人大网站以及本行政区域范围内发行的报纸上刊载。\n"
        + "第五章　法规解释、清理和评估\n"
        + "第十五条　地方性法规的规定需要进一步明确具体含义，或者制定后出现新的情况需要明确适用依据的，由常务委员会解释。\n"
        + "第十六条　常务委员会应当根据维护法制统一的原则和经济社会发展的需要，适时组织开展法规清理，对不适应的法规及时修改或者废止。\n"
        + "第十七条　常务委员会有关工作机构可以组织对有关地方性法规或者法规中有关规定进行立法后评估，评估情况应当向常务委员会报告。\n"
        + "第六章　附则\n"
        + "第十八条　本条例自公布之日起施行。\n";
  }

  @Test
  void twoCitiesRegulationsWithTheSameStructureAreTwoDocuments() throws Exception {
    // The names and the adoption line are all that differ: most shingles are shared, and the text alone
    // would call one a copy of the other. The regions the texts name themselves tell them apart.
    PolicyDocument zhengzhou = build("laws/zhengzhou.txt", cityRegulation("河南省", "郑州市", "2016年2月25日"));
    PolicyDocument taian = build("laws/taian.txt", cityRegulation("山东省", "泰安市", "2016年2月25日"));
    assertEquals("河南省/郑州市", zhengzhou.region().path());
    assertEquals("山东省/泰安市", taian.region().path());
    RepostCheck.Verdict v = RepostCheck.check(RepostCheck.Texts.of(zhengzhou), RepostCheck.Texts.of(taian));
    assertFalse(v.repost(), v.reason());
    assertTrue(v.reason().startsWith("different regions"), v.reason());
    for (PolicyDocument d : DuplicateResolver.markDuplicates(List.of(zhengzhou, taian))) {
      assertEquals("", d.flags().duplicateOf(), d.id());
    }
  }

  @Test
  void aLaterVersionOfARegulationIsNotARepostOfTheFirst() throws Exception {
    String first = cityRegulation("山东省", "泰安市", "2016年2月25日");
    String amended = first.replace("第一章　总则", "（2021年12月3日泰安市第十七届人民代表大会常务委员会第三十八次会议修正）\n第一章　总则")
        .replace("历史文化保护", "历史文化保护和传承");
    PolicyDocument v1 = build("laws/taian-2016.txt", first);
    PolicyDocument v2 = build("laws/taian-2021.txt", amended);
    RepostCheck.Verdict v = RepostCheck.check(RepostCheck.Texts.of(v1), RepostCheck.Texts.of(v2));
    assertTrue(v.aInB() >= RepostCheck.MIN_SHARED && v.bInA() >= RepostCheck.MIN_SHARED, v.reason());
    assertFalse(v.repost(), v.reason());
    assertEquals(List.of("", ""), DuplicateResolver.markDuplicates(List.of(v1, v2)).stream()
        .map(d -> d.flags().duplicateOf()).toList());
  }

  @Test
  void theSameRegulationInTwoFilesIsARepost() throws Exception {
    String text = cityRegulation("山东省", "泰安市", "2016年2月25日");
    // Another site: a 发布时间 header, full-width spaces as plain ones, a credit line at the end.
    PolicyDocument official = build("rd.taian.gov.cn/law.txt", text);
    PolicyDocument copy = build("lawbook/泰安市制定地方性法规条例.md", "发布时间：2016-04-01\n" + text.replace('　', ' ')
        + "责任编辑：王某\n");
    List<PolicyDocument> marked = DuplicateResolver.markDuplicates(List.of(copy, official));
    assertEquals("rd.taian.gov.cn/law.txt", marked.get(0).flags().duplicateOf());
    assertEquals("", marked.get(1).flags().duplicateOf());
  }
}
