package org.policysearch.index.analysis.smartcn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.policysearch.index.analysis.smartcn.FastSmartChineseAnalyzer;

/**
 * The long run of the differential test: stock smartcn against ours, token for token, over a whole
 * corpus, as is and with its punctuation rewritten to ASCII, with and without the default stop set
 * (without it, punctuation tokens are compared too). The CI test runs the same comparison on a
 * sample.
 *
 * <p>{@code java ... SmartcnDifferential [corpusDir] [threads]} prints a report and exits with 1 on
 * the first difference.
 */
public final class SmartcnDifferential {
  private SmartcnDifferential() {}

  /** What was compared, and the first difference (null when there was none). */
  public record Report(int texts, long chars, long comparisons, String firstDifference, double seconds) {
    public boolean identical() {
      return firstDifference == null;
    }

    @Override
    public String toString() {
      return String.format(
              "%d texts, %,d chars, %d comparisons in %.1f s: ", texts, chars, comparisons, seconds)
          + (identical() ? "identical" : "DIFFERENT\n" + firstDifference);
    }
  }

  /** The four comparisons of every text: {as is, ASCII punctuation} x {stop set, none}. */
  public static Report run(List<String> texts, int threads) {
    return compare(
        texts,
        threads,
        List.of(
            new Config("default", SmartChineseAnalyzer::new, FastSmartChineseAnalyzer::new, false),
            new Config(
                "no stop set",
                () -> new SmartChineseAnalyzer(false),
                () -> new FastSmartChineseAnalyzer(false),
                false),
            new Config("default, ASCII punctuation", SmartChineseAnalyzer::new, FastSmartChineseAnalyzer::new, true),
            new Config(
                "no stop set, ASCII punctuation",
                () -> new SmartChineseAnalyzer(false),
                () -> new FastSmartChineseAnalyzer(false),
                true)));
  }

  /** One way of comparing: two analyzer factories, and whether to rewrite punctuation to ASCII. */
  public record Config(
      String name, Supplier<Analyzer> stock, Supplier<Analyzer> ours, boolean asciiPunctuation) {}

  /**
   * Compares every text under every config, spread over {@code threads} threads (each with its own
   * analyzers); the reported difference is the one in the lowest-numbered text.
   */
  public static Report compare(List<String> texts, int threads, List<Config> configs) {
    long start = System.nanoTime();
    int n = Math.max(1, threads);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<String[]>> parts = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        final int first = t;
        parts.add(pool.submit(() -> comparePart(texts, first, n, configs)));
      }
      String firstDifference = null;
      int firstIndex = Integer.MAX_VALUE;
      for (Future<String[]> part : parts) {
        String[] r = part.get();
        if (r != null && Integer.parseInt(r[0]) < firstIndex) {
          firstIndex = Integer.parseInt(r[0]);
          firstDifference = r[1];
        }
      }
      return new Report(
          texts.size(),
          SharedCorpus.chars(texts),
          (long) texts.size() * configs.size(),
          firstDifference,
          (System.nanoTime() - start) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the differential run failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Texts first, first+step, ...; returns {index, description} of the first difference, or null. */
  private static String[] comparePart(List<String> texts, int first, int step, List<Config> configs) {
    List<Analyzer[]> analyzers = new ArrayList<>();
    for (Config c : configs) analyzers.add(new Analyzer[] {c.stock().get(), c.ours().get()});
    try {
      for (int i = first; i < texts.size(); i += step) {
        for (int c = 0; c < configs.size(); c++) {
          Config config = configs.get(c);
          String text = texts.get(i);
          if (config.asciiPunctuation()) text = PunctuationVariants.asciiPunctuation(text);
          String d = TokenStreamDiff.diff(analyzers.get(c)[0], analyzers.get(c)[1], text);
          if (d != null) return new String[] {Integer.toString(i), "text " + i + ", " + config.name() + ": " + d};
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Analyzer[] a : analyzers) {
        a[0].close();
        a[1].close();
      }
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : SharedCorpus.DEFAULT_DIR;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    List<String> texts = new ArrayList<>(SharedCorpus.readSeeds(SharedCorpus.SEED_DIR));
    texts.addAll(SharedCorpus.read(dir, 1, Long.MAX_VALUE));
    Report report = run(texts, threads);
    System.out.println("smartcn differential over " + dir + " and the seeds: " + report);
    if (!report.identical()) System.exit(1);
  }
}
