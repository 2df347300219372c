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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policysearch.doc.Articles;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.TestIndex;

/**
 * On the page: a regulation's table of contents and the jump to an article by its number, hits cited by
 * article, and the in-force filter saying 据文件库所知.
 */
class ArticlePageBrowserTest {
  @TempDir static Path dir;
  static PageSession page;
  static PageServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;

  static List<PolicyDocument> docs() {
    List<String> body = new ArrayList<>(List.of("第一章　总则", "第一条 为了加强养犬管理，制定本条例。"));
    for (int n = 2; n <= 12; n++) body.add("第" + Articles.chinese(n) + "条 养犬人应当遵守本条例第" + Articles.chinese(n) + "项规定。");
    body.addAll(List.of("犬只应当在取得登记证后饲养。", "第十三条 本条例自2017年7月1日起施行。"));
    PolicyDocument law = TestIndex.doc("dogs", "某市养犬管理条例", "2017-05-20", "湖北省/武汉市", "法规", List.of(),
        body.toArray(new String[0]));
    return List.of(law.withParagraphs(Articles.locate(law.paragraphs())));
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
    page.open("/?" + query);
  }

  @Test
  void theDocumentShowsItsContentsAndJumpsToAnArticle() {
    open("view=doc&id=dogs");
    String toc = driver.findElement(By.cssSelector(".doc-toc")).getText();
    assertTrue(toc.contains("第一章　总则") && toc.contains("第十二条"), toc);
    driver.findElement(By.id("article-jump")).sendKeys("十二");
    driver.findElement(By.cssSelector(".article-jump button")).click();
    // the view is drawn again for p=13: wait for the drawn page, not for an element of the one before
    wait.until(d -> d.getCurrentUrl().contains("p=13") && (Boolean) ((JavascriptExecutor) d).executeScript(
        "const e = document.getElementById('p-13');"
            + "return document.getElementById('main').getAttribute('aria-busy') === 'false' && !!e && e.classList.contains('target');"));
    driver.findElement(By.id("article-jump")).clear();
    driver.findElement(By.id("article-jump")).sendKeys("99");
    driver.findElement(By.cssSelector(".article-jump button")).click();
    wait.until(d -> !d.findElement(By.cssSelector(".article-jump p")).getText().isEmpty());
    assertTrue(driver.findElement(By.cssSelector(".article-jump p")).getText().contains("没有第99条"),
        driver.findElement(By.cssSelector(".article-jump p")).getText());
  }

  @Test
  void aHitInAnArticleIsCitedByArticle() {
    open("q=%E7%99%BB%E8%AE%B0%E8%AF%81%E5%90%8E"); // 登记证后
    assertEquals("第十二条第二款", driver.findElement(By.cssSelector(".passage .pno")).getText());
  }

  @Test
  void theInForceFilterSaysAsFarAsTheCorpusKnows() {
    open("q=%E5%85%BB%E7%8A%AC&effective_on=2017-05-19"); // 养犬, the day before its date (no 施行 date in this test document)
    String chips = driver.findElement(By.cssSelector(".chips")).getText();
    assertTrue(chips.contains("有效于：2017-05-19（据文件库所知）"), chips);
    assertTrue(driver.findElement(By.cssSelector(".in-force")).getText().contains("据文件库所知"));
    assertTrue(driver.findElements(By.cssSelector("ol.hits > .hit")).isEmpty());
    open("q=%E5%85%BB%E7%8A%AC&effective_on=2017-05-20");
    assertEquals(1, driver.findElements(By.cssSelector("ol.hits > .hit")).size());
  }
}
