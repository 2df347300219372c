package org.policysearch.ingest.meta;

import java.util.List;
import java.util.Locale;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.RawDocument;

/**
 * Single-thread build throughput over the shared corpus (characters per second), median of runs:
 * {@code java … BuildBenchmark [CORPUS_DIR] [RUNS]}. Wall time on a shared machine is noisy; compare runs
 * made side by side.
 */
public final class BuildBenchmark {
  private BuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<AccuracyReport.Truth> docs = AccuracyReport.read(args.length > 0 ? java.nio.file.Path.of(args[0]) : AccuracyReport.CORPUS);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    StandardDocumentBuilder builder = StandardDocumentBuilder.load();
    long chars = docs.stream().mapToLong(d -> d.text().length()).sum();
    double[] rates = new double[runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      for (AccuracyReport.Truth d : docs) {
        builder.build(new RawDocument(d.file(), d.line(), d.text(), "jsonl", GivenMetadata.EMPTY, ""));
      }
      double s = (System.nanoTime() - t0) / 1e9;
      rates[r] = chars / s / 1e6;
      System.out.printf(Locale.ROOT, "run %d: %.1f s, %.2f M chars/s%n", r + 1, s, rates[r]);
    }
    java.util.Arrays.sort(rates);
    System.out.printf(Locale.ROOT, "median %.2f M chars/s over %d docs, %.1f M chars%n", rates[runs / 2], docs.size(), chars / 1e6);
  }
}
