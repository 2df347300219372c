package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

/**
 * The documents that lack one of the words stand apart from the matches on the page: under their own
 * heading, each with the word it lacks, outside 共 N 篇.
 */
class PartialPageBrowserTest {
  @TempDir static Path dir;
  static PageSession page;
  static PageServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;

  static List<PolicyDocument> docs() {
    return List.of(
        TestIndex.doc("all", "公共场所控烟规定", "2023-01-01", "湖北省", "条例", List.of(), "公共场所禁止吸烟，控烟工作由卫生部门负责。"),
        TestIndex.doc("place", "公共场所治安管理", "2023-01-02", "湖北省", "条例", List.of(), "维护公共场所秩序。"),
        TestIndex.doc("tobacco", "<b>健康</b>乡村", "2023-01-03", "山东省", "条例", List.of(), "加强村民控烟教育。"));
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

  static void open(String q) {
    page.open("/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  static Map<String, String> partialBadges() {
    Map<String, String> out = new TreeMap<>();
    for (WebElement h : driver.findElements(By.cssSelector(".partial .hit"))) {
      out.put(h.getDomAttribute("data-id"), h.findElement(By.cssSelector(".missing-badge")).getText());
    }
    return out;
  }

  @Test
  void documentsLackingAWordAreListedApartWithTheWordTheyLack() {
    open("公共场所 控烟");
    assertTrue(driver.findElement(By.cssSelector(".total")).getText().startsWith("共 1 篇"));
    List<String> matches = driver.findElements(By.cssSelector("ol.hits:not(.partial-hits) > .hit")).stream()
        .map(h -> h.getDomAttribute("data-id")).toList();
    assertEquals(List.of("all"), matches);
    assertEquals("以下 2 篇只含部分检索词（各缺一个词，不计入总数）",
        driver.findElement(By.cssSelector(".partial-heading")).getText());
    assertEquals(Map.of("place", "缺：控烟", "tobacco", "缺：公共场所"), partialBadges());
    // a title is text, never markup
    assertTrue(driver.findElements(By.cssSelector(".partial .hit-title b")).isEmpty());
  }

  @Test
  void withNoFullMatchThePageSaysSoAndStillShowsTheNearestMisses() {
    open("公共场所 控烟 -吸烟");
    assertTrue(driver.findElement(By.cssSelector(".total")).getText().startsWith("共 0 篇"));
    assertTrue(driver.findElement(By.id("main")).getText().contains("没有文件含全部检索词"));
    assertEquals(Map.of("place", "缺：控烟", "tobacco", "缺：公共场所"), partialBadges());
  }
}
