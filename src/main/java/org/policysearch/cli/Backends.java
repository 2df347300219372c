package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.policysearch.BackendConfig;
import org.policysearch.Config;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexSummary;
import org.policysearch.index.vector.EmbedderException;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.search.IndexRuns;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.opensearch.OpenSearchBackend;
import org.policysearch.search.query.Synonyms;

/**
 * The one place that chooses and opens the search backend from the configuration; every command and
 * the server get a {@link SearchBackend} from here and see nothing of its implementation: the Lucene index
 * at {@link Config#index()}, with semantic search as configured ({@code backend=lucene}, the default), or
 * the OpenSearch cluster of {@code opensearch.*} ({@code backend=opensearch}, docs/opensearch.md).
 */
final class Backends {
  private Backends() {}

  static SearchBackend open(Config c) throws IOException {
    return open(c, System.err);
  }

  /** The backend with semantic search as configured; {@code log} gets its progress lines and failures. */
  static SearchBackend open(Config c, PrintStream log) throws IOException {
    return open(c, null, log);
  }

  /**
   * The backend a server runs on: as {@link #open(Config, PrintStream)}, and able to reindex from the
   * corpus with {@code indexer}; {@code log} gets failed runs in full.
   */
  static SearchBackend serving(Config c, CorpusIndexer indexer, PrintStream log) throws IOException {
    if (onCluster(c)) return cluster(c, new OpenSearchBackend.Corpus(c.corpus(), Pipeline.ingester(), log), log);
    return open(c, new LuceneBackend.Corpus(c.corpus(), indexer, log), log);
  }

  /** Whether the configuration names an OpenSearch cluster. */
  static boolean onCluster(Config c) {
    return c.backend().kind() == BackendConfig.Kind.OPENSEARCH;
  }

  /**
   * An indexing run of the index command on the cluster (the embedded index is written by the pipeline's
   * indexer directly), with its progress.
   */
  static IndexRun indexCluster(Config c, boolean rebuild, ProgressBar bar, PrintStream log) throws IOException {
    try (OpenSearchBackend b = cluster(c, new OpenSearchBackend.Corpus(c.corpus(), Pipeline.ingester(), log), log)) {
      return b.index(rebuild, new OpenSearchBackend.ClusterProgress() {
        @Override
        public void update(long filesDone, long filesTotal, long bytesDone, long bytesTotal, long documents) {
          bar.update(filesDone, filesTotal, bytesDone, bytesTotal, documents);
        }

        @Override
        public void merging() {
          bar.step("merging the new index to one segment per shard (docs/opensearch.md: minutes to hours at national scale)");
        }
      });
    }
  }

  /**
   * The cluster's paragraph vectors brought up to date with its text index, here (the index command's
   * {@code --semantic}); progress lines and the one-line failure on {@code log}.
   */
  static VectorBuilder.Summary embedCluster(Config c, PrintStream log) throws IOException, EmbedderException {
    try (OpenSearchBackend b = cluster(c, null, log)) {
      VectorBuilder.Summary s = b.semantic().buildNow(st -> {});
      // another server holds the right to build them: say so, beside the summary of nothing done
      if (!s.complete() && b.semantic().status().state() == org.policysearch.index.vector.VectorStatus.State.WAITING) {
        log.println("semantic search: " + b.semantic().status().detail());
      }
      return s;
    }
  }

  /** The cluster backend; the password is read now, from the environment variable or the file the settings name. */
  private static OpenSearchBackend cluster(Config c, OpenSearchBackend.Corpus corpus, PrintStream log) throws IOException {
    return OpenSearchBackend.open(c.backend(), c.backend().password(System.getenv()), Common.analyzers(c), Synonyms.load(c.synonyms()),
        c.limits(), corpus, Common.semanticSetup(c, log));
  }

  /** What an indexing run of the index command (or a server's first run) did, as the backend would report it. */
  static IndexRun summary(IndexSummary s) {
    return IndexRuns.of(s);
  }

  private static SearchBackend open(Config c, LuceneBackend.Corpus corpus, PrintStream log) throws IOException {
    if (onCluster(c)) return cluster(c, null, log);
    SemanticIndex semantic = Common.semantic(c, log);
    try {
      return LuceneBackend.open(c.index(), Common.analyzers(c), Synonyms.load(c.synonyms()), c.limits(), semantic, corpus);
    } catch (IOException | RuntimeException e) {
      semantic.close();
      throw e;
    }
  }
}
