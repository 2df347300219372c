package org.policysearch.search;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * The whole-corpus counts of docs/lineage.md: every document of an index, its references resolved through
 * the backend as the API resolves them, counted by status and relation; with {@code --dump FILE}, every
 * reference as one JSON line (what docs/lineage-judged.jsonl was sampled from).
 *
 * <pre>java -cp target/classes:target/bench-classes:$(cat target/runtime.classpath) \
 *   org.policysearch.search.LineageReport INDEX_DIR [--dump FILE]</pre>
 */
public final class LineageReport {
  private LineageReport() {}

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    Path dump = args.length > 2 && args[1].equals("--dump") ? Path.of(args[2]) : null;
    Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    try (LuceneBackend b = LuceneBackend.open(index, new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS)) {
      Set<String> ids = new LinkedHashSet<>();
      b.export(new SearchRequest("", new Filters(null, null, null, null, null, null, true), SortOrder.RELEVANCE, 1, 10, 1),
          ExportRow.MAX_DOCUMENTS, row -> ids.add(row.id()));
      Map<String, Long> byStatus = new TreeMap<>();
      Map<String, Long> citedCount = new java.util.HashMap<>();
      Map<String, Long> byRelation = new TreeMap<>();
      long citing = 0;
      long refs = 0;
      long t0 = System.nanoTime();
      BufferedWriter out = dump == null ? null : Files.newBufferedWriter(dump, StandardCharsets.UTF_8);
      for (String id : ids) {
        var doc = b.document(id, null).document();
        var cites = b.cites(id);
        if (!cites.isEmpty()) citing++;
        for (CitedReference c : cites) {
          refs++;
          byStatus.merge(c.status(), 1L, Long::sum);
          byRelation.merge(c.relation(), 1L, Long::sum);
          if (c.target() != null) citedCount.merge(c.target().id(), 1L, Long::sum);
          if (out != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("citer", id);
            m.put("citer_title", doc.title());
            m.put("citer_region", doc.region().path());
            m.put("citer_date", doc.date().value());
            m.put("title", c.title());
            m.put("version", c.version());
            m.put("doc_number", c.docNumber());
            m.put("relation", c.relation());
            m.put("paragraph", c.paragraph());
            m.put("context", c.context());
            m.put("status", c.status());
            m.put("target", c.target());
            out.write(gson.toJson(m));
            out.write('\n');
          }
        }
      }
      if (out != null) out.close();
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf("documents %d, citing at least one %d, references %d (%.1f s to resolve all)%n", ids.size(), citing, refs, secs);
      System.out.println("by status: " + byStatus);
      System.out.println("by relation: " + byRelation);
      // the most cited document: what its cited-by page costs (every citer is read and resolved each time)
      var top = citedCount.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
      if (top != null) {
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
          long s = System.nanoTime();
          b.citedBy(top.getKey(), Filters.NONE, 1, 10);
          ms[i] = (System.nanoTime() - s) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("most cited: %s (%s), cited by %d documents; cited-by first page: median %d ms of %d runs (max %d)%n",
            top.getKey(), b.document(top.getKey(), null).document().title(), b.citedBy(top.getKey(), Filters.NONE, 1, 10).total(), ms[ms.length / 2], ms.length,
            ms[ms.length - 1]);
      }
    }
  }
}
