package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policysearch.ingest.Fixtures.reasons;
import static org.policysearch.ingest.Fixtures.write;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.LinesBuilder;
import org.policysearch.ingest.RawDocument;

class HtmlIngestTest {
  @TempDir Path root;
  final LinesBuilder builder = new LinesBuilder();

  private IngestRun run() {
    return new Ingester(IngestConfig.DEFAULTS, builder).ingestAll(root);
  }

  /** A page shaped like a TRS-built city government site. */
  static final String GOV_PAGE = """
      <!DOCTYPE html>
      <html><head>
      <meta charset="utf-8">
      <title>鄂州市召开2023年全市教育工作会议_教育动态_鄂州市人民政府</title>
      <meta name="SiteName" content="鄂州市人民政府">
      <meta name="ArticleTitle" content="鄂州市召开2023年全市教育工作会议">
      <meta name="PubDate" content="2023-02-13 09:30">
      <meta name="ContentSource" content="鄂州日报">
      <link rel="canonical" href="http://www.ezhou.gov.cn/jy/2023/0213.html">
      <script>var x = "脚本里的文字不应出现";</script>
      <style>.nav { color: red }</style>
      </head><body>
      <header><div class="logo">鄂州市人民政府</div></header>
      <nav><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li></ul></nav>
      <div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/jy">教育动态</a></div>
      <div class="main">
        <h1>鄂州市召开2023年全市教育工作会议</h1>
        <div id="zoom">
          <p>　　2月12日，全市教育工作会议召开。会议总结2022年工作，部署2023年重点任务。</p>
          <p>&nbsp;&nbsp;副市长邱实出席会议并讲话。<br>会议强调，要办好人民满意的教育。</p>
          <div><span>全市</span><b>教育系统</b>干部参加会议。</div>
          <table><tr><td>项目</td><td>完成</td></tr><tr><td>新建学校</td><td>5所</td></tr></table>
        </div>
      </div>
      <aside><h3>相关新闻</h3><a href="/a">鄂州市教育局召开党建工作会议</a></aside>
      <div style="display: none">隐藏的统计代码文字</div>
      <footer>主办单位：鄂州市人民政府办公室 版权所有</footer>
      </body></html>
      """;

  @Test
  void aGovernmentPageGivesItsArticleAndHeadMetadata() throws Exception {
    write(root, "ezhou.html", GOV_PAGE);
    IngestRun run = run();
    assertEquals(List.of(), run.skipped());
    RawDocument raw = builder.raw("ezhou.html", 0);
    assertEquals("""
        2月12日，全市教育工作会议召开。会议总结2022年工作，部署2023年重点任务。
        副市长邱实出席会议并讲话。
        会议强调，要办好人民满意的教育。
        全市教育系统干部参加会议。
        项目\t完成
        新建学校\t5所""", raw.text());
    assertEquals("html/UTF-8", raw.encoding());
    assertEquals(new GivenMetadata("html-meta", "", "鄂州市召开2023年全市教育工作会议", "2023-02-13", "", "", null,
        "鄂州日报", "http://www.ezhou.gov.cn/jy/2023/0213.html", "", ""), raw.given());
  }

  @Test
  void withoutAKnownContainerTheDensestTextWinsAndLinkBlocksGo() throws Exception {
    write(root, "plain.htm", """
        <html><head><title>关于做好2023年春季学期开学工作的通知 - 通知公告 - 潼南区教委</title>
        <meta property="og:title" content="">
        <meta property="article:published_time" content="2023-02-02T09:00:00+08:00">
        <meta property="og:url" content="https://www.cqstn.gov.cn/tz/1.html"></head>
        <body>
        <div class="top"><a href="/">首页</a><a href="/a">机构设置</a><a href="/b">政策文件</a><a href="/c">办事服务</a></div>
        <div class="wrap">
          <div class="left">
            <div class="list"><a href="/1">区教委召开党风廉政建设工作会议暨警示教育大会</a></div>
            <div class="list"><a href="/2">全区中小学安全工作会议召开</a></div>
          </div>
          <div class="right">
            <div class="title">关于做好2023年春季学期开学工作的通知</div>
            <div class="body">
              <div>各镇街中心学校，区属各学校：</div>
              <div>为切实做好2023年春季学期开学工作，确保师生平安返校、学校有序开学，现将有关事项通知如下。</div>
              <div>一、高度重视开学工作。各学校要把开学工作作为当前的重要任务，精心组织，周密安排。</div>
              <div>特此通知。</div>
            </div>
          </div>
        </div>
        <div class="copyright">重庆市潼南区教育委员会 版权所有 渝ICP备12345号</div>
        </body></html>
        """);
    IngestRun run = run();
    assertEquals(List.of(), run.skipped());
    RawDocument raw = builder.raw("plain.htm", 0);
    // The heading beside the body is lost to the density search; the title comes from the head instead.
    assertEquals("""
        各镇街中心学校，区属各学校：
        为切实做好2023年春季学期开学工作，确保师生平安返校、学校有序开学，现将有关事项通知如下。
        一、高度重视开学工作。各学校要把开学工作作为当前的重要任务，精心组织，周密安排。
        特此通知。""", raw.text());
    GivenMetadata g = raw.given();
    assertEquals("关于做好2023年春季学期开学工作的通知", g.title(), "empty og:title is ignored; <title> without the site parts");
    assertEquals("2023-02-02", g.date());
    assertEquals("https://www.cqstn.gov.cn/tz/1.html", g.sourceUrl());
  }

  @Test
  void aGbkPageIsDecodedByItsDeclarationOrByTheTextRule() throws Exception {
    String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        + "<title>聊城市教育局</title></head><body><div class=\"TRS_Editor\"><p>全面推进教育强市建设。</p></div></body></html>";
    write(root, "declared.html", page, TextDecoder.GB18030);
    write(root, "undeclared.html", page.replace("charset=gb2312", ""), TextDecoder.GB18030);
    write(root, "mislabelled.html", page); // says gb2312, is UTF-8
    write(root, "big5.html", page.replace("gb2312", "big5").replace("强", "強").replace("进", "進").replace("设", "設"),
        Charset.forName("Big5"));
    run();
    assertEquals("html/GB18030", builder.raw("declared.html", 0).encoding());
    assertEquals("全面推进教育强市建设。", builder.raw("declared.html", 0).text());
    assertEquals("html/GB18030", builder.raw("undeclared.html", 0).encoding());
    assertEquals("全面推进教育强市建设。", builder.raw("undeclared.html", 0).text());
    assertEquals("html/UTF-8", builder.raw("mislabelled.html", 0).encoding());
    assertEquals("全面推进教育强市建设。", builder.raw("mislabelled.html", 0).text());
    assertEquals("html/Big5", builder.raw("big5.html", 0).encoding());
    assertEquals("全面推進教育強市建設。", builder.raw("big5.html", 0).text());
  }

  @Test
  void aHundredThousandNestedDivsNeitherOverflowNorHang() throws Exception {
    StringBuilder sb = new StringBuilder("<html><body>");
    sb.append("<div>".repeat(100_000)).append("深层的正文。").append("</div>".repeat(100_000));
    sb.append("<p>结尾段落。</p></body></html>");
    write(root, "deep.html", sb.toString());
    long t0 = System.nanoTime();
    IngestRun run = run();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(List.of(), run.skipped());
    assertEquals("深层的正文。\n结尾段落。", builder.raw("deep.html", 0).text());
    assertTrue(ms < 10_000, "took " + ms + " ms");
  }

  @Test
  void aPageWithoutBodyTextIsNoText() throws Exception {
    write(root, "app.html", "<html><head><title>加载中</title><script src=app.js></script></head>"
        + "<body><div id=app></div><noscript>请启用JavaScript</noscript></body></html>");
    IngestRun run = run();
    assertEquals(List.of("app.html no-text"), reasons(run.skipped()));
    assertTrue(run.skipped().get(0).detail().contains("loaded by JavaScript"));
  }

  @Test
  void aSidecarOverridesHeadMetadataFieldByField() throws Exception {
    write(root, "ezhou.html", GOV_PAGE);
    write(root, "ezhou.meta.json", "{\"title\": \"更正后的标题\", \"region\": \"湖北省/鄂州市\"}");
    run();
    GivenMetadata g = builder.raw("ezhou.html", 0).given();
    assertEquals("sidecar", g.origin());
    assertEquals("更正后的标题", g.title());
    assertEquals("湖北省/鄂州市", g.region());
    assertEquals("2023-02-13", g.date(), "fields the sidecar does not give stay as the page has them");
    assertEquals("鄂州日报", g.source());
  }

  @Test
  void titleTagAndDateNormalisation() {
    assertEquals("关于印发某某办法的通知", HtmlMetadata.titleFromTitleTag("政策文件 | 关于印发某某办法的通知 | 市政府"));
    assertEquals("2023-02-05", HtmlMetadata.normalizeDate("2023/2/5 10:00:00"));
    assertEquals("2023-02-05", HtmlMetadata.normalizeDate("2023年2月5日"));
    assertEquals("2023年2月", HtmlMetadata.normalizeDate("2023年2月"), "other forms are passed on as written");
  }
}
