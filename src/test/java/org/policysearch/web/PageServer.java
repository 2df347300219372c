package org.policysearch.web;

import com.google.gson.JsonObject;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.policysearch.Config;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;

/**
 * The server of the browser tests: {@link WebTestDocs} indexed into a temporary folder and served with the
 * project's {@code web/} folder on a free port. {@link #main} runs it by hand, from the project folder, for a
 * look at the page: {@code java -cp target/test-classes:target/classes:<test classpath> org.policysearch.web.PageServer 7071}.
 */
final class PageServer implements AutoCloseable {
  final LuceneBackend engine;
  final Javalin app;
  final String base;

  private PageServer(LuceneBackend engine, Javalin app) {
    this.engine = engine;
    this.app = app;
    this.base = "http://127.0.0.1:" + app.port();
  }

  static PageServer start(Path dir, int port) throws IOException {
    return start(dir, port, WebTestDocs.DOCS);
  }

  /** The same server over other documents. */
  static PageServer start(Path dir, int port, List<org.policysearch.doc.PolicyDocument> docs) throws IOException {
    Path web = Path.of("web").toAbsolutePath();
    if (!Files.isRegularFile(web.resolve("index.html"))) {
      throw new IllegalStateException("run from the project folder: " + web + "/index.html is missing");
    }
    TestIndex.write(dir.resolve("index"), docs);
    LuceneBackend engine = LuceneBackend.open(dir.resolve("index"), TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS);
    Config cfg = new Config(dir, dir.resolve("corpus"), dir.resolve("index"), web, "127.0.0.1", port, "unused-token", List.of(),
        false, false, null, false, SearchLimits.DEFAULTS, Config.DEFAULT_MAX_BODY_BYTES, false, 1);
    return new PageServer(engine, WebApp.create(new StubReindex(engine, StubReindex.NOOP), cfg).start());
  }

  @Override
  public void close() throws IOException {
    app.stop();
    engine.close();
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 7071;
    PageServer s = start(Files.createTempDirectory("policy-search-page"), port);
    System.out.println("serving the test corpus at " + s.base + "/");
    Thread.currentThread().join();
  }
}
