package org.policysearch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Which search backend answers, and how to reach it when it is an OpenSearch cluster (docs/opensearch.md).
 * The password is never a setting of its own: it is read from an environment variable or a file that the
 * settings name, so it never appears on a command line, in {@code ps}, or in the start-up log.
 *
 * @param kind          {@code lucene} (the embedded index, the default) or {@code opensearch}
 * @param hosts         the cluster's nodes, {@code http(s)://host:port} each
 * @param index         the alias searches go to; each build is an index of its own behind it
 * @param user          user for HTTP basic authentication, or "" for none
 * @param passwordEnv   environment variable holding the password
 * @param passwordFile  file holding the password (first line), or null
 * @param caCertificate PEM file of the certificate authority to trust for https (beside the JVM's own), or null
 * @param shards        primary shards of a new index
 * @param replicas      replicas of a new index
 * @param searchType    how searches are scored across shards ({@link SearchType})
 */
public record BackendConfig(Kind kind, List<URI> hosts, String index, String user, String passwordEnv, Path passwordFile,
                            Path caCertificate, int shards, int replicas, SearchType searchType) {
  /**
   * OpenSearch's two ways of scoring a search over several shards, by their names there. {@code query_then_fetch} (the
   * default, as in OpenSearch): each shard scores with its own term statistics, so scores, and the order of close
   * documents, depend on how the documents fell into shards. {@code dfs_query_then_fetch}: the shards' statistics are
   * gathered first, one more round trip per search, and the scores are those of the whole index: the embedded
   * index's, to the last bit (OpenSearchRankingTest), on any number of shards. Similar documents always use the latter.
   */
  public enum SearchType {
    QUERY_THEN_FETCH, DFS_QUERY_THEN_FETCH;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** With OpenSearch's default scoring ({@link SearchType#QUERY_THEN_FETCH}). */
  public BackendConfig(Kind kind, List<URI> hosts, String index, String user, String passwordEnv, Path passwordFile,
                       Path caCertificate, int shards, int replicas) {
    this(kind, hosts, index, user, passwordEnv, passwordFile, caCertificate, shards, replicas, SearchType.QUERY_THEN_FETCH);
  }

  /** The two backends. */
  public enum Kind {
    LUCENE, OPENSEARCH;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String DEFAULT_INDEX = "policy-search";
  public static final String DEFAULT_PASSWORD_ENV = "POLICY_SEARCH_OPENSEARCH_PASSWORD";
  public static final List<URI> DEFAULT_HOSTS = List.of(URI.create("http://localhost:9200"));
  public static final int DEFAULT_SHARDS = 1;
  public static final int DEFAULT_REPLICAS = 1;
  public static final BackendConfig LUCENE = new BackendConfig(Kind.LUCENE, DEFAULT_HOSTS, DEFAULT_INDEX, "", DEFAULT_PASSWORD_ENV,
      null, null, DEFAULT_SHARDS, DEFAULT_REPLICAS);

  public BackendConfig {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) throw new IllegalArgumentException("opensearch.hosts must name at least one http(s)://host:port");
    for (URI h : hosts) {
      if (h.getHost() == null || !("http".equals(h.getScheme()) || "https".equals(h.getScheme()))) {
        throw new IllegalArgumentException("opensearch.hosts: '" + h + "' is not http(s)://host:port");
      }
    }
    if (index == null || !index.matches("[a-z0-9][a-z0-9_.-]*")) {
      throw new IllegalArgumentException("opensearch.index must be a lower-case index name, got '" + index + "'");
    }
    if (shards < 1) throw new IllegalArgumentException("opensearch.shards must be 1 or more, got " + shards);
    if (replicas < 0) throw new IllegalArgumentException("opensearch.replicas must be 0 or more, got " + replicas);
    if (searchType == null) throw new IllegalArgumentException("opensearch.search_type must be set");
  }

  /** These settings with the {@code backend} and {@code opensearch.*} keys of {@code p} applied; paths resolve against {@code home}. */
  BackendConfig with(Properties p, Path home) {
    Kind k = kind;
    String b = p.getProperty("backend");
    if (b != null && !b.isBlank()) {
      k = switch (b.strip().toLowerCase(Locale.ROOT)) {
        case "lucene" -> Kind.LUCENE;
        case "opensearch" -> Kind.OPENSEARCH;
        default -> throw new IllegalArgumentException("setting backend must be lucene or opensearch, got '" + b + "'");
      };
    }
    List<URI> h = hosts;
    String hs = p.getProperty("opensearch.hosts");
    if (hs != null && !hs.isBlank()) {
      h = new ArrayList<>();
      for (String s : hs.split(",")) {
        if (s.isBlank()) continue;
        try {
          h.add(URI.create(s.strip()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("opensearch.hosts: '" + s.strip() + "' is not http(s)://host:port");
        }
      }
    }
    SearchType st = searchType;
    String sts = p.getProperty("opensearch.search_type");
    if (sts != null && !sts.isBlank()) {
      st = switch (sts.strip().toLowerCase(Locale.ROOT)) {
        case "query_then_fetch" -> SearchType.QUERY_THEN_FETCH;
        case "dfs_query_then_fetch" -> SearchType.DFS_QUERY_THEN_FETCH;
        default -> throw new IllegalArgumentException("setting opensearch.search_type must be query_then_fetch or dfs_query_then_fetch, got '"
            + sts.strip() + "'");
      };
    }
    return new BackendConfig(k, h, p.getProperty("opensearch.index", index).strip(), p.getProperty("opensearch.user", user).strip(),
        p.getProperty("opensearch.password.env", passwordEnv).strip(), path(p, "opensearch.password.file", home, passwordFile),
        path(p, "opensearch.tls.ca", home, caCertificate), Config.intOr(p, "opensearch.shards", shards),
        Config.intOr(p, "opensearch.replicas", replicas), st);
  }

  private static Path path(Properties p, String key, Path home, Path def) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() ? def : home.resolve(v.strip()).normalize();
  }

  /**
   * The password: the file's first line when a file is set, else the environment variable, else "" (no
   * password). Read when the backend opens, never kept in the settings.
   */
  public String password(Map<String, String> env) throws IOException {
    if (passwordFile != null) {
      List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
      return lines.isEmpty() ? "" : lines.get(0).strip();
    }
    String v = env.get(passwordEnv);
    return v == null ? "" : v;
  }

  /** For the start-up log: no password, only where it comes from. */
  public String describe() {
    if (kind == Kind.LUCENE) return "backend=lucene";
    return "backend=opensearch opensearch.hosts=" + hosts + " opensearch.index=" + index
        + (user.isEmpty() ? "" : " opensearch.user=" + user + " password from " + (passwordFile != null ? "file" : "$" + passwordEnv))
        + (caCertificate != null ? " opensearch.tls.ca=" + caCertificate : "") + " shards=" + shards + " replicas=" + replicas
        + " search_type=" + searchType.label();
  }
}
