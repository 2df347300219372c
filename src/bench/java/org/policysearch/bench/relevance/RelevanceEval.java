package org.policysearch.bench.relevance;

import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.policysearch.Config;
import org.policysearch.bench.Benchmark;
import org.policysearch.bench.Wiring;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.vector.EmbedderException;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.query.Synonyms;

/**
 * {@code bin/policy-search eval}: the relevance sets run through the product's own services (the code
 * behind {@code /api/similar} and {@code /api/search}) beside reference rankers computed in the same run on
 * the same documents, written up as {@code RELEVANCE.md}.
 *
 * <p>Two forms of the precedent set: as given (the pasted stretch comes from an indexed document) and as a
 * draft (its source documents deleted before indexing, as when staff paste their own text), each on its
 * own index of its own corpus.
 */
public final class RelevanceEval {
  /** How deep each ranker is read: the top 10 is scored, the rest only feeds MRR. */
  static final int DEPTH = 50;

  /**
   * @param corpus     the corpus the sets were built on (../shared/data/corpus)
   * @param sets       folder with precedents-dev.jsonl, precedents-dev-draft.jsonl and the removed list
   * @param judgments  the judged search set, or null when there is none
   * @param sample     queries per set (spread evenly over it); 0 for all
   * @param command    the command line, for the report
   */
  public record Options(Path home, Path corpus, Path sets, Path judgments, Path out, Path work, int sample, String command) {}

  private final Options o;
  private final Config config;
  private final Wiring wiring;
  private final PrintStream log;

  public RelevanceEval(Options o, Config config, Wiring wiring, PrintStream log) {
    this.o = o;
    this.config = config;
    this.wiring = wiring;
    this.log = log;
  }

  /** One method on one set: its mean metrics, latency and the per-query results. */
  record MethodResult(String set, String method, Metrics mean, double p50Ms, double p95Ms, List<QueryResult> queries) {}

  record QueryResult(String queryId, String group, Metrics metrics, List<String> top) {}

  /** Everything the report says. */
  record Result(List<MethodResult> methods, Map<String, String> titles, Map<String, Integer> corpusDocs, String commit,
                Instant started, Duration took, Options options) {}

  interface Ranker {
    List<String> rank(String text) throws IOException, InvalidRequestException;
  }

  public Path run() throws IOException {
    Instant t0 = Instant.now();
    Files.createDirectories(o.work());
    List<MethodResult> results = new ArrayList<>();
    Map<String, String> titles = new HashMap<>();
    Map<String, Integer> sizes = new LinkedHashMap<>();

    Path devFile = o.sets().resolve("precedents-dev.jsonl");
    Path draftFile = o.sets().resolve("precedents-dev-draft.jsonl");
    Path removedFile = o.sets().resolve("precedents-dev-draft-removed.txt");

    // The corpus as given: the dev set and the judged search set.
    Form full = prepare("full", o.corpus(), null);
    sizes.put("as given", full.docs.size());
    full.docs.forEach(d -> titles.put(d.id(), d.title()));
    try (LuceneBackend engine = open(full)) {
      List<PrecedentQuery> dev = sample(PrecedentQuery.load(devFile));
      results.addAll(precedents("precedents-dev", dev, full, engine));
      if (o.judgments() != null && Files.exists(o.judgments())) {
        results.addAll(judged("search-judged", sample(JudgedQuery.load(o.judgments())), full, engine));
      }
    } finally {
      full.close();
    }

    // The draft form: its sources deleted from the corpus before indexing.
    if (Files.exists(draftFile) && Files.exists(removedFile)) {
      Set<String> removed = new HashSet<>(Files.readAllLines(removedFile, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(s -> !s.isEmpty()).toList());
      Path draftCorpus = o.work().resolve("draft-corpus");
      writeWithout(o.corpus(), draftCorpus, removed);
      Form draft = prepare("draft", draftCorpus, SemanticIndex.folder(new IndexLayout(full.index)));
      sizes.put("draft (sources removed)", draft.docs.size());
      try (LuceneBackend engine = open(draft)) {
        results.addAll(precedents("precedents-dev-draft", sample(PrecedentQuery.load(draftFile)), draft, engine));
      } finally {
        draft.close();
      }
    }
    Result r = new Result(results, titles, sizes, Benchmark.gitCommit(o.home()), t0, Duration.between(t0, Instant.now()), o);
    RelevanceReport.write(r, o.out());
    writeDetails(r, o.work().resolve("details.jsonl"));
    return o.out();
  }

  /** An indexed corpus with its documents as ingested and the reference rankers built on them. */
  private final class Form implements AutoCloseable {
    final Path index;
    final Config config;
    final List<PolicyDocument> docs;
    final Map<String, String> province = new HashMap<>();
    final BaselineIndex bigrams;
    final BaselineIndex smartcn;

    Form(Path index, Config config, List<PolicyDocument> docs) throws IOException {
      this.index = index;
      this.config = config;
      this.docs = docs;
      for (PolicyDocument d : docs) province.put(d.id(), d.region().national() ? "全国" : d.region().province());
      log.println("eval: reference rankers over " + docs.size() + " documents...");
      this.bigrams = new BaselineIndex("bm25-bigrams", new CharBigramAnalyzer(), docs);
      this.smartcn = new BaselineIndex("bm25-smartcn", new SmartChineseAnalyzer(), docs);
    }

    @Override
    public void close() throws IOException {
      bigrams.close();
      smartcn.close();
    }
  }

  /**
   * Indexes the corpus (incrementally) and, with {@code semantic=true}, brings its paragraph vectors up to
   * date in the foreground. A form without vectors starts from {@code seedVectors} when given (the draft
   * corpus is the full one less a few documents: its vectors are the full one's, less theirs, and copying
   * them saves embedding the corpus twice).
   */
  private Form prepare(String name, Path corpus, Path seedVectors) throws IOException {
    Path index = o.work().resolve(name + "-index");
    log.println("eval: indexing " + corpus + " into " + index + " (incremental)...");
    Config c = config.forJob(corpus, index, config.stockAnalyzer(), config.semantic());
    Wiring.Display bar = wiring.progress();
    try {
      wiring.indexer(c).run(corpus, new IndexLayout(index), false, bar);
    } finally {
      bar.done();
    }
    if (c.semantic()) {
      Path vectors = SemanticIndex.folder(new IndexLayout(index));
      if (seedVectors != null && Files.isDirectory(seedVectors) && !Files.exists(vectors)) copyTree(seedVectors, vectors);
      try (SemanticIndex semantic = wiring.semantic(c)) {
        log.println("eval: paragraph vectors of " + index + "...");
        VectorBuilder.Summary done = semantic.buildNow(st -> log.println("eval:   " + st.describe()));
        log.println("eval:   " + done);
      } catch (EmbedderException e) {
        log.println("eval: no paragraph vectors (" + e.getMessage() + "); the product answers lexically");
      }
    }
    List<PolicyDocument> docs = new Ingester(IngestConfig.DEFAULTS, Builders.standard()).ingestAll(corpus).documents();
    return new Form(index, c, docs);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(t);
        else Files.copy(f, t);
      }
    }
  }

  private LuceneBackend open(Form f) throws IOException {
    SemanticIndex semantic = wiring.semantic(f.config);
    return LuceneBackend.open(f.index, wiring.analyzers(config), Synonyms.load(config.synonyms()), config.limits(), semantic);
  }

  private List<MethodResult> precedents(String set, List<PrecedentQuery> qs, Form f, LuceneBackend engine) throws IOException {
    log.println("eval: " + set + ", " + qs.size() + " queries");
    int size = Math.min(DEPTH, config.limits().maxPageSize());
    Map<String, Ranker> methods = new LinkedHashMap<>();
    methods.put("product /api/similar", text -> ids(engine.similarToText(text, size, SimilarMode.DOCUMENTS, false)));
    if (engine.semantic().vectors().searchable()) {
      // what the paragraph embeddings add, when asked for
      methods.put("product, semantic=true", text -> ids(engine.similarToText(text, size, SimilarMode.DOCUMENTS, true)));
    }
    methods.put(f.bigrams.name(), text -> f.bigrams.rank(text, DEPTH));
    // The product lists national documents apart from the other regions (SimilarResult.national): the same
    // done to the reference, so that what that choice alone is worth can be read off the table.
    methods.put(RelevanceReport.BIGRAMS_NATIONAL_APART,
        text -> f.bigrams.rank(text, DEPTH + 50).stream().filter(id -> !"全国".equals(f.province.get(id))).toList());
    methods.put(f.smartcn.name(), text -> f.smartcn.rank(text, DEPTH));
    List<MethodResult> out = new ArrayList<>();
    for (Map.Entry<String, Ranker> m : methods.entrySet()) {
      List<QueryResult> rs = new ArrayList<>();
      List<Long> nanos = new ArrayList<>();
      for (PrecedentQuery q : qs) {
        long t = System.nanoTime();
        List<String> ranked = run(m.getValue(), q.text());
        nanos.add(System.nanoTime() - t);
        String sourceProvince = q.sourceRegion().split("/")[0];
        List<String> kept = new ArrayList<>();
        for (String id : ranked) {
          if (id.equals(q.sourceId()) || sourceProvince.equals(f.province.get(id))) continue;
          kept.add(id);
        }
        Map<String, Integer> grades = new HashMap<>();
        q.relevant().forEach(id -> grades.put(id, 1));
        rs.add(new QueryResult(q.queryId(), q.group(), Metrics.of(kept, grades, true), top(kept)));
      }
      out.add(result(set, m.getKey(), rs, nanos));
    }
    return out;
  }

  private List<MethodResult> judged(String set, List<JudgedQuery> qs, Form f, LuceneBackend engine) throws IOException {
    log.println("eval: " + set + ", " + qs.size() + " queries");
    int size = Math.min(DEPTH, config.limits().maxPageSize());
    Map<String, Ranker> methods = new LinkedHashMap<>();
    methods.put("product /api/search", q -> shown(engine.search(new SearchRequest(q, null, null, 1, size, 1))));
    if (engine.semantic().vectors().searchable()) {
      methods.put("product, semantic=true", q -> {
        List<String> ids = new ArrayList<>();
        for (Hit h : engine.search(new SearchRequest(q, null, null, 1, size, 1, true)).hits()) ids.add(h.document().id());
        return ids;
      });
    }
    methods.put(f.smartcn.name(), q -> f.smartcn.rank(q, DEPTH));
    methods.put(f.bigrams.name(), q -> f.bigrams.rank(q, DEPTH));
    List<MethodResult> out = new ArrayList<>();
    for (Map.Entry<String, Ranker> m : methods.entrySet()) {
      List<QueryResult> rs = new ArrayList<>();
      List<Long> nanos = new ArrayList<>();
      for (JudgedQuery q : qs) {
        long t = System.nanoTime();
        List<String> ranked = run(m.getValue(), q.query());
        nanos.add(System.nanoTime() - t);
        rs.add(new QueryResult(q.queryId(), q.query(), Metrics.of(ranked, q.grades(), false), top(ranked)));
      }
      out.add(result(set, m.getKey(), rs, nanos));
    }
    return out;
  }

  /** The documents of a result page in the order the page shows them: full matches, then those lacking one word. */
  static List<String> shown(SearchResult r) {
    List<String> ids = new ArrayList<>();
    for (Hit h : r.hits()) ids.add(h.document().id());
    if (r.partial() != null) r.partial().hits().forEach(p -> ids.add(p.hit().document().id()));
    return ids;
  }

  private static List<String> run(Ranker r, String text) throws IOException {
    try {
      return distinct(r.rank(text));
    } catch (InvalidRequestException e) {
      throw new IOException("the product refused a query of the set: " + e.getMessage(), e);
    }
  }

  private static List<String> ids(SimilarResult r) {
    List<String> ids = new ArrayList<>();
    for (SimilarResult.Item i : r.items()) ids.add(i.id());
    return ids;
  }

  private static List<String> distinct(List<String> ids) {
    return new ArrayList<>(new LinkedHashSet<>(ids));
  }

  private static List<String> top(List<String> ids) {
    return List.copyOf(ids.subList(0, Math.min(Metrics.K, ids.size())));
  }

  private MethodResult result(String set, String method, List<QueryResult> rs, List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    MethodResult m = new MethodResult(set, method, Metrics.mean(rs.stream().map(QueryResult::metrics).toList()),
        percentile(sorted, 0.50), percentile(sorted, 0.95), rs);
    log.println(String.format(java.util.Locale.ROOT, "eval:   %-22s nDCG@10 %.3f  Recall@10 %.3f  MRR %.3f", method,
        m.mean().ndcg(), m.mean().recall(), m.mean().rr()));
    return m;
  }

  static double percentile(List<Long> sortedNanos, double p) {
    if (sortedNanos.isEmpty()) return 0;
    int i = (int) Math.min(sortedNanos.size() - 1, Math.ceil(p * sortedNanos.size()) - 1);
    return sortedNanos.get(Math.max(0, i)) / 1e6;
  }

  /** Every n-th query so that a sample spreads over all groups; the whole set when sample is 0. */
  private <T> List<T> sample(List<T> all) {
    if (o.sample() <= 0 || o.sample() >= all.size()) return all;
    List<T> out = new ArrayList<>();
    double step = (double) all.size() / o.sample();
    for (int i = 0; i < o.sample(); i++) out.add(all.get((int) (i * step)));
    return out;
  }

  /**
   * The corpus without the given documents: JSONL files are copied without the lines of those ids, other
   * files as they are (a file whose id is listed is left out). Rewritten only where it changed, so that the
   * incremental indexer reads nothing again on the next run.
   */
  static void writeWithout(Path corpus, Path target, Set<String> removed) throws IOException {
    Files.createDirectories(target);
    Set<Path> written = new HashSet<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = corpus.relativize(f);
        if (removed.contains(rel.toString().replace('\\', '/'))) continue;
        Path to = target.resolve(rel.toString());
        Files.createDirectories(to.getParent());
        byte[] bytes;
        if (f.getFileName().toString().endsWith(".jsonl")) {
          StringBuilder sb = new StringBuilder();
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && removed.contains(idOf(line))) continue;
            sb.append(line).append('\n');
          }
          bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        } else {
          bytes = Files.readAllBytes(f);
        }
        if (!Files.exists(to) || !java.util.Arrays.equals(Files.readAllBytes(to), bytes)) Files.write(to, bytes);
        written.add(to.toAbsolutePath().normalize());
      }
    }
    try (Stream<Path> old = Files.walk(target)) {
      for (Path f : old.filter(Files::isRegularFile).toList()) {
        if (!written.contains(f.toAbsolutePath().normalize())) Files.delete(f);
      }
    }
  }

  private static String idOf(String jsonLine) {
    try {
      var o = JsonParser.parseString(jsonLine).getAsJsonObject();
      return o.has("id") ? o.get("id").getAsString() : "";
    } catch (RuntimeException e) {
      return ""; // not ours to judge: the indexer reports a bad line
    }
  }

  /** Per query and method: the metrics and the top 10, for reading the misses. */
  private static void writeDetails(Result r, Path file) throws IOException {
    var gson = new com.google.gson.Gson();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (MethodResult m : r.methods()) {
        for (QueryResult q : m.queries()) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("set", m.set());
          line.put("method", m.method());
          line.put("query_id", q.queryId());
          line.put("group", q.group());
          line.put("ndcg10", q.metrics().ndcg());
          line.put("top", q.top().stream().map(id -> id + " " + r.titles().getOrDefault(id, "")).toList());
          w.write(gson.toJson(line));
          w.newLine();
        }
      }
    }
  }
}
