package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (headless Chromium) against the server on a test index
 * ({@link WebTestDocs}): what a user sees after each action, the state in the URL, and that document
 * and query text never runs as script.
 */
class WebPageBrowserTest {
  @TempDir static Path dir;
  static PageServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;

  static final String EXACT = "\"义务教育\"";

  @BeforeAll
  static void start() throws Exception {
    server = PageServer.start(dir.resolve("server"), 0);
    driver = Browser.start(dir.resolve("profile"), 1280, 1000);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) driver.quit();
    if (server != null) server.close();
  }

  @BeforeEach
  void blank() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
  }

  // ---- helpers ----

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Opens the page with a query string and waits for the view to be drawn. */
  static void open(String query) {
    driver.get(server.base + "/" + query);
    ready();
  }

  /**
   * Waits until the main view shows what the URL says: no request in flight, and the state it drew
   * (data-shown) equal to the URL's query string less the similar-paragraphs panel. Back and forward
   * are asynchronous (popstate), so waiting for "not busy" alone could see the previous view.
   */
  static void ready() {
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "const m = document.getElementById('main');"
            + "const u = new URLSearchParams(location.search); u.delete('sim_id'); u.delete('sim_p');"
            + "return m.getAttribute('aria-busy') === 'false' && !document.body.classList.contains('loading')"
            + " && m.dataset.shown === u.toString();"));
  }

  static WebElement $(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  static List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  static String total() {
    return $(".total").getText();
  }

  static void search(String q) {
    WebElement box = $("#q");
    box.clear();
    box.sendKeys(q);
    box.sendKeys(Keys.ENTER);
    ready();
  }

  /** Facet value → count as shown in the sidebar. */
  static Map<String, String> facetCounts(String facet) {
    Map<String, String> m = new LinkedHashMap<>();
    for (WebElement box : all("input[data-facet='" + facet + "']")) {
      WebElement label = $("label[for='" + box.getDomAttribute("id") + "']");
      m.put(box.getDomAttribute("value"), label.findElement(By.cssSelector(".count")).getText());
    }
    return m;
  }

  static void clickFacet(String facet, String value) {
    $("input[data-facet='" + facet + "'][value='" + value + "']").click();
    ready();
  }

  static String activeId() {
    return (String) driver.executeScript("return document.activeElement && document.activeElement.id");
  }

  static void assertNoAlertAndNoInjectedMarkup() {
    assertNoAlertAndNoInjectedMarkup("/js/app.js");
  }

  static void assertNoAlertAndNoInjectedMarkup(String script) {
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "an alert() ran");
    assertEquals(0L, driver.executeScript("return document.querySelectorAll('img[onerror], [onerror], [onload]').length"),
        "an element with an event-handler attribute reached the DOM");
    assertEquals(0L, driver.executeScript("return document.querySelectorAll('img').length"), "the page has no images of its own");
    assertEquals(List.of(server.base + script),
        driver.executeScript("return [...document.scripts].map(s => s.src)"), "only the page's own script");
  }

  static String url() {
    return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
  }

  // ---- tests ----

  @Test
  void theEmptyPageOffersTheExampleSearchesOfWebExamplesJsonAndEachOpensItsView() {
    open("");
    List<WebElement> links = all(".examples a.example");
    assertEquals(List.of("精确短语\"新质生产力\"", "地区对比低空经济", "短语趋势改革开放"),
        links.stream().map(a -> a.getText().replace("\n", "").replace(" ", "")).toList());
    links.get(1).click();
    ready();
    assertTrue(url().contains("view=compare") && url().contains("q=低空经济"), url());
    assertEquals("低空经济", $("#q").getDomProperty("value"));
    // a query or a filter and the examples give way to the results
    open("?q=" + enc("义务教育"));
    assertEquals(List.of(), all(".examples"));
  }

  @Test
  void aSearchShowsMarkedResults() {
    open("");
    search(EXACT);
    assertEquals("共 7 篇", total().replaceAll("（.*", ""));
    List<WebElement> marks = all(".hits mark");
    assertTrue(marks.size() >= 7, "one mark per hit at least: " + marks.size());
    for (WebElement m : marks) assertEquals("义务教育", m.getText());
    assertTrue(url().contains("q=\"义务教育\""), url());
    assertEquals("精确", $("#interpretation .clause-kind").getText(), "the interpretation says the quotes mean exact");
    // every hit shows where and when, and each passage its paragraph number
    WebElement wuhan = $(".hit[data-id='wuhan-2023']");
    assertTrue(wuhan.getText().contains("湖北省 › 武汉市"), wuhan.getText());
    assertTrue(wuhan.getText().contains("2023-03-08"));
    assertEquals(List.of("第2段", "第5段"), wuhan.findElements(By.cssSelector(".pno")).stream().map(WebElement::getText).sorted().toList());
    assertEquals("节选/不完整", $(".hit[data-id='chengdu-2022'] .badge-warn").getText());
    assertEquals("含隐去信息", $(".hit[data-id='jinan-2024'] .badge-info").getText());
  }

  @Test
  void aLongParagraphShowsTheStretchAroundItsMatchUntilExpanded() {
    open("");
    search("研学旅行基地");
    WebElement text = $(".hit[data-id='guangzhou-2020'] .passage-text");
    String shown = text.getText();
    assertTrue(shown.startsWith("…") && shown.contains("…"), shown);
    assertEquals("研学旅行基地", text.findElement(By.cssSelector("mark")).getText());
    assertTrue(shown.length() < WebTestDocs.LONG_PARAGRAPH.length(), "an excerpt, not the whole paragraph");
    text.findElement(By.cssSelector("button.expand")).click();
    assertEquals(WebTestDocs.LONG_PARAGRAPH, $(".hit[data-id='guangzhou-2020'] .passage-text").getText());
  }

  @Test
  void aFacetClickNarrowsTheResultsAndTheCounts() {
    open("?q=" + enc(EXACT));
    assertEquals(Map.of("2024", "2", "2023", "4", "2022", "1"), facetCounts("year"));
    clickFacet("region", "湖北省");
    assertEquals("共 3 篇", total().replaceAll("（.*", ""));
    assertEquals(List.of("ezhou", "huarong", "wuhan-2023"),
        all(".hit").stream().map(h -> h.getDomAttribute("data-id")).sorted().toList());
    assertEquals(Map.of("2024", "1", "2023", "2"), facetCounts("year"), "the other facets count within 湖北省");
    assertEquals("2", facetCounts("region").get("山东省"), "the region facet still offers the other provinces (drill sideways)");
    assertTrue($("input[data-facet='region'][value='湖北省']").isSelected());
    assertEquals("地区：湖北省", $(".chip span").getText());
    // a second region ORs with the first
    clickFacet("region", "山东省");
    assertEquals("共 5 篇", total().replaceAll("（.*", ""));
    // the chip removes its filter
    $(".chip[aria-label*='湖北省']").click();
    ready();
    assertEquals("共 2 篇", total().replaceAll("（.*", ""));
    $(".chips .link-button").click(); // 清除全部
    ready();
    assertEquals("共 7 篇", total().replaceAll("（.*", ""));
    assertTrue(all(".chip").isEmpty());
  }

  @Test
  void aRegionTreeOpensToCitiesAndCounties() {
    open("?q=" + enc(EXACT));
    assertTrue(all("input[value='湖北省/鄂州市']").isEmpty(), "cities are folded at first");
    $("button.twisty[data-region='湖北省']").click();
    $("button.twisty[data-region='湖北省/鄂州市']").click();
    assertEquals("1", facetCounts("region").get("湖北省/鄂州市/华容区"));
    clickFacet("region", "湖北省/鄂州市/华容区");
    assertEquals("共 1 篇", total().replaceAll("（.*", ""));
    assertTrue($("input[value='湖北省/鄂州市/华容区']").isSelected(), "the tree stays open down to the selection");
  }

  @Test
  void aDocumentOpensWithItsMatchesMarkedAndNextMatchMovesFocus() {
    open("?q=" + enc(EXACT));
    $(".hit[data-id='wuhan-2023'] .hit-title").click();
    ready();
    assertEquals("武汉市2023年教育工作报告", $("#doc-title").getText());
    assertTrue(url().contains("view=doc") && url().contains("id=wuhan-2023"), url());
    List<WebElement> marks = all(".paragraphs mark");
    assertEquals(2, marks.size());
    for (WebElement m : marks) assertEquals("义务教育", m.getText());
    assertEquals("共 2 处匹配", $(".match-count").getText());
    assertEquals("一、2022年工作回顾", $("#p-1 h2.para-heading").getText(), "headings are styled as headings");
    assertEquals(6, all(".paragraphs .para").size());
    assertTrue($(".doc-meta").getText().contains("武教〔2023〕1号"));
    assertTrue($(".doc-meta").getText().contains("武汉市教育局"));

    $("#next-match").click();
    assertEquals("m-1", activeId());
    assertTrue($("#m-1").getDomAttribute("class").contains("current"));
    assertEquals("第 1 / 2 处", $(".match-count").getText());
    $("#doc-title").click(); // focus out of the button, then the keyboard
    driver.findElement(By.tagName("body")).sendKeys("n");
    assertEquals("m-2", activeId());
    assertTrue($("#m-2").findElement(By.xpath("ancestor::section")).getDomAttribute("id").equals("p-5"));
    driver.findElement(By.tagName("body")).sendKeys("n");
    assertEquals("m-1", activeId(), "wraps around");
    $("#prev-match").click();
    assertEquals("m-2", activeId());

    // the back link returns to the results
    assertEquals("← 返回检索结果", $("a.back").getText());
    $("a.back").click();
    ready();
    assertEquals("共 7 篇", total().replaceAll("（.*", ""));
  }

  @Test
  void theSourceLinkIsShownOnlyForADocumentWithASourceUrl() {
    // 成都日报 has a source but no URL: the source is named, and there is no 原文链接 (it used to link to the
    // page itself, as safeUrl('') resolved to location.href)
    open("?view=doc&id=chengdu-2022");
    assertTrue($(".doc-meta").getText().contains("成都日报"), $(".doc-meta").getText());
    assertFalse($(".doc-meta").getText().contains("原文链接"), $(".doc-meta").getText());
    assertEquals(0L, driver.executeScript("return [...document.querySelectorAll('.doc-meta a')]"
        + ".filter((a) => a.href === location.href || a.textContent === '原文链接').length"));
    // nor for a document with neither source nor URL
    open("?view=doc&id=jinan-2024");
    assertFalse($(".doc-meta").getText().contains("原文链接"), $(".doc-meta").getText());
    // with a URL, the link goes there
    open("?view=doc&id=wuhan-2023");
    WebElement link = $(".doc-meta").findElement(By.linkText("原文链接"));
    assertEquals("https://jyj.wuhan.gov.cn/example/2023-report.html", link.getDomAttribute("href"));
  }

  @Test
  void backReturnsToTheListWhereItWasScrolled() {
    open("?q=" + enc(EXACT));
    driver.executeScript("window.scrollTo(0, 300); document.querySelector(\".hit[data-id='jinan-2024'] .hit-title\").click();");
    ready();
    assertEquals("济南市教育局关于表彰优秀教师的决定", $("#doc-title").getText());
    assertEquals(0L, ((Number) driver.executeScript("return window.scrollY")).longValue(), "a document opens at its top");
    $("a.back").click();
    ready();
    assertEquals(300L, ((Number) driver.executeScript("return Math.round(window.scrollY)")).longValue());
    // from compare, the way back is to compare
    open("?view=compare&q=" + enc(EXACT));
    $(".compare-doc h3 a").click();
    ready();
    assertEquals("← 返回对比", $("a.back").getText());
    $("a.back").click();
    ready();
    assertTrue(url().contains("view=compare"), url());
    assertFalse(all(".compare-col").isEmpty());
  }

  @Test
  void theSemanticToggleIsPartOfTheUrlAndSurvivesReload() {
    open("?q=" + enc(EXACT));
    assertFalse($("#semantic").isSelected());
    $("#semantic").click();
    wait.until(d -> url().contains("semantic=true"));
    ready();
    assertTrue($("#semantic").isSelected());
    // the test server has no vectors: the search answers by the words, and says nothing of meaning
    assertFalse(all(".hit").isEmpty());
    assertFalse($(".total").getText().contains("按语义"), $(".total").getText());
    driver.navigate().refresh();
    ready();
    assertTrue($("#semantic").isSelected());
  }

  @Test
  void theSimilarParagraphsPanelFills() {
    open("?view=doc&id=wuhan-2023&q=" + enc(EXACT));
    WebElement button = $("#p-5 button[data-action='similar']");
    button.click();
    wait.until(d -> !d.findElements(By.cssSelector(".similar-item")).isEmpty());
    WebElement panel = $("#similar");
    assertTrue(panel.isDisplayed());
    List<WebElement> items = all(".similar-item");
    assertTrue(items.size() >= 5, "documents from other regions: " + items.size());
    // one entry per document, its best paragraph with the words it shares with the source marked
    assertTrue(items.get(0).getText().contains("推动义务教育优质均衡发展"), items.get(0).getText());
    assertFalse(items.get(0).findElements(By.cssSelector(".similar-text mark")).isEmpty(), "shared words are marked");
    assertTrue(items.stream().anyMatch(i -> i.getText().contains("湖北省 › 鄂州市")), "鄂州 says the same");
    assertEquals(items.size(), items.stream().map(i -> i.findElement(By.cssSelector(".similar-title a")).getText()).distinct().count(),
        "one entry per document");
    for (WebElement i : items) assertFalse(i.getText().contains("湖北省 › 武汉市"), "other regions only");
    assertTrue($(".similar-source").getText().contains("武汉市2023年教育工作报告"));
    assertTrue(url().contains("sim_id=wuhan-2023") && url().contains("sim_p=5"), url());
    // Escape closes it and gives the focus back
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    wait.until(d -> !d.findElement(By.id("similar")).isDisplayed());
    assertFalse(url().contains("sim_id"), url());
    assertEquals("similar", driver.switchTo().activeElement().getDomAttribute("data-action"));
    // from a result's passage too
    open("?q=" + enc(EXACT));
    $(".hit[data-id='tongnan'] button[data-action='similar']").click();
    wait.until(d -> !d.findElements(By.cssSelector(".similar-item")).isEmpty());
    assertTrue($(".similar-source").getText().contains("潼南区"));
  }

  @Test
  void documentAndQueryTextWithScriptAndImgTagsShowAsText() {
    open("");
    search("教育文字");
    assertEquals("<script>alert(1)</script>标题", $(".hit[data-id='xss'] .hit-title").getText());
    assertTrue($(".hit[data-id='xss'] .passage-text").getText().contains("<img src=x onerror=alert(2)>"));
    assertNoAlertAndNoInjectedMarkup();
    $(".hit[data-id='xss'] .hit-title").click();
    ready();
    assertEquals("<script>alert(1)</script>标题", $("#doc-title").getText());
    assertEquals("含有<script>alert('x')</script>和<img src=x onerror=alert(2)>的教育文字。", $("#p-1 .para-text").getText());
    $("#p-1 button[data-action='similar']").click();
    wait.until(d -> !d.findElements(By.cssSelector(".similar-item, .similar-body .notice-title")).isEmpty());
    assertNoAlertAndNoInjectedMarkup();

    String evil = "<script>alert(1)</script> <img src=x onerror=alert(2)>";
    open("?q=" + enc(evil));
    assertTrue($("#interpretation").getText().contains("<script>alert"), $("#interpretation").getText());
    assertEquals(evil, $("#q").getDomProperty("value"));
    assertNoAlertAndNoInjectedMarkup();
    open("?view=phrase&q=" + enc("<img src=x onerror=alert(2)>"));
    assertNoAlertAndNoInjectedMarkup();
    open("?view=compare&q=" + enc(evil));
    assertNoAlertAndNoInjectedMarkup();
    // typing it into the box (suggestions are asked for every keystroke)
    $("#q").clear();
    $("#q").sendKeys("<img src=x onerror=alert(3)>");
    assertNoAlertAndNoInjectedMarkup();
  }

  @Test
  void theContentSecurityPolicyIsSentAndThePageNeedsNothingInline() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'"), csp);
    // the shipped files: no inline script, no inline handler, no style attribute, no HTML parsing of strings
    try (Stream<Path> files = Files.walk(Path.of("web"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.toString();
        String text = Files.readString(f);
        if (name.endsWith(".html")) {
          assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(text).find(), name + ": inline <script>");
          assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(text).find(), name + ": inline handler");
          assertFalse(Pattern.compile("\\sstyle\\s*=").matcher(text).find(), name + ": style attribute");
          assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(text).find(), name + ": something from elsewhere");
        }
        if (name.endsWith(".js")) {
          for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
            assertFalse(text.contains(sink), name + " uses " + sink);
          }
        }
      }
    }
    // every view, then no Content-Security-Policy complaint in the console
    driver.manage().logs().get(LogType.BROWSER); // drop earlier messages
    open("?q=" + enc(EXACT));
    open("?view=compare&q=" + enc(EXACT));
    open("?view=phrase&q=" + enc("义务教育"));
    open("?view=doc&id=wuhan-2023&q=" + enc(EXACT));
    $("#p-5 button[data-action='similar']").click();
    wait.until(d -> !d.findElements(By.cssSelector(".similar-item")).isEmpty());
    List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("Failed to load"))
        .toList();
    assertEquals(List.of(), problems);
  }

  @Test
  void theUrlHoldsTheStateForReloadAndBack() {
    open("?q=" + enc(EXACT));
    clickFacet("region", "湖北省");
    new Select($("#sort")).selectByValue("date_desc");
    ready();
    assertTrue(url().contains("region=湖北省") && url().contains("sort=date_desc"), url());
    List<String> order = all(".hit").stream().map(h -> h.getDomAttribute("data-id")).toList();
    assertEquals(List.of("huarong", "wuhan-2023", "ezhou"), order, "newest first");

    driver.navigate().refresh();
    ready();
    assertEquals(order, all(".hit").stream().map(h -> h.getDomAttribute("data-id")).toList());
    assertEquals("date_desc", new Select($("#sort")).getFirstSelectedOption().getDomAttribute("value"));
    assertEquals("地区：湖北省", $(".chip span").getText());
    assertEquals(EXACT, $("#q").getDomProperty("value"));

    driver.navigate().back();
    ready();
    assertEquals("relevance", new Select($("#sort")).getFirstSelectedOption().getDomAttribute("value"));
    assertEquals("共 3 篇", total().replaceAll("（.*", ""));
    driver.navigate().back();
    ready();
    assertEquals("共 7 篇", total().replaceAll("（.*", ""));
    assertTrue(all(".chip").isEmpty());
    assertEquals(EXACT, $("#q").getDomProperty("value"));
    driver.navigate().forward();
    ready();
    assertEquals("共 3 篇", total().replaceAll("（.*", ""));
  }

  @Test
  void compareGroupsTheBestParagraphsByCity() {
    open("?view=compare&q=" + enc(EXACT));
    List<WebElement> columns = all(".compare-col");
    List<String> names = columns.stream().map(c -> c.findElement(By.cssSelector("h2")).getText().split("\\s|\\n")[0]).sorted().toList();
    assertEquals(List.of("成都市", "武汉市", "济南市", "潼南区", "聊城市", "鄂州市").stream().sorted().toList(), names);
    WebElement ezhou = columns.stream().filter(c -> c.getText().startsWith("鄂州市")).findFirst().orElseThrow();
    assertEquals(2, ezhou.findElements(By.cssSelector(".compare-doc")).size(), "华容区 is under 鄂州市");
    for (WebElement m : all(".compare mark")) assertEquals("义务教育", m.getText());
    assertEquals("true", $("#view-tabs a[data-view='compare']").getDomAttribute("aria-current") == null ? "false" : "true");
  }

  @Test
  void phraseStatisticsShowAChartATableAndTheOccurrences() throws Exception {
    open("?view=phrase&q=" + enc("义务教育"));
    assertTrue(total().startsWith("“义务教育” 共出现 8 次，见于 7 篇文件的 8 个段落"), total());
    List<String> bars = all("svg.chart .bar-value").stream().map(WebElement::getText).toList();
    assertEquals(List.of("1", "5", "2"), bars, "2022, 2023, 2024");
    List<String> years = all("svg.chart .bar-label").stream().map(WebElement::getText).toList();
    assertEquals(List.of("2022", "2023", "2024"), years);
    WebElement hubei = all(".matrix tbody tr").stream().filter(r -> r.findElement(By.cssSelector("th")).getText().equals("湖北省"))
        .findFirst().orElseThrow();
    // by year, then the total, then beside it: documents with the phrase, documents of 湖北省, the share
    assertEquals(List.of("·", "3", "1", "4", "3", "4", "75.0%"),
        hubei.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList());
    List<WebElement> rows = all(".kwic tbody tr");
    assertEquals(8, rows.size());
    for (WebElement r : rows) assertEquals("义务教育", r.findElement(By.cssSelector("mark")).getText());
    String csv = $("a[download='phrase.csv']").getDomAttribute("href");
    assertTrue(csv.contains("format=csv"), csv);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + csv)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(9, r.body().strip().split("\r\n").length, "a header and the 8 occurrences");
    // an occurrence opens its document at the paragraph, the phrase marked
    rows.get(0).findElement(By.cssSelector(".kwic-source a")).click();
    ready();
    assertEquals("济南市教育局关于表彰优秀教师的决定", $("#doc-title").getText());
    assertTrue($("#p-2").getDomAttribute("class").contains("target"));
  }

  @Test
  void phraseCountsStandBesideTheirDenominatorsAndTheChartShowsShares() {
    open("?view=phrase&q=" + enc("义务教育"));
    assertTrue(total().contains("（检索范围共 12 篇文件，占 58.3%）"), total());
    // each year: occurrences, documents with the phrase, documents of that year, share
    Map<String, List<String>> years = new LinkedHashMap<>();
    for (WebElement row : all(".year-table tbody tr")) {
      years.put(row.findElement(By.cssSelector("th")).getText(),
          row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList());
    }
    assertEquals(Map.of("2022", List.of("1", "1", "2", "50.0%"), "2023", List.of("5", "4", "4", "100.0%"),
        "2024", List.of("2", "2", "2", "100.0%")), years);
    assertEquals(List.of("1", "5", "2"), all("svg.chart .bar-value").stream().map(WebElement::getText).toList());
    $(".chart-mode button[data-mode='share']").click();
    assertEquals("true", $(".chart-mode button[data-mode='share']").getDomAttribute("aria-pressed"));
    assertEquals(List.of("50.0%", "100.0%", "100.0%"), all("svg.chart .bar-value").stream().map(WebElement::getText).toList());
    $(".chart-mode button[data-mode='count']").click();
    assertEquals(List.of("1", "5", "2"), all("svg.chart .bar-value").stream().map(WebElement::getText).toList());
  }

  @Test
  void onAPhoneEveryOccurrenceWrapsAndNamesItsSource() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    open("?view=phrase&q=" + enc("义务教育"));
    List<WebElement> rows = all(".kwic tbody tr");
    assertEquals(8, rows.size());
    for (WebElement row : rows) {
      WebElement source = row.findElement(By.cssSelector(".kwic-source"));
      assertTrue(source.isDisplayed(), "the source is shown on a phone");
      assertTrue(source.getText().matches("(?s).+ .+ \\d{4}(-\\d{2}){0,2} 第\\d+段"), "title, region, date, paragraph: " + source.getText());
    }
    // nothing in an occurrence clips its text, and the page does not scroll sideways
    Long clipped = (Long) driver.executeScript("return [...document.querySelectorAll('.kwic tbody tr, .kwic tbody tr *')]"
        + ".filter((e) => getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1).length");
    assertEquals(0L, clipped);
    Long overflow = (Long) driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertEquals(0L, overflow);
    WebElement first = rows.get(0);
    String right = (String) driver.executeScript("return arguments[0].querySelector('.kwic-right').textContent", first);
    assertTrue(first.getText().contains(right.strip()), "the whole right context is visible: " + first.getText());
  }

  @Test
  void aRegionTypedAsANameIsReadAndSaidSoAndAnAmbiguousOneIsExplained() {
    open("?q=" + enc("教育") + "&region=" + enc("济南"));
    assertEquals(List.of("jinan-2024"), all(".hit").stream().map(h -> h.getDomAttribute("data-id")).toList());
    assertEquals("地区 “济南” → 山东省/济南市按简称", $("#interpretation .filter-reading").getDomProperty("textContent"));
    // the tree shows the region it was read as, checked; unchecking it removes what was typed
    WebElement jinan = $("input[data-facet='region'][value='山东省/济南市']");
    assertTrue(jinan.isSelected());
    jinan.click();
    ready();
    assertFalse(url().contains("region="), url());
    assertTrue(all("#interpretation .filter-reading").isEmpty());
    assertTrue(all(".hit").size() > 1, "every region again");
    // a province's abbreviation, without a query: the reading alone is shown
    open("?region=" + enc("鲁"));
    assertEquals("地区 “鲁” → 山东省按省份简称", $("#interpretation .filter-reading").getDomProperty("textContent"));
    open("?q=" + enc("教育") + "&region=" + enc("朝阳区"));
    WebElement alert = $("#alert");
    assertTrue(alert.isDisplayed());
    assertTrue(alert.getText().startsWith("地区有误：地区“朝阳区”有多个：北京市/朝阳区、吉林省/长春市/朝阳区"), alert.getText());
  }

  @Test
  void aMalformedQueryShowsWhatToFix() {
    open("");
    search("(教育");
    WebElement alert = $("#alert");
    assertTrue(alert.isDisplayed());
    assertTrue(alert.getText().startsWith("检索式有误："), alert.getText());
    // in Chinese, saying where and what to do; the server's English detail is for scripts only
    assertTrue(alert.getText().contains("第 1 个字符处的“(”没有闭合：请补上“)”"), alert.getText());
    assertFalse(alert.getText().matches("(?s).*[A-Za-z]{3,}.*"), alert.getText());
    assertEquals("true", $("#q").getDomAttribute("aria-invalid"));
    search("教育");
    assertFalse($("#alert").isDisplayed());
  }

  @Test
  void suggestionsWorkWithTheKeyboard() {
    open("");
    WebElement box = $("#q");
    box.sendKeys("鄂州");
    wait.until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    assertEquals("true", box.getDomAttribute("aria-expanded"));
    assertEquals("湖北省 › 鄂州市", $("#suggestion-0 .s-text").getText());
    assertEquals("地区", $("#suggestion-0 .s-kind").getText());
    box.sendKeys(Keys.ARROW_DOWN);
    assertEquals("suggestion-0", box.getDomAttribute("aria-activedescendant"));
    assertEquals("true", $("#suggestion-0").getDomAttribute("aria-selected"));
    box.sendKeys(Keys.ENTER);
    ready();
    assertTrue(url().contains("region=湖北省/鄂州市"), url());
    assertEquals("地区：湖北省 › 鄂州市", $(".chip span").getText());
    assertEquals("共 2 篇", total().replaceAll("（.*", ""));
    // Escape closes the list and keeps the text
    box = $("#q");
    box.sendKeys("双");
    wait.until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    box.sendKeys(Keys.ESCAPE);
    assertFalse($("#suggestions").isDisplayed());
    assertEquals("双", box.getDomProperty("value"));
  }

  @Test
  void onAPhoneTheFiltersFoldAway() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    open("?q=" + enc(EXACT));
    assertFalse($("#facets").isDisplayed());
    WebElement toggle = $("#toggle-facets");
    assertTrue(toggle.isDisplayed());
    toggle.click();
    assertTrue($("#facets").isDisplayed());
    assertEquals("true", toggle.getDomAttribute("aria-expanded"));
    Long overflow = (Long) driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertEquals(0L, overflow, "no sideways scrolling of the page");
  }

  @Test
  void theApiDocsPageListsEveryEndpointAndSchema() {
    driver.get(server.base + "/api/docs");
    wait.until(d -> "false".equals(d.findElement(By.id("api")).getDomAttribute("aria-busy")));
    assertTrue(url().endsWith("/api.html"), url());
    List<String> ops = all("#api section.api-op h3").stream().map(WebElement::getText).filter(t -> t.matches("^(GET|POST) .*")).toList();
    assertEquals(WebApp.ROUTES.size(), ops.size(), ops.toString()); // every route of the table, each once
    assertTrue(ops.get(0).startsWith("GET /api/search"), ops.get(0));
    assertTrue($("#schema-PhraseResponse").getText().contains("by_region_year"));
    assertNoAlertAndNoInjectedMarkup("/js/apidocs.js");
  }

  @Test
  void copyingACitationGivesTitleRegionDateParagraphAndQuote() {
    driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.base,
        "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    open("?view=doc&id=wuhan-2023");
    $("#p-5 button[data-action='cite']").click();
    wait.until(d -> d.findElement(By.id("toast")).getText().startsWith("已复制引用"));
    String copied = (String) driver.executeAsyncScript(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
    assertEquals("《武汉市2023年教育工作报告》（湖北省武汉市，2023-03-08），第5段：“推动义务教育优质均衡发展，扩大优质教育资源覆盖面。”", copied);
  }
}
