package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;

/** The rows an export writes: every document of the result set once, in result order, each passage citable. */
class ExportServiceTest {
  @TempDir static Path dir;
  static SearchService service;
  static ExportService export;
  /** More documents than one internal page of the export, so the rows cross a page boundary. */
  static final int MANY = ExportService.PAGE + 5;

  @BeforeAll
  static void build() throws Exception {
    List<PolicyDocument> docs = new ArrayList<>();
    docs.add(TestIndex.doc("ezhou", "鄂州市教育工作会议讲话", "2023-02-12", "湖北省/鄂州市", "讲话", List.of("双减"),
        "一、总体要求", "落实双减政策，办好人民满意的教育。", "推进教联体建设。"));
    docs.add(TestIndex.doc("qingdao", "青岛市教育工作要点", "2022-03-01", "山东省/青岛市", "通知", List.of(), "青岛市推进教育强市建设。"));
    docs.add(TestIndex.doc("other", "农业农村工作要点", "2022-03-01", "山东省/青岛市", "通知", List.of(), "发展现代农业。"));
    for (int i = 0; i < MANY; i++) {
      docs.add(TestIndex.doc(String.format("bulk-%03d", i), "防溺水通知" + i, String.format("2021-%02d-01", 1 + i % 12),
          "河南省/郑州市", "通知", List.of(), "做好防溺水安全教育工作。"));
    }
    TestIndex.write(dir, docs);
    service = TestIndex.service(dir);
    export = new ExportService(service);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  static SearchRequest request(String q, Filters f, SortOrder sort, int passages) {
    return new SearchRequest(q, f, sort, 3, 1, passages); // page and size are ignored by an export
  }

  @Test
  void aRowPerPassageWithItsCitation() throws Exception {
    List<ExportRow> rows = new ArrayList<>();
    Filters hubei = new Filters(List.of("湖北省"), List.of(), null, null, List.of(), List.of(), false);
    long docs = export.export(request("双减 OR 教联体", hubei, SortOrder.RELEVANCE, 3), 10, rows::add);
    assertEquals(1, docs);
    assertEquals(2, rows.size());
    ExportRow r = rows.stream().filter(x -> x.paragraph() == 2).findFirst().orElseThrow();
    assertEquals("ezhou", r.id());
    assertEquals("鄂州市教育工作会议讲话", r.title());
    assertEquals("湖北省/鄂州市", r.region());
    assertEquals("2023-02-12", r.date());
    assertEquals("落实双减政策，办好人民满意的教育。", r.text());
    assertEquals("讲话", r.type());
    assertEquals("《鄂州市教育工作会议讲话》（湖北省鄂州市，2023-02-12），第2段", r.citation());
    assertEquals(Set.of(2, 3), Set.copyOf(rows.stream().map(ExportRow::paragraph).toList()));
    assertEquals(ExportRow.HEADER.length, r.values().length);
    assertEquals("2", r.values()[6]);
  }

  @Test
  void everyDocumentOnceAcrossPagesInResultOrder() throws Exception {
    List<String> ids = new ArrayList<>();
    long docs = export.export(request("防溺水", Filters.NONE, SortOrder.DATE_DESC, 1), ExportRow.MAX_DOCUMENTS,
        r -> ids.add(r.id()));
    assertEquals(MANY, docs);
    assertEquals(MANY, ids.size());
    assertEquals(MANY, new LinkedHashSet<>(ids).size());
    // Newest first, as the result list shows them: the December documents lead.
    List<String> dates = new ArrayList<>();
    export.export(request("防溺水", Filters.NONE, SortOrder.DATE_DESC, 1), ExportRow.MAX_DOCUMENTS, r -> dates.add(r.date()));
    assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
  }

  @Test
  void theLimitStopsTheExport() throws Exception {
    List<String> ids = new ArrayList<>();
    assertEquals(7, export.export(request("防溺水", Filters.NONE, SortOrder.DATE_ASC, 1), 7, r -> ids.add(r.id())));
    assertEquals(7, ids.size());
  }

  @Test
  void aLimitOutsideItsRangeIsRefused() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> export.export(request("教育", Filters.NONE, SortOrder.RELEVANCE, 1), 0, r -> {}));
    assertEquals("limit", e.parameter());
    assertThrows(InvalidRequestException.class,
        () -> export.export(request("教育", Filters.NONE, SortOrder.RELEVANCE, 1), ExportRow.MAX_DOCUMENTS + 1, r -> {}));
  }
}
