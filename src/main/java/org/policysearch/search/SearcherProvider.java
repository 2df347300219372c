package org.policysearch.search;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.policysearch.index.IndexLayout;

/**
 * One shared searcher over the serving index generation, refreshed after commits. When a rebuild
 * publishes a new generation, the next refresh opens it and swaps it in; searches in flight keep the
 * reader they acquired (reference counted) until they release it, so none fails.
 */
public final class SearcherProvider implements Closeable {
  private final IndexLayout layout;
  private volatile State state;

  private record State(Path generation, FSDirectory dir, SearcherManager manager) {}

  public SearcherProvider(IndexLayout layout) throws IOException {
    this.layout = layout;
    refresh();
  }

  /** A searcher to use and then close; fails when no index has been built. */
  public Lease acquire() throws IOException {
    State s = state;
    if (s == null) {
      refresh();
      s = state;
      if (s == null) throw new IOException("there is no index yet in " + layout.root() + "; run 'bin/policy-search index'");
    }
    while (true) {
      try {
        return new Lease(s.manager, s.manager.acquire());
      } catch (org.apache.lucene.store.AlreadyClosedException e) {
        // swapped between reading the state and acquiring: take the new one
        State now = state;
        if (now == s) throw e;
        s = now;
      }
    }
  }

  /** Picks up new commits and a newly published generation. */
  public synchronized void refresh() throws IOException {
    Optional<Path> current = layout.current();
    State s = state;
    if (current.isEmpty()) return;
    if (s != null && s.generation.equals(current.get())) {
      s.manager.maybeRefreshBlocking();
      return;
    }
    FSDirectory dir = FSDirectory.open(current.get());
    if (!DirectoryReader.indexExists(dir)) {
      dir.close();
      return;
    }
    SearcherManager m = new SearcherManager(dir, MEASURING);
    state = new State(current.get(), dir, m);
    if (s != null) {
      // Leases already taken hold their own reference to the old reader.
      s.manager.close();
      s.dir.close();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    State s = state;
    state = null;
    if (s != null) {
      s.manager.close();
      s.dir.close();
    }
  }

  /** A searcher that knows the size of the commit it reads. */
  static final class MeasuredSearcher extends IndexSearcher {
    private final long bytes;

    MeasuredSearcher(IndexReader reader, long bytes) {
      super(reader);
      this.bytes = bytes;
      setSimilarity(Ranking.SIMILARITY);
    }
  }

  /**
   * Measures each commit when its searcher opens. Why not when asked: by then the files may be gone (a
   * newer commit made the writer delete them, or a rebuild deleted the whole old generation), and the
   * reader keeps working on them while the file system no longer lists them.
   */
  static final SearcherFactory MEASURING = new SearcherFactory() {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
      return new MeasuredSearcher(reader, sizeOf((DirectoryReader) reader));
    }
  };

  static long sizeOf(DirectoryReader r) throws IOException {
    long bytes = 0;
    for (String file : r.getIndexCommit().getFileNames()) {
      try {
        bytes += r.directory().fileLength(file);
      } catch (NoSuchFileException | FileNotFoundException e) {
        // Only when another commit superseded this one while it was opening: the refresh that follows that
        // commit measures the new one, so until then the figure is a little short rather than an error.
        continue;
      }
    }
    return bytes;
  }

  /** A searcher on loan. */
  public static final class Lease implements AutoCloseable {
    private final SearcherManager manager;
    private final IndexSearcher searcher;

    Lease(SearcherManager manager, IndexSearcher searcher) {
      this.manager = manager;
      this.searcher = searcher;
    }

    public IndexSearcher searcher() {
      return searcher;
    }

    /** Size on disk of the commit this searcher reads, measured when it was opened. */
    public long indexBytes() {
      return ((MeasuredSearcher) searcher).bytes;
    }

    @Override
    public void close() throws IOException {
      manager.release(searcher);
    }
  }
}
