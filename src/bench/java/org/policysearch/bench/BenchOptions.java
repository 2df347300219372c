package org.policysearch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one benchmark run does.
 *
 * @param home         project folder (for the launcher's classpath and the default paths)
 * @param corpus       the corpus to bulk-import and to scale from
 * @param gazetteer    folder of provinces.csv / cities.csv / areas.csv for the scaled regions, or null
 *                     (then the regions of the corpus itself are used)
 * @param scale        paragraphs of the generated corpus; 0 skips it
 * @param out          where the report goes
 * @param work         scratch folder for indexes and the generated corpus
 * @param keepWork     leave the scratch folder in place afterwards
 * @param smoke        the small version CI runs: tiny sizes, no timing claims
 * @param warmup       requests per class before measuring
 * @param iterations   measured requests per class
 * @param httpSeconds  seconds per concurrency level of the HTTP throughput runs
 * @param concurrency  client concurrency levels of the throughput runs
 * @param starts       server starts measured per index (the median is reported)
 * @param serverHeap   -Xmx of the child server JVM
 * @param seed         seed of the corpus generator
 * @param command      the command line as typed, for the report
 */
public record BenchOptions(Path home, Path corpus, Path gazetteer, long scale, Path out, Path work, boolean keepWork,
                           boolean smoke, int warmup, int iterations, double httpSeconds, List<Integer> concurrency,
                           int starts, String serverHeap, long seed, String command) {
  public static final long DEFAULT_SCALE = 1_000_000;

  public BenchOptions {
    concurrency = List.copyOf(concurrency);
    if (scale < 0) throw new IllegalArgumentException("--scale must be 0 or more paragraphs, got " + scale);
    if (iterations < 1) throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
    if (warmup < 0) throw new IllegalArgumentException("--warmup must be 0 or more, got " + warmup);
    if (starts < 1) throw new IllegalArgumentException("--starts must be at least 1, got " + starts);
    for (int c : concurrency) {
      if (c < 1) throw new IllegalArgumentException("--concurrency levels must be at least 1, got " + c);
    }
  }

  /** The shared corpus beside the project when present, else the bundled corpus. */
  public static Path defaultCorpus(Path home, boolean smoke) {
    Path shared = home.resolve("../shared/data/corpus").normalize();
    return !smoke && Files.isDirectory(shared) ? shared : home.resolve("corpus");
  }

  /** The gazetteer next to a corpus folder ({@code data/corpus} → {@code data/gazetteer}), or null. */
  public static Path defaultGazetteer(Path corpus) {
    Path g = corpus.toAbsolutePath().normalize().resolveSibling("gazetteer");
    return Files.isRegularFile(g.resolve("provinces.csv")) ? g : null;
  }
}
