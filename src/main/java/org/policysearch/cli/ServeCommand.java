package org.policysearch.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.policysearch.Config;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexSummary;
import org.policysearch.search.Engine;
import org.policysearch.web.AdminActions;
import org.policysearch.web.Problem;
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
    String token = c.adminToken().isEmpty() ? System.getenv().getOrDefault("POLICY_SEARCH_ADMIN_TOKEN", "") : c.adminToken();
    boolean generated = token.isEmpty();
    if (generated) token = newToken(c.index());
    c = new Config(c.home(), c.corpus(), c.index(), c.web(), a.get("host", c.host()), a.getInt("port", c.port()), token,
        c.corsOrigins(), c.logQueries(), a.flag("watch") || c.watchCorpus(), c.synonyms(), c.stockAnalyzer(), c.limits(),
        c.maxBodyBytes());
    Config cfg = c;
    out.println("policy-search: " + cfg.describe());

    IndexLayout layout = new IndexLayout(cfg.index());
    boolean hadIndex = layout.current().isPresent();
    ReentrantLock indexing = new ReentrantLock();
    if (!hadIndex && !a.flag("no-index")) {
      out.println("indexing " + cfg.corpus() + " ...");
      IndexSummary s = sync(cfg, err);
      IndexCommand.print(s, out);
    }
    Engine engine = Common.engine(cfg);
    AdminActions admin = () -> {
      if (!indexing.tryLock()) {
        throw new Problem.Exception(new Problem(409, "Conflict", "an indexing run is already in progress; try again when it has finished", null, List.of()));
      }
      try {
        IndexSummary s = sync(cfg, null);
        engine.search().refresh();
        return SummaryJson.of(s);
      } finally {
        indexing.unlock();
      }
    };
    Javalin app = WebApp.create(engine, cfg, admin);
    app.start();
    long docs = engine.search().documentCount();
    out.printf("policy-search serving %d documents at http://%s:%d/ (started in %.2f s)%n", docs,
        cfg.host().contains(":") ? "[" + cfg.host() + "]" : cfg.host(), app.port(), (System.nanoTime() - t0) / 1e9);
    out.println(generated ? "admin token: in " + cfg.index().resolve("admin-token") + " (owner-readable only)"
        : "admin token: from configuration");
    if (hadIndex && !a.flag("no-index")) {
      Thread bg = new Thread(() -> backgroundSync(cfg, engine, indexing, out, err), "index-sync");
      bg.setDaemon(true);
      bg.start();
    }
    if (cfg.watchCorpus()) CorpusWatcher.start(cfg.corpus(), () -> backgroundSync(cfg, engine, indexing, out, err), err);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      try {
        engine.close();
      } catch (IOException e) {
        err.println("closing the index: " + e.getMessage());
      }
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  private static IndexSummary sync(Config cfg, PrintStream progressTo) throws IOException {
    ProgressBar bar = new ProgressBar(progressTo == null ? System.err : progressTo, progressTo != null);
    IndexSummary s = Pipeline.indexer(cfg).run(cfg.corpus(), new IndexLayout(cfg.index()), false, bar);
    bar.done();
    return s;
  }

  private static void backgroundSync(Config cfg, Engine engine, ReentrantLock indexing, PrintStream out, PrintStream err) {
    if (!indexing.tryLock()) return;
    try {
      IndexSummary s = sync(cfg, null);
      engine.search().refresh();
      if (s.added() + s.updated() + s.removed() > 0 || s.rebuilt() || !s.skipped().isEmpty()) {
        out.print("index brought up to date: ");
        IndexCommand.print(s, out);
      }
    } catch (IOException | RuntimeException e) {
      err.println("indexing failed, still serving the previous index: " + e.getMessage());
    } finally {
      indexing.unlock();
    }
  }

  /** A random token written to index/admin-token, readable by the owner only. */
  private static String newToken(Path index) throws IOException {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    String token = HexFormat.of().formatHex(b);
    Files.createDirectories(index);
    Path f = index.resolve("admin-token");
    Files.deleteIfExists(f);
    Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(f, token + "\n", StandardCharsets.UTF_8);
    return token;
  }

}
