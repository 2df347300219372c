package org.policysearch.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Saves the screenshots of the README (docs/screenshots/*.png) from the browser-test corpus. Not part of
 * the normal test run (pictures would change with fonts); run it by hand after changing the page:
 * {@code mvn test -Dtest=PageScreenshots -Dscreenshots=true}. Chinese text needs a CJK font
 * ({@code apt-get install fonts-noto-cjk}).
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class PageScreenshots {
  @TempDir Path dir;

  @Test
  void mainViews() throws Exception {
    Path out = Path.of("docs", "screenshots");
    Files.createDirectories(out);
    String exact = URLEncoder.encode("\"义务教育\"", StandardCharsets.UTF_8);
    try (PageServer server = PageServer.start(dir.resolve("server"), 0)) {
      ChromeDriver driver = Browser.start(dir.resolve("profile"), 1280, 900);
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Runnable ready = () -> wait.until(d -> "false".equals(d.findElement(By.id("main")).getDomAttribute("aria-busy")));

        driver.get(server.base + "/?q=" + exact + "&theme=" + URLEncoder.encode("双减", StandardCharsets.UTF_8));
        ready.run();
        driver.findElement(By.cssSelector("button.twisty[data-region='湖北省']")).click();
        shot(driver, out.resolve("results.png"), 1280, 1000);

        driver.get(server.base + "/?view=doc&id=wuhan-2023&q=" + exact);
        ready.run();
        driver.findElement(By.id("next-match")).click();
        driver.findElement(By.id("next-match")).click();
        shot(driver, out.resolve("document.png"), 1280, 860);

        driver.findElement(By.cssSelector("#p-5 button[data-action='similar']")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".similar-item")).isEmpty());
        shot(driver, out.resolve("similar.png"), 1280, 860);

        driver.get(server.base + "/?view=compare&q=" + exact);
        ready.run();
        shot(driver, out.resolve("compare.png"), 1280, 900);

        driver.get(server.base + "/?view=phrase&q=" + URLEncoder.encode("义务教育", StandardCharsets.UTF_8));
        ready.run();
        shot(driver, out.resolve("phrase.png"), 1280, 1500);

        driver.get(server.base + "/?q=" + exact);
        ready.run();
        shot(driver, out.resolve("phone.png"), 390, 844);
      } finally {
        driver.quit();
      }
    }
  }

  private static void shot(ChromeDriver driver, Path file, int width, int height) throws Exception {
    driver.manage().window().setSize(new Dimension(width, height));
    ((JavascriptExecutor) driver).executeScript("return new Promise(r => requestAnimationFrame(() => setTimeout(r, 300)))");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }
}
