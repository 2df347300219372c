package org.policysearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.AlreadyClosedException;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.CorpusListing;
import org.policysearch.ingest.DuplicateIds;
import org.policysearch.ingest.FileResult;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.Skip;
import org.policysearch.ingest.SourceFile;

/**
 * Brings the index up to date with the corpus folder: only new or changed files (by content hash) are
 * read, files that left the corpus leave the index, and the run ends in one atomic commit. A crash or a
 * kill before the commit leaves the previous commit untouched; the next run redoes the work.
 *
 * <p>Parallelism: files are parsed and built on worker threads, and each document is analysed (smartcn,
 * the slow stage) on a pool of one thread per core; the main thread only hands out work in corpus
 * order, so which copy of a repeated id wins does not depend on timing.
 */
public final class CorpusIndexer {
  /** Left in the index folder while a run is in progress; found at the next start, it means a run died. */
  static final String IN_PROGRESS = "indexing.inprogress";
  /** Documents waiting for analysis at most, per thread: bounds memory on huge JSONL files. */
  static final int QUEUED_DOCUMENTS_PER_THREAD = 64;

  /** Progress of a long run (called from the main thread). */
  public interface Progress {
    void update(long filesDone, long filesTotal, long bytesDone, long bytesTotal, long documents);

    Progress NONE = (a, b, c, d, e) -> { };
  }

  private final Ingester ingester;
  private final Analyzers analyzers;
  private final int threads;
  private final double ramBufferMb;
  private final DirectoryFactory directories;

  public CorpusIndexer(Ingester ingester, Analyzers analyzers, int threads, double ramBufferMb) {
    this(ingester, analyzers, threads, ramBufferMb, DirectoryFactory.FILE_SYSTEM);
  }

  private CorpusIndexer(Ingester ingester, Analyzers analyzers, int threads, double ramBufferMb, DirectoryFactory directories) {
    this.ingester = ingester;
    this.analyzers = analyzers;
    this.threads = Math.max(1, threads);
    this.ramBufferMb = ramBufferMb;
    this.directories = directories;
  }

  /** This indexer writing through {@code directories}: for tests that make the disk fail. */
  CorpusIndexer withDirectories(DirectoryFactory directories) {
    return new CorpusIndexer(ingester, analyzers, threads, ramBufferMb, directories);
  }

  /**
   * Brings the index in {@code layout} up to date with {@code corpus} in one commit.
   *
   * @throws IndexLayout.IndexLockedException when another indexer holds the index
   * @throws IndexWriteException when the index folder could not be written (full disk, read-only, a file in
   *                             the way); the index is then exactly as its last commit left it
   */
  public IndexSummary run(Path corpus, IndexLayout layout, boolean rebuild, Progress progress) throws IOException {
    long t0 = System.nanoTime();
    if (!Files.isDirectory(corpus)) {
      throw new IOException("the corpus folder " + corpus + " does not exist or is not a folder");
    }
    try {
      return runLocked(corpus, layout, rebuild, progress, t0);
    } catch (IndexLayout.IndexLockedException | IndexWriteException e) {
      throw e;
    } catch (IOException | UncheckedIOException | AlreadyClosedException e) {
      // Past the corpus check every I/O error is the index's: reading source files never throws (bad files
      // are skips). AlreadyClosedException: the writer closed itself after a failed write (a full disk).
      throw new IndexWriteException(layout.root(), e);
    }
  }

  private IndexSummary runLocked(Path corpus, IndexLayout layout, boolean rebuild, Progress progress, long t0)
      throws IOException {
    try (IndexStore store = IndexStore.open(layout, analyzers, rebuild, ramBufferMb, directories)) {
      Path marker = layout.root().resolve(IN_PROGRESS);
      String recovered = recovered(marker, store.removedAbandoned());
      Files.writeString(marker, "started " + Instant.now() + ", pid " + ProcessHandle.current().pid(), StandardCharsets.UTF_8);

      Run run = new Run(corpus, store, progress, ingester.list(corpus));
      run.compareWithLastCommit();
      run.removeFilesGone();
      run.readAndWrite();

      int dupChanged = store.applyDuplicates();
      store.commit();
      long docs = store.documentCount();
      Files.deleteIfExists(marker);
      return new IndexSummary(run.added.get(), run.updated.get(), run.removed, run.changes.unchanged(), run.kept, run.skipped, docs,
          dupChanged, store.rebuilding(), store.rebuildReason(), recovered, run.bytesRead, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  /** One indexing run, step by step: what the last commit holds, what left, what to read, and the reading. */
  private final class Run {
    final Path corpus;
    final IndexStore store;
    final Progress progress;
    final CorpusListing listing;
    final List<Skip> skipped;
    // What the last commit holds: each file's hash and document count, and which file owns each id.
    final Map<String, String> indexedHash = new HashMap<>();
    final Map<String, Long> indexedCount = new HashMap<>();
    final DuplicateIds ids = new DuplicateIds();
    // What to read and what to remove: set by compareWithLastCommit.
    CorpusChanges changes;
    List<SourceFile> toRead = List.of();
    long removed;
    final AtomicLong added = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    long kept;
    long bytesRead;
    long filesDone;

    Run(Path corpus, IndexStore store, Progress progress, CorpusListing listing) {
      this.corpus = corpus;
      this.store = store;
      this.progress = progress;
      this.listing = listing;
      this.skipped = Collections.synchronizedList(new ArrayList<>(listing.skipped()));
    }

    /** Reads what the last commit holds and keeps the files that are new or changed (by hash) to read. */
    void compareWithLastCommit() throws IOException {
      for (IndexStore.IndexedDocument d : store.indexedDocuments()) {
        indexedHash.put(d.file(), d.fileHash());
        indexedCount.merge(d.file(), 1L, Long::sum);
        ids.hold(d.id(), d.file());
      }
      changes = CorpusChanges.of(listing, indexedHash);
      toRead = changes.toRead();
    }

    /** Files gone from the corpus leave the index (one listed but unreadable right now keeps its old version). */
    void removeFilesGone() throws IOException {
      for (String file : changes.gone()) {
        store.deleteFile(file);
        removed += indexedCount.getOrDefault(file, 0L);
        ids.release(file);
      }
    }

    /**
     * Reads the files to read on worker threads, in corpus order, and hands each document to the analysis
     * pool; returns when every write is done (or throws the write failure that says why).
     */
    void readAndWrite() throws IOException {
      ExecutorService readers = Executors.newFixedThreadPool(threads, daemon("ingest"));
      ExecutorService analysers = Executors.newFixedThreadPool(threads, daemon("analyse"));
      Semaphore queued = new Semaphore(threads * QUEUED_DOCUMENTS_PER_THREAD);
      List<Future<?>> puts = new ArrayList<>();
      try {
        Deque<Future<FileResult>> reading = new ArrayDeque<>();
        int next = 0;
        while (next < toRead.size() || !reading.isEmpty()) {
          while (next < toRead.size() && reading.size() < threads * 2) {
            SourceFile f = toRead.get(next++);
            reading.add(readers.submit(() -> ingester.read(corpus, f)));
          }
          FileResult r = get(reading.poll());
          write(r, analysers, queued, puts);
          bytesRead += r.file().size();
          filesDone++;
          progress.update(filesDone, toRead.size(), bytesRead, changes.bytesToRead(), added.get() + updated.get());
          // A failed write stops the run now, with its cause (dropping a failed future would lose it).
          if (puts.stream().anyMatch(p -> p.state() == Future.State.FAILED)) awaitWrites(puts);
          puts.removeIf(Future::isDone);
        }
        awaitWrites(puts);
      } finally {
        readers.shutdownNow();
        analysers.shutdown();
      }
    }

    /** The documents of one file read: replace what the index held from it, skipping ids another file owns. */
    private void write(FileResult r, ExecutorService analysers, Semaphore queued, List<Future<?>> puts) throws IOException {
      SourceFile f = r.file();
      skipped.addAll(r.skipped());
      boolean wasIndexed = indexedHash.containsKey(f.relPath());
      if (r.documents().isEmpty() && wasIndexed) {
        kept++; // could not be read now: keep what was indexed from it before
        return;
      }
      if (wasIndexed) {
        store.deleteFile(f.relPath());
        ids.release(f.relPath());
      }
      int inFile = 0;
      for (PolicyDocument d : r.documents()) {
        // A bulk JSONL file holds thousands of documents: progress moves per document, not per file.
        progress.update(filesDone, toRead.size(), bytesRead + f.size() * inFile++ / r.documents().size(), changes.bytesToRead(),
            added.get() + updated.get());
        String owner = ids.claim(d.id(), f.relPath());
        if (owner != null) {
          skipped.add(DuplicateIds.repeatedInIndex(f.relPath(), d.line(), d.id(), owner));
          continue;
        }
        (wasIndexed ? updated : added).incrementAndGet();
        queued.acquireUninterruptibly();
        puts.add(analysers.submit(() -> {
          try {
            store.put(d, f.hash());
            return null;
          } finally {
            queued.release();
          }
        }));
      }
    }
  }

  /** What an earlier run left behind, for the summary; null when it finished cleanly. */
  static String recovered(Path marker, List<Path> abandonedGenerations) throws IOException {
    List<String> found = new ArrayList<>();
    if (Files.exists(marker)) {
      found.add("an earlier indexing run (" + readHead(marker) + ") did not finish; the index was left at its last commit"
          + " and this run completes the work");
    }
    for (Path g : abandonedGenerations) {
      found.add("the unfinished new index " + g.getFileName() + " of an interrupted rebuild was removed");
    }
    return found.isEmpty() ? null : String.join("; ", found);
  }

  /** The first line of a small file, read at most 200 bytes deep: the marker could be anything now. */
  private static String readHead(Path f) throws IOException {
    byte[] b;
    try (var in = Files.newInputStream(f)) {
      b = in.readNBytes(200);
    }
    String s = new String(b, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    return s.isEmpty() ? "no details recorded" : s;
  }

  /**
   * Waits for every write and throws, when some failed, the failure that says why: when one write fails
   * (say, permission denied) the writer closes, and the writes on the other threads then fail with a
   * bare "already closed", which may come first in the list. The others are attached as suppressed.
   */
  private static void awaitWrites(List<Future<?>> puts) throws IOException {
    List<IOException> failures = new ArrayList<>();
    for (Future<?> p : puts) {
      try {
        get(p);
      } catch (IOException e) {
        failures.add(e);
      }
    }
    if (failures.isEmpty()) return;
    IOException primary = failures.stream()
        .filter(e -> !(e.getCause() instanceof AlreadyClosedException))
        .findFirst()
        .orElse(failures.get(0));
    for (IOException e : failures) if (e != primary) primary.addSuppressed(e);
    throw primary;
  }

  private static <T> T get(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing was interrupted; the index stays at its last commit", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof Error err) throw err;
      throw new IOException("indexing failed: " + e.getCause(), e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
