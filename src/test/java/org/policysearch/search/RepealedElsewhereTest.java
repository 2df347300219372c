package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.DatedEvent.Kind;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/**
 * effective_on knows what other documents repeal: a rule that says "《旧办法》同时废止" takes the old one out
 * from the day it comes into force, when the reference resolves; a mere mention, an unresolved title or a
 * repeal in another region's rule of the same name takes nothing out.
 */
class RepealedElsewhereTest {
  @TempDir static Path dir;
  static SearchService service;

  @BeforeAll
  static void index() throws Exception {
    TestIndex.write(dir, List.of(
        EffectiveOnTest.withDates(TestIndex.doc("old", "某市物业管理办法", "2005-03-01", "湖北省/武汉市", "法规", List.of(),
            "第一条 为了规范物业管理，制定本办法。"), EffectiveOnTest.event(Kind.PUBLISHED, "2005-03-01")),
        // repeals the old rule from its own first day in force
        EffectiveOnTest.withDates(TestIndex.doc("new", "某市物业服务条例", "2015-04-01", "湖北省/武汉市", "法规", List.of(),
            "第一条 为了规范物业服务，制定本条例。", "第五十条 本条例自2015年6月1日起施行。《某市物业管理办法》同时废止。"),
            EffectiveOnTest.event(Kind.PUBLISHED, "2015-04-01"), EffectiveOnTest.event(Kind.EFFECTIVE, "2015-06-01")),
        // the same title in another province: a repeal there says nothing of 武汉's rule
        EffectiveOnTest.withDates(TestIndex.doc("other", "某市物业管理办法", "2006-01-01", "山东省/青岛市", "法规", List.of(),
            "第一条 为了规范物业管理，制定本办法。"), EffectiveOnTest.event(Kind.PUBLISHED, "2006-01-01")),
        EffectiveOnTest.withDates(TestIndex.doc("cites", "某市物业收费规定", "2016-01-01", "湖北省/武汉市", "法规", List.of(),
            "第一条 根据《某市物业管理办法》，制定本规定。"), EffectiveOnTest.event(Kind.PUBLISHED, "2016-01-01"))));
    service = TestIndex.service(dir);
  }

  static List<String> inForceOn(String day) throws Exception {
    Filters f = new Filters(List.of(), List.of(), null, null, List.of(), List.of(), false, LocalDate.parse(day));
    SearchResult r = service.search(new SearchRequest("物业", f, SortOrder.RELEVANCE, 1, 10, 0));
    List<String> out = new ArrayList<>();
    r.hits().forEach(h -> out.add(h.document().id()));
    assertEquals(out.size(), r.total());
    return List.copyOf(new TreeSet<>(out));
  }

  @Test
  void aRuleRepealedByALaterOneIsOutOfForceFromTheDayThatOneTakesEffect() throws Exception {
    assertEquals(List.of("old", "other"), inForceOn("2010-01-01"));
    // published, not yet in force: the old rule still stands
    assertEquals(List.of("old", "other"), inForceOn("2015-05-01"));
    assertEquals(List.of("new", "other"), inForceOn("2015-06-01"));
    // a later rule resting on the old one brings it back to nothing: only a repeal counts, the mention does not
    assertEquals(List.of("cites", "new", "other"), inForceOn("2016-06-01"));
  }
}
