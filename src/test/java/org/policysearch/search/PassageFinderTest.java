package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.index.Fields;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.Span;
import org.policysearch.search.query.CompiledQuery;

/** Which paragraphs a hit shows, in which order, with which marks. */
class PassageFinderTest {
  @TempDir static Path dir;
  static SearchService service;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("ezhou", "鄂州市教育工作会议讲话", "2023-02-12", "湖北省/鄂州市", "讲话", List.of(),
            "同志们：",
            "今年要落实双减政策，减轻学生过重的作业负担，办好人民满意的教育。",
            "推进教联体建设，双减工作常抓不懈，双减成果持续巩固，家校社协同育人。",
            "做好防溺水安全教育工作，守护学生生命安全。"),
        TestIndex.doc("other", "农业农村工作要点", "2023-03-01", "山东省/青岛市", "通知", List.of(),
            "发展现代农业，双减无关的段落放在这里以便两篇文件都有内容。")));
    service = TestIndex.service(dir);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  /** The passages of document {@code id} for query {@code q}, best first. */
  static List<Passage> passages(String id, String q, int k) throws Exception {
    try (SearcherProvider.Lease lease = service.context().provider().acquire()) {
      IndexSearcher s = lease.searcher();
      CompiledQuery cq = service.context().compile(q, "q");
      PassageFinder pf = new PassageFinder(s, cq.paragraphQuery(), service.context().parents(), cq.highlights(), new DocumentReader.Reads());
      return pf.best(parent(s, id), k);
    }
  }

  static int parent(IndexSearcher s, String id) throws IOException {
    BooleanQuery q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.ID, id)), Occur.FILTER).build();
    TopDocs td = s.search(q, 1);
    assertEquals(1, td.totalHits.value());
    return td.scoreDocs[0].doc;
  }

  static List<Integer> numbers(List<Passage> ps) {
    return ps.stream().map(Passage::paragraph).toList();
  }

  @Test
  void theParagraphsThatMatchBestComeFirst() throws Exception {
    // Paragraph 3 says 双减 twice, paragraph 2 once; 1 and 4 not at all.
    assertEquals(List.of(3, 2), numbers(passages("ezhou", "双减", 3)));
    assertEquals(List.of(3), numbers(passages("ezhou", "双减", 1)));
  }

  @Test
  void eachPassageCarriesItsMarksAndHtml() throws Exception {
    Passage p = passages("ezhou", "双减", 3).get(1);
    assertEquals(2, p.paragraph());
    assertEquals("今年要落实双减政策，减轻学生过重的作业负担，办好人民满意的教育。", p.text());
    assertEquals(List.of(new Span(5, 7)), p.highlights());
    assertEquals("今年要落实<mark>双减</mark>政策，减轻学生过重的作业负担，办好人民满意的教育。", p.html());
    Passage three = passages("ezhou", "双减", 3).get(0);
    assertEquals(List.of(new Span(8, 10), new Span(17, 19)), three.highlights());
  }

  @Test
  void withoutBodyTermsTheOpeningThatSaysSomethingLeads() throws Exception {
    // 同志们： is a salutation (under 20 characters): the lead starts at paragraph 2.
    assertEquals(List.of(2), numbers(passages("ezhou", "", 1)));
    assertEquals(List.of(2, 3), numbers(passages("ezhou", "title:鄂州", 2)));
    assertEquals(List.of(), passages("ezhou", "", 1).get(0).highlights());
  }

  @Test
  void noPassagesAskedNoneGiven() throws Exception {
    assertEquals(List.of(), passages("ezhou", "双减", 0));
  }
}
