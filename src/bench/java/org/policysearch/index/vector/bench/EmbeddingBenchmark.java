package org.policysearch.index.vector.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.vector.BgeEmbedder;
import org.policysearch.index.vector.Windows;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;

/**
 * Throughput of {@link BgeEmbedder} on real paragraphs, and whether bge's query prefix helps.
 *
 * <pre>java -cp target/classes:target/bench-classes:$(cat target/runtime.classpath) org.policysearch.index.vector.bench.EmbeddingBenchmark \
 *     ../shared/data/corpus/laws_lawrefbook.jsonl 2000 1,2 [windows per document, 40]</pre>
 *
 * <p>Paragraphs: the windows the vector index would embed ({@link Windows}) of documents built by the
 * standard pipeline from every 7th line of the file, at most 40 from each, until there are as many as asked. Throughput: each
 * thread count on the same windows, in batches of 64 as the builder sends them, after a warm-up.
 *
 * <p>The prefix: two retrieval tasks over those windows with known answers. Short queries: each document's
 * title finds a window of that document (hit within the top 10, and reciprocal rank). Paragraph to
 * paragraph: the first half of a long window finds its second half among all windows (hit at rank 1).
 * Each is run with the query prefixed by {@link BgeEmbedder#QUERY_PREFIX} and without.
 */
public final class EmbeddingBenchmark {
  private EmbeddingBenchmark() {}

  /** Windows taken from one document at most, so that the sample spans many documents (laws are long). */
  private static final int PER_DOCUMENT = 40;

  private record Doc(String title, int firstWindow, int windows) {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/corpus/laws_lawrefbook.jsonl");
    int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    String threadList = args.length > 2 ? args[2] : "1,2"; // "0": only the prefix comparison
    int perDocument = args.length > 3 ? Integer.parseInt(args[3]) : PER_DOCUMENT;
    PrintStream out = System.out;

    List<String> windows = new ArrayList<>();
    List<Doc> docs = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null && windows.size() < wanted) {
        if (n++ % 7 != 0 || line.isBlank()) continue;
        JsonElement text = JsonParser.parseString(line).getAsJsonObject().get("text");
        if (text == null || text.isJsonNull()) continue;
        PolicyDocument d;
        try {
          d = Builders.standard().build(new RawDocument(file.getFileName() + "#" + n, n, text.getAsString(), "UTF-8", null, ""));
        } catch (IngestException e) {
          continue;
        }
        List<Windows.Window> ws = Windows.of(d.paragraphs());
        int take = Math.min(Math.min(ws.size(), perDocument), wanted - windows.size());
        if (take == 0) continue;
        docs.add(new Doc(d.title(), windows.size(), take));
        for (int i = 0; i < take; i++) windows.add(ws.get(i).text());
      }
    }
    long chars = 0;
    for (String w : windows) chars += w.length();
    out.printf("%d windows (%d characters, %.0f on average) from %d documents of %s; %d cores%n", windows.size(), chars,
        (double) chars / windows.size(), docs.size(), file, Runtime.getRuntime().availableProcessors());

    List<float[]> vectors = null;
    for (String t : threadList.split(",")) {
      int threads = Integer.parseInt(t.strip());
      if (threads == 0) continue;
      try (BgeEmbedder e = new BgeEmbedder(threads)) {
        long l0 = System.nanoTime();
        e.load();
        double load = (System.nanoTime() - l0) / 1e9;
        e.embedPassages(windows.subList(0, Math.min(64, windows.size()))); // warm-up
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        List<float[]> vs = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i += 64) vs.addAll(e.embedPassages(windows.subList(i, Math.min(windows.size(), i + 64))));
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds() - cpu0;
        // Per CPU-second as well as per thread: on a shared machine the wall clock also counts other people's work.
        out.printf("threads %d: model loaded in %.2f s; %.1f s for %d windows: %.1f paragraphs/s, %.0f characters/s, "
            + "%.1f paragraphs/s per thread; %.1f CPU-s: %.1f paragraphs and %.0f characters per CPU-second%n", threads, load, s,
            windows.size(), windows.size() / s, chars / s, windows.size() / s / threads, cpu, windows.size() / cpu, chars / cpu);
        vectors = vs;
      }
    }

    try (BgeEmbedder e = new BgeEmbedder(Runtime.getRuntime().availableProcessors())) {
      if (vectors == null) vectors = e.embedPassages(windows);
      // Short queries: the title should bring back a window of its own document.
      int[] hit10 = new int[2];
      int[] hit1 = new int[2];
      double[] mrr = new double[2];
      int asked = 0;
      for (Doc d : docs) {
        if (d.title().isBlank() || d.title().length() > 40) continue;
        asked++;
        float[][] qs = {e.embedPassage(BgeEmbedder.QUERY_PREFIX + d.title()), e.embedPassage(d.title())};
        for (int m = 0; m < 2; m++) {
          int rank = rankOfFirst(qs[m], vectors, d.firstWindow(), d.firstWindow() + d.windows());
          if (rank <= 10) hit10[m]++;
          if (rank == 1) hit1[m]++;
          mrr[m] += 1.0 / rank;
        }
      }
      out.printf("titles as queries (%d): with the prefix hit@1 %d, hit@10 %d, MRR %.3f; without hit@1 %d, hit@10 %d, MRR %.3f%n",
          asked, hit1[0], hit10[0], mrr[0] / asked, hit1[1], hit10[1], mrr[1] / asked);
      // Paragraph to paragraph: the first half of a long window should find its own second half.
      List<String> seconds = new ArrayList<>();
      List<String> firsts = new ArrayList<>();
      for (String w : windows) {
        if (w.length() < 120) continue;
        int mid = w.length() / 2;
        firsts.add(w.substring(0, mid));
        seconds.add(w.substring(mid));
        if (firsts.size() == 200) break;
      }
      List<float[]> targets = e.embedPassages(seconds);
      int[] top1 = new int[2];
      for (int i = 0; i < firsts.size(); i++) {
        float[][] qs = {e.embedPassage(BgeEmbedder.QUERY_PREFIX + firsts.get(i)), e.embedPassage(firsts.get(i))};
        for (int m = 0; m < 2; m++) if (rankOfFirst(qs[m], targets, i, i + 1) == 1) top1[m]++;
      }
      out.printf("half a paragraph finds the other half (%d): with the prefix %d at rank 1, without %d%n", firsts.size(),
          top1[0], top1[1]);
    }
  }

  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /** 1-based rank of the best-ranked vector in [from, to) among all, by dot product. */
  private static int rankOfFirst(float[] q, List<float[]> all, int from, int to) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) best = Math.max(best, dot(q, all.get(i)));
    int rank = 1;
    for (int i = 0; i < all.size(); i++) if ((i < from || i >= to) && dot(q, all.get(i)) > best) rank++;
    return rank;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
