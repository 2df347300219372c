package org.policysearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.source.CorpusWalker;
import org.policysearch.ingest.source.DocumentSink;
import org.policysearch.ingest.source.Readers;
import org.policysearch.ingest.source.Sidecars;
import org.policysearch.ingest.source.SourceContent;
import org.policysearch.ingest.source.SourceReader;

/**
 * Turns the corpus folder into {@link PolicyDocument}s: lists it, reads each file with the reader for
 * its extension, applies its sidecar, builds each document, and reports every skipped file or line.
 * Never throws for bad input; one bad file costs at most {@link IngestConfig#maxParseTime()} and its own
 * documents.
 *
 * <p>The indexer calls {@link #list} and then {@link #read} for the files whose hash changed;
 * {@link #ingestAll} does everything for a one-shot run (and the {@code inspect} command).
 *
 * <p>Thread use: each file is parsed on a worker thread so that a parser that hangs can be abandoned
 * (Java cannot kill a thread: an abandoned one is interrupted and left to die; workers are daemon
 * threads so they never keep the JVM alive). The builder may therefore see an abandoned call still
 * running while the next file is built: builders must be thread-safe (stateless ones are).
 */
public final class Ingester {
  /** Worker stack size: POI and PDFBox recurse over nested tables and forms; 32 MB makes room. */
  private static final long WORKER_STACK_BYTES = 32L * 1024 * 1024;

  private final IngestConfig config;
  private final DocumentBuilder builder;
  private final UnaryOperator<List<PolicyDocument>> duplicateMarker;
  private final Readers readers;
  private final ExecutorService workers;

  public Ingester(IngestConfig config, DocumentBuilder builder) {
    this(config, builder, DuplicateMarker.NONE);
  }

  /**
   * @param duplicateMarker the corpus-wide pass of {@link #ingestAll}, e.g. marking reposted copies
   *                        (see {@link DuplicateMarker})
   */
  public Ingester(IngestConfig config, DocumentBuilder builder, UnaryOperator<List<PolicyDocument>> duplicateMarker) {
    this.config = Objects.requireNonNull(config, "config");
    this.builder = Objects.requireNonNull(builder, "builder");
    this.duplicateMarker = Objects.requireNonNull(duplicateMarker, "duplicateMarker");
    this.readers = Readers.standard();
    this.workers = Executors.newCachedThreadPool(workerThreads());
  }

  public IngestConfig config() {
    return config;
  }

  /**
   * Walks the corpus folder (see {@link CorpusWalker} for the rules).
   *
   * @throws IllegalArgumentException when the folder itself does not exist
   */
  public CorpusListing list(Path corpusRoot) {
    return new CorpusWalker(config, readers.extensions()).list(corpusRoot);
  }

  /**
   * Reads and builds the documents of one listed file. Checks only ids within the file; ids repeated
   * across files are the caller's to check ({@link #ingestAll} does).
   */
  public FileResult read(Path corpusRoot, SourceFile file) {
    Optional<SourceReader> reader = readers.forExtension(file.extension());
    if (reader.isEmpty()) {
      return FileResult.skipped(file, new Skip(file.relPath(), 0, SkipReasons.UNKNOWN_EXTENSION,
          "'." + file.extension() + "' is not a supported format"));
    }
    Progress progress = new Progress();
    Future<FileResult> task = workers.submit(() -> readNow(corpusRoot, file, reader.get(), progress));
    long limit = config.maxParseTime().toNanos();
    while (true) {
      long wait = limit - (System.nanoTime() - progress.lastNanos);
      if (wait <= 0) {
        task.cancel(true);
        int line = progress.line.get();
        return FileResult.skipped(file, new Skip(file.relPath(), line, SkipReasons.TIMEOUT,
            "reading made no progress for " + human(config.maxParseTime())
                + (line > 0 ? " after line " + line : "") + "; the file was abandoned"
                + " (convert it to text, or split it, and try again)"));
      }
      try {
        return task.get(wait, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // Not done yet: loop, and give up only when no progress was made for the whole limit.
      } catch (InterruptedException e) {
        task.cancel(true);
        Thread.currentThread().interrupt();
        return FileResult.skipped(file, new Skip(file.relPath(), 0, SkipReasons.TIMEOUT,
            "the run was interrupted while this file was read"));
      } catch (ExecutionException e) {
        // readNow classifies every Exception; what arrives here is an Error such as OutOfMemoryError,
        // which limits are meant to prevent and which must not be disguised as a skipped file.
        if (e.getCause() instanceof Error err) throw err;
        throw new IllegalStateException("reading " + file.relPath() + " failed unexpectedly", e.getCause());
      }
    }
  }

  /**
   * Lists the folder, reads every file, drops documents whose id was already used by an earlier
   * file (first wins, in listing order), and runs the duplicate marker over the rest.
   */
  public IngestRun ingestAll(Path corpusRoot) {
    long t0 = System.nanoTime();
    CorpusListing listing = list(corpusRoot);
    List<Skip> skipped = new ArrayList<>(listing.skipped());
    List<PolicyDocument> docs = new ArrayList<>();
    DuplicateIds ids = new DuplicateIds();
    for (SourceFile f : listing.files()) {
      FileResult r = read(corpusRoot, f);
      skipped.addAll(r.skipped());
      for (PolicyDocument d : r.documents()) {
        String where = d.line() > 0 ? d.file() + ":" + d.line() : d.file();
        String first = ids.claim(d.id(), where);
        if (first == null) {
          docs.add(d);
        } else {
          skipped.add(DuplicateIds.repeatedInCorpus(d.file(), d.line(), d.id(), first));
        }
      }
    }
    skipped.sort(java.util.Comparator.comparing(Skip::file).thenComparingInt(Skip::line));
    List<PolicyDocument> marked = Objects.requireNonNull(duplicateMarker.apply(List.copyOf(docs)),
        "the duplicate marker returned null");
    return new IngestRun(marked, skipped, listing.files().size(), Duration.ofNanos(System.nanoTime() - t0));
  }

  /** The time of the last sign of progress, and the JSONL line reached; written by the worker. */
  private static final class Progress {
    volatile long lastNanos = System.nanoTime();
    final AtomicInteger line = new AtomicInteger();

    void tick(int atLine) {
      lastNanos = System.nanoTime();
      line.set(atLine);
    }
  }

  /** Runs on a worker thread: sidecar, reader, builder, and the check that the file did not change. */
  private FileResult readNow(Path corpusRoot, SourceFile file, SourceReader reader, Progress progress) {
    List<Skip> warnings = new ArrayList<>();
    byte[] sidecarBytes = null;
    GivenMetadata sidecar = null;
    Optional<Path> sidecarPath = Sidecars.find(file.path());
    if (sidecarPath.isPresent()) {
      String name = relativeName(corpusRoot, sidecarPath.get());
      try {
        sidecarBytes = Sidecars.readBytes(sidecarPath.get());
        Sidecars.Parsed parsed = Sidecars.parse(sidecarBytes, name);
        sidecar = parsed.metadata();
        for (String w : parsed.warnings()) warnings.add(new Skip(file.relPath(), 0, SkipReasons.BAD_SIDECAR, w));
      } catch (IngestException e) {
        warnings.add(new Skip(file.relPath(), 0, e.reason(), e.getMessage()));
      } catch (IOException e) {
        warnings.add(new Skip(file.relPath(), 0, SkipReasons.BAD_SIDECAR, "the sidecar " + name
            + " cannot be read (" + e.getMessage() + "); it is ignored"));
      }
    }
    BuildingSink sink = new BuildingSink(file, sidecar, progress);
    SourceContent content = new SourceContent(file.relPath(), file.path(), config, file.hash(), sidecarBytes);
    try {
      long size = Files.size(file.path());
      if (size != file.size()) throw changed("its size went from " + file.size() + " to " + size + " bytes");
      reader.read(content, sink);
      if (!content.finishHash().equals(file.hash())) throw changed("its content hash differs");
    } catch (IngestException e) {
      return failed(file, warnings, new Skip(file.relPath(), 0, e.reason(), e.getMessage()));
    } catch (java.nio.file.NoSuchFileException e) {
      return failed(file, warnings, new Skip(file.relPath(), 0, SkipReasons.CHANGED_WHILE_READING,
          "the file was deleted or moved after it was listed"));
    } catch (IOException e) {
      return failed(file, warnings, new Skip(file.relPath(), 0, SkipReasons.IO_ERROR,
          "the file cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
    } catch (RuntimeException e) {
      // Parsers signal damaged input with all kinds of unchecked exceptions (POI's RecordFormatException,
      // PDFBox's IllegalArgumentException, ...): all mean the file cannot be used.
      return failed(file, warnings, new Skip(file.relPath(), 0, SkipReasons.CORRUPT, "the ." + file.extension()
          + " parser rejected it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
    } catch (StackOverflowError e) {
      return failed(file, warnings, new Skip(file.relPath(), 0, SkipReasons.CORRUPT,
          "its structure is nested too deeply to parse"));
    } finally {
      content.close();
    }
    List<Skip> skipped = new ArrayList<>(warnings);
    skipped.addAll(sink.skipped);
    return new FileResult(file, sink.documents, skipped);
  }

  private static String human(Duration d) {
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }

  private static IngestException changed(String what) {
    return new IngestException(SkipReasons.CHANGED_WHILE_READING, "the file changed after it was listed ("
        + what + "); it is left for the next run, which will read the new version");
  }

  private static FileResult failed(SourceFile file, List<Skip> warnings, Skip skip) {
    List<Skip> all = new ArrayList<>(warnings);
    all.add(skip);
    return new FileResult(file, List.of(), all);
  }

  private static String relativeName(Path root, Path p) {
    try {
      return root.relativize(p).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return p.getFileName().toString();
    }
  }

  /** Applies the sidecar and the text limit, builds, and turns per-document failures into skips. */
  private final class BuildingSink implements DocumentSink {
    private final SourceFile file;
    private final GivenMetadata sidecar;
    private final Progress progress;
    final List<PolicyDocument> documents = new ArrayList<>();
    final List<Skip> skipped = new ArrayList<>();

    BuildingSink(SourceFile file, GivenMetadata sidecar, Progress progress) {
      this.file = file;
      this.sidecar = sidecar;
      this.progress = progress;
    }

    @Override
    public void accept(RawDocument raw) {
      progress.tick(raw.line());
      RawDocument r = sidecar == null ? raw : new RawDocument(raw.file(), raw.line(), raw.text(), raw.encoding(),
          raw.given().overriddenBy(sidecar), raw.contentHash());
      if (r.text().length() > config.maxTextChars()) {
        skipped.add(new Skip(r.file(), r.line(), SkipReasons.TOO_LARGE, "the text has " + r.text().length()
            + " characters, more than the " + config.maxTextChars() + " allowed for one document; split it"));
        return;
      }
      try {
        documents.add(builder.build(r));
      } catch (IngestException e) {
        skipped.add(new Skip(r.file(), r.line(), e.reason(), e.getMessage()));
      } catch (RuntimeException e) {
        skipped.add(new Skip(r.file(), r.line(), SkipReasons.BUILD_ERROR, "the document builder failed ("
            + e.getClass().getSimpleName() + ": " + e.getMessage() + "); please report this with the file"));
      }
    }

    @Override
    public void skip(Skip skip) {
      progress.tick(skip.line());
      skipped.add(skip);
    }
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, "ingest-reader-" + n.incrementAndGet(), WORKER_STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }
}
