package org.policysearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The reference for indexing throughput: the raw rate of an analyzer chain (for the words field: the
 * normalising char filter and smartcn, exactly as the index uses them) over the same paragraphs,
 * tokens consumed and nothing else, on one thread and on several threads at once.
 */
final class Tokenisation {
  /** Texts analysed per task when several threads share the work. */
  private static final int BATCH = 64;

  /** One measurement: how much text, how many tokens, how long. */
  record Rate(int threads, long bytes, long chars, long tokens, double seconds, double cpuSeconds) {
    double mbPerSecond() {
      return bytes / 1048576.0 / seconds;
    }

    /** MB per CPU-second of this process: what the work costs, whatever else runs on the machine. */
    double mbPerCpuSecond() {
      return bytes / 1048576.0 / cpuSeconds;
    }
  }

  /** CPU time used so far by this process (every thread, GC and compiler included), in seconds; NaN if unknown. */
  static double processCpuSeconds() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long ns = os.getProcessCpuTime();
      return ns < 0 ? Double.NaN : ns / 1e9;
    }
    return Double.NaN;
  }

  private Tokenisation() {}

  static long utf8Bytes(List<String> texts) {
    long n = 0;
    for (String t : texts) n += t.getBytes(StandardCharsets.UTF_8).length;
    return n;
  }

  /**
   * Analyses every text with {@code threads} threads (one analyzer state per thread, as IndexWriter
   * does). A warm-up over the first {@code warmupFraction} of the texts runs first on every thread.
   */
  static Rate measure(Analyzer analyzer, String field, List<String> texts, int threads, double warmupFraction) {
    long bytes = utf8Bytes(texts);
    long chars = 0;
    for (String t : texts) chars += t.length();
    int warm = (int) Math.min(texts.size(), Math.round(texts.size() * warmupFraction));
    run(analyzer, field, texts.subList(0, warm), threads);
    double cpu0 = processCpuSeconds();
    long t0 = System.nanoTime();
    long tokens = run(analyzer, field, texts, threads);
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Rate(threads, bytes, chars, tokens, secs, processCpuSeconds() - cpu0);
  }

  private static long run(Analyzer analyzer, String field, List<String> texts, int threads) {
    if (threads == 1) return analyse(analyzer, field, texts, 0, texts.size());
    AtomicInteger next = new AtomicInteger();
    long[] tokens = new long[threads];
    List<Thread> workers = new ArrayList<>();
    RuntimeException[] failure = new RuntimeException[1];
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        try {
          while (true) {
            int from = next.getAndAdd(BATCH);
            if (from >= texts.size()) break;
            tokens[id] += analyse(analyzer, field, texts, from, Math.min(texts.size(), from + BATCH));
          }
        } catch (RuntimeException e) {
          failure[0] = e;
        }
      }, "bench-tokenise-" + t);
      workers.add(th);
      th.start();
    }
    for (Thread th : workers) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (failure[0] != null) throw failure[0];
    long sum = 0;
    for (long n : tokens) sum += n;
    return sum;
  }

  private static long analyse(Analyzer analyzer, String field, List<String> texts, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      try (TokenStream ts = analyzer.tokenStream(field, texts.get(i))) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          n += term.length() > 0 ? 1 : 0;
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n;
  }
}
