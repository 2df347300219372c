package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.TestIndex;

/** The lineage section of the document view: who cites a document (table and list, oldest first), what one rests on. */
class LineagePageBrowserTest {
  @TempDir static Path dir;
  static PageSession page;
  static PageServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;
  static final String HOSTILE = "<img src=x onerror=alert(1)>示范办法";

  static List<PolicyDocument> docs() {
    List<PolicyDocument> d = new ArrayList<>();
    d.add(TestIndex.doc("law", "中华人民共和国教育法", "1995-03-18", "全国", "法规", List.of(), "第一条 为了发展教育事业，制定本法。"));
    d.add(TestIndex.doc("wuhan", "武汉市教育督导办法", "2012-05-01", "湖北省/武汉市", "法规", List.of(),
        "第一条 为了实施《中华人民共和国教育法》，制定本办法。", "第二条 参照《" + HOSTILE + "》执行。"));
    d.add(TestIndex.doc("qingdao", "青岛市教育条例", "2008-01-01", "山东省/青岛市", "法规", List.of(), "第一条 根据《教育法》，制定本条例。"));
    d.add(TestIndex.doc("yichang", "宜昌市教育办法", "2015-01-01", "湖北省/宜昌市", "法规", List.of(), "第一条 根据《教育法》，制定本办法。"));
    return d;
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
    wait.until(d -> !d.findElements(By.cssSelector(".doc-header")).isEmpty());
  }

  @Test
  void whoCitesALawFirstAdoptersFirstWithTheTableAndTheCitingParagraph() {
    open("?view=doc&id=law");
    WebElement section = driver.findElement(By.cssSelector(".lineage"));
    assertTrue(section.findElement(By.cssSelector(".lineage-cited-by h3")).getText().startsWith("被 3 篇文件引用"));
    List<String> titles = section.findElements(By.cssSelector(".cited-by-list > li > a")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("青岛市教育条例", "武汉市教育督导办法", "宜昌市教育办法"), titles);
    String first = section.findElement(By.cssSelector(".cited-by-list .citing-paragraph")).getText();
    assertEquals("第1段：第一条 根据《教育法》，制定本条例。", first);
    List<String> rows = section.findElements(By.cssSelector(".lineage-table tbody tr")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("山东省 1 · · 1", "湖北省 · 1 1 2"), rows);
  }

  @Test
  void theCitingDocumentsOpenAsASearchThatFiltersNarrow() {
    open("?view=doc&id=law");
    driver.findElement(By.cssSelector(".cited-by-search")).click();
    wait.until(d -> d.getCurrentUrl().contains("cites=law") && !d.findElements(By.cssSelector(".hit")).isEmpty());
    assertEquals(List.of("qingdao", "wuhan", "yichang"), hitIds());
    assertTrue(driver.findElement(By.cssSelector(".chips")).getText().contains("引用了：law"));
    // the citing documents of one province: the cites filter combines with the others
    driver.get(driver.getCurrentUrl() + "&region=" + java.net.URLEncoder.encode("湖北省", java.nio.charset.StandardCharsets.UTF_8));
    wait.until(d -> d.findElements(By.cssSelector(".hit")).size() == 2);
    assertEquals(List.of("wuhan", "yichang"), hitIds());
  }

  static List<String> hitIds() {
    return driver.findElements(By.cssSelector(".hit")).stream().map(h -> h.getDomAttribute("data-id")).sorted().toList();
  }

  @Test
  void whatADocumentRestsOnLinksTheResolvedAndEscapesEveryTitle() {
    open("?view=doc&id=wuhan");
    List<WebElement> items = driver.findElements(By.cssSelector(".cites-list > li"));
    assertEquals(2, items.size());
    assertTrue(items.get(0).getText().startsWith("实施 《中华人民共和国教育法》"), items.get(0).getText());
    assertTrue(items.get(0).findElement(By.cssSelector("a")).getDomAttribute("href").contains("id=law"));
    // the hostile title is text, never markup
    assertTrue(items.get(1).getText().contains("《" + HOSTILE + "》"), items.get(1).getText());
    assertEquals(0, driver.findElements(By.cssSelector(".lineage img")).size());
  }
}
