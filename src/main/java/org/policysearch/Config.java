package org.policysearch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.policysearch.search.api.SearchLimits;

/**
 * Settings of a running policy-search, immutable, with named defaults. Read from
 * {@code policy-search.properties} in the project home when present, then from command-line options
 * (which win). Logged once at start (without the admin token).
 *
 * @param home           project folder (corpus, index, web are resolved against it)
 * @param corpus         folder of source documents
 * @param index          folder of the index
 * @param web            folder of the web page
 * @param host           address to bind; loopback unless told otherwise
 * @param port           port to listen on
 * @param adminToken     token for admin endpoints; empty: one is generated at start and written to
 *                       {@code index/admin-token} (readable by the owner only)
 * @param corsOrigins    origins allowed to call the API from a browser; empty: CORS off
 * @param logQueries     whether request logs may contain query text (off: journalists' searches are confidential)
 * @param watchCorpus    reindex when files in the corpus folder change
 * @param synonyms       a synonyms file replacing the bundled one, or null
 * @param stockAnalyzer  analyse with stock smartcn instead of the project's faster identical segmenter
 * @param limits         bounds on requests
 * @param maxBodyBytes   largest request body accepted
 * @param semantic       paragraph embeddings for hybrid retrieval (docs/semantic.md); false: the model is never
 *                       loaded and the index's {@code vectors} folder never touched
 * @param semanticThreads threads that embed (the background build and {@code index --semantic})
 * @param backend        which search backend answers: the embedded index (default) or an OpenSearch cluster
 */
public record Config(Path home, Path corpus, Path index, Path web, String host, int port, String adminToken,
                     List<String> corsOrigins, boolean logQueries, boolean watchCorpus, Path synonyms,
                     boolean stockAnalyzer, SearchLimits limits, long maxBodyBytes, boolean semantic, int semanticThreads,
                     BackendConfig backend) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final boolean DEFAULT_SEMANTIC = true;
  /** Half the cores, at least one: the background build must leave the server room to answer. */
  public static final int DEFAULT_SEMANTIC_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  public static final String FILE = "policy-search.properties";

  public Config {
    corsOrigins = List.copyOf(corsOrigins);
    backend = backend == null ? BackendConfig.LUCENE : backend;
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    if (semanticThreads < 1) throw new IllegalArgumentException("semantic.threads must be 1 or more, got " + semanticThreads);
  }

  /** The embedded backend (the settings before there was a choice of backend). */
  public Config(Path home, Path corpus, Path index, Path web, String host, int port, String adminToken,
                List<String> corsOrigins, boolean logQueries, boolean watchCorpus, Path synonyms,
                boolean stockAnalyzer, SearchLimits limits, long maxBodyBytes, boolean semantic, int semanticThreads) {
    this(home, corpus, index, web, host, port, adminToken, corsOrigins, logQueries, watchCorpus, synonyms, stockAnalyzer, limits,
        maxBodyBytes, semantic, semanticThreads, BackendConfig.LUCENE);
  }

  /** These settings with another backend. */
  public Config withBackend(BackendConfig b) {
    return new Config(home, corpus, index, web, host, port, adminToken, corsOrigins, logQueries, watchCorpus, synonyms,
        stockAnalyzer, limits, maxBodyBytes, semantic, semanticThreads, b);
  }

  /** These settings over another corpus and index (the --corpus and --index options). */
  public Config withLocation(Path corpus, Path index) {
    return new Config(home, corpus, index, web, host, port, adminToken, corsOrigins, logQueries, watchCorpus, synonyms,
        stockAnalyzer, limits, maxBodyBytes, semantic, semanticThreads, backend);
  }

  /**
   * These settings for a one-off job over another corpus and index (a benchmark, the relevance evaluation):
   * no query log, no corpus watcher; the analyzer and semantic search as the job asks.
   */
  public Config forJob(Path corpus, Path index, boolean stockAnalyzer, boolean semantic) {
    return new Config(home, corpus, index, web, host, port, adminToken, corsOrigins, false, false, synonyms,
        stockAnalyzer, limits, maxBodyBytes, semantic, semanticThreads, backend);
  }

  /** The project home: the launcher's {@code policysearch.home}, else the working directory. */
  public static Path defaultHome() {
    String h = System.getProperty("policysearch.home");
    return Path.of(h == null || h.isBlank() ? "." : h).toAbsolutePath().normalize();
  }

  public static Config defaults(Path home) {
    return new Config(home, home.resolve("corpus"), home.resolve("index"), home.resolve("web"), DEFAULT_HOST, DEFAULT_PORT,
        "", List.of(), false, false, null, false, SearchLimits.DEFAULTS, DEFAULT_MAX_BODY_BYTES, DEFAULT_SEMANTIC,
        DEFAULT_SEMANTIC_THREADS);
  }

  /**
   * Defaults, overridden by {@code home/policy-search.properties} when it exists, or by the file the
   * system property {@code policysearch.config} names (a release's launcher sets it from
   * {@code POLICY_SEARCH_CONFIG}, so that a read-only installation can keep its settings in /etc). Relative
   * folders in either resolve against the home.
   */
  public static Config load(Path home) throws IOException {
    Config c = defaults(home);
    String named = System.getProperty("policysearch.config");
    Path f = named == null || named.isBlank() ? home.resolve(FILE) : Path.of(named);
    if (!Files.exists(f)) {
      if (f.equals(home.resolve(FILE))) return c;
      throw new IllegalArgumentException("the settings file " + f + " (POLICY_SEARCH_CONFIG) does not exist");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return c.with(p);
  }

  /** This config with the given properties applied (keys as in the README's configuration table). */
  public Config with(Properties p) {
    List<String> cors = new ArrayList<>(corsOrigins);
    if (p.getProperty("cors.origins") != null) {
      cors.clear();
      for (String o : p.getProperty("cors.origins").split(",")) if (!o.isBlank()) cors.add(o.strip());
    }
    SearchLimits l = limits;
    l = new SearchLimits(intOr(p, "limits.query_length", l.maxQueryLength()), intOr(p, "limits.clauses", l.maxClauses()),
        intOr(p, "limits.page_size", l.maxPageSize()), intOr(p, "limits.result_window", l.maxResultWindow()),
        l.maxPassages(), Duration.ofMillis(intOr(p, "limits.timeout_ms", (int) l.timeout().toMillis())));
    return new Config(home,
        pathOr(p, "corpus", corpus), pathOr(p, "index", index), pathOr(p, "web", web),
        p.getProperty("host", host).strip(), intOr(p, "port", port), p.getProperty("admin.token", adminToken).strip(),
        cors, boolOr(p, "log.queries", logQueries), boolOr(p, "watch.corpus", watchCorpus),
        p.getProperty("synonyms") == null ? synonyms : home.resolve(p.getProperty("synonyms").strip()),
        boolOr(p, "analyzer.stock", stockAnalyzer), l, intOr(p, "limits.body_bytes", (int) maxBodyBytes),
        boolOr(p, "semantic", semantic), intOr(p, "semantic.threads", semanticThreads), backend.with(p, home));
  }

  private Path pathOr(Properties p, String key, Path def) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() ? def : home.resolve(v.strip()).normalize();
  }

  static int intOr(Properties p, String key, int def) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) return def;
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be a whole number, got '" + v + "'");
    }
  }

  private static boolean boolOr(Properties p, String key, boolean def) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) return def;
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException("setting " + key + " must be true or false, got '" + v + "'");
    };
  }

  /** For the start-up log: every setting except the token. */
  public String describe() {
    return "corpus=" + corpus + " index=" + index + " host=" + host + " port=" + port + " cors=" + corsOrigins
        + " log.queries=" + logQueries + " watch.corpus=" + watchCorpus + " analyzer=" + (stockAnalyzer ? "stock smartcn" : "default")
        + " limits=" + limits + " semantic=" + semantic + (semantic ? " semantic.threads=" + semanticThreads : "")
        + (backend.kind() == BackendConfig.Kind.LUCENE ? "" : " " + backend.describe());
  }
}
