package org.policysearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend settings: the embedded index by default, a cluster when told, the password never in the settings or the log. */
class BackendConfigTest {
  @TempDir
  Path home;

  private Config with(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
    return Config.defaults(home).with(p);
  }

  @Test
  void theEmbeddedIndexIsTheDefault() {
    Config c = Config.defaults(home);
    assertEquals(BackendConfig.Kind.LUCENE, c.backend().kind());
    assertEquals("policy-search", c.backend().index());
    assertFalse(c.describe().contains("opensearch"), c.describe());
  }

  @Test
  void aClusterIsNamedByItsHostsAndAlias() {
    Config c = with("backend", "opensearch", "opensearch.hosts", "http://a:9200, https://b:9243", "opensearch.index", "policies",
        "opensearch.user", "reader", "opensearch.shards", "3", "opensearch.replicas", "2");
    BackendConfig b = c.backend();
    assertEquals(BackendConfig.Kind.OPENSEARCH, b.kind());
    assertEquals(List.of(URI.create("http://a:9200"), URI.create("https://b:9243")), b.hosts());
    assertEquals("policies", b.index());
    assertEquals(3, b.shards());
    assertEquals(2, b.replicas());
    assertEquals(BackendConfig.SearchType.QUERY_THEN_FETCH, b.searchType(), "OpenSearch's own default");
    assertTrue(c.describe().contains("backend=opensearch"), c.describe());
    assertEquals(BackendConfig.SearchType.DFS_QUERY_THEN_FETCH,
        with("backend", "opensearch", "opensearch.search_type", " DFS_query_then_fetch ").backend().searchType());
    // the settings carried through the --corpus/--index options and the one-off jobs
    assertEquals(b, c.withLocation(home.resolve("x"), home.resolve("y")).backend());
    assertEquals(b, c.forJob(home.resolve("x"), home.resolve("y"), false, false).backend());
  }

  @Test
  void thePasswordComesFromTheEnvironmentOrAFileAndIsNeverLogged() throws IOException {
    Config c = with("backend", "opensearch", "opensearch.user", "admin", "opensearch.password.env", "MY_PW");
    assertEquals("s3cret", c.backend().password(Map.of("MY_PW", "s3cret")));
    assertEquals("", c.backend().password(Map.of()));
    assertFalse(c.describe().contains("s3cret"));
    assertTrue(c.describe().contains("$MY_PW"), c.describe());
    Files.writeString(home.resolve("pw"), "from-file\n");
    Config f = with("backend", "opensearch", "opensearch.user", "admin", "opensearch.password.file", "pw");
    assertEquals("from-file", f.backend().password(Map.of("POLICY_SEARCH_OPENSEARCH_PASSWORD", "ignored")));
  }

  @Test
  void wrongSettingsSayWhatToFix() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> with("backend", "elastic")).getMessage().contains("lucene or opensearch"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> with("opensearch.hosts", "localhost:9200")).getMessage()
        .contains("http(s)://host:port"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> with("opensearch.index", "Policy Search")).getMessage()
        .contains("lower-case"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> with("opensearch.shards", "0")).getMessage().contains("shards"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> with("opensearch.search_type", "dfs")).getMessage()
        .contains("query_then_fetch or dfs_query_then_fetch, got 'dfs'"));
  }
}
