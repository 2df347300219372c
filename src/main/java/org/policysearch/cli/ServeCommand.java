package org.policysearch.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.policysearch.Config;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexSummary;
import org.policysearch.index.IndexWriteException;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.ReindexException;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.web.WebApp;

/**
 * {@code serve [--host H] [--port P] [--corpus DIR] [--index DIR] [--watch]}: brings the index up to date
 * with the corpus and serves the API and the page. With an index already there it starts serving at
 * once and catches up in the background (a rebuild is written beside the serving index and swapped in
 * when complete); with none, it indexes first.
 */
final class ServeCommand implements Main.Command {
  @Override
  public String summary() {
    return "index the corpus and serve the page and API: [--host H] [--port P] [--corpus DIR] [--index DIR] [--watch]";
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    long t0 = System.nanoTime();
    Args a = Args.parse(argv, Common.union(Common.LOCATION, Set.of("host", "port")), Set.of("watch", "no-index"));
    Config c = Common.config(a);
    if (!a.flag("no-index")) requireWritable(c.index());
    String token = c.adminToken().isEmpty() ? System.getenv().getOrDefault("POLICY_SEARCH_ADMIN_TOKEN", "") : c.adminToken();
    boolean generated = token.isEmpty();
    if (generated) token = AdminToken.generate(c.index());
    c = new Config(c.home(), c.corpus(), c.index(), c.web(), a.get("host", c.host()), a.getInt("port", c.port()), token,
        c.corsOrigins(), c.logQueries(), a.flag("watch") || c.watchCorpus(), c.synonyms(), c.stockAnalyzer(), c.limits(),
        c.maxBodyBytes(), c.semantic(), c.semanticThreads(), c.backend());
    Config cfg = c;
    out.println("policy-search: " + cfg.describe());

    IndexLayout layout = new IndexLayout(cfg.index());
    // On a cluster the server always starts at once: the first run (which creates the index) goes in the background.
    boolean hadIndex = Backends.onCluster(cfg) || layout.current().isPresent();
    CorpusIndexer indexer = Pipeline.indexer(cfg);
    if (!hadIndex && !a.flag("no-index")) {
      out.println("indexing " + cfg.corpus() + " ...");
      // Redrawn with carriage returns: only on a terminal, not into a log file.
      ProgressBar bar = new ProgressBar(err, System.console() != null);
      IndexSummary s = indexer.run(cfg.corpus(), layout, false, bar);
      bar.done();
      IndexCommand.print(Backends.summary(s), out);
    }
    SearchBackend backend = Backends.serving(cfg, indexer, err);
    Javalin app = WebApp.create(backend, cfg);
    app.start();
    String docs;
    try {
      docs = backend.documentCount() + " documents";
    } catch (BackendUnavailableException e) {
      // The server answers anyway: health says what is wrong, searches answer 503 until the cluster is back.
      docs = "(the search cluster cannot be reached now: " + e.getMessage() + ")";
    }
    out.printf("policy-search serving %s at http://%s:%d/ (started in %.2f s)%n", docs,
        cfg.host().contains(":") ? "[" + cfg.host() + "]" : cfg.host(), app.port(), (System.nanoTime() - t0) / 1e9);
    out.println(generated ? "admin token: in " + cfg.index().resolve(AdminToken.FILE) + " (owner-readable only)"
        : "admin token: from configuration");
    // Vectors follow the text index: after this first indexing now, after each reindex by the backend itself.
    if (!hadIndex && !a.flag("no-index")) backend.catchUpInBackground();
    if (hadIndex && !a.flag("no-index")) {
      Thread bg = new Thread(() -> backgroundSync(backend, out, err), "index-sync");
      bg.setDaemon(true);
      bg.start();
    }
    if (cfg.watchCorpus()) CorpusWatcher.start(cfg.corpus(), () -> backgroundSync(backend, out, err), err);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      try {
        backend.close();
      } catch (IOException e) {
        err.println("closing the index: " + e.getMessage());
      }
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  /**
   * An index folder the server cannot write (read-only, not ours, a file in the way) stops it before anything
   * else, in one line with exit code 3, rather than after it has printed its settings and started to index.
   */
  private static void requireWritable(Path index) throws IOException {
    try {
      Files.createDirectories(index);
      Files.delete(Files.createTempFile(index, ".write-check-", ""));
    } catch (IOException e) {
      throw new IndexWriteException(index, e);
    }
  }

  /** A catch-up run in the background: reported when it changed something, never fatal to the server. */
  private static void backgroundSync(SearchBackend backend, PrintStream out, PrintStream err) {
    try {
      IndexRun s = backend.reindex(false);
      if (s.added() + s.updated() + s.removed() > 0 || s.rebuilt() || !s.skipped().isEmpty() || s.recovered() != null) {
        out.print("index brought up to date: ");
        IndexCommand.print(s, out);
      }
    } catch (ReindexException e) {
      // A run already going (the admin endpoint, the watcher) will see the same corpus: nothing to say.
      if (e.reason() != ReindexException.Reason.BUSY) err.println("indexing failed, still serving the previous index: " + e.getMessage());
    } catch (RuntimeException e) {
      err.println("indexing failed, still serving the previous index: " + e.getMessage());
    }
  }
}
