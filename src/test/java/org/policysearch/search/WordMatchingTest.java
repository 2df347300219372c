package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.SearchRequest;

/**
 * An unquoted word matches as a word: the tokens it is made of, or inside one longer word, never as a
 * stretch that cuts through a word of the text (营商 inside 电信运营商, segmented 运营|商). Quoted strings
 * keep matching any substring.
 */
class WordMatchingTest {
  @TempDir static Path dir;
  static SearchService service;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("carrier", "通信工作会议", "2023-01-01", "湖北省", "讲话", List.of(), "督促电信运营商加强网络建设，提升服务质量。"),
        TestIndex.doc("business", "营商环境工作会议", "2023-01-02", "湖北省", "讲话", List.of(), "持续优化营商环境，激发市场主体活力。"),
        TestIndex.doc("ezhou", "鄂州市教育局工作要点", "2023-01-03", "湖北省/鄂州市", "讲话", List.of(), "鄂州市教育局召开会议。"),
        TestIndex.doc("jlt", "教联体建设", "2023-01-04", "湖北省", "讲话", List.of(), "推进教联体建设，家校社协同育人。"),
        TestIndex.doc("preschool", "学前教育", "2023-01-05", "湖北省", "讲话", List.of(), "大力发展普惠性学前教育。")));
    service = TestIndex.service(dir);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  static Set<String> ids(String q) throws Exception {
    Set<String> out = new TreeSet<>();
    for (Hit h : service.search(new SearchRequest(q, null, null, 1, 20, 1)).hits()) out.add(h.document().id());
    return out;
  }

  @Test
  void aWordSmartcnSplitsIsNotFoundWhereItCutsThroughAnotherWord() throws Exception {
    assertEquals(Set.of("business"), ids("优化营商环境"));
    assertEquals(Set.of("business"), ids("营商"), "营商 inside 运营|商 is no match");
    assertEquals(Set.of("business", "carrier"), ids("\"营商\""), "a quoted string is any substring");
  }

  @Test
  void aWordInsideALongerWordStillMatches() throws Exception {
    assertEquals(Set.of("ezhou"), ids("鄂州"), "鄂州 inside the token 鄂州市");
    assertEquals(Set.of("ezhou", "preschool"), ids("教育"), "教育 inside 教育局 and 学前教育");
  }

  @Test
  void wordsSmartcnDoesNotKnowMatchAsTheirTokens() throws Exception {
    assertEquals(Set.of("jlt"), ids("教联体"));
    assertEquals(Set.of("jlt"), ids("教联体 协同育人"));
  }
}
