package org.policysearch.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policysearch.doc.PolicyDocument;

/**
 * The page over a few documents in a headless browser, for the browser tests of one feature: a
 * {@link PageServer} on a random port, Chromium on it, and a wait for the page to have drawn what its URL asks.
 */
final class PageSession implements AutoCloseable {
  final PageServer server;
  final ChromeDriver driver;
  final WebDriverWait wait;

  private PageSession(PageServer server, ChromeDriver driver) {
    this.server = server;
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** Serves {@code docs} from an index under {@code dir} and opens a browser (its profile under {@code dir} too). */
  static PageSession start(Path dir, List<PolicyDocument> docs) throws IOException {
    PageServer server = PageServer.start(dir.resolve("server"), 0, docs);
    try {
      return new PageSession(server, Browser.start(dir.resolve("profile"), 1280, 1000));
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  /** Opens {@code target} ("/", "/?q=…") on the server and waits until the page shows it. */
  void open(String target) {
    driver.get(server.base + target);
    ready();
  }

  /**
   * Waits until the main view is idle and shows the state the URL asks for (the similar-paragraphs panel
   * aside, which loads on its own): app.js marks what it drew in {@code main.dataset.shown}.
   */
  void ready() {
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "const m = document.getElementById('main');"
            + "const u = new URLSearchParams(location.search); u.delete('sim_id'); u.delete('sim_p');"
            + "return m.getAttribute('aria-busy') === 'false' && !document.body.classList.contains('loading')"
            + " && m.dataset.shown === u.toString();"));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      server.close();
    }
  }
}
