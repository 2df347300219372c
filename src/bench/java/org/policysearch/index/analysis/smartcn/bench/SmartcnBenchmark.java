package org.policysearch.index.analysis.smartcn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.policysearch.index.analysis.smartcn.FastSmartChineseAnalyzer;
import org.policysearch.index.analysis.smartcn.bench.hashfix.HashFixedSmartChineseAnalyzer;

/**
 * Throughput of the three smartcn analyzers on the same text, end to end through the analyzer (all
 * tokens consumed): stock, stock with only the bigram hashing bug fixed, and ours; on the text as it
 * is, with all its punctuation in ASCII, and all in full width; on one thread and on {@code threads} threads
 * (each with its own analyzer instance, the texts dealt out round-robin).
 *
 * <p>Throughput is MB of UTF-8 text per second of wall time (1 MB = 10^6 bytes), the median of the
 * timed rounds; engines take turns within each round so that a noisy machine hurts all alike. The
 * table also gives MB per CPU-second of the analyzing threads, which other processes on a shared
 * machine disturb less.
 *
 * <p>{@code java ... SmartcnBenchmark [corpusDir] [every] [maxChars] [threads] [rounds]}
 */
public final class SmartcnBenchmark {
  private SmartcnBenchmark() {}

  /** The analyzers compared. */
  public enum Engine {
    STOCK("stock smartcn", SmartChineseAnalyzer::new),
    HASH_FIXED("stock, hash bug fixed", HashFixedSmartChineseAnalyzer::new),
    OURS("FastSmartChinese", FastSmartChineseAnalyzer::new);

    public final String label;
    final Supplier<Analyzer> factory;

    Engine(String label, Supplier<Analyzer> factory) {
      this.label = label;
      this.factory = factory;
    }
  }

  /** Punctuation of the benchmark text: as the corpus has it, or all rewritten one way. */
  public enum Punctuation {
    AS_IS,
    ASCII,
    FULL_WIDTH;

    String apply(String text) {
      return switch (this) {
        case AS_IS -> text;
        case ASCII -> PunctuationVariants.asciiPunctuation(text);
        case FULL_WIDTH -> PunctuationVariants.fullWidthPunctuation(text);
      };
    }
  }

  /**
   * One cell of the result table: MB per second of wall time, and MB per second of CPU time spent
   * by the analyzing threads (steadier than wall time on a shared machine).
   */
  public record Measurement(
      Engine engine,
      Punctuation punctuation,
      int threads,
      double mbPerSecond,
      double mbPerCpuSecond,
      long tokens) {}

  /** All measurements, with the size of the text they ran over. */
  public record Result(long bytes, long chars, int texts, List<Measurement> measurements) {
    public Measurement get(Engine engine, Punctuation punctuation, int threads) {
      for (Measurement m : measurements) {
        if (m.engine() == engine && m.punctuation() == punctuation && m.threads() == threads) {
          return m;
        }
      }
      throw new IllegalArgumentException("not measured: " + engine + " " + punctuation + " " + threads);
    }

    public double mbPerSecond(Engine engine, Punctuation punctuation, int threads) {
      return get(engine, punctuation, threads).mbPerSecond();
    }

    /** Throughput of {@code engine} divided by stock's, on the same text and threads (wall time). */
    public double speedup(Engine engine, Punctuation punctuation, int threads) {
      return mbPerSecond(engine, punctuation, threads) / mbPerSecond(Engine.STOCK, punctuation, threads);
    }

    /** As {@link #speedup}, by CPU time. */
    public double cpuSpeedup(Engine engine, Punctuation punctuation, int threads) {
      return get(engine, punctuation, threads).mbPerCpuSecond()
          / get(Engine.STOCK, punctuation, threads).mbPerCpuSecond();
    }

    /** A plain-text table: one row per engine, MB/s and speed-up per (punctuation, threads). */
    public String table() {
      List<int[]> columns = new ArrayList<>();
      StringBuilder b = new StringBuilder();
      b.append(String.format("%d texts, %,d chars, %.1f MB UTF-8%n", texts, chars, bytes / 1e6));
      b.append(String.format("%-24s", "MB/s (x stock)"));
      for (Punctuation p : Punctuation.values()) {
        for (int t : threadCounts()) {
          columns.add(new int[] {p.ordinal(), t});
          b.append(String.format("%20s", p.name().toLowerCase().replace('_', '-') + ", " + t + " thr"));
        }
      }
      b.append('\n');
      for (Engine e : Engine.values()) {
        b.append(String.format("%-24s", e.label));
        for (int[] c : columns) {
          Punctuation p = Punctuation.values()[c[0]];
          b.append(String.format("%12.2f (%4.1fx)", mbPerSecond(e, p, c[1]), speedup(e, p, c[1])));
        }
        b.append('\n');
      }
      b.append("by CPU time:\n");
      for (Engine e : Engine.values()) {
        b.append(String.format("%-24s", e.label));
        for (int[] c : columns) {
          Punctuation p = Punctuation.values()[c[0]];
          b.append(
              String.format(
                  "%12.2f (%4.1fx)", get(e, p, c[1]).mbPerCpuSecond(), cpuSpeedup(e, p, c[1])));
        }
        b.append('\n');
      }
      return b.toString();
    }

    private int[] threadCounts() {
      return measurements.stream().mapToInt(Measurement::threads).distinct().sorted().toArray();
    }
  }

  /** {@link #run(List, int, int)} with 3 timed rounds. */
  public static Result run(List<String> texts, int threads) {
    return run(texts, threads, 3);
  }

  /**
   * Measures every engine on both punctuation variants of {@code texts}, on 1 and on {@code threads}
   * threads: one warm-up round, then {@code rounds} timed rounds.
   */
  public static Result run(List<String> texts, int threads, int rounds) {
    List<Measurement> measurements = new ArrayList<>();
    int[] threadCounts = threads > 1 ? new int[] {1, threads} : new int[] {1};
    for (Punctuation p : Punctuation.values()) {
      List<String> variant = new ArrayList<>(texts.size());
      for (String t : texts) variant.add(p.apply(t));
      long bytes = SharedCorpus.utf8Bytes(variant);
      for (int n : threadCounts) {
        double[][] seconds = new double[Engine.values().length][rounds];
        double[][] cpuSeconds = new double[Engine.values().length][rounds];
        long[] tokens = new long[Engine.values().length];
        for (Engine e : Engine.values()) tokens[e.ordinal()] = time(e, variant, n)[2];
        for (int r = 0; r < rounds; r++) {
          for (Engine e : Engine.values()) {
            long[] t = time(e, variant, n);
            seconds[e.ordinal()][r] = t[0] / 1e9;
            cpuSeconds[e.ordinal()][r] = t[1] / 1e9;
          }
        }
        for (Engine e : Engine.values()) {
          double wall = median(seconds[e.ordinal()]);
          double cpu = median(cpuSeconds[e.ordinal()]);
          measurements.add(
              new Measurement(e, p, n, bytes / 1e6 / wall, bytes / 1e6 / cpu, tokens[e.ordinal()]));
        }
      }
    }
    return new Result(
        SharedCorpus.utf8Bytes(texts), SharedCorpus.chars(texts), texts.size(), measurements);
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** {wall ns, CPU ns of the analyzing threads, tokens} to analyze all texts on {@code threads} threads. */
  private static long[] time(Engine engine, List<String> texts, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Analyzer> analyzers = new ArrayList<>();
      for (int t = 0; t < threads; t++) analyzers.add(engine.factory.get());
      long start = System.nanoTime();
      List<Future<long[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int first = t;
        parts.add(pool.submit(() -> consume(analyzers.get(first), texts, first, threads)));
      }
      long tokens = 0;
      long cpu = 0;
      for (Future<long[]> f : parts) {
        long[] r = f.get();
        cpu += r[0];
        tokens += r[1];
      }
      long elapsed = System.nanoTime() - start;
      for (Analyzer a : analyzers) a.close();
      return new long[] {elapsed, cpu, tokens};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("benchmark run failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** {CPU ns of this thread, tokens}. */
  private static long[] consume(Analyzer analyzer, List<String> texts, int first, int step) {
    long cpuStart = CPU.getCurrentThreadCpuTime();
    long tokens = 0;
    try {
      for (int i = first; i < texts.size(); i += step) {
        try (TokenStream ts = analyzer.tokenStream("f", texts.get(i))) {
          ts.reset();
          while (ts.incrementToken()) tokens++;
          ts.end();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new long[] {CPU.getCurrentThreadCpuTime() - cpuStart, tokens};
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : SharedCorpus.DEFAULT_DIR;
    int every = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long maxChars = args.length > 2 ? Long.parseLong(args[2]) : 2_000_000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    List<String> texts = SharedCorpus.read(dir, every, maxChars);
    System.out.print(run(texts, threads, rounds).table());
  }
}
