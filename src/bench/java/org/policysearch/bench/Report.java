package org.policysearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.policysearch.index.analysis.smartcn.bench.SmartcnBenchmark;
import org.policysearch.index.analysis.smartcn.bench.SmartcnDifferential;

/**
 * Writes {@code BENCHMARKS.md}: the command, the machine, the corpus sizes, every figure next to its
 * reference, and each target of the issue with PASS or MISS and by how much. Section titles are fixed
 * ({@link #SECTIONS}); the smoke test checks that each is there.
 */
public final class Report {
  public static final List<String> SECTIONS = List.of("## Machine", "## Corpora", "## Targets", "## Indexing throughput",
      "## Segmenter: stock smartcn, stock with the hash fix, ours", "## Query latency in process", "## Query latency over HTTP",
      "## HTTP throughput", "## Server start, index size, heap", "## How it is measured");

  /** A run counts as quiet when other processes took less than this share of the CPU and the load was low at the start. */
  static final double QUIET_OTHERS_SHARE = 0.05;
  static final double QUIET_LOAD = 1.0;

  static boolean quiet(Benchmark.Result r) {
    return r.loadStart()[0] < QUIET_LOAD && (Double.isNaN(r.othersShare()) || r.othersShare() < QUIET_OTHERS_SHARE);
  }

  static final double P50_LIMIT_MS = 10;
  static final double P99_LIMIT_MS = 50;
  static final double EXACT_OVER_WORDS_LIMIT = 2;
  static final double INDEXING_RATIO_MIN = 0.8;
  static final double START_LIMIT_S = 2;
  static final double SEGMENTER_SPEEDUP_MIN = 5;

  /** One target with its verdict. */
  public record Target(String what, String measured, boolean pass, String by) {}

  private final Benchmark.Result r;
  private final StringBuilder md = new StringBuilder();

  private Report(Benchmark.Result r) {
    this.r = r;
  }

  public static String render(Benchmark.Result r) {
    Report rep = new Report(r);
    rep.write();
    return rep.md.toString();
  }

  public static void write(Benchmark.Result r, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(out, render(r) + keptSection(out), StandardCharsets.UTF_8);
  }

  /** Markers of the section 'bench --backend opensearch' writes into the same file: a run of this benchmark keeps it. */
  public static final String OPENSEARCH_BEGIN = "<!-- opensearch-bench:begin -->";
  public static final String OPENSEARCH_END = "<!-- opensearch-bench:end -->";

  private static String keptSection(Path out) throws IOException {
    if (!Files.exists(out)) return "";
    String old = Files.readString(out, StandardCharsets.UTF_8);
    int b = old.indexOf(OPENSEARCH_BEGIN);
    int e = old.indexOf(OPENSEARCH_END);
    return b >= 0 && e > b ? "\n" + old.substring(b, e + OPENSEARCH_END.length()) + "\n" : "";
  }

  /** The report, section by section. */
  private void write() {
    boolean quiet = quiet(r);
    Benchmark.Size big = r.sizes().get(r.sizes().size() - 1);
    header(quiet);
    machine(quiet);
    corpora();
    targets(big, quiet);
    indexingThroughput();
    segmenter();
    latencyInProcess();
    latencyOverHttp(big);
    httpThroughput();
    serverStartAndHeap(big);
    howItIsMeasured(big);
    everyRequest();
  }

  /** The title line (command, date, duration, commit), and warnings for a smoke run or a busy machine. */
  private void header(boolean quiet) {
    BenchOptions o = r.options();
    line("# Benchmarks");
    line("");
    line("Written by `" + o.command() + "` on " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(r.started().atOffset(ZoneOffset.UTC))
        + " in " + duration(r.took().toSeconds()) + ", at commit `" + r.commit() + "`. Every figure is measured in the same run as its reference.");
    line("");
    if (o.smoke()) {
      line("**Smoke run**: tiny corpus and few iterations, so that CI knows the harness works. The timings below mean nothing.");
      line("");
    }
    if (!quiet) {
      line(String.format(Locale.ROOT, "**The machine was busy**: other processes used %.0f CPU-seconds (%.0f%% of its %d cores) during "
          + "the run, and the load average was %.2f at the start; times are longer and noisier than on a quiet machine.",
          r.othersCpuSeconds(), 100 * r.othersShare(), r.machine().cores(), r.loadStart()[0]));
      line("");
    }
  }

  /** What the figures were measured on. */
  private void machine(boolean quiet) {
    line("## Machine");
    line("");
    line("| | |");
    line("|---|---|");
    line("| cores (`nproc`) | " + r.machine().cores() + " |");
    line("| CPU | " + r.machine().cpu() + " |");
    line(String.format(Locale.ROOT, "| memory | %.1f GiB |", r.machine().memoryBytes() / 1073741824.0));
    line("| JDK | " + r.machine().jdk() + " |");
    line("| OS | " + r.machine().os() + " |");
    line(String.format(Locale.ROOT, "| load average (1, 5, 15 min) at start | %.2f, %.2f, %.2f |", r.loadStart()[0], r.loadStart()[1],
        r.loadStart()[2]));
    line(String.format(Locale.ROOT, "| load average at end (this benchmark's own threads included) | %.2f, %.2f, %.2f |", r.loadEnd()[0],
        r.loadEnd()[1], r.loadEnd()[2]));
    line(String.format(Locale.ROOT, "| CPU used by other processes during the run | %.1f CPU-s, %.1f%% of the machine%s |", r.othersCpuSeconds(),
        100 * r.othersShare(), quiet ? " (quiet)" : " (busy)"));
    line("| analyzer in use | `" + r.analyzer() + "` |");
    line("");
  }

  /** The corpora measured, and how the generated one is made. */
  private void corpora() {
    BenchOptions o = r.options();
    line("## Corpora");
    line("");
    line("| corpus | documents | paragraphs | characters | text (MB) | files | file size (MB) |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    for (Benchmark.Size s : r.sizes()) {
      Benchmark.CorpusSize c = s.corpus();
      line(String.format(Locale.ROOT, "| %s (`%s`) | %,d | %,d | %,d | %.1f | %d | %.1f |", c.name(), shortPath(c.dir()), c.documents(),
          c.paragraphs(), c.chars(), mb(c.textBytes()), c.files(), mb(c.fileBytes())));
    }
    line("");
    line("MB are 2^20 bytes of UTF-8. \"text\" is the paragraphs as indexed; the file size includes JSON and metadata.");
    if (r.sizes().size() > 1) {
      line("The generated corpus reshuffles the real paragraphs (runs of 3–20 consecutive paragraphs from random documents, "
          + "each document shaped like a random real one) across documents with regions from " + r.regionsOrigin()
          + ", years 1990–2026 (recent years more often), dates and types, all given as JSONL fields (seed " + o.seed() + ").");
    }
    line("");
  }

  /** Each target at the largest size, PASS or MISS. */
  private void targets(Benchmark.Size big, boolean quiet) {
    line("## Targets");
    line("");
    line(String.format(Locale.ROOT, "At the largest size (%s: %,d paragraphs, %,d documents), on this %d-core machine%s.",
        big.corpus().name(), big.corpus().paragraphs(), big.corpus().documents(), r.machine().cores(),
        quiet ? "" : ", **busy during the run**"));
    line("");
    line("| target | measured | result |");
    line("|---|---|---|");
    for (Target t : targets(big)) {
      line("| " + t.what() + " | " + t.measured() + " | " + (t.pass() ? "PASS" : "**MISS** by " + t.by()) + " |");
    }
    line("");
  }

  /** Bulk import rates beside the analyzer's own rate. */
  private void indexingThroughput() {
    line("## Indexing throughput");
    line("");
    Tokenisation.Rate s1 = r.single();
    Tokenisation.Rate sn = r.all();
    line(String.format(Locale.ROOT, "Reference: the words analyzer in use (normalising char filter → smartcn, `%s`) over the same "
        + "paragraphs (%.1f MB, %,d tokens), tokens consumed and nothing else: **%.2f MB/s on one thread**, so %.2f MB/s × %d cores = "
        + "**%.2f MB/s**; measured with %d threads at once: %.2f MB/s (%.2f× one thread).", r.analyzer(), mb(s1.bytes()), s1.tokens(),
        s1.mbPerSecond(), s1.mbPerSecond(), r.cores(), s1.mbPerSecond() * r.cores(), sn.threads(), sn.mbPerSecond(),
        sn.mbPerSecond() / s1.mbPerSecond()));
    line("");
    line("| corpus | time (s) | documents/s | text MB/s | file MB/s | ÷ (one-thread rate × cores) | ÷ measured all-core rate | CPU s | smartcn's share of the CPU | index on disk | segments | threads |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Benchmark.Size s : r.sizes()) {
      Benchmark.Indexing ix = s.indexing();
      double rate = mb(s.corpus().textBytes()) / ix.seconds();
      double cpuShare = mb(s.corpus().textBytes()) / s1.mbPerCpuSecond() / ix.cpuSeconds();
      line(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.2f | %.2f | **%.2f** | %.2f | %.0f | %.2f | %s | %d | %d |", s.corpus().name(),
          ix.seconds(), ix.summary().added() / ix.seconds(), rate, mb(s.corpus().fileBytes()) / ix.seconds(),
          rate / (s1.mbPerSecond() * r.cores()), rate / sn.mbPerSecond(), ix.cpuSeconds(), cpuShare, bytes(ix.indexBytes()),
          ix.segments(), ix.threads()));
    }
    line("");
    line("\"smartcn's share of the CPU\": the CPU time smartcn alone needs for this text (at its one-thread rate per CPU-second) "
        + "÷ the CPU time of the whole import (every thread of the process, GC included). It does not depend on how busy the machine "
        + "is, and it bounds the wall-clock ratio: with every core busy importing, the ratio can reach it but not exceed it.");
    line("");
    line("A bulk import is `CorpusIndexer.run` as `bin/policy-search index --rebuild` runs it, into an empty index: listing and hashing "
        + "the files, reading and building the documents, analysing every field (smartcn words, exact pairs and units, for the "
        + "paragraphs and the title), writing, the corpus-wide duplicate pass and the commit.");
    line("");
  }

  /** Latency of the services called directly. */
  private void latencyInProcess() {
    line("## Query latency in process");
    line("");
    line("The services called directly (no HTTP, no JSON), one request at a time. Milliseconds.");
    line("");
    latencyTables(true);
  }

  /** Latency of the same requests to the real server. */
  private void latencyOverHttp(Benchmark.Size big) {
    line("## Query latency over HTTP");
    line("");
    line("The same requests to the real server (`serve`, a child JVM with -Xmx" + big.server().heapLimit() + ") on loopback, one client "
        + "with a keep-alive connection, each response read in full. Milliseconds.");
    line("");
    latencyTables(false);
  }

  /** Requests per second at each concurrency. */
  private void httpThroughput() {
    BenchOptions o = r.options();
    line("## HTTP throughput");
    line("");
    line(String.format(Locale.ROOT, "Closed loop on loopback: each of *c* clients sends the next search of the mix (word, exact and "
        + "facet-filtered) as soon as its last answer is read, for %.0f s per level. Client and server share the %d cores.",
        o.httpSeconds(), r.machine().cores()));
    line("");
    line("| corpus | concurrency | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | errors |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    for (Benchmark.Size s : r.sizes()) {
      for (HttpRunner.Throughput t : s.server().throughput()) {
        line(String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %s | %s | %d |", s.corpus().name(), t.concurrency(), t.perSecond(),
            ms(t.latencies().p50()), ms(t.latencies().p95()), ms(t.latencies().p99()), t.latencies().errors()));
      }
    }
    line("");
  }

  /** Start-up time, index size and heap of the server. */
  private void serverStartAndHeap(Benchmark.Size big) {
    line("## Server start, index size, heap");
    line("");
    line("| corpus | start to first `/api/health` (median) | each start | printed by the server | index on disk | heap limit | peak heap used | most heap after a GC | live heap after a full GC | GCs | all answers 200, still running |");
    line("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Benchmark.Size s : r.sizes()) {
      Benchmark.Server v = s.server();
      List<String> each = new ArrayList<>();
      v.starts().forEach(x -> each.add(String.format(Locale.ROOT, "%.2f", x)));
      ServerProcess.Heap h = v.heap();
      line(String.format(Locale.ROOT, "| %s | %.2f s | %s | %.2f s | %s | %s | %s | %s | %s | %d | %s |", s.corpus().name(),
          median(v.starts()), String.join(", ", each), v.selfReported(), bytes(s.indexing().indexBytes()), v.heapLimit(), mbOr(h.peakBeforeGcMb()),
          mbOr(h.maxAfterGcMb()), mbOr(h.liveAfterFullGcMb()), h.gcs(), serverOk(s) ? "yes" : "**no**"));
    }
    line("");
    line("Start: from launching `java -Xmx" + big.server().heapLimit() + " … serve --no-index` on the existing index to its first 200 "
        + "from `/api/health` (JVM start included; the index files are in the page cache, having just been written). Heap: from the "
        + "child's GC log (`-Xlog:gc`), over the HTTP mix and the throughput runs; the live heap is measured after a full GC "
        + "forced with `jcmd GC.run` at the end.");
    line("");
  }

  /** The method, in words. */
  private void howItIsMeasured(Benchmark.Size big) {
    BenchOptions o = r.options();
    line("## How it is measured");
    line("");
    line(String.format(Locale.ROOT, "- Each class of the mix gets %d warm-up and %d measured requests; classes are interleaved (one "
        + "request of each in turn) so that changes in machine load hit all of them alike. Percentiles are nearest-rank.",
        o.warmup(), o.iterations()));
    line("- Searches ask for what the web page asks for: page 1, 10 hits, 3 passages each with highlights, facet counts "
        + "(region tree, year, theme, type; drill-sideways), by relevance. Phrase statistics: counts by year, region and "
        + "region × year plus the first 20 occurrences in context. Similar: 10 paragraphs from other regions.");
    QueryMix.Picks p = big.mix().picks();
    line("- Filter values are taken from each index (largest province, its largest city, most frequent year and type); at the "
        + "largest size: province " + p.province() + ", city " + p.city() + ", year " + p.year() + ", type " + p.type() + ".");
    line("- Exact/words ratio: the same " + QueryMix.PAIRED.size() + " strings quoted and unquoted (" + String.join("、", QueryMix.PAIRED)
        + "); the ratio of the medians over all their samples, and the worst single pair.");
    line("- The reference rate and the imports use the same number of threads (" + r.cores() + ", the indexer's default: one per core).");
    line("- Benchmarks are not tests: CI runs `bin/policy-search bench --smoke` (through `BenchSmokeTest`) only to keep this "
        + "harness working.");
    line("");
  }

  /** Every request of the mix with its counts and medians. */
  private void everyRequest() {
    line("### Every request");
    line("");
    StringBuilder head = new StringBuilder("| class | request |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (Benchmark.Size s : r.sizes()) {
      head.append(" found (").append(shortName(s)).append(") | p50 in process | p50 HTTP |");
      rule.append("---:|---:|---:|");
    }
    line(head.toString());
    line(rule.toString());
    Benchmark.Size first = r.sizes().get(0);
    for (int i = 0; i < first.mix().requests().size(); i++) {
      QueryMix.Request q0 = first.mix().requests().get(i);
      StringBuilder row = new StringBuilder("| " + q0.kind().label + " | " + q0.label().replace("|", "\\|") + " |");
      for (Benchmark.Size s : r.sizes()) {
        if (i >= s.mix().requests().size()) {
          row.append(" | | |");
          continue;
        }
        QueryMix.Request q = s.mix().requests().get(i);
        Long found = s.inProcess().found.get(MixResult.key(q));
        row.append(String.format(Locale.ROOT, " %s | %s | %s |", found == null ? "–" : String.format(Locale.ROOT, "%,d", found),
            ms(s.inProcess().of(q).p50()), ms(s.server().http().of(q).p50())));
      }
      line(row.toString());
    }
    line("");
    line("\"found\": documents for a search, occurrences for phrase statistics, paragraphs for similar.");
  }

  private void latencyTables(boolean inProcess) {
    line("| corpus | class | requests | p50 | p95 | p99 | mean | errors |");
    line("|---|---|---:|---:|---:|---:|---:|---:|");
    for (Benchmark.Size s : r.sizes()) {
      MixResult m = inProcess ? s.inProcess() : s.server().http();
      for (QueryMix.Kind k : QueryMix.Kind.values()) {
        Latencies l = m.byKind.get(k);
        line(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %d |", shortName(s), k.label, l.count(), ms(l.p50()),
            ms(l.p95()), ms(l.p99()), ms(l.meanMs()), l.errors()));
      }
    }
    line("");
    for (Benchmark.Size s : r.sizes()) {
      MixResult m = inProcess ? s.inProcess() : s.server().http();
      MixResult.PairRatio pr = m.exactOverWords(s.mix());
      line(String.format(Locale.ROOT, "- %s: exact phrase / same words unquoted = **%.2f×** (medians); worst pair %s %.2f×.", shortName(s),
          pr.ratioOfMedians(), pr.worstPair(), pr.worstPairRatio()));
    }
    line("");
  }

  /** Issue 8: the three engines on the same text, the whole-corpus comparison, and the import with stock. */
  private void segmenter() {
    Benchmark.Segmenter g = r.segmenter();
    SmartcnBenchmark.Result e = g.engines();
    line("## Segmenter: stock smartcn, stock with the hash fix, ours");
    line("");
    line(String.format(Locale.ROOT, "The same %,d paragraphs (%,d characters, every k-th paragraph of the real corpus), each "
        + "analysed end to end through the analyzer (tokenizer, stemmer, stop filter), as written (\"as is\": mostly Chinese "
        + "punctuation) and with all punctuation turned into ASCII and into full-width forms; median of the timed rounds. MB/s of "
        + "UTF-8, and in brackets × stock on the same text and threads.", e.texts(), e.chars()));
    line("");
    StringBuilder head = new StringBuilder("| engine |");
    StringBuilder rule = new StringBuilder("|---|");
    List<int[]> cols = new ArrayList<>();
    for (SmartcnBenchmark.Punctuation p : SmartcnBenchmark.Punctuation.values()) {
      for (int t : new int[] {1, r.cores()}) {
        if (t == r.cores() && t == 1 && !cols.isEmpty() && cols.get(cols.size() - 1)[0] == p.ordinal()) continue;
        cols.add(new int[] {p.ordinal(), t});
        head.append(' ').append(p.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(", ").append(t).append(t == 1 ? " thread |" : " threads |");
        rule.append("---:|");
      }
    }
    line(head.toString());
    line(rule.toString());
    for (SmartcnBenchmark.Engine en : SmartcnBenchmark.Engine.values()) {
      StringBuilder row = new StringBuilder("| " + en.label + " |");
      for (int[] c : cols) {
        SmartcnBenchmark.Punctuation p = SmartcnBenchmark.Punctuation.values()[c[0]];
        row.append(String.format(Locale.ROOT, " %.2f (%.1f×) |", e.mbPerSecond(en, p, c[1]), e.speedup(en, p, c[1])));
      }
      line(row.toString());
    }
    line("");
    SmartcnDifferential.Report d = g.differential();
    line(String.format(Locale.ROOT, "Token for token (term, offsets, position increment and length, type, final offset) against stock "
        + "over every paragraph of the real corpus (%,d texts, %,d characters, %,d comparisons, %.0f s): **%s**.", d.texts(), d.chars(),
        d.comparisons(), d.seconds(), d.identical() ? "identical" : "different: " + d.firstDifference()));
    line("");
    Benchmark.Indexing ours = r.sizes().get(0).indexing();
    Benchmark.Indexing stock = g.stockImport();
    double textMb = mb(r.sizes().get(0).corpus().textBytes());
    line("Bulk import of the real corpus with each analyzer (same corpus, same run):");
    line("");
    line("| analyzer | time (s) | text MB/s | documents/s | CPU s |");
    line("|---|---:|---:|---:|---:|");
    line(String.format(Locale.ROOT, "| stock smartcn (`analyzer.stock=true`) | %.1f | %.2f | %.0f | %.0f |", stock.seconds(),
        textMb / stock.seconds(), stock.summary().added() / stock.seconds(), stock.cpuSeconds()));
    line(String.format(Locale.ROOT, "| ours (the default) | %.1f | %.2f | %.0f | %.0f |", ours.seconds(), textMb / ours.seconds(),
        ours.summary().added() / ours.seconds(), ours.cpuSeconds()));
    line("");
    line(String.format(Locale.ROOT, "Indexing is %.2f× faster with our segmenter. Stock smartcn's one-thread rate on these paragraphs "
        + "(with the normalising char filter, as indexed): %.2f MB/s.", stock.seconds() / ours.seconds(), g.stockSingle().mbPerSecond()));
    line("");
  }

  List<Target> targets(Benchmark.Size s) {
    List<Target> out = new ArrayList<>();
    for (boolean inProcess : new boolean[] {true, false}) {
      MixResult m = inProcess ? s.inProcess() : s.server().http();
      String where = inProcess ? "in process" : "over HTTP";
      for (QueryMix.Kind k : List.of(QueryMix.Kind.WORDS, QueryMix.Kind.EXACT, QueryMix.Kind.FACETED)) {
        Latencies l = m.byKind.get(k);
        out.add(atMost(k.label + " with facet counts, " + where + ": p50 ≤ 10 ms", l.p50(), P50_LIMIT_MS, "ms"));
        out.add(atMost(k.label + " with facet counts, " + where + ": p99 ≤ 50 ms", l.p99(), P99_LIMIT_MS, "ms"));
      }
      MixResult.PairRatio pr = m.exactOverWords(s.mix());
      out.add(atMost("exact phrase ≤ 2× the same words unquoted (medians), " + where, pr.ratioOfMedians(), EXACT_OVER_WORDS_LIMIT, "×"));
    }
    double rate = mb(s.corpus().textBytes()) / s.indexing().seconds();
    double ref = r.single().mbPerSecond() * r.cores();
    double ratio = rate / ref;
    out.add(new Target("indexing ≥ 0.8 × smartcn one-thread rate × " + r.cores() + " cores",
        String.format(Locale.ROOT, "%.2f MB/s ÷ %.2f MB/s = %.2f", rate, ref, ratio), ratio >= INDEXING_RATIO_MIN,
        String.format(Locale.ROOT, "%.2f (%.0f%% below)", INDEXING_RATIO_MIN - ratio, 100 * (1 - ratio / INDEXING_RATIO_MIN))));
    Benchmark.Segmenter g = r.segmenter();
    double stockRef = g.stockSingle().mbPerSecond() * r.cores();
    double stockRatio = rate / stockRef;
    out.add(new Target("indexing ≥ 0.8 × stock smartcn one-thread rate × " + r.cores() + " cores",
        String.format(Locale.ROOT, "%.2f MB/s ÷ %.2f MB/s = %.2f", rate, stockRef, stockRatio), stockRatio >= INDEXING_RATIO_MIN,
        String.format(Locale.ROOT, "%.2f (%.0f%% below)", INDEXING_RATIO_MIN - stockRatio, 100 * (1 - stockRatio / INDEXING_RATIO_MIN))));
    double speedup = g.engines().speedup(SmartcnBenchmark.Engine.OURS, SmartcnBenchmark.Punctuation.AS_IS, 1);
    out.add(new Target("segmenter ≥ " + (int) SEGMENTER_SPEEDUP_MIN + "× stock smartcn through the analyzer (corpus text as is, one thread)",
        String.format(Locale.ROOT, "%.2f×", speedup), speedup >= SEGMENTER_SPEEDUP_MIN,
        String.format(Locale.ROOT, "%.2f× (%.0f%% below)", SEGMENTER_SPEEDUP_MIN - speedup, 100 * (1 - speedup / SEGMENTER_SPEEDUP_MIN))));
    out.add(new Target("segmenter gives stock's tokens, token for token, over the corpus",
        g.differential().identical() ? String.format(Locale.ROOT, "identical over %,d texts (%,d chars)", g.differential().texts(),
            g.differential().chars()) : "first difference: " + g.differential().firstDifference(),
        g.differential().identical(), "a difference"));
    double start = median(s.server().starts());
    out.add(atMost("server start on the existing index < 2 s", start, START_LIMIT_S, "s"));
    ServerProcess.Heap h = s.server().heap();
    boolean ok = serverOk(s);
    out.add(new Target("serves with a 1 GB heap (-Xmx" + s.server().heapLimit() + ")",
        String.format(Locale.ROOT, "%s; peak heap used %s, live after full GC %s", ok ? "every request answered 200" : "errors or a crash",
            mbOr(h.peakBeforeGcMb()), mbOr(h.liveAfterFullGcMb())), ok, "failed requests or the server died"));
    return out;
  }

  private static boolean serverOk(Benchmark.Size s) {
    int errors = s.server().http().errors();
    for (HttpRunner.Throughput t : s.server().throughput()) errors += t.latencies().errors();
    return errors == 0 && s.server().aliveAtEnd();
  }

  private static Target atMost(String what, double value, double limit, String unit) {
    String v = unit.equals("×") ? String.format(Locale.ROOT, "%.2f×", value) : String.format(Locale.ROOT, "%.2f %s", value, unit);
    String by = unit.equals("×") ? String.format(Locale.ROOT, "%.2f× (%.0f%% over)", value - limit, 100 * (value / limit - 1))
        : String.format(Locale.ROOT, "%.2f %s (%.0f%% over)", value - limit, unit, 100 * (value / limit - 1));
    return new Target(what, v, value <= limit, by);
  }

  private static String shortName(Benchmark.Size s) {
    return String.format(Locale.ROOT, "%,d paragraphs", s.corpus().paragraphs());
  }

  /** A corpus folder as the reader knows it: relative to the project (../shared/data/corpus), or the work folder's. */
  private String shortPath(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path work = r.options().work().toAbsolutePath().normalize();
    if (abs.startsWith(work)) return "<work>/" + work.relativize(abs);
    Path home = r.options().home().toAbsolutePath().normalize();
    Path rel = home.relativize(abs);
    return rel.getNameCount() <= 4 ? rel.toString() : abs.toString();
  }

  static double median(List<Double> xs) {
    if (xs.isEmpty()) return Double.NaN;
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }

  private static String bytes(long b) {
    if (b < 10L * 1048576) return String.format(Locale.ROOT, "%.0f KB", b / 1024.0);
    return String.format(Locale.ROOT, "%.0f MB", mb(b));
  }

  private static String mbOr(long mb) {
    return mb < 0 ? "–" : mb + " MB";
  }

  private static String ms(double v) {
    if (Double.isNaN(v)) return "–";
    return v < 10 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String duration(long secs) {
    return secs < 60 ? secs + " s" : secs / 60 + " min " + secs % 60 + " s";
  }

  private void line(String s) {
    md.append(s).append('\n');
  }
}
