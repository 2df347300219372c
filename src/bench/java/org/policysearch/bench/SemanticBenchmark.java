package org.policysearch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.policysearch.Config;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexSummary;
import org.policysearch.index.vector.BgeEmbedder;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.query.Synonyms;

/**
 * What semantic search and similar documents cost, lexical and with {@code semantic=true}, on the real
 * corpus and on the generated million-paragraph corpus ({@code bench --semantic}); and the lexical bulk
 * import of that corpus with {@code semantic=false}, to compare with the figures in BENCHMARKS.md.
 *
 * <p>The vectors: the real corpus's come from an index the model really embedded (the relevance
 * evaluation's, {@code target/relevance-work/full-index}, by default); the generated corpus is made of the
 * same paragraphs, so its vector index is built by the real builder with those vectors replayed by text
 * ({@link ReplayEmbedder}): the HNSW graph is built as the product builds it, only the model is skipped
 * (its throughput is in docs/semantic.md). Every query is embedded by the real model on the CPU, as users
 * pay it: a search embeds its words, a pasted text each of its paragraphs.
 */
public final class SemanticBenchmark {
  public record Options(Path home, Path corpus, Path seedIndex, Path gazetteer, long scale, long seed, Path out, Path work,
                        int warmup, int iterations, int pastes, String command) {}

  /** One measured class on one corpus. */
  record Row(String corpus, long paragraphs, String kind, Latencies latencies) {}

  /** Pasted texts: 600 characters from the middle of a long document, as the precedent sets take them. */
  static final int PASTE_CHARS = 600;
  static final List<String> WORDS = List.of("高质量发展", "义务教育 均衡", "生态环境保护", "乡村振兴 产业", "营商环境 措施",
      "安全生产 责任制", "城市 更新 改造", "人才 引进 政策", "养老 服务 体系", "学前教育 普惠");

  private final Options o;
  private final Config base;
  private final Wiring wiring;
  private final PrintStream log;

  public SemanticBenchmark(Options o, Config base, Wiring wiring, PrintStream log) {
    this.o = o;
    this.base = base;
    this.wiring = wiring;
    this.log = log;
  }

  public void run() throws Exception {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    double[] loadStart = MachineInfo.loadAverage();
    log.println("bench: reading " + o.corpus() + " ...");
    IngestRun ingest = new Ingester(IngestConfig.DEFAULTS, Builders.standard()).ingestAll(o.corpus());
    List<PolicyDocument> docs = ingest.documents();
    List<String> pastes = pastes(docs, o.pastes());
    log.printf("bench: %,d documents; %d pasted texts of %d characters%n", docs.size(), pastes.size(), PASTE_CHARS);

    List<Row> rows = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    // Each vector index gets its own model: the engine closes both with itself.
    log.println("bench: the real corpus (" + o.seedIndex() + ", vectors as the model made them) ...");
    measure("real corpus", o.seedIndex(), SemanticIndex.open(new IndexLayout(o.seedIndex()), new BgeEmbedder(base.semanticThreads()),
        VectorBuilder.Settings.DEFAULTS, base.semanticThreads(), log), pastes, rows);

    log.println("bench: replaying the real corpus's vectors by text ...");
    ReplayEmbedder replay = ReplayEmbedder.fromIndex(o.seedIndex(), docs, new BgeEmbedder(base.semanticThreads()));
    log.printf("bench: %,d windows known%n", replay.known());
    Regions regions = o.gazetteer() != null ? Regions.fromGazetteer(o.gazetteer()) : CorpusScaler.regionsOf(docs);
    Path dir = o.work().resolve("scaled-corpus");
    Benchmark.deleteTree(dir);
    log.printf("bench: generating about %,d paragraphs (seed %d) ...%n", o.scale(), o.seed());
    CorpusScaler.Result g = CorpusScaler.of(docs, regions).write(o.scale(), o.seed(), dir, Benchmark.SCALED_FILE_BYTES);
    docs = null;
    ingest = null;
    Path index = o.work().resolve("index-scaled");
    Benchmark.deleteTree(index);
    Config cfg = base.forJob(dir, index, base.stockAnalyzer(), false);
    log.printf("bench: lexical bulk import (semantic=false) of %,d paragraphs ...%n", g.paragraphs());
    double cpu0 = Tokenisation.processCpuSeconds();
    long ti = System.nanoTime();
    Wiring.Display bar = wiring.progress();
    IndexSummary summary = wiring.indexer(cfg).run(dir, new IndexLayout(index), true, bar);
    bar.done();
    double importSecs = (System.nanoTime() - ti) / 1e9;
    double importCpu = Tokenisation.processCpuSeconds() - cpu0;
    notes.put("lexical bulk import, semantic=false", String.format(Locale.ROOT,
        "%,d documents, %,d paragraphs, %.1f MB of text in %.1f s: %.2f MB/s, %.0f documents/s (%.0f CPU-s)", summary.added(),
        g.paragraphs(), g.textBytes() / 1048576.0, importSecs, g.textBytes() / 1048576.0 / importSecs, summary.added() / importSecs,
        importCpu));
    log.println("bench: " + notes.get("lexical bulk import, semantic=false"));
    SemanticIndex scaled = SemanticIndex.open(new IndexLayout(index), replay, VectorBuilder.Settings.DEFAULTS, base.semanticThreads(), log);
    long tv = System.nanoTime();
    VectorBuilder.Summary vs = scaled.buildNow(st -> log.println("bench:   " + st.describe()));
    double vecSecs = (System.nanoTime() - tv) / 1e9;
    notes.put("vector index of the generated corpus (model replayed)", String.format(Locale.ROOT,
        "%,d paragraphs with vectors (%,d windows replayed, %,d embedded by the model) in %.1f s: %.0f windows/s into the "
            + "int8 HNSW index", vs.total(), replay.replayed(), replay.embedded(), vecSecs, replay.replayed() / vecSecs));
    log.println("bench: " + notes.get("vector index of the generated corpus (model replayed)"));
    measure(String.format("generated, %,d paragraphs", g.paragraphs()), index, scaled, pastes, rows);
    write(rows, notes, started, Duration.ofNanos(System.nanoTime() - t0), loadStart, MachineInfo.loadAverage());
  }

  /** Interleaved classes (one request of each in turn) after a warm-up, as the main bench does. */
  /** Measures the four classes on one index; the engine closes {@code semantic} (and its model) with itself. */
  private void measure(String corpus, Path index, SemanticIndex semantic, List<String> pastes, List<Row> rows) throws Exception {
    try (LuceneBackend engine = LuceneBackend.open(index, wiring.analyzers(base), Synonyms.load(base.synonyms()), base.limits(), semantic)) {
      if (!semantic.vectors().searchable()) throw new IOException("the vectors of " + index + " are not searchable");
      long paragraphs = engine.stats().paragraphs();
      Map<String, Latencies> lat = new LinkedHashMap<>();
      List<String> kinds = List.of("search, lexical", "search, semantic=true", "similar documents (pasted text), lexical",
          "similar documents (pasted text), semantic=true");
      kinds.forEach(k -> lat.put(k, new Latencies()));
      int similarEvery = 2; // similar requests cost ten times a search: half as many keep the run short
      for (int i = -o.warmup(); i < o.iterations(); i++) {
        String w = WORDS.get(Math.floorMod(i, WORDS.size()));
        time(i < 0 ? null : lat.get(kinds.get(0)), () -> engine.search(new SearchRequest(w, null, null, 1, 10, 3, false)));
        time(i < 0 ? null : lat.get(kinds.get(1)), () -> {
          var r = engine.search(new SearchRequest(w, null, null, 1, 10, 3, true));
          if (!"hybrid".equals(r.answeredBy())) throw new IllegalStateException("semantic search answered " + r.answeredBy());
        });
        if (Math.floorMod(i, similarEvery) != 0) continue;
        String p = pastes.get(Math.floorMod(i / similarEvery, pastes.size()));
        time(i < 0 ? null : lat.get(kinds.get(2)), () -> engine.similarToText(p, 10, SimilarMode.DOCUMENTS, false));
        time(i < 0 ? null : lat.get(kinds.get(3)), () -> {
          var r = engine.similarToText(p, 10, SimilarMode.DOCUMENTS, true);
          if (!"hybrid".equals(r.answeredBy())) throw new IllegalStateException("similar answered " + r.answeredBy());
        });
      }
      lat.forEach((k, l) -> {
        rows.add(new Row(corpus, paragraphs, k, l));
        log.printf("bench: %s, %s: p50 %.1f ms, p99 %.1f ms%n", corpus, k, l.p50(), l.p99());
      });
    }
  }

  interface Call {
    void run() throws Exception;
  }

  private static void time(Latencies into, Call c) throws Exception {
    long t = System.nanoTime();
    c.run();
    if (into != null) into.add(System.nanoTime() - t);
  }

  /** Every k-th document long enough, 600 characters from its middle (paragraphs kept on their own lines). */
  static List<String> pastes(List<PolicyDocument> docs, int n) {
    List<PolicyDocument> longOnes = docs.stream().filter(d -> d.bodyText().length() >= 3 * PASTE_CHARS).toList();
    List<String> out = new ArrayList<>();
    int step = Math.max(1, longOnes.size() / Math.max(1, n));
    for (int i = 0; i < longOnes.size() && out.size() < n; i += step) {
      StringBuilder all = new StringBuilder();
      for (Paragraph p : longOnes.get(i).paragraphs()) all.append(p.text()).append('\n');
      int from = all.length() / 2 - PASTE_CHARS / 2;
      out.add(all.substring(from, from + PASTE_CHARS).strip());
    }
    return out;
  }

  private void write(List<Row> rows, Map<String, String> notes, Instant started, Duration took, double[] loadStart, double[] loadEnd)
      throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("# Semantic search and similar documents: cost\n\n");
    s.append(String.format(Locale.ROOT, "Written by `%s` on %s UTC in %d min %d s, at commit `%s`, on %d cores (load average %.2f at the "
            + "start, %.2f at the end). Milliseconds, in process (no HTTP), one request at a time, classes interleaved after %d "
            + "warm-up rounds.%n%n", o.command(), started.toString().substring(0, 16).replace('T', ' '), took.toMinutes(),
        took.toSecondsPart(), Benchmark.gitCommit(o.home()), Runtime.getRuntime().availableProcessors(), loadStart[0], loadEnd[0],
        o.warmup()));
    s.append("| corpus | paragraphs | class | requests | p50 | p95 | p99 | target (p50 / p99) |\n|---|---:|---|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      String target = r.kind().contains("semantic=true") || r.kind().startsWith("similar")
          ? (r.latencies().p50() <= 50 && r.latencies().p99() <= 200 ? "≤ 50 / ≤ 200: PASS" : "≤ 50 / ≤ 200: **MISS**") : "";
      s.append(String.format(Locale.ROOT, "| %s | %,d | %s | %d | %.1f | %.1f | %.1f | %s |%n", r.corpus(), r.paragraphs(), r.kind(),
          r.latencies().count(), r.latencies().p50(), r.latencies().p95(), r.latencies().p99(), target));
    }
    s.append("\n");
    notes.forEach((k, v) -> s.append("- **").append(k).append("**: ").append(v).append("\n"));
    s.append("\nSearches: ").append(String.join(" · ", WORDS)).append(" (semantic=true embeds the words with the model, then fuses ")
        .append("the 100 documents nearest by meaning with the words' ranking). Similar: ").append(o.pastes())
        .append(" texts of 600 characters from the middle of long documents of the real corpus, pasted (no id), each of whose ")
        .append("paragraphs the model embeds when semantic=true. The generated corpus is the main benchmark's (same seed): the real ")
        .append("paragraphs reshuffled into documents with regions, years and types.\n");
    Files.createDirectories(o.out().toAbsolutePath().getParent());
    Files.writeString(o.out(), s.toString(), StandardCharsets.UTF_8);
  }
}
