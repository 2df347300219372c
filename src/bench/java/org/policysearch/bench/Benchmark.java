package org.policysearch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.policysearch.Config;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexSummary;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.analysis.smartcn.bench.SmartcnBenchmark;
import org.policysearch.index.analysis.smartcn.bench.SmartcnDifferential;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.IndexStats;
import org.policysearch.search.query.Synonyms;

/**
 * One benchmark run, stage by stage (see the package description); prints what it is doing to
 * {@code log} and returns every figure for the {@link Report}.
 */
public final class Benchmark {
  /** Size of each generated JSONL file (the smoke run uses small files so that there are several). */
  static final long SCALED_FILE_BYTES = 8L * 1024 * 1024;
  static final long SMOKE_FILE_BYTES = 64L * 1024;

  /** A corpus as indexed. */
  public record CorpusSize(String name, Path dir, long documents, long paragraphs, long chars, long textBytes, int files,
                           long fileBytes) {}

  /** A bulk import with the real indexer. */
  public record Indexing(double seconds, double cpuSeconds, long indexBytes, int segments, IndexSummary summary, int threads) {}

  /** The child server on one index. */
  public record Server(List<Double> starts, double selfReported, ServerProcess.Heap heap, MixResult http,
                       List<HttpRunner.Throughput> throughput, boolean aliveAtEnd, String heapLimit) {}

  /** Everything measured at one corpus size. */
  public record Size(CorpusSize corpus, Indexing indexing, QueryMix mix, MixResult inProcess, Server server) {}

  /**
   * The segmenter against stock smartcn (issue 8): the three engines on a sample of the corpus, the
   * token-for-token comparison over the whole corpus, and the real corpus imported with stock smartcn.
   *
   * @param stockSingle  the stock words analyzer's one-thread rate on the same paragraphs as the reference
   * @param stockImport  the bulk import of the real corpus with {@code analyzer.stock=true}
   */
  public record Segmenter(SmartcnBenchmark.Result engines, SmartcnDifferential.Report differential,
                          Tokenisation.Rate stockSingle, Indexing stockImport) {}

  /** The whole run. */
  public record Result(BenchOptions options, MachineInfo machine, String analyzer, String commit, Instant started,
                       Duration took, double[] loadStart, double[] loadEnd, double othersCpuSeconds, Tokenisation.Rate single,
                       Tokenisation.Rate all, int cores, String regionsOrigin, List<Size> sizes, Segmenter segmenter) {
    /** Share of the machine's CPU capacity (cores × duration) that other processes used during the run. */
    public double othersShare() {
      return othersCpuSeconds / (cores * took.toNanos() / 1e9);
    }
  }

  private final BenchOptions o;
  private final Config base;
  private final Wiring wiring;
  private final PrintStream log;

  public Benchmark(BenchOptions options, Config base, Wiring wiring, PrintStream log) {
    this.o = options;
    this.base = base;
    this.wiring = wiring;
    this.log = log;
  }

  public Result run() throws IOException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    double[] loadStart = MachineInfo.loadAverage();
    MachineInfo.CpuTimes cpuStart = MachineInfo.CpuTimes.now();
    MachineInfo machine = MachineInfo.current();
    int cores = Runtime.getRuntime().availableProcessors();
    log.printf("bench: %d cores, load average %.2f; work folder %s%n", cores, loadStart[0], o.work());
    if (!Files.isDirectory(o.corpus())) throw new IOException("the corpus folder " + o.corpus() + " does not exist");
    Files.createDirectories(o.work());
    Analyzers analyzers = wiring.analyzers(base);

    // 1. The corpus in memory: the paragraphs the indexer will analyse (the reference's text) and the
    //    source of the generated corpus.
    log.println("bench: reading " + o.corpus() + " ...");
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    IngestRun ingest = ingester.ingestAll(o.corpus());
    List<PolicyDocument> docs = ingest.documents();
    List<String> texts = new ArrayList<>();
    for (PolicyDocument d : docs) for (Paragraph p : d.paragraphs()) texts.add(p.text());
    CorpusSize shared = sizeOf("real corpus", o.corpus(), docs, ingest.filesListed());
    log.printf("bench: %,d documents, %,d paragraphs, %.1f MB of text%n", shared.documents(), shared.paragraphs(),
        shared.textBytes() / 1048576.0);

    // 2. The generated corpus (not timed).
    CorpusSize scaled = null;
    String regionsOrigin = "";
    if (o.scale() > 0) {
      Regions regions = o.gazetteer() != null ? Regions.fromGazetteer(o.gazetteer()) : CorpusScaler.regionsOf(docs);
      regionsOrigin = regions.origin();
      Path dir = o.work().resolve("scaled-corpus");
      deleteTree(dir);
      log.printf("bench: generating about %,d paragraphs in %s ...%n", o.scale(), dir);
      CorpusScaler.Result g = CorpusScaler.of(docs, regions).write(o.scale(), o.seed(), dir,
          o.smoke() ? SMOKE_FILE_BYTES : SCALED_FILE_BYTES);
      scaled = new CorpusSize(String.format("generated, %,d paragraphs", g.paragraphs()), dir, g.documents(), g.paragraphs(),
          g.chars(), g.textBytes(), g.files(), g.fileBytes());
    }
    docs = null;
    ingest = null;

    // 3. The reference: the analyzer in use on the same paragraphs, one thread and every core.
    log.printf("bench: tokenising %.1f MB with the words analyzer, 1 thread ...%n", shared.textBytes() / 1048576.0);
    double warm = o.smoke() ? 1.0 : 0.05;
    Tokenisation.Rate single = Tokenisation.measure(analyzers.words(), Fields.BODY_WORDS, texts, 1, warm);
    log.printf("bench: %.2f MB/s; now %d threads ...%n", single.mbPerSecond(), cores);
    Tokenisation.Rate all = Tokenisation.measure(analyzers.words(), Fields.BODY_WORDS, texts, cores, warm);
    log.printf("bench: %.2f MB/s with %d threads%n", all.mbPerSecond(), cores);

    // 3b. The segmenter against stock: the three engines on a sample, the whole corpus compared token for token.
    List<String> sample = sample(texts, o.smoke() ? SMOKE_SEGMENTER_SAMPLE_CHARS : SEGMENTER_SAMPLE_CHARS);
    log.printf("bench: stock smartcn, stock with the hash fix, ours, on %,d paragraphs ...%n", sample.size());
    SmartcnBenchmark.Result engines = SmartcnBenchmark.run(sample, cores, o.smoke() ? 1 : 3);
    log.printf("bench: ours %.1fx stock (corpus text as is, one thread); comparing every token with stock ...%n",
        engines.speedup(SmartcnBenchmark.Engine.OURS, SmartcnBenchmark.Punctuation.AS_IS, 1));
    SmartcnDifferential.Report differential = SmartcnDifferential.run(o.smoke() ? sample : texts, cores);
    log.println("bench: " + differential);
    Tokenisation.Rate stockSingle = Tokenisation.measure(new Analyzers(true).words(), Fields.BODY_WORDS, texts, 1, warm);
    texts = null;

    // 4. Each size: bulk import, queries in process, the server.
    List<Size> sizes = new ArrayList<>();
    sizes.add(size("real", shared, analyzers));
    if (scaled != null) sizes.add(size("scaled", scaled, analyzers));
    log.println("bench: bulk import of the real corpus again, with stock smartcn ...");
    Indexing stockImport = importOnly(shared, "real-stock", true);
    Segmenter segmenter = new Segmenter(engines, differential, stockSingle, stockImport);

    double[] loadEnd = MachineInfo.loadAverage();
    double others = MachineInfo.CpuTimes.now().othersSince(cpuStart);
    return new Result(o, machine, Analyzers.VERSION, gitCommit(o.home()), started, Duration.ofNanos(System.nanoTime() - t0),
        loadStart, loadEnd, others, single, all, cores, regionsOrigin, sizes, segmenter);
  }

  /** Characters of corpus text the three-engine comparison runs on (stock is slow: this keeps it to a minute or two). */
  static final long SEGMENTER_SAMPLE_CHARS = 3_000_000;
  static final long SMOKE_SEGMENTER_SAMPLE_CHARS = 20_000;

  /** Every k-th paragraph, k chosen so that about {@code chars} characters are taken: the same sample every run. */
  static List<String> sample(List<String> texts, long chars) {
    long total = 0;
    for (String t : texts) total += t.length();
    int step = (int) Math.max(1, total / Math.max(1, chars));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i += step) out.add(texts.get(i));
    return out;
  }

  /** A bulk import into a fresh index, timed, with stock smartcn or the analyzer in use; the index is removed after. */
  private Indexing importOnly(CorpusSize corpus, String name, boolean stock) throws IOException {
    Path index = o.work().resolve("index-" + name);
    deleteTree(index);
    Config cfg = base.forJob(corpus.dir(), index, stock, false);
    Wiring.Display bar = wiring.progress();
    double cpu0 = Tokenisation.processCpuSeconds();
    long t0 = System.nanoTime();
    IndexSummary summary = wiring.indexer(cfg).run(corpus.dir(), new IndexLayout(index), true, bar);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = Tokenisation.processCpuSeconds() - cpu0;
    bar.done();
    Path gen = new IndexLayout(index).current().orElseThrow(() -> new IOException("the bulk import published no index"));
    Indexing ix = new Indexing(secs, cpu, treeSize(gen), segments(gen), summary, Runtime.getRuntime().availableProcessors());
    log.printf("bench: %.1f s, %.2f MB/s of text%n", secs, corpus.textBytes() / 1048576.0 / secs);
    if (!o.keepWork()) deleteTree(index);
    return ix;
  }

  private Size size(String name, CorpusSize corpus, Analyzers analyzers) throws IOException {
    Path index = o.work().resolve("index-" + name);
    deleteTree(index);
    Config cfg = base.forJob(corpus.dir(), index, base.stockAnalyzer(), false);
    CorpusIndexer indexer = wiring.indexer(cfg);
    log.printf("bench: bulk import of the %s (%,d documents, %.1f MB of text) into %s%n", corpus.name(), corpus.documents(),
        corpus.textBytes() / 1048576.0, index);
    Wiring.Display bar = wiring.progress();
    double cpu0 = Tokenisation.processCpuSeconds();
    long t0 = System.nanoTime();
    IndexSummary summary = indexer.run(corpus.dir(), new IndexLayout(index), true, bar);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = Tokenisation.processCpuSeconds() - cpu0;
    bar.done();
    log.printf("bench: added %,d documents in %.1f s (%.2f MB/s of text, %.0f documents/s); %d skipped%n", summary.added(), secs,
        corpus.textBytes() / 1048576.0 / secs, summary.added() / secs, summary.skippedCount());
    Path gen = new IndexLayout(index).current().orElseThrow(() -> new IOException("the bulk import published no index"));
    Indexing indexing = new Indexing(secs, cpu, treeSize(gen), segments(gen), summary, Runtime.getRuntime().availableProcessors());

    QueryMix mix;
    MixResult inProcess;
    CorpusSize measured;
    try (LuceneBackend engine = LuceneBackend.open(index, analyzers, Synonyms.load(cfg.synonyms()), cfg.limits())) {
      IndexStats stats = engine.stats();
      measured = new CorpusSize(corpus.name(), corpus.dir(), stats.documents(), stats.paragraphs(), corpus.chars(),
          corpus.textBytes(), corpus.files(), corpus.fileBytes());
      mix = QueryMix.build(engine);
      log.printf("bench: query mix in process (%d requests, %d warm-up and %d measured per class) ...%n", mix.requests().size(),
          o.warmup(), o.iterations());
      inProcess = InProcessRunner.run(engine, mix, o.warmup(), o.iterations());
    }
    System.gc();
    Server server = server(name, index, mix);
    return new Size(measured, indexing, mix, inProcess, server);
  }

  private Server server(String name, Path index, QueryMix mix) throws IOException {
    Path logs = o.work().resolve("logs");
    List<Double> starts = new ArrayList<>();
    log.printf("bench: starting the server on the %s index (-Xmx%s) ...%n", name, o.serverHeap());
    MixResult http;
    List<HttpRunner.Throughput> tp = new ArrayList<>();
    ServerProcess.Heap heap;
    boolean alive;
    double self;
    try (ServerProcess s = ServerProcess.start(o.home(), index, o.serverHeap(), logs, name + "-1")) {
      starts.add(s.startSeconds());
      log.printf("bench: answering after %.2f s; query mix over HTTP ...%n", s.startSeconds());
      HttpRunner h = new HttpRunner(s.base());
      http = h.mix(mix, o.warmup(), o.iterations());
      List<QueryMix.Request> searches = new ArrayList<>();
      searches.addAll(mix.of(QueryMix.Kind.WORDS));
      searches.addAll(mix.of(QueryMix.Kind.EXACT));
      searches.addAll(mix.of(QueryMix.Kind.FACETED));
      for (int c : o.concurrency()) {
        HttpRunner.Throughput t = h.throughput(searches, c, o.httpSeconds());
        log.printf("bench: concurrency %d: %.1f requests/s%n", c, t.perSecond());
        tp.add(t);
      }
      s.fullGc();
      heap = s.heap();
      alive = s.alive();
      self = s.selfReportedSeconds();
    }
    for (int i = 2; i <= o.starts(); i++) {
      try (ServerProcess s = ServerProcess.start(o.home(), index, o.serverHeap(), logs, name + "-" + i)) {
        starts.add(s.startSeconds());
      }
    }
    return new Server(starts, self, heap, http, tp, alive, o.serverHeap());
  }

  private static CorpusSize sizeOf(String name, Path dir, List<PolicyDocument> docs, int files) throws IOException {
    long paras = 0;
    long chars = 0;
    long bytes = 0;
    for (PolicyDocument d : docs) {
      for (Paragraph p : d.paragraphs()) {
        paras++;
        chars += p.text().length();
        bytes += p.text().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    long fileBytes;
    try (Stream<Path> s = Files.walk(dir)) {
      fileBytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    return new CorpusSize(name, dir, docs.size(), paras, chars, bytes, files, fileBytes);
  }

  static long treeSize(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static int segments(Path gen) throws IOException {
    try (var d = org.apache.lucene.store.FSDirectory.open(gen)) {
      return org.apache.lucene.index.SegmentInfos.readLatestCommit(d).size();
    }
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** {@code git describe --always --dirty} of the project, or "unknown". */
  public static String gitCommit(Path home) {
    try {
      Process p = new ProcessBuilder("git", "-C", home.toString(), "describe", "--always", "--dirty")
          .redirectErrorStream(true).start();
      String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 ? s : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
