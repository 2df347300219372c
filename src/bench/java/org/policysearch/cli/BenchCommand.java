package org.policysearch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.policysearch.Config;
import org.policysearch.bench.BenchOptions;
import org.policysearch.bench.Benchmark;
import org.policysearch.bench.Report;
import org.policysearch.bench.SemanticBenchmark;
import org.policysearch.bench.Wiring;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;

/**
 * {@code bench [--corpus DIR] [--scale PARAGRAPHS] [--out FILE] [--smoke] ...}: the benchmark harness
 * (package {@code org.policysearch.bench}) with the indexer and analyzers this program really uses.
 *
 * <p>Part of the bench source set ({@code src/bench/java}) in the package of the other commands, whose
 * option parsing and wiring it shares; {@link Main} loads it by name when it was built.
 */
final class BenchCommand implements Main.Command {
  static final Set<String> VALUED = Set.of("corpus", "scale", "out", "work", "iterations", "warmup", "http-seconds",
      "concurrency", "starts", "heap", "seed", "gazetteer", "vectors-from", "pastes", "backend");
  static final Set<String> FLAGS = Set.of("smoke", "keep", "semantic");

  @Override
  public String summary() {
    return "measure indexing, query latency, HTTP throughput, start-up and heap; write BENCHMARKS.md: [--corpus DIR] "
        + "[--scale PARAGRAPHS] [--out FILE] [--smoke] [--work DIR] [--keep] [--iterations N] [--warmup N] "
        + "[--http-seconds S] [--concurrency 1,4,16] [--starts N] [--heap 1g] [--seed N] [--gazetteer DIR]; "
        + "bench --semantic [--vectors-from INDEX] [--scale N] [--iterations N] [--warmup N] [--pastes N] [--out FILE]: what "
        + "semantic search and similar documents cost, at the real size and at a million paragraphs (docs/benchmarks-semantic.md); "
        + "bench --backend opensearch [--corpus DIR] [--sample N] [--iterations N] [--seconds S] [--one-node]: the OpenSearch backend "
        + "beside the embedded engine and a stock OpenSearch + smartcn setup (its section of BENCHMARKS.md)";
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, VALUED, FLAGS);
    if (!a.positional().isEmpty()) throw new Args.UsageException("bench takes no arguments, got '" + a.positional().get(0) + "'");
    if (a.get("backend", null) != null) {
      // The launcher runs 'bench --backend opensearch' itself, with the test libraries (the in-JVM nodes): arriving here
      // means a class path without them (a release, or Main started by hand).
      throw new Args.UsageException("bench --backend " + a.get("backend", "") + " runs from a checkout through bin/policy-search, "
          + "which starts in-JVM OpenSearch nodes with the test libraries; this class path has none");
    }
    boolean smoke = a.flag("smoke");
    Config base = Config.load(Config.defaultHome());
    Path home = base.home();
    Path corpus = a.get("corpus", null) == null ? BenchOptions.defaultCorpus(home, smoke) : absolute(a.get("corpus", null));
    Path gazetteer = a.get("gazetteer", null) == null ? BenchOptions.defaultGazetteer(corpus) : absolute(a.get("gazetteer", null));
    long scale = a.get("scale", null) == null ? (smoke ? 400 : BenchOptions.DEFAULT_SCALE) : longOpt(a, "scale");
    if (a.flag("semantic")) return semantic(a, argv, base, corpus, gazetteer, scale, out, err);
    Path outFile = a.get("out", null) == null ? (smoke ? home.resolve("target/BENCHMARKS-smoke.md") : home.resolve("BENCHMARKS.md"))
        : absolute(a.get("out", null));
    boolean givenWork = a.get("work", null) != null;
    Path work = givenWork ? absolute(a.get("work", null)) : Files.createTempDirectory("policy-search-bench-");
    List<Integer> levels = new ArrayList<>();
    for (String c : a.get("concurrency", "1,4,16").split(",")) {
      try {
        levels.add(Integer.parseInt(c.strip()));
      } catch (NumberFormatException e) {
        throw new Args.UsageException("--concurrency takes whole numbers separated by commas, e.g. 1,4,16; got '" + c + "'");
      }
    }
    double httpSeconds;
    try {
      httpSeconds = Double.parseDouble(a.get("http-seconds", smoke ? "0.5" : "10"));
    } catch (NumberFormatException e) {
      throw new Args.UsageException("--http-seconds needs a number of seconds, got '" + a.get("http-seconds", "") + "'");
    }
    BenchOptions o;
    try {
      o = new BenchOptions(home, corpus, gazetteer, scale, outFile, work, a.flag("keep") || givenWork, smoke,
          a.getInt("warmup", smoke ? 2 : 100), a.getInt("iterations", smoke ? 5 : 300), httpSeconds, levels,
          a.getInt("starts", smoke ? 1 : 3), a.get("heap", "1g"), longOpt(a, "seed", 42), "bin/policy-search bench"
          + (argv.length == 0 ? "" : " " + String.join(" ", argv)));
    } catch (IllegalArgumentException e) {
      throw new Args.UsageException(e.getMessage());
    }
    Wiring wiring = wiring(err);
    try {
      Benchmark.Result r = new Benchmark(o, base, wiring, err).run();
      Report.write(r, o.out());
      out.println("wrote " + o.out());
    } finally {
      if (!o.keepWork()) org.policysearch.bench.Benchmark.deleteTree(work);
    }
    return 0;
  }

  /** {@code bench --semantic}: the semantic classes and the million-paragraph vector index ({@link SemanticBenchmark}). */
  private static int semantic(Args a, String[] argv, Config base, Path corpus, Path gazetteer, long scale, PrintStream out,
                              PrintStream err) throws Exception {
    Path home = base.home();
    Path seed = a.get("vectors-from", null) == null ? home.resolve("target/relevance-work/full-index") : absolute(a.get("vectors-from", null));
    if (!java.nio.file.Files.isDirectory(seed.resolve(org.policysearch.index.vector.SemanticIndex.FOLDER))) {
      throw new Args.UsageException("no vector index in " + seed + ": run 'bin/policy-search eval' once (it builds one for the "
          + "shared corpus) or give --vectors-from INDEX with an index of the same corpus that has one");
    }
    Path outFile = a.get("out", null) == null ? home.resolve("docs/benchmarks-semantic.md") : absolute(a.get("out", null));
    boolean givenWork = a.get("work", null) != null;
    Path work = givenWork ? absolute(a.get("work", null)) : Files.createTempDirectory("policy-search-bench-semantic-");
    SemanticBenchmark.Options o = new SemanticBenchmark.Options(home, corpus, seed, gazetteer, scale, longOpt(a, "seed", 42), outFile,
        work, a.getInt("warmup", 10), a.getInt("iterations", 200), a.getInt("pastes", 50),
        "bin/policy-search bench" + (argv.length == 0 ? "" : " " + String.join(" ", argv)));
    try {
      new SemanticBenchmark(o, base, wiring(err), err).run();
      out.println("wrote " + outFile);
    } finally {
      if (!a.flag("keep") && !givenWork) org.policysearch.bench.Benchmark.deleteTree(work);
    }
    return 0;
  }

  /** The indexer, analyzers and progress bar of the real commands, for the harnesses. */
  static Wiring wiring(PrintStream err) {
    return new Wiring() {
      @Override
      public CorpusIndexer indexer(Config config) {
        return Pipeline.indexer(config);
      }

      @Override
      public Analyzers analyzers(Config config) {
        return Common.analyzers(config);
      }

      @Override
      public SemanticIndex semantic(Config config) throws java.io.IOException {
        return Common.semantic(config, err);
      }

      @Override
      public Display progress() {
        ProgressBar bar = new ProgressBar(err, true);
        return new Display() {
          @Override
          public void update(long filesDone, long filesTotal, long bytesDone, long bytesTotal, long documents) {
            bar.update(filesDone, filesTotal, bytesDone, bytesTotal, documents);
          }

          @Override
          public void done() {
            bar.done();
          }
        };
      }
    };
  }

  private static Path absolute(String p) {
    return Path.of(p).toAbsolutePath().normalize();
  }

  private static long longOpt(Args a, String name) throws Args.UsageException {
    return longOpt(a, name, 0);
  }

  private static long longOpt(Args a, String name, long def) throws Args.UsageException {
    String v = a.get(name, null);
    if (v == null) return def;
    try {
      return Long.parseLong(v.strip().replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new Args.UsageException("option --" + name + " needs a whole number, got '" + v + "'");
    }
  }
}
