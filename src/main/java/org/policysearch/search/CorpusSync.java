package org.policysearch.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexSummary;
import org.policysearch.index.IndexWriteException;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.ReindexException;
import org.policysearch.search.api.ReindexException.Reason;

/**
 * Brings a served index up to date with its corpus and swaps the result in, one run at a time: the admin
 * endpoint, the background catch-up at start and the corpus watcher all come through here. A run that
 * fails leaves the previous index serving; the caller is told why in words without paths, {@code log}
 * gets the full message.
 */
final class CorpusSync {
  private final Path corpus;
  private final IndexLayout layout;
  private final CorpusIndexer indexer;
  private final LuceneBackend backend;
  private final PrintStream log;
  private final ReentrantLock running = new ReentrantLock();

  CorpusSync(Path corpus, IndexLayout layout, CorpusIndexer indexer, LuceneBackend backend, PrintStream log) {
    this.corpus = corpus;
    this.layout = layout;
    this.indexer = indexer;
    this.backend = backend;
    this.log = log;
  }

  IndexRun run(boolean rebuild) throws ReindexException {
    if (!running.tryLock()) {
      throw new ReindexException(Reason.BUSY, "an indexing run is already in progress; try again when it has finished",
          "已有一次索引正在进行，请等它结束后再试");
    }
    try {
      try {
        IndexSummary s = indexer.run(corpus, layout, rebuild, CorpusIndexer.Progress.NONE);
        backend.refresh();
        return IndexRuns.of(s);
      } finally {
        // Vectors catch up with whatever the text index now holds, in the background (a no-op with semantic=false);
        // after a failed run too, since the text index is then its last commit, which may still lack vectors.
        backend.catchUpInBackground();
      }
    } catch (IndexLayout.IndexLockedException e) {
      throw new ReindexException(Reason.LOCKED, "another indexer (such as the index command) is writing this index; try "
          + "again when it has finished", "另一个索引程序（如 index 命令）正在写这个索引，请等它结束后再试");
    } catch (IndexWriteException e) {
      log.println("reindex failed, still serving the previous index: " + e.getMessage());
      throw new ReindexException(Reason.NOT_WRITABLE, "the index could not be written (" + e.reason() + "); searches go on "
          + "with the previous index. Fix the cause on the server, then reindex again",
          "索引无法写入，检索继续使用之前的索引。请在服务器上排除原因后重新索引");
    } catch (IOException e) {
      log.println("reindex failed, still serving the previous index: " + e.getMessage());
      throw new ReindexException(Reason.FAILED, "the corpus could not be indexed; searches go on with the previous index. "
          + "The server's log says why", "文件库未能建立索引，检索继续使用之前的索引；原因见服务器日志");
    } finally {
      running.unlock();
    }
  }
}
