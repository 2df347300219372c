package org.policysearch.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser ends on every input: it parses or says what is wrong, and never loops or exhausts memory. */
class QueryParserHostileInputTest {
  /** Preemptive: a parser stuck in a loop fails the test instead of hanging the build. */
  static QueryNode parseInTime(String q) throws QuerySyntaxException {
    try {
      return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        try {
          return QueryParser.parse(q);
        } catch (QuerySyntaxException e) {
          throw new Wrapped(e);
        }
      }, () -> "the parser did not end on '" + q + "'");
    } catch (Wrapped w) {
      throw w.cause;
    }
  }

  static final class Wrapped extends RuntimeException {
    final QuerySyntaxException cause;

    Wrapped(QuerySyntaxException cause) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
    }
  }

  @Test
  void aClosingChineseQuoteWithoutAnOpeningOneIsASyntaxErrorNotAnEndlessLoop() {
    for (String q : new String[] {"”", "教育”", "教育 ”", "”教育", "(”)", "title:”", "-”", "教育 OR ”义务教育"}) {
      QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parseInTime(q), q);
      assertTrue(e.getMessage().contains("closing quotation mark"), e.getMessage());
    }
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parseInTime("教育 ”x"));
    assertEquals(3, e.position());
  }

  @Test
  void quotedStringsStillParse() throws Exception {
    assertTrue(parseInTime("“义务教育”") instanceof QueryNode.Exact);
    assertTrue(parseInTime("\"义务教育”") instanceof QueryNode.Exact);
  }

  @Test
  void randomQueriesOfQueryCharactersAlwaysEnd() {
    String alphabet = "\"“”＂()（）-－:：　 \t教育a1*?/OR AND NOT title:标题:";
    Random r = new Random(7);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int n = 0; n < 20_000; n++) {
        StringBuilder sb = new StringBuilder();
        int len = 1 + r.nextInt(12);
        for (int i = 0; i < len; i++) {
          if (r.nextInt(6) == 0) {
            sb.append(new String[] {"OR", "AND", "NOT", "title:", "标题:", "教育"}[r.nextInt(6)]);
          } else {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
          }
        }
        String q = sb.toString();
        try {
          QueryParser.parse(q);
        } catch (QuerySyntaxException e) {
          assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), q);
          // the page shows the Chinese one: every syntax error has it, and it is Chinese
          assertTrue(e.messageZh() != null && e.messageZh().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF), q);
        }
      }
    });
  }
}
