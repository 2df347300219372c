package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policysearch.search.api.Span;
import org.policysearch.search.query.HighlightTerm;

/** Where the marks land in a paragraph: offsets into the text as written (JavaScript string indices). */
class HighlighterTest {
  static HighlightTerm word(String s) {
    return new HighlightTerm(s, false);
  }

  static HighlightTerm quoted(String s) {
    return new HighlightTerm(s, true);
  }

  @Test
  void aWordIsMarkedAtEveryOccurrence() {
    assertEquals(List.of(new Span(2, 4), new Span(9, 11)), Highlighter.spans("办好教育事业，推进教育公平", List.of(word("教育"))));
  }

  @Test
  void touchingMatchesAreOneMark() {
    // 义务 and 教育 side by side read as one phrase: one mark, not two.
    assertEquals(List.of(new Span(2, 6)), Highlighter.spans("推动义务教育优质均衡", List.of(word("义务"), word("教育"))));
  }

  @Test
  void quotationMarksInsideAMatchAreCoveredByIt() {
    // The index saw 落实双减政策 (quotation marks removed); the mark spans the text as written.
    assertEquals(List.of(new Span(0, 8)), Highlighter.spans("落实“双减”政策", List.of(quoted("落实双减政策"))));
    assertEquals(List.of(new Span(3, 5)), Highlighter.spans("落实“双减”政策", List.of(word("双减"))));
  }

  @Test
  void traditionalCharactersAreMarkedForASimplifiedQuery() {
    assertEquals(List.of(new Span(0, 4)), Highlighter.spans("教育會議召開", List.of(word("教育会议"))));
  }

  @Test
  void aQuotedNumberMatchesOnlyWholeNumbers() {
    assertEquals(List.of(), Highlighter.spans("2023年工作要点", List.of(quoted("023"))));
    assertEquals(List.of(new Span(0, 5)), Highlighter.spans("2023年工作要点", List.of(quoted("2023年"))));
    // Unquoted, the digits are a plain substring.
    assertEquals(List.of(new Span(1, 4)), Highlighter.spans("2023年工作要点", List.of(word("023"))));
  }

  @Test
  void unquotedLatinLettersIgnoreCaseAndQuotedOnesDoNot() {
    assertEquals(List.of(new Span(2, 4)), Highlighter.spans("推进AI教育", List.of(word("ai"))));
    assertEquals(List.of(), Highlighter.spans("推进AI教育", List.of(quoted("ai"))));
  }

  @Test
  void noTermsOrNoTextMarkNothing() {
    assertEquals(List.of(), Highlighter.spans("办好教育", List.of()));
    assertEquals(List.of(), Highlighter.spans("", List.of(word("教育"))));
    assertEquals(List.of(), Highlighter.spans("办好教育", List.of(word("科技"))));
  }

  @Test
  void htmlEscapesTheTextAndWrapsEachMark() {
    String text = "<b>教育</b> & \"双减\"";
    List<Span> spans = Highlighter.spans(text, List.of(word("教育")));
    assertEquals(List.of(new Span(3, 5)), spans);
    assertEquals("&lt;b&gt;<mark>教育</mark>&lt;/b&gt; &amp; &quot;双减&quot;", Highlighter.html(text, spans));
    assertEquals("&#39;a&#39;", Highlighter.escape("'a'"));
  }
}
