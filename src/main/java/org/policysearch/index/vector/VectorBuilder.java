package org.policysearch.index.vector;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.policysearch.doc.Paragraph;
import org.policysearch.index.IndexLayout;

/**
 * Embeds what the text index holds and the vector index lacks, incrementally: documents without vectors
 * or whose text changed are embedded, vectors of documents no longer in the text index are deleted, and
 * a commit lands every {@link Settings#commitEvery} documents or {@link Settings#commitInterval}, so a crash
 * or a stop loses at most that much and the next pass resumes where the last commit was.
 *
 * <p>Runs on a thread of its own ({@link #requestBuild}, after each text-index update of the server) or in
 * the caller's ({@link #buildNow}, the {@code index --semantic} command). Requests while a pass runs are
 * folded into one more pass after it. Nothing it meets fails a request: a model that will not load or an
 * index that cannot be written becomes the {@code failed} state with one line in the log, and searches
 * stay lexical.
 */
public final class VectorBuilder implements Closeable {
  /**
   * How the builder paces itself.
   *
   * @param commitEvery    documents between commits at most
   * @param commitInterval time between commits at most
   * @param batchWindows   windows sent to the model at once (spread over its threads)
   * @param progressEvery  time between progress lines in the log
   */
  public record Settings(int commitEvery, Duration commitInterval, int batchWindows, Duration progressEvery) {
    public static final Settings DEFAULTS = new Settings(200, Duration.ofSeconds(30), 64, Duration.ofSeconds(30));

    public Settings {
      if (commitEvery < 1 || batchWindows < 1) throw new IllegalArgumentException("commitEvery and batchWindows must be 1 or more");
    }
  }

  /** What a pass did. @param embedded paragraphs embedded by this pass; @param total paragraphs with vectors after it */
  public record Summary(int documentsEmbedded, long embedded, int documentsRemoved, int documentsUnchanged, long total,
                        boolean complete, String rebuildReason, long tookMs) {
    /** For the terminal: what was done and how fast. */
    public String describe(int threads) {
      double s = tookMs / 1000.0;
      String rate = embedded > 0 && s > 0 ? String.format(", %.1f paragraphs/s (%.1f per thread)", embedded / s, embedded / s / threads) : "";
      return (rebuildReason == null ? "" : "new vector index (" + rebuildReason + "); ")
          + String.format("vectors: embedded %d paragraphs of %d documents, removed %d documents, %d unchanged; %d paragraphs with vectors (%.1f s%s)%s",
          embedded, documentsEmbedded, documentsRemoved, documentsUnchanged, total, s, rate, complete ? "" : "; stopped before the end, resumes next time");
    }
  }

  /**
   * Where a pass reads the text and writes the vectors: the embedded index's folder ({@link #local}) or a
   * cluster's indexes.
   */
  public interface Storage {
    /** The vectors, opened for writing; started afresh (and that start made visible) when made by another model. */
    VectorSink openVectors(String modelId, int dimension) throws IOException;

    /** The text to embed, or empty when there is no text index yet. */
    java.util.Optional<? extends TextSource> openText() throws IOException;

    /** The embedded index's: {@code index/vectors/} beside the serving commit of {@code layout}. */
    static Storage local(IndexLayout layout) {
      Path folder = SemanticIndex.folder(layout);
      return new Storage() {
        @Override
        public VectorSink openVectors(String modelId, int dimension) throws IOException {
          return VectorStore.open(folder, modelId, dimension);
        }

        @Override
        public java.util.Optional<TextSnapshot> openText() throws IOException {
          return TextSnapshot.open(layout);
        }
      };
    }
  }

  private final Storage storage;
  private final Embedder embedder;
  private final Settings settings;
  private final PrintStream log;
  private final Runnable onCommit;
  private final int threads;
  private final ReentrantLock passLock = new ReentrantLock();
  private final Object requestLock = new Object();
  private ExecutorService background; // guarded by requestLock
  private boolean queued; // guarded by requestLock
  private java.util.concurrent.ScheduledExecutorService retry; // guarded by requestLock
  /** The last pass found the vectors held by another builder ({@link VectorSink.HeldElsewhere}). */
  private volatile boolean heldElsewhere;
  private volatile boolean stopping;
  private volatile VectorStatus status;
  /** The model failed (to load or to embed): no query can be embedded, whatever vectors exist. */
  private volatile boolean modelFailed;

  /**
   * @param onCommit called after each commit (the searcher refreshes)
   * @param threads  the embedder's threads, for the per-thread rate in the log
   */
  public VectorBuilder(IndexLayout layout, Embedder embedder, Settings settings, int threads, PrintStream log, Runnable onCommit) {
    this(Storage.local(layout), embedder, settings, threads, log, onCommit);
  }

  /** As above, over any {@link Storage}. */
  public VectorBuilder(Storage storage, Embedder embedder, Settings settings, int threads, PrintStream log, Runnable onCommit) {
    this.storage = storage;
    this.embedder = embedder;
    this.settings = settings;
    this.threads = threads;
    this.log = log;
    this.onCommit = onCommit;
    this.status = new VectorStatus(VectorStatus.State.WAITING, 0, 0, embedder.modelId(), false,
        "vectors are built once the text index is up to date");
  }

  public VectorStatus status() {
    return status;
  }

  /** Whether the model failed when last used; cleared when a later pass loads it. */
  boolean modelFailed() {
    return modelFailed;
  }

  /** Whether the last pass found the vectors held by another builder (it waits, and looks again later). */
  boolean heldElsewhere() {
    return heldElsewhere;
  }

  /** Records a failure, in a pass or outside one (the model failing on a query), so that status says it. */
  void failed(String reason, boolean model) {
    if (model) modelFailed = true;
    status = new VectorStatus(VectorStatus.State.FAILED, status.embedded(), status.total(), embedder.modelId(),
        status.searchable() && !modelFailed, reason);
  }

  /** Starts a pass on the builder's own thread, or queues one more after the running one. Returns at once. */
  public void requestBuild() {
    synchronized (requestLock) {
      if (stopping || queued) return;
      if (background == null) {
        background = Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "vector-builder");
          t.setDaemon(true);
          t.setPriority(Thread.MIN_PRIORITY);
          return t;
        });
      }
      queued = true;
      background.execute(() -> {
        synchronized (requestLock) {
          queued = false;
        }
        if (stopping) return; // queued before the server began to stop: not a failure, just not needed
        try {
          Summary s = buildNow(st -> {});
          if (s.embedded() + s.documentsRemoved() > 0 || s.rebuildReason() != null) log.println(s.describe(threads));
          if (heldElsewhere) retryLater();
        } catch (IOException | EmbedderException | RuntimeException e) {
          // Not lost: buildNow made it the failed state and wrote its line to the log; this thread has no one to tell.
        }
      });
    }
  }

  /** How long a builder that found the vectors held elsewhere waits before it looks again. */
  static final Duration RETRY_HELD = Duration.ofSeconds(60);

  /** Asks for another pass after {@link #RETRY_HELD}, on a timer thread of its own (the pass itself runs as any other). */
  private void retryLater() {
    synchronized (requestLock) {
      if (stopping) return;
      if (retry == null) {
        retry = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "vector-builder-retry");
          t.setDaemon(true);
          return t;
        });
      }
      retry.schedule(this::requestBuild, RETRY_HELD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Runs one pass now in this thread (waiting for a background pass to end first).
   *
   * @param progress told of each step (for a progress bar)
   * @throws EmbedderException when the model cannot be loaded or fails; the state is then {@code failed}
   * @throws IOException when the text or vector index cannot be read or written; likewise
   */
  public Summary buildNow(Consumer<VectorStatus> progress) throws IOException, EmbedderException {
    passLock.lock();
    try {
      if (stopping) throw new IOException("the vector builder is stopping");
      return pass(progress);
    } catch (IOException | EmbedderException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      failed(reason, e instanceof EmbedderException);
      log.println("semantic search: " + reason + "; searches and similar paragraphs are lexical until this is fixed");
      throw e;
    } finally {
      passLock.unlock();
    }
  }

  private void set(VectorStatus s, Consumer<VectorStatus> progress) {
    status = s;
    progress.accept(s);
  }

  private Summary pass(Consumer<VectorStatus> progress) throws IOException, EmbedderException {
    long t0 = System.nanoTime();
    String model = embedder.modelId();
    boolean searchable = status.searchable();
    set(new VectorStatus(VectorStatus.State.LOADING, status.embedded(), status.total(), model, searchable, ""), progress);
    embedder.load();
    modelFailed = false;
    try {
      return pass(progress, model, searchable, t0);
    } catch (VectorSink.HeldElsewhere e) {
      // not a failure: another server builds them, and this one searches them as they are committed; it looks again
      // later, so that the work goes on here if that server goes away
      set(new VectorStatus(VectorStatus.State.WAITING, status.embedded(), status.total(), model, status.searchable(), e.getMessage()),
          progress);
      heldElsewhere = true;
      return new Summary(0, 0, 0, 0, status.embedded(), false, null, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private Summary pass(Consumer<VectorStatus> progress, String model, boolean searchable, long t0) throws IOException, EmbedderException {
    heldElsewhere = false;
    try (VectorSink store = storage.openVectors(model, embedder.dimension())) {
      searchable = store.searchable();
      if (store.rebuildReason() != null) {
        onCommit.run(); // readers drop stale vectors now
        if (!"no vector index yet".equals(store.rebuildReason())) log.println("semantic search: rebuilding the vectors: " + store.rebuildReason());
      }
      var snapshot = storage.openText();
      if (snapshot.isEmpty()) {
        set(new VectorStatus(VectorStatus.State.WAITING, 0, 0, model, searchable, "there is no text index yet"), progress);
        return new Summary(0, 0, 0, 0, 0, false, store.rebuildReason(), 0);
      }
      try (TextSource text = snapshot.get()) {
        return build(store, text, progress, searchable, t0);
      }
    }
  }

  /** A document of the text index that needs (re-)embedding, with its paragraphs read once. */
  private record Pending(TextSource.Ref ref, long hash, List<Paragraph> paragraphs, int count) {}

  private Summary build(VectorSink store, TextSource text, Consumer<VectorStatus> progress, boolean searchable, long t0)
      throws IOException, EmbedderException {
    String model = embedder.modelId();
    Map<String, VectorSink.Marker> markers = store.markers();
    List<TextSource.Ref> pending = new ArrayList<>();
    long done = 0;
    long total = 0;
    long documents = 0;
    int unchanged = 0;
    boolean touched = false;
    for (TextSource.Ref ref : text.documents()) {
      VectorSink.Marker m = markers.remove(ref.id());
      if (m != null && m.fileHash().equals(ref.fileHash()) && m.generation().equals(text.generation())) {
        done += m.paragraphs();
        documents++;
        unchanged++;
        continue;
      }
      // Another file hash or generation: read the text; when it is what was embedded, only the marker moves on.
      List<Paragraph> ps = text.paragraphs(ref);
      int count = (int) ps.stream().filter(Windows::embedded).count();
      if (m != null && m.textHash() == TextSnapshot.hash(ps)) {
        store.touch(ref.id(), ref.fileHash(), text.generation());
        touched = true;
        done += m.paragraphs();
        documents++;
        unchanged++;
        continue;
      }
      pending.add(ref);
      total += count;
    }
    total += done;
    int removed = markers.size();
    for (String gone : markers.keySet()) store.delete(gone);
    // A fresh index over an empty text index (or one whose documents have nothing to embed) is complete at once.
    if (removed > 0 || touched || (pending.isEmpty() && !searchable)) {
      store.commit(pending.isEmpty(), done, documents);
      onCommit.run();
      searchable |= pending.isEmpty();
    }
    set(new VectorStatus(pending.isEmpty() ? VectorStatus.State.READY : VectorStatus.State.BUILDING, done, total, model, searchable, ""),
        progress);
    long embeddedNow = 0;
    int documentsNow = 0;
    long lastCommit = System.nanoTime();
    long lastLine = System.nanoTime();
    int sinceCommit = 0;
    int i = 0;
    while (i < pending.size() && !stopping) {
      // A batch: whole documents until the model has enough windows to keep its threads busy.
      List<Pending> batch = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      while (i < pending.size() && texts.size() < settings.batchWindows()) {
        TextSource.Ref ref = pending.get(i++);
        List<Paragraph> ps = text.paragraphs(ref);
        List<Windows.Window> ws = Windows.of(ps);
        batch.add(new Pending(ref, TextSnapshot.hash(ps), ps, (int) ps.stream().filter(Windows::embedded).count()));
        for (Windows.Window w : ws) texts.add(w.text());
      }
      List<float[]> vectors = embedder.embedPassages(texts);
      int at = 0;
      for (Pending p : batch) {
        List<Windows.Window> ws = Windows.of(p.paragraphs());
        store.put(new VectorSink.Marker(p.ref().id(), p.hash(), p.count(), p.ref().fileHash(), text.generation()), ws,
            vectors.subList(at, at + ws.size()));
        at += ws.size();
        done += p.count();
        embeddedNow += p.count();
        documents++;
        documentsNow++;
        sinceCommit++;
      }
      long now = System.nanoTime();
      boolean last = i >= pending.size();
      if (!last && (sinceCommit >= settings.commitEvery() || now - lastCommit >= settings.commitInterval().toNanos())) {
        store.commit(false, done, documents);
        onCommit.run();
        sinceCommit = 0;
        lastCommit = now;
      }
      set(new VectorStatus(VectorStatus.State.BUILDING, done, total, model, searchable, ""), progress);
      if (now - lastLine >= settings.progressEvery().toNanos()) {
        lastLine = now;
        log.println(progressLine(done, total, embeddedNow, (now - t0) / 1e9));
      }
    }
    boolean complete = i >= pending.size();
    if (documentsNow > 0 || complete) {
      store.commit(complete, done, documents);
      onCommit.run();
    }
    searchable |= complete;
    set(new VectorStatus(complete ? VectorStatus.State.READY : VectorStatus.State.WAITING, done, total, model, searchable,
        complete ? "" : "stopped; the next start resumes"), progress);
    return new Summary(documentsNow, embeddedNow, removed, unchanged, done, complete, store.rebuildReason(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  private String progressLine(long done, long total, long embeddedNow, double seconds) {
    double rate = embeddedNow / Math.max(seconds, 1e-3);
    long left = rate > 0 ? (long) ((total - done) / rate) : -1;
    return String.format("vectors: %d / %d paragraphs embedded (%.0f%%), %.1f paragraphs/s (%.1f per thread)%s", done, total,
        total == 0 ? 100.0 : 100.0 * done / total, rate, rate / threads,
        left < 0 ? "" : String.format(", about %d min left", (left + 59) / 60));
  }

  /** Stops a running pass after its current batch (committing what it embedded) and waits for it, 30 s at most. */
  @Override
  public void close() {
    stopping = true;
    ExecutorService bg;
    synchronized (requestLock) {
      bg = background;
      if (retry != null) retry.shutdownNow();
    }
    if (bg == null) return;
    bg.shutdown();
    try {
      if (!bg.awaitTermination(30, TimeUnit.SECONDS)) log.println("semantic search: the vector builder did not stop within 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
