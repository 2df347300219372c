package org.policysearch.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;

/**
 * One in-JVM OpenSearch node for every test of the OpenSearch backend in this JVM, started on first use
 * (about ten seconds) and stopped when the JVM ends: the stock smartcn plugin and the policy-search analysis
 * plugin (src/opensearch/java) loaded by class name, as an installed zip loads them. Each test class uses
 * indexes of its own names, so they never see each other's documents.
 */
public final class TestCluster {
  /**
   * Processors every in-JVM node is told it has: the value is fixed once per JVM (Netty's), so the single node
   * and the three-node test must agree.
   */
  static final int PROCESSORS = 2;
  private static OpenSearchRunner runner;
  private static URI uri;

  private TestCluster() {}

  /** The node's HTTP address, starting the node the first time. */
  public static synchronized URI uri() {
    if (runner == null) start();
    return uri;
  }

  private static void start() {
    try {
      Path base = Files.createTempDirectory("policy-search-opensearch-");
      OpenSearchRunner r = new OpenSearchRunner();
      r.onBuild((number, settings) -> {
        settings.put("discovery.type", "single-node");
        settings.put("http.port", "0");
        settings.put("transport.port", "0");
        settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        settings.put("node.processors", PROCESSORS);
      }).build(OpenSearchRunner.newConfigs().basePath(base.toString()).clusterName("policy-search-test").numOfNode(1)
          .disableESLogger()
          .pluginTypes("org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin,"
              + "org.policysearch.opensearch.PolicySearchAnalysisPlugin"));
      r.ensureYellow();
      int port = r.node().injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
      runner = r;
      uri = URI.create("http://127.0.0.1:" + port);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          r.close();
          r.clean();
        } catch (IOException e) {
          System.err.println("stopping the test node: " + e.getMessage());
        }
      }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client of the node. */
  static Cluster client() throws IOException {
    return new Cluster(List.of(uri()), "", "", null);
  }
}
