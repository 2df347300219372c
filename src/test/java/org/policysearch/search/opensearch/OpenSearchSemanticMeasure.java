package org.policysearch.search.opensearch;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.policysearch.BackendConfig;
import org.policysearch.bench.Latencies;
import org.policysearch.bench.ReplayEmbedder;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.BgeEmbedder;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.index.vector.VectorLookup;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * The measurement behind "Semantic search on the cluster" in docs/opensearch.md, not a test: the shared corpus's
 * paragraph vectors on one in-JVM node (one shard, no replica) beside the embedded index that {@code eval} built
 * with them ({@code target/relevance-work/full-index}). The cluster's vectors are the embedded ones replayed by text
 * ({@link ReplayEmbedder}, half precision: the model is not run again), written by the product's builder; queries
 * and pasted paragraphs are embedded by the model on both sides, as users pay it. Run with
 * {@code mvn -o test -Dtest=OpenSearchSemanticMeasure -Dopensearch.semantic=true} after {@code bin/policy-search eval}
 * (the tests' 2 GB heap holds it; its {@link #main} runs it with the heap the command line gives); writes
 * docs/opensearch-semantic.md.
 */
@EnabledIfSystemProperty(named = "opensearch.semantic", matches = "true")
class OpenSearchSemanticMeasure {
  static final int ROUNDS = 3;

  public static void main(String[] args) throws Exception {
    new OpenSearchSemanticMeasure().measure();
    System.exit(0); // the test node's threads
  }

  @Test
  void measure() throws Exception {
    Path corpus = Path.of("../shared/data/corpus").toAbsolutePath().normalize();
    Path seed = Path.of(System.getProperty("opensearch.semantic.seed", "target/relevance-work/full-index")).toAbsolutePath();
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<PolicyDocument> docs = new Ingester(IngestConfig.DEFAULTS, Builders.standard()).ingestAll(corpus).documents();
    ReplayEmbedder replay = ReplayEmbedder.fromIndex(seed, docs, new BgeEmbedder(1));
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("docs/relevance/search-judgments.jsonl"))) {
      if (!line.isBlank()) queries.add(JsonParser.parseString(line).getAsJsonObject().get("query").getAsString());
    }
    List<String> pastes = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("../shared/data/relevance/precedents-dev.jsonl"))) {
      if (pastes.size() >= 30) break;
      if (!line.isBlank()) pastes.add(JsonParser.parseString(line).getAsJsonObject().get("text").getAsString());
    }
    StringBuilder out = new StringBuilder();
    SemanticIndex embedded = SemanticIndex.open(new IndexLayout(seed), new BgeEmbedder(1), VectorBuilder.Settings.DEFAULTS, 1, log);
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "semantic-measure", "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 1, 0);
    try (LuceneBackend lucene = LuceneBackend.open(seed, new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS, embedded);
         OpenSearchBackend cluster = OpenSearchBackend.open(cfg, "", new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS,
             new OpenSearchBackend.Corpus(corpus, new Ingester(IngestConfig.DEFAULTS, Builders.standard()), System.err),
             new SemanticIndex.Setup(replay, VectorBuilder.Settings.DEFAULTS, 1, log))) {
      long t0 = System.nanoTime();
      cluster.reindex(true);
      double textSeconds = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      VectorBuilder.Summary built = cluster.semantic().buildNow(s -> {});
      double vectorSeconds = (System.nanoTime() - t0) / 1e9;
      long vectorBytes;
      try (Cluster c = TestCluster.client()) {
        Cluster.ok(c.json("POST", "/semantic-measure-vectors/_refresh", null), "refresh");
        JsonObject st = Cluster.ok(c.get("/semantic-measure-vectors/_stats/store"), "stats");
        vectorBytes = st.getAsJsonObject("_all").getAsJsonObject("primaries").getAsJsonObject("store").get("size_in_bytes").getAsLong();
      }
      long embeddedBytes = folderBytes(SemanticIndex.folder(new IndexLayout(seed)));

      // the raw nearest paragraphs of each query (embedded once, outside the timing), then the product's answers
      List<float[]> vectors = new ArrayList<>();
      try (BgeEmbedder model = new BgeEmbedder(1)) {
        for (String q : queries) vectors.add(model.embedQuery(q));
      }
      Latencies nearA = new Latencies();
      Latencies nearB = new Latencies();
      double overlap = 0;
      for (int round = 0; round < ROUNDS; round++) {
        for (float[] v : vectors) {
          long s = System.nanoTime();
          List<VectorLookup.ParagraphHit> a = embedded.vectors().nearestParagraphs(v, 300).orElseThrow();
          nearA.add(System.nanoTime() - s);
          s = System.nanoTime();
          List<VectorLookup.ParagraphHit> b = cluster.semantic().vectors().nearestParagraphs(v, 300).orElseThrow();
          nearB.add(System.nanoTime() - s);
          if (round == 0) overlap += overlap(top(a, 10), top(b, 10));
        }
      }
      Latencies searchA = new Latencies();
      Latencies searchB = new Latencies();
      double searchOverlap = 0;
      for (int round = 0; round < ROUNDS; round++) {
        for (String q : queries) {
          SearchRequest r = new SearchRequest(q, Filters.NONE, SortOrder.RELEVANCE, 1, 10, 3, true);
          List<String> a = timed(lucene, r, searchA);
          List<String> b = timed(cluster, r, searchB);
          if (round == 0) searchOverlap += overlap(a, b);
        }
      }
      Latencies similarA = new Latencies();
      Latencies similarB = new Latencies();
      double similarOverlap = 0;
      for (String p : pastes) {
        long s = System.nanoTime();
        List<String> a = lucene.similarToText(p, 10, SimilarMode.DOCUMENTS, true).items().stream().map(i -> i.id()).toList();
        similarA.add(System.nanoTime() - s);
        s = System.nanoTime();
        List<String> b = cluster.similarToText(p, 10, SimilarMode.DOCUMENTS, true).items().stream().map(i -> i.id()).toList();
        similarB.add(System.nanoTime() - s);
        similarOverlap += overlap(a, b);
      }

      out.append("# OpenSearch backend: semantic search measured\n\n");
      out.append("Written by `mvn -o test -Dtest=OpenSearchSemanticMeasure -Dopensearch.semantic=true` ")
          .append("(src/test/java/org/policysearch/search/opensearch/OpenSearchSemanticMeasure.java) on ").append(java.time.LocalDate.now())
          .append(", after `bin/policy-search eval` built `target/relevance-work/full-index` with its vectors; ")
          .append(Runtime.getRuntime().availableProcessors()).append(" cores shared with other work (timings are upper bounds), JDK ")
          .append(System.getProperty("java.version")).append(". The cluster is one in-JVM OpenSearch 3.8.0 node (one shard, no replica) ")
          .append("in the same JVM as the embedded index. Its vectors are the embedded index's, replayed by text in half precision ")
          .append("(the model is not run again for them); queries and pasted paragraphs are embedded by the model on both sides.\n\n");
      out.append(String.format("The shared corpus: %,d documents; %,d paragraphs with vectors (%,d windows known to the replay, %,d embedded by the model because unknown).%n%n",
          docs.size(), built.total(), replay.known(), replay.embedded()));
      out.append("| | embedded | OpenSearch |\n|---|---|---|\n");
      out.append(String.format("| text index built | (eval's) | %.0f s |%n", textSeconds));
      out.append(String.format("| vectors built (no model: written, graphs built) | (eval's, with the model) | %.0f s, %,d paragraphs of %,d documents |%n",
          vectorSeconds, built.embedded(), built.documentsEmbedded()));
      out.append(String.format("| vectors on disk | %.0f MB (int8-quantised graph + floats) | %.0f MB (float graph, floats in _source) |%n",
          embeddedBytes / 1048576.0, vectorBytes / 1048576.0));
      out.append(String.format("| 300 nearest paragraphs of a query vector, p50 / p95 (%d queries × %d) | %.1f / %.1f ms | %.1f / %.1f ms |%n",
          queries.size(), ROUNDS, nearA.p50(), nearA.p95(), nearB.p50(), nearB.p95()));
      out.append(String.format("| `semantic=true` search, page of 10 with 3 passages, p50 / p95 (the judged set's %d queries × %d; the query embedded in each) | %.1f / %.1f ms | %.1f / %.1f ms |%n",
          queries.size(), ROUNDS, searchA.p50(), searchA.p95(), searchB.p50(), searchB.p95()));
      out.append(String.format("| similar documents by meaning to a pasted text, p50 / p95 (%d precedent-set texts, each paragraph embedded) | %.0f / %.0f ms | %.0f / %.0f ms |%n",
          pastes.size(), similarA.p50(), similarA.p95(), similarB.p50(), similarB.p95()));
      out.append(String.format("%nAgreement with the embedded answers (share of the embedded top 10 in the cluster's top 10, mean): nearest paragraphs %.3f; "
          + "`semantic=true` search %.3f; similar documents %.3f. The graph searches differ (the embedded one over int8-quantised vectors, "
          + "rescored on the floats; the cluster's over the floats) and the replayed vectors are half precision, so the nearest "
          + "paragraphs and what follows from them may differ at the margin.%n",
          overlap / queries.size(), searchOverlap / queries.size(), similarOverlap / pastes.size()));
    }
    Files.writeString(Path.of("docs/opensearch-semantic.md"), out.toString());
    System.out.println(out);
  }

  private static List<String> timed(SearchBackend b, SearchRequest r, Latencies l) throws Exception {
    long s = System.nanoTime();
    List<String> ids = b.search(r).hits().stream().map(h -> h.document().id()).toList();
    l.add(System.nanoTime() - s);
    return ids;
  }

  private static List<String> top(List<VectorLookup.ParagraphHit> hits, int n) {
    return hits.stream().limit(n).map(h -> h.documentId() + "#" + h.paragraph()).toList();
  }

  private static double overlap(List<String> a, List<String> b) {
    if (a.isEmpty()) return 1;
    Set<String> bs = new HashSet<>(b);
    return a.stream().filter(bs::contains).count() / (double) a.size();
  }

  private static long folderBytes(Path folder) throws java.io.IOException {
    try (var files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
