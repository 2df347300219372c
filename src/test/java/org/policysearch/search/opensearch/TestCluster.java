package org.policysearch.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;
import org.policysearch.BackendConfig;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.ingest.DocumentBuilder;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.SkipReasons;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;

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
              + "org.policysearch.opensearch.PolicySearchPlugin"));
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

  /**
   * The backend over the index {@code alias} of the node ({@code shards} shards, no replica), indexing from
   * {@code corpus} (null: none, reindex refused) as the tests' embedded indexes are opened: the test analyzers,
   * no synonyms file, the default limits.
   */
  public static OpenSearchBackend backend(String alias, int shards, OpenSearchBackend.Corpus corpus) throws IOException {
    return backend(alias, shards, corpus, null);
  }

  /** As above, with semantic search made with {@code semantic} (null: off). */
  public static OpenSearchBackend backend(String alias, int shards, OpenSearchBackend.Corpus corpus, SemanticIndex.Setup semantic)
      throws IOException {
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(uri()), alias, "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, shards, 0);
    return OpenSearchBackend.open(cfg, "", TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS, corpus, semantic);
  }

  /**
   * The backend over a new index {@code alias} holding exactly {@code docs}, the documents a test made in memory
   * (those {@code TestIndex.write} puts in an embedded index). They reach the cluster the only way documents do,
   * through a corpus folder, the {@link Ingester} and the {@code ClusterIndexer}: each is written as a text file
   * (its paragraphs, one a line) under {@code dir/cluster-corpus}, and the ingester is given a document builder
   * that answers each file with its document as made, untouched. A real builder would make other documents:
   * the standard one cleans the text, splits and marks the paragraphs (headings, themes, articles) and reads
   * the metadata from it; the plain one strips each line, locates articles and takes the id from the file name
   * and the rest from given metadata. The run must index every document and skip nothing.
   */
  public static OpenSearchBackend withDocuments(String alias, int shards, Path dir, List<PolicyDocument> docs) throws IOException {
    return withDocuments(alias, shards, dir, docs, null);
  }

  /** As above, with semantic search made with {@code semantic} (null: off); the vectors are not built yet. */
  public static OpenSearchBackend withDocuments(String alias, int shards, Path dir, List<PolicyDocument> docs, SemanticIndex.Setup semantic)
      throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("cluster-corpus"));
    Map<String, PolicyDocument> byFile = new HashMap<>();
    for (PolicyDocument d : docs) {
      String file = String.format("%04d.txt", byFile.size());
      List<String> lines = new ArrayList<>();
      for (Paragraph p : d.paragraphs()) lines.add(p.text());
      Files.writeString(corpus.resolve(file), String.join("\n", lines) + "\n");
      byFile.put(file, d);
    }
    DocumentBuilder asMade = raw -> {
      PolicyDocument d = byFile.get(raw.file());
      if (d == null) throw new IngestException(SkipReasons.BUILD_ERROR, "not a document of the test: " + raw.file());
      return d;
    };
    OpenSearchBackend b = backend(alias, shards, new OpenSearchBackend.Corpus(corpus, new Ingester(IngestConfig.DEFAULTS, asMade),
        System.err), semantic);
    IndexRun run = b.index(true, (files, of, bytes, bytesOf, documents) -> {});
    if (run.added() != docs.size() || !run.skipped().isEmpty() || run.documents() != docs.size()) {
      b.close();
      throw new IllegalStateException("the cluster index " + alias + " did not take the " + docs.size() + " documents: " + run);
    }
    return b;
  }

  /** A client of the node. */
  static Cluster client() throws IOException {
    return new Cluster(List.of(uri()), "", "", null);
  }
}
