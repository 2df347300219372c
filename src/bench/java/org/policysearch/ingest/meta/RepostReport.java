package org.policysearch.ingest.meta;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;

/**
 * Lists what the repost finder does on a corpus, for reading by a person: every pair the fingerprints
 * pick, checked on the full texts, with the shares of shingles and the verdict, then the marks
 * (duplicate → original). The precision figures in {@code docs/metadata.md} come from reading this.
 *
 * <p>{@code java … RepostReport [CORPUS_DIR]} (default {@code ../shared/data/corpus}); tab-separated on
 * standard output.
 */
public final class RepostReport {
  private RepostReport() {}

  public static void main(String[] args) throws Exception {
    Path corpus = args.length > 0 ? Path.of(args[0]) : AccuracyReport.CORPUS;
    long t0 = System.nanoTime();
    IngestRun run = new Ingester(IngestConfig.DEFAULTS, Builders.standard()).ingestAll(corpus);
    Map<String, PolicyDocument> byId = new HashMap<>();
    List<DuplicateResolver.Candidate> candidates = new ArrayList<>();
    for (PolicyDocument d : run.documents()) {
      byId.put(d.id(), d);
      candidates.add(new DuplicateResolver.Candidate(d.id(), d.date().value(), Fingerprint.of(d)));
    }
    long t1 = System.nanoTime();
    List<DuplicateResolver.CheckedPair> checked = DuplicateResolver.check(candidates, byId::get);
    Map<String, String> marks = DuplicateResolver.resolve(candidates, byId::get);
    long t2 = System.nanoTime();
    System.out.println("# documents\t" + run.documents().size() + "\tingest s\t" + (t1 - t0) / 1_000_000_000
        + "\tpairs+resolve ms\t" + (t2 - t1) / 1_000_000);
    System.out.println("# checked pairs\t" + checked.size() + "\treposts\t"
        + checked.stream().filter(p -> p.verdict().repost()).count() + "\tmarked documents\t" + marks.size());
    // Recall of the bands: every pair whose sketches pass, by comparing all pairs (slow, but this is a report).
    java.util.Set<Long> picked = DuplicateResolver.pairs(candidates);
    int missed = 0;
    int passing = 0;
    for (int i = 0; i < candidates.size(); i++) {
      for (int j = i + 1; j < candidates.size(); j++) {
        if (candidates.get(i).fp().shingles() == 0 || candidates.get(j).fp().shingles() == 0) continue;
        if (!DuplicateResolver.worthChecking(candidates.get(i).fp(), candidates.get(j).fp())) continue;
        passing++;
        if (!picked.contains((long) i << 32 | j)) {
          missed++;
          System.out.println("# not picked by the bands: " + candidates.get(i).id() + " " + candidates.get(j).id());
        }
      }
    }
    System.out.println("# pairs whose sketches pass (all pairs compared)\t" + passing + "\tof them not picked by the bands\t" + missed);
    System.out.println("verdict\ta_in_b\tb_in_a\treason\ta\tb\ta_title\tb_title\ta_region\tb_region\ta_date\tb_date\ta_len\tb_len");
    for (DuplicateResolver.CheckedPair p : checked) {
      PolicyDocument a = byId.get(p.a());
      PolicyDocument b = byId.get(p.b());
      System.out.println(String.join("\t", p.verdict().repost() ? "REPOST" : "apart",
          String.format(Locale.ROOT, "%.4f", p.verdict().aInB()), String.format(Locale.ROOT, "%.4f", p.verdict().bInA()),
          p.verdict().reason(), a.id(), b.id(), a.title(), b.title(), a.region().path(), b.region().path(),
          a.date().value(), b.date().value(), Integer.toString(a.bodyText().length()), Integer.toString(b.bodyText().length())));
    }
    System.out.println("# marks: duplicate\toriginal");
    marks.forEach((dup, original) -> System.out.println("MARK\t" + dup + "\t" + original + "\t" + byId.get(dup).title()
        + "\t" + byId.get(original).title()));
  }
}
