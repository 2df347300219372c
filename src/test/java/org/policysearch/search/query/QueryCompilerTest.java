package org.policysearch.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.junit.jupiter.api.Test;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.search.api.Interpretation;

/** What an unquoted word group must match, as the interpretation shows it. */
class QueryCompilerTest {
  static final QueryCompiler COMPILER = new QueryCompiler(new Analyzers(), Synonyms.NONE,
      new QueryBitSetProducer(new TermQuery(new Term("kind", "doc"))), 64);

  static List<String> mustMatch(String q) throws Exception {
    return COMPILER.compile(q, QueryParser.parse(q)).interpretation().clauses().get(0).mustMatch();
  }

  @Test
  void wordsSmartcnSplitsStayWithTheirNeighbour() throws Exception {
    assertEquals(List.of("教联体"), mustMatch("教联体")); // 教|联|体
    assertEquals(List.of("防溺水"), mustMatch("防溺水")); // 防|溺水
    assertEquals(List.of("双减"), mustMatch("双减")); // 双|减
    assertEquals(List.of("2023年"), mustMatch("2023年")); // 2023|年
    assertEquals(List.of("人民", "满意", "的教育"), mustMatch("人民满意的教育"));
    assertEquals(List.of("义务教育", "优质", "均衡"), mustMatch("义务教育优质均衡"));
    assertEquals(List.of("鄂州", "双减"), mustMatch("鄂州双减"));
    assertEquals(List.of("教"), mustMatch("教"));
  }

  @Test
  void segmentsAreShownAsSmartcnGivesThem() throws Exception {
    Interpretation.Clause c = COMPILER.compile("防溺水", QueryParser.parse("防溺水")).interpretation().clauses().get(0);
    assertEquals(List.of("防", "溺水"), c.segments());
    assertEquals("words", c.kind());
  }
}
