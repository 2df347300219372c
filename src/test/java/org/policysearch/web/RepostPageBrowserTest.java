package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policysearch.doc.Flags;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.TestIndex;

/**
 * What the page says about reposts and unknown dates: the folded reposts where the total stands, with
 * 显示 to list them; 日期不详 for a document without a date and apart in the year facet.
 */
class RepostPageBrowserTest {
  @TempDir static Path dir;
  static PageSession page;
  static PageServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;

  static final String TEXT = "全面推进集团化办学，扩大优质教育资源覆盖面。";

  static List<PolicyDocument> docs() {
    PolicyDocument original = TestIndex.doc("jyj/speech", "全市教育工作会议讲话", "2023-03-01", "湖北省/鄂州市", "讲话", List.of(), TEXT);
    PolicyDocument repost = TestIndex.doc("wenku/speech", "全市教育工作会议讲话（全文）", "2023-03-09", "湖北省/鄂州市", "讲话",
        List.of(), TEXT).withFlags(new Flags(false, false, "jyj/speech"));
    PolicyDocument undated = TestIndex.doc("cpc/report", "在党的代表大会上的报告", "", "全国", "工作报告", List.of(), "推进集团化办学的经验。");
    return List.of(original, repost, undated);
  }

  @BeforeAll
  static void start() throws Exception {
    page = PageSession.start(dir, docs());
    server = page.server;
    driver = page.driver;
    wait = page.wait;
  }

  @AfterAll
  static void stop() throws Exception {
    if (page != null) page.close();
  }

  static void open(String query) {
    page.open("/" + query);
  }

  static void ready() {
    page.ready();
  }

  static String total() {
    return driver.findElement(By.cssSelector(".total")).getText().replaceAll("（.*", "");
  }

  static List<String> hitIds() {
    return driver.findElements(By.cssSelector(".hit")).stream().map(h -> h.getDomAttribute("data-id")).toList();
  }

  @Test
  void foldedRepostsAreSaidBesideTheTotalAndShownOnRequest() {
    open("?q=" + URLEncoder.encode("\"" + TEXT + "\"", StandardCharsets.UTF_8));
    assertEquals("共 1 篇，另有 1 篇转载已合并 · 显示", total());
    assertEquals(List.of("jyj/speech"), hitIds());

    driver.findElement(By.cssSelector(".total a.show-reposts")).click();
    ready();
    assertEquals("共 2 篇", total());
    assertEquals(List.of("jyj/speech", "wenku/speech"), hitIds().stream().sorted().toList());
    assertTrue(driver.getCurrentUrl().contains("duplicates=true"), driver.getCurrentUrl());
    assertTrue(driver.findElement(By.cssSelector(".hit[data-id='wenku/speech']")).getText().contains("转载"));

    driver.findElement(By.cssSelector(".chips .chip")).click(); // 转载：逐篇显示 ×
    ready();
    assertEquals("共 1 篇，另有 1 篇转载已合并 · 显示", total());
  }

  @Test
  void anUndatedDocumentSaysSoAndIsCountedApartFromTheYears() {
    open("?q=" + URLEncoder.encode("集团化办学", StandardCharsets.UTF_8));
    assertEquals("共 2 篇，另有 1 篇转载已合并 · 显示", total());
    assertEquals("日期不详", driver.findElement(By.cssSelector(".hit[data-id='cpc/report'] .meta-date")).getText());
    assertEquals("日期不详 1", driver.findElement(By.cssSelector(".facet-year .facet-unknown")).getText());
    assertEquals(List.of("2023"), driver.findElements(By.cssSelector("input[data-facet='year']")).stream()
        .map(b -> b.getDomAttribute("value")).toList());
  }
}
