package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertEquals(0, a.distance(b));
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
    assertTrue(f1.distance(f2) <= DuplicateResolver.MAX_DISTANCE, "distance " + f1.distance(f2));

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
  void theEarliestByDateThenByIdIsTheOriginal() {
    Fingerprint f = Fingerprint.of("同一篇文章的正文内容，被三个网站转载。");
    Map<String, String> dup = DuplicateResolver.resolve(List.of(
        new DuplicateResolver.Candidate("z", "2023-01-02", f),
        new DuplicateResolver.Candidate("y", "", f),
        new DuplicateResolver.Candidate("x", "2023-01-02", f),
        new DuplicateResolver.Candidate("w", "2023-01-03", f)));
    assertEquals(Map.of("z", "x", "y", "x", "w", "x"), dup);
  }

  @Test
  void similarTextsOfVeryDifferentLengthAreNotCopies() {
    Fingerprint a = new Fingerprint(1, 0L, 1000);
    Fingerprint b = new Fingerprint(2, 1L, 500);
    assertEquals(Map.of(), DuplicateResolver.resolve(List.of(new DuplicateResolver.Candidate("a", "", a),
        new DuplicateResolver.Candidate("b", "", b))));
  }
}
