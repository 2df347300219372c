package org.policysearch.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.policysearch.Config;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexSummary;
import org.policysearch.index.IndexWriteException;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.web.AdminActions;
import org.policysearch.web.Problem;

/**
 * Brings a served index up to date with the corpus and swaps the result in, one run at a time: the admin
 * endpoint, the background catch-up at start and the corpus watcher share it. A run that fails leaves the
 * previous index serving; the admin client is told why in words without paths, the server's log gets
 * the full message.
 */
final class IndexSync implements AdminActions {
  private final Config cfg;
  private final CorpusIndexer indexer;
  private final SearchBackend backend;
  private final PrintStream log;
  private final ReentrantLock running = new ReentrantLock();

  IndexSync(Config cfg, CorpusIndexer indexer, SearchBackend backend, PrintStream log) {
    this.cfg = cfg;
    this.indexer = indexer;
    this.backend = backend;
    this.log = log;
  }

  /** Runs now and refreshes the searcher, or returns empty when a run of this server is already going. */
  Optional<IndexSummary> tryRun(boolean rebuild, CorpusIndexer.Progress progress) throws IOException {
    if (!running.tryLock()) return Optional.empty();
    try {
      IndexSummary s;
      try {
        s = indexer.run(cfg.corpus(), new IndexLayout(cfg.index()), rebuild, progress);
        backend.refresh();
      } finally {
        // Vectors catch up with whatever the text index now holds, in the background (a no-op with semantic=false);
        // after a failed run too, since the text index is then its last commit, which may still lack vectors.
        backend.catchUpInBackground();
      }
      return Optional.of(s);
    } finally {
      running.unlock();
    }
  }

  @Override
  public JsonObject reindex() {
    return reindex(false);
  }

  @Override
  public JsonObject reindex(boolean rebuild) {
    Optional<IndexSummary> s;
    try {
      s = tryRun(rebuild, CorpusIndexer.Progress.NONE);
    } catch (IndexLayout.IndexLockedException e) {
      throw new Problem.Exception(Problem.of(409, "Conflict", "another indexer (such as the index command) is writing this "
          + "index; try again when it has finished", "另一个索引程序（如 index 命令）正在写这个索引，请等它结束后再试"));
    } catch (IndexWriteException e) {
      log.println("reindex failed, still serving the previous index: " + e.getMessage());
      throw new Problem.Exception(Problem.of(503, "Index not writable", "the index could not be written (" + e.reason()
          + "); searches go on with the previous index. Fix the cause on the server, then reindex again",
          "索引无法写入，检索继续使用之前的索引。请在服务器上排除原因后重新索引"));
    } catch (IOException e) {
      log.println("reindex failed, still serving the previous index: " + e.getMessage());
      throw new Problem.Exception(Problem.of(503, "Reindex failed", "the corpus could not be indexed; searches go on with the "
          + "previous index. The server's log says why", "文件库未能建立索引，检索继续使用之前的索引；原因见服务器日志"));
    }
    return SummaryJson.of(s.orElseThrow(() -> new Problem.Exception(Problem.of(409, "Conflict",
        "an indexing run is already in progress; try again when it has finished", "已有一次索引正在进行，请等它结束后再试"))));
  }
}
