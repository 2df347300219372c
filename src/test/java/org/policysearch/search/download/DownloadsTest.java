package org.policysearch.search.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * The exact bytes of the downloads over a three-document index, without HTTP: byte-order mark, header,
 * CRLF rows, quoting of commas, quotes and line breaks in Chinese text, formula characters defused, row
 * order.
 */
class DownloadsTest {
  @TempDir static Path dir;
  static LuceneBackend backend;
  static Downloads downloads;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("ezhou", "关于\"双减\"工作的通知，鄂州市", "2023-02-12", "湖北省/鄂州市", "通知", List.of(),
            "落实双减政策，办好人民满意的教育。", "=推进双减\n第二行"),
        TestIndex.doc("qingdao", "青岛市双减要点", "2022-03-01", "山东省/青岛市", "通知", List.of(), "青岛市推进双减,减负提质。"),
        TestIndex.doc("other", "农业农村工作要点", "2021-03-01", "山东省/青岛市", "通知", List.of(), "发展现代农业。")));
    backend = LuceneBackend.open(dir, TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS);
    downloads = new Downloads(backend);
  }

  @AfterAll
  static void close() throws Exception {
    backend.close();
  }

  static String utf8(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void phraseCsvPagesThroughEveryOccurrenceInTheBackendsOrder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(3, downloads.phraseCsv("双减", Filters.NONE, 4, out));
    assertEquals("\uFEFFid,title,date,region,paragraph,left,match,right\r\n"
        + "ezhou,\"关于\"\"双减\"\"工作的通知，鄂州市\",2023-02-12,湖北省/鄂州市,1,落实,双减,政策，办\r\n"
        + "ezhou,\"关于\"\"双减\"\"工作的通知，鄂州市\",2023-02-12,湖北省/鄂州市,2,'=推进,双减,\"\n第二行\"\r\n"
        + "qingdao,青岛市双减要点,2022-03-01,山东省/青岛市,1,岛市推进,双减,\",减负提\"\r\n", utf8(out));
  }

  @Test
  void phraseCsvOfNothingIsTheHeader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, downloads.phraseCsv("没有的词语", Filters.NONE, 4, out));
    assertEquals("\uFEFFid,title,date,region,paragraph,left,match,right\r\n", utf8(out));
  }

  static final String EZHOU_REFERENCE = "湖北省鄂州市. 关于\"双减\"工作的通知，鄂州市[Z]. 2023-02-12.";
  static final String EZHOU_CITATION = "《关于\"双减\"工作的通知，鄂州市》（湖北省鄂州市，2023-02-12），第2段";

  @Test
  void exportCsvInResultOrder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(2, downloads.exportCsv(new SearchRequest("双减", Filters.NONE, SortOrder.DATE_ASC, 1, 10, 1), 10, out));
    assertEquals("\uFEFFid,title,issuer,doc_number,region,date,paragraph,text,source,source_url,type,truncated,redacted,"
        + "citation,reference,cites\r\n"
        + "qingdao,青岛市双减要点,,,山东省/青岛市,2022-03-01,1,\"青岛市推进双减,减负提质。\",,,通知,false,false,"
        + "《青岛市双减要点》（山东省青岛市，2022-03-01），第1段,山东省青岛市. 青岛市双减要点[Z]. 2022-03-01.,\r\n"
        + "ezhou,\"关于\"\"双减\"\"工作的通知，鄂州市\",,,湖北省/鄂州市,2023-02-12,2,\"'=推进双减\n第二行\",,,通知,false,false,"
        + "\"" + EZHOU_CITATION.replace("\"", "\"\"") + "\",\"" + EZHOU_REFERENCE.replace("\"", "\"\"") + "\",\r\n", utf8(out));
  }

  @Test
  void exportJsonlTypesTheParagraphAndFlags() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(2, downloads.exportJsonl(new SearchRequest("双减", Filters.NONE, SortOrder.DATE_DESC, 1, 10, 1), 10, out));
    assertEquals("{\"id\":\"ezhou\",\"title\":\"关于\\\"双减\\\"工作的通知，鄂州市\",\"issuer\":\"\",\"doc_number\":\"\","
        + "\"region\":\"湖北省/鄂州市\",\"date\":\"2023-02-12\",\"paragraph\":2,\"text\":\"=推进双减\\n第二行\",\"source\":\"\","
        + "\"source_url\":\"\",\"type\":\"通知\",\"truncated\":false,\"redacted\":false,"
        + "\"citation\":\"" + EZHOU_CITATION.replace("\"", "\\\"") + "\",\"reference\":\"" + EZHOU_REFERENCE.replace("\"", "\\\"") + "\",\"cites\":\"\"}\n"
        + "{\"id\":\"qingdao\",\"title\":\"青岛市双减要点\",\"issuer\":\"\",\"doc_number\":\"\",\"region\":\"山东省/青岛市\","
        + "\"date\":\"2022-03-01\",\"paragraph\":1,\"text\":\"青岛市推进双减,减负提质。\",\"source\":\"\",\"source_url\":\"\","
        + "\"type\":\"通知\",\"truncated\":false,\"redacted\":false,\"citation\":\"《青岛市双减要点》（山东省青岛市，2022-03-01），第1段\","
        + "\"reference\":\"山东省青岛市. 青岛市双减要点[Z]. 2022-03-01.\",\"cites\":\"\"}\n", utf8(out));
  }

  @Test
  void exportLimitCountsDocuments() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(1, downloads.exportJsonl(new SearchRequest("双减", Filters.NONE, SortOrder.DATE_DESC, 1, 10, 1), 1, out));
    assertEquals(1, utf8(out).lines().count());
  }
}
