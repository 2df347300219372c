package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.GivenMetadata;
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
  void theDocumentsToLoadAreThoseTheCheckLoads() throws Exception {
    // the cluster indexer reads these together before resolving: they must be every document resolve asks for
    String text = "同一篇文章的正文内容，被三个网站转载。";
    Map<String, PolicyDocument> docs = Map.of("a", build("a", text), "b", build("b", text),
        "c", build("c", SeedGoldenTest.seed(SeedGoldenTest.S1)), "d", build("d", SeedGoldenTest.seed(SeedGoldenTest.S2)));
    List<DuplicateResolver.Candidate> candidates = docs.values().stream()
        .map(d -> new DuplicateResolver.Candidate(d.id(), "", Fingerprint.of(d))).toList();
    java.util.Set<String> asked = new java.util.HashSet<>();
    DuplicateResolver.resolve(candidates, id -> {
      asked.add(id);
      return docs.get(id);
    });
    assertEquals(java.util.Set.of("a", "b"), asked);
    assertEquals(asked, DuplicateResolver.idsToLoad(candidates));
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

  @Test
  void twoCitiesRegulationsWithTheSameStructureAreTwoDocuments() throws Exception {
    // The names and the adoption line are all that differ: most shingles are shared, and the text alone
    // would call one a copy of the other. The regions the texts name themselves tell them apart.
    PolicyDocument zhengzhou = build("laws/zhengzhou.txt", RepostFixtures.cityRegulation("河南省", "郑州市", "2016年2月25日"));
    PolicyDocument taian = build("laws/taian.txt", RepostFixtures.cityRegulation("山东省", "泰安市", "2016年2月25日"));
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
    String first = RepostFixtures.cityRegulation("山东省", "泰安市", "2016年2月25日");
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
    String text = RepostFixtures.cityRegulation("山东省", "泰安市", "2016年2月25日");
    // Another site: a 发布时间 header, full-width spaces as plain ones, a credit line at the end.
    PolicyDocument official = build("rd.taian.gov.cn/law.txt", text);
    PolicyDocument copy = build("lawbook/泰安市制定地方性法规条例.md", "发布时间：2016-04-01\n" + text.replace('　', ' ')
        + "责任编辑：王某\n");
    List<PolicyDocument> marked = DuplicateResolver.markDuplicates(List.of(copy, official));
    assertEquals("rd.taian.gov.cn/law.txt", marked.get(0).flags().duplicateOf());
    assertEquals("", marked.get(1).flags().duplicateOf());
  }
}
