package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.DatedEvent;
import org.policysearch.doc.DatedEvent.Kind;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/**
 * {@code effective_on}: in force on a day by the document's own dates (施行, else 公布/通过/批准, else its
 * date; repealed from its 废止), in the search, its facets, the export and phrase statistics.
 */
class EffectiveOnTest {
  @TempDir static Path dir;
  static SearchService service;

  static PolicyDocument withDates(PolicyDocument d, DatedEvent... events) {
    return new PolicyDocument(d.id(), d.file(), d.line(), d.title(), d.subtitle(), d.date(), d.region(), d.type(), d.source(),
        d.sourceUrl(), d.issuer(), d.docNumber(), d.officials(), d.themes(), d.flags(), d.paragraphs(), d.header(),
        d.evidence(), d.encoding(), d.contentHash(), List.of(events), d.themeScores());
  }

  static DatedEvent event(Kind kind, String iso) {
    DateInfo di = switch (iso.length()) {
      case 4 -> new DateInfo(iso, DateInfo.Precision.YEAR);
      case 7 -> new DateInfo(iso, DateInfo.Precision.MONTH);
      default -> new DateInfo(iso, DateInfo.Precision.DAY);
    };
    return new DatedEvent(kind, di, "");
  }

  @BeforeAll
  static void index() throws Exception {
    TestIndex.write(dir, List.of(
        // published in May, takes effect in July: not in force in June
        withDates(TestIndex.doc("dogs", "某市养犬管理条例", "2017-05-20", "湖北省/武汉市", "法规", List.of(), "养犬人应当依法登记。"),
            event(Kind.ADOPTED, "2017-04-26"), event(Kind.PUBLISHED, "2017-05-20"), event(Kind.EFFECTIVE, "2017-07-01")),
        // in force from its publication (no 施行 date stated), repealed on 2018-01-01
        withDates(TestIndex.doc("old", "某市犬类限养规定", "2010-03-01", "湖北省/武汉市", "法规", List.of(), "养犬人应当办理登记。"),
            event(Kind.PUBLISHED, "2010-03-01"), event(Kind.REPEALED, "2018-01-01")),
        // a notice with only its date
        TestIndex.doc("notice", "关于犬只登记的通知", "2019-06-01", "湖北省/武汉市", "通知", List.of(), "请养犬人按期登记。"),
        // a report known to the year only: from 1 January
        TestIndex.doc("report", "2015年政府工作报告", "2015", "湖北省", "工作报告", List.of(), "推进养犬登记管理。"),
        // no date at all: the corpus does not know
        TestIndex.doc("undated", "养犬登记办法", "", "湖北省", "法规", List.of(), "养犬登记的办法。")));
    service = TestIndex.service(dir);
  }

  static Filters on(String day) {
    return new Filters(List.of(), List.of(), null, null, List.of(), List.of(), false, LocalDate.parse(day));
  }

  static List<String> ids(Filters f) throws Exception {
    SearchResult r = service.search(new SearchRequest("登记", f, SortOrder.RELEVANCE, 1, 10, 0));
    List<String> out = new ArrayList<>();
    r.hits().forEach(h -> out.add(h.document().id()));
    assertEquals(out.size(), r.total());
    return List.copyOf(new TreeSet<>(out));
  }

  @Test
  void inForceByEffectiveDateElsePublicationElseDateUntilRepealed() throws Exception {
    assertEquals(List.of("notice", "old", "report", "undated"), ids(Filters.NONE).stream().filter(i -> !i.equals("dogs")).toList());
    assertEquals(List.of("old", "report"), ids(on("2017-06-30")));        // dogs published but not yet in effect
    assertEquals(List.of("dogs", "old", "report"), ids(on("2017-07-01"))); // its first day
    assertEquals(List.of("dogs", "old", "report"), ids(on("2017-12-31")));
    assertEquals(List.of("dogs", "report"), ids(on("2018-01-01")));        // old is repealed that day
    assertEquals(List.of("dogs", "notice", "report"), ids(on("2026-01-01")));
    assertEquals(List.of("old", "report"), ids(on("2015-01-01")));         // a year counts from its first day
    assertEquals(List.of("old"), ids(on("2014-12-31")));
    assertEquals(List.of(), ids(on("2000-01-01")));
  }

  @Test
  void facetsCountOnlyDocumentsInForce() throws Exception {
    SearchResult r = service.search(new SearchRequest("登记", on("2017-06-30"), SortOrder.RELEVANCE, 1, 0, 0));
    assertEquals(List.of("2015:1", "2010:1"), r.facets().year().stream().map(v -> v.value() + ":" + v.count()).toList());
    assertEquals(0, r.facets().yearUnknown());
    assertEquals(List.of("工作报告:1", "法规:1"), r.facets().type().stream().map(v -> v.value() + ":" + v.count()).sorted().toList());
  }

  @Test
  void combinesWithOtherFiltersAndReachesExportAndPhrase() throws Exception {
    Filters lawsIn2018 = new Filters(List.of(), List.of(), null, null, List.of(), List.of("法规"), false, LocalDate.parse("2018-01-01"));
    assertEquals(List.of("dogs"), ids(lawsIn2018));
    List<String> exported = new ArrayList<>();
    new ExportService(service).export(new SearchRequest("登记", on("2017-06-30"), SortOrder.DATE_DESC, 1, 10, 1),
        ExportRow.MAX_DOCUMENTS, row -> exported.add(row.id()));
    assertEquals(List.of("report", "old"), exported);
    var phrase = new PhraseService(service).phrase(new PhraseRequest("登记", on("2018-01-01"), 1, 10, 4));
    assertEquals(2, phrase.documents());
  }

  @Test
  void aDayIsWrittenYyyyMmDdAndReal() {
    assertEquals(LocalDate.of(2024, 2, 29), Filters.parseDay(" 2024-02-29 "));
    for (String bad : List.of("2023-02-29", "2020-13-01", "2020-1-1", "20200101", "0999-01-01", "")) {
      assertThrows(IllegalArgumentException.class, () -> Filters.parseDay(bad), bad);
    }
  }
}
