package org.policysearch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.Evidence;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Official;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.search.SearchCoreTestDocs;

/**
 * The corpus of the browser tests and screenshots: the search-core corpus (which already holds a document
 * whose title and text contain {@code <script>} and {@code <img onerror>}) plus three documents with the
 * metadata the page shows: headings, issuer, document number, source, officials, evidence, and the
 * truncated and redacted flags.
 */
final class WebTestDocs {
  private WebTestDocs() {}

  static final PolicyDocument WUHAN_REPORT = new PolicyDocument("wuhan-2023", "wuhan-2023.txt", 0,
      "武汉市2023年教育工作报告", "在全市教育工作会议上的报告", new DateInfo("2023-03-08", DateInfo.Precision.DAY),
      new RegionInfo("湖北省", "武汉市", "", "湖北省/武汉市", "420100", 1), "工作报告", "武汉市教育局网站",
      "https://jyj.wuhan.gov.cn/example/2023-report.html", "武汉市教育局", "武教〔2023〕1号",
      List.of(new Official("局长", "张某某")), List.of("双减", "校园安全"),
      Flags.NONE,
      paragraphs(
          "#一、2022年工作回顾",
          "过去一年，全市义务教育优质均衡发展取得新进展，新建改扩建中小学校42所。",
          "“双减”工作扎实推进，校外培训机构压减率达到95%。",
          "#二、2023年重点任务",
          "推动义务教育优质均衡发展，扩大优质教育资源覆盖面。",
          "抓好校园安全和防溺水工作，守牢安全底线。"),
      Map.of("来源", "武汉市教育局"),
      List.of(new Evidence("region", "湖北省/武汉市", "text", "武汉 ×4 in body"),
          new Evidence("date", "2023-03-08", "html-meta", "发布日期：2023-03-08")),
      "UTF-8", "w1");

  static final PolicyDocument CHENGDU_TRUNCATED = new PolicyDocument("chengdu-2022", "chengdu-2022.txt", 0,
      "成都市深化义务教育改革的实施意见", "", new DateInfo("2022-09", DateInfo.Precision.MONTH),
      new RegionInfo("四川省", "成都市", "", "四川省/成都市", "510100", 1), "通知", "成都日报", "", "成都市人民政府", "",
      List.of(), List.of("双减"), new Flags(true, false, ""),
      paragraphs(
          "为推动义务教育优质均衡发展，现提出如下意见。",
          "严格落实“双减”要求，提高课堂教学质量。"),
      Map.of(), List.of(), "UTF-8", "c1");

  static final PolicyDocument JINAN_REDACTED = new PolicyDocument("jinan-2024", "jinan-2024.txt", 0,
      "济南市教育局关于表彰优秀教师的决定", "", new DateInfo("2024-03-01", DateInfo.Precision.DAY),
      new RegionInfo("山东省", "济南市", "", "山东省/济南市", "370100", 1), "通知", "", "", "济南市教育局", "济教字〔2024〕3号",
      List.of(), List.of("立德树人"), new Flags(false, true, ""),
      paragraphs(
          "为弘扬高尚师德，决定对×××等同志予以表彰。",
          "希望全市教师立德树人，推动义务教育优质均衡发展。"),
      Map.of(), List.of(), "UTF-8", "j1");

  /** A long paragraph with one match in its middle: the result list shows an excerpt around it. */
  static final String LONG_FILLER = "持续优化城市公园绿地布局，完善公共交通线路和站点设置，提升市民出行便利程度。".repeat(6);
  static final String LONG_PARAGRAPH = LONG_FILLER + "全市新建研学旅行基地十二个。" + LONG_FILLER;
  static final PolicyDocument GUANGZHOU_LONG = new PolicyDocument("guangzhou-2020", "guangzhou-2020.txt", 0,
      "广州市城市建设工作要点", "", new DateInfo("2020", DateInfo.Precision.YEAR),
      new RegionInfo("广东省", "广州市", "", "广东省/广州市", "440100", 1), "通知", "", "", "", "",
      List.of(), List.of(), Flags.NONE, paragraphs(LONG_PARAGRAPH), Map.of(), List.of(), "UTF-8", "g1");

  static final List<PolicyDocument> DOCS = all();

  private static List<PolicyDocument> all() {
    List<PolicyDocument> out = new ArrayList<>(SearchCoreTestDocs.DOCS);
    out.add(WUHAN_REPORT);
    out.add(CHENGDU_TRUNCATED);
    out.add(JINAN_REDACTED);
    out.add(GUANGZHOU_LONG);
    return List.copyOf(out);
  }

  /** Paragraphs numbered from 1; a leading '#' marks a heading. */
  private static List<Paragraph> paragraphs(String... texts) {
    List<Paragraph> ps = new ArrayList<>();
    for (String t : texts) {
      boolean heading = t.startsWith("#");
      ps.add(new Paragraph(ps.size() + 1, heading ? t.substring(1) : t, heading, List.of()));
    }
    return ps;
  }
}
