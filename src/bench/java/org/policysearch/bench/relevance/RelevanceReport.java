package org.policysearch.bench.relevance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders a relevance run as RELEVANCE.md: the figures per set and method, the targets, the worst groups. */
final class RelevanceReport {
  static final String PRODUCT_SIMILAR = "product /api/similar";
  static final String PRODUCT_SEARCH = "product /api/search";
  /** The product with semantic=true (the row exists when the vectors are built). */
  static final String SEMANTIC = "product, semantic=true";
  static final String BIGRAMS = "bm25-bigrams";
  static final String SMARTCN = "bm25-smartcn";
  /** The bigram reference with national documents taken out, as the product lists them apart. */
  static final String BIGRAMS_NATIONAL_APART = "bm25-bigrams, national apart";
  /** Written by hand: each ranking change with its measured effect, including those dropped. */
  static final String HISTORY = "docs/relevance/changes.md";

  private final StringBuilder sb = new StringBuilder();
  private final RelevanceEval.Result r;

  private RelevanceReport(RelevanceEval.Result r) {
    this.r = r;
  }

  static void write(RelevanceEval.Result r, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(out, render(r), StandardCharsets.UTF_8);
  }

  static String render(RelevanceEval.Result r) {
    RelevanceReport rep = new RelevanceReport(r);
    rep.write();
    return rep.sb.toString();
  }

  private void line(String s) {
    sb.append(s).append('\n');
  }

  private void write() {
    RelevanceEval.Options o = r.options();
    line("# Relevance");
    line("");
    line("Written by `" + o.command() + "` on "
        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(r.started().atOffset(ZoneOffset.UTC))
        + " in " + r.took().toSeconds() + " s, at commit `" + r.commit() + "`. Every method below ran in this run on the same"
        + " documents: the product through its own services (the code behind the API), the references on an in-memory index"
        + " of the same ingested text.");
    line("");
    if (o.sample() > 0) {
      line("**Sample run**: " + o.sample() + " queries per set. The figures say the harness works, not how good the ranking is.");
      line("");
    }
    StringBuilder corpora = new StringBuilder();
    r.corpusDocs().forEach((k, v) -> corpora.append(corpora.isEmpty() ? "" : "; ").append(k).append(": ").append(v).append(" documents"));
    line("Corpus `" + o.home().relativize(o.corpus().toAbsolutePath()).toString().replace('\\', '/') + "` (" + corpora + ").");
    line("");
    line("## Results");
    line("");
    line("| set | method | queries | nDCG@10 | Recall@10 | MRR | judged@10 | p50 ms | p95 ms |");
    line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (RelevanceEval.MethodResult m : r.methods()) {
      Metrics x = m.mean();
      line(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %s | %.1f | %.1f |", m.set(), m.method(),
          m.queries().size(), x.ndcg(), x.recall(), x.rr(), m.set().startsWith("precedents") ? "all" : String.format(Locale.ROOT, "%.2f", x.judged()),
          m.p50Ms(), m.p95Ms()));
    }
    line("");
    line("Methods: **product /api/similar** and **product /api/search** are the services the API calls, with the settings a user"
        + " gets. **bm25-bigrams**: BM25 (k1 1.2, b 0.75) over whole documents (title and body) with character bigrams of runs"
        + " of Chinese characters, letters and digits as terms (the reference of `../shared/data/relevance/README.md`)."
        + " **bm25-bigrams, national apart**: the same list with national documents taken out, as the product lists them"
        + " apart from the other regions (`national` beside `items`): the reference for what the ranking itself adds."
        + " **bm25-smartcn**: stock Lucene BM25 over the words of stock `SmartChineseAnalyzer`, whole documents. The"
        + " references weigh a query term by how often the query holds it.");
    line("");
    line("Scoring: distinct documents in the order they first appear; for the precedent sets the source document and documents"
        + " of the source's own province are taken out first (never relevant by construction). nDCG@10 with the grade as gain"
        + " (binary for the precedent sets; 0/1/2 for the judged search set), Recall@10 = relevant documents in the top 10 ÷"
        + " min(10, relevant), MRR over the top " + RelevanceEval.DEPTH + ". judged@10: the share of the top 10 that was judged by"
        + " reading; an unjudged document counts as not relevant, so a low share understates that method.");
    line("");
    targets();
    worstGroups();
    history();
  }

  /** The ranking changes so far and what each did to these figures, kept by hand beside the judgments. */
  private void history() {
    Path f = r.options().home().resolve(HISTORY);
    if (!Files.exists(f)) return;
    try {
      line(Files.readString(f, StandardCharsets.UTF_8).strip());
      line("");
    } catch (IOException e) {
      line("(" + HISTORY + " could not be read: " + e.getMessage() + ")");
    }
  }

  private void targets() {
    line("## Targets");
    line("");
    target("precedents-dev", PRODUCT_SIMILAR, BIGRAMS, 0.10, 0.90);
    target("precedents-dev", PRODUCT_SIMILAR, BIGRAMS_NATIONAL_APART, 0.10, -1);
    target("precedents-dev-draft", PRODUCT_SIMILAR, BIGRAMS, 0.10, 0.90);
    target("precedents-dev-draft", PRODUCT_SIMILAR, BIGRAMS_NATIONAL_APART, 0.10, -1);
    target("search-judged", PRODUCT_SEARCH, SMARTCN, 0.05, -1);
    target("search-judged", SEMANTIC, SMARTCN, 0.05, -1);
    line("");
  }

  private void target(String set, String product, String reference, double margin, double recall) {
    Optional<RelevanceEval.MethodResult> p = find(set, product);
    Optional<RelevanceEval.MethodResult> b = find(set, reference);
    if (p.isEmpty() || b.isEmpty()) return;
    double diff = p.get().mean().ndcg() - b.get().mean().ndcg();
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "- %s, %s: nDCG@10 %.3f against %s %.3f (%+.3f; target %+.2f): %s",
        set, product, p.get().mean().ndcg(), reference, b.get().mean().ndcg(), diff, margin, diff >= margin ? "**met**" : "**missed**"));
    if (recall > 0) {
      s.append(String.format(Locale.ROOT, "; Recall@10 %.3f (target %.2f): %s", p.get().mean().recall(), recall,
          p.get().mean().recall() >= recall ? "**met**" : "**missed**"));
    }
    line(s.toString());
  }

  private Optional<RelevanceEval.MethodResult> find(String set, String method) {
    return r.methods().stream().filter(m -> m.set().equals(set) && m.method().equals(method)).findFirst();
  }

  /** The groups where the product does worst against the bigram reference: where to read the misses. */
  private void worstGroups() {
    for (String set : List.of("precedents-dev", "precedents-dev-draft")) {
      Optional<RelevanceEval.MethodResult> p = find(set, PRODUCT_SIMILAR);
      Optional<RelevanceEval.MethodResult> b = find(set, BIGRAMS);
      if (p.isEmpty() || b.isEmpty()) continue;
      Map<String, double[]> byGroup = new LinkedHashMap<>(); // product sum, reference sum, count
      for (int i = 0; i < p.get().queries().size(); i++) {
        RelevanceEval.QueryResult q = p.get().queries().get(i);
        double[] acc = byGroup.computeIfAbsent(q.group(), k -> new double[3]);
        acc[0] += q.metrics().ndcg();
        acc[1] += b.get().queries().get(i).metrics().ndcg();
        acc[2]++;
      }
      List<Map.Entry<String, double[]>> rows = new ArrayList<>(byGroup.entrySet());
      rows.sort(Comparator.comparingDouble(e -> e.getValue()[0] / e.getValue()[2]));
      line("## Weakest subject groups: " + set);
      line("");
      line("Mean nDCG@10 per group of the product, lowest first, beside the bigram reference (the ten lowest of "
          + rows.size() + "). Per-query top 10s are in the work folder's `details.jsonl`.");
      line("");
      line("| group | queries | product | bm25-bigrams |");
      line("|---|---:|---:|---:|");
      for (Map.Entry<String, double[]> e : rows.subList(0, Math.min(10, rows.size()))) {
        double[] v = e.getValue();
        line(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |", e.getKey(), (int) v[2], v[0] / v[2], v[1] / v[2]));
      }
      line("");
    }
  }
}
