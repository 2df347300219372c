package org.policysearch.ingest.meta;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.Reference;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;
import org.policysearch.text.CitationKeys;

/**
 * Draws the sample that docs/lineage-judged.jsonl judges: citation-like spans found in the indexed corpus
 * by a rule independent of the extractor (any 《…》 within one paragraph, up to 300 characters; anything
 * shaped like a 文号), chosen uniformly at random with a fixed seed, each with what the system made of it
 * (extracted or not, relation, resolution) and, for the judge, the indexed documents whose title is or
 * contains the cited one.
 *
 * <pre>java -cp target/classes:target/bench-classes:$(cat target/runtime.classpath) \
 *   org.policysearch.ingest.meta.LineageSample INDEX_DIR N SEED OUT.jsonl</pre>
 */
public final class LineageSample {
  private static final Pattern SPAN = Pattern.compile("《[^《》\\n]{1,300}?》|[\\p{IsHan}]{1,6}\\s*[〔\\[［(（【]\\s*\\d{4}\\s*[〕\\]］)）】]\\s*第?\\s*\\d{1,5}\\s*号");

  private LineageSample() {}

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    Path outFile = Path.of(args[3]);
    Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    try (LuceneBackend b = LuceneBackend.open(index, new Analyzers(), Synonyms.load(null), SearchLimits.DEFAULTS)) {
      Set<String> ids = new LinkedHashSet<>();
      b.export(new SearchRequest("", new Filters(null, null, null, null, null, null, true), SortOrder.RELEVANCE, 1, 10, 1),
          ExportRow.MAX_DOCUMENTS, row -> ids.add(row.id()));
      List<String> sorted = new ArrayList<>(ids);
      Collections.sort(sorted);
      record Spot(String id, int paragraph, int start, int end) {}
      List<Spot> spots = new ArrayList<>();
      Map<String, PolicyDocument> docs = new HashMap<>();
      for (String id : sorted) {
        PolicyDocument d = b.document(id, null).document();
        docs.put(id, d);
        for (Paragraph p : d.paragraphs()) {
          Matcher m = SPAN.matcher(p.text());
          while (m.find()) spots.add(new Spot(id, p.number(), m.start(), m.end()));
        }
      }
      System.out.printf("%d documents, %d citation-like spans%n", sorted.size(), spots.size());
      Collections.shuffle(spots, new Random(seed));
      try (BufferedWriter out = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
        for (Spot s : spots.subList(0, Math.min(n, spots.size()))) {
          PolicyDocument d = docs.get(s.id());
          String text = d.paragraphs().get(s.paragraph() - 1).text();
          String span = text.substring(s.start(), s.end());
          // what the extractor made of this place: the reference of this paragraph that covers it
          Reference here = null;
          for (ReferenceExtractor.Found f : ReferenceExtractor.found(s.paragraph(), text)) {
            if (f.at() < s.end() && f.end() > s.start()) {
              here = f.reference();
              break;
            }
          }
          // what the document's deduplicated reference of that key resolved to
          CitedReference resolved = null;
          if (here != null) {
            String key = key(here);
            for (CitedReference c : b.cites(s.id())) {
              if (key(new Reference(c.title(), c.version(), c.docNumber(), null, 0, "")).equals(key)) resolved = c;
            }
          }
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("doc", s.id());
          m.put("doc_title", d.title());
          m.put("doc_region", d.region().path());
          m.put("doc_date", d.date().value());
          m.put("paragraph", s.paragraph());
          m.put("offset", s.start());
          m.put("span", span);
          int from = Math.max(0, s.start() - 80);
          m.put("context", text.substring(from, Math.min(text.length(), s.end() + 40)));
          m.put("sys_extracted", here != null);
          m.put("sys_title", here == null ? null : here.title());
          m.put("sys_doc_number", here == null ? null : here.docNumber());
          m.put("sys_relation", here == null ? null : here.relation().label());
          m.put("sys_status", resolved == null ? null : resolved.status());
          m.put("sys_target", resolved == null || resolved.target() == null ? null : resolved.target().id());
          m.put("candidates", candidates(span, docs));
          out.write(gson.toJson(m));
          out.write('\n');
        }
      }
    }
  }

  private static String key(Reference r) {
    return r.title().isEmpty() ? "n:" + CitationKeys.docNumber(r.docNumber()) : "t:" + CitationKeys.title(r.title()).key();
  }

  /** Indexed documents whose title key equals the span's, contains it or is contained in it (at most 12), for the judge. */
  private static List<String> candidates(String span, Map<String, PolicyDocument> docs) {
    String inner = span.startsWith("《") ? span.substring(1, span.length() - 1) : "";
    String key = CitationKeys.title(inner).key();
    String number = CitationKeys.docNumber(span);
    List<String> out = new ArrayList<>();
    for (PolicyDocument d : docs.values()) {
      String k = CitationKeys.title(d.title()).key();
      boolean byTitle = !key.isEmpty() && !k.isEmpty() && (k.equals(key) || (key.length() >= 4 && k.contains(key)) || (k.length() >= 6 && key.contains(k)));
      boolean byNumber = !number.isEmpty() && number.equals(CitationKeys.docNumber(d.docNumber()));
      if (byTitle || byNumber) out.add(d.id() + " | " + d.title() + " | " + d.region().path() + " | " + d.date().value()
          + " | first " + d.dates().stream().map(e -> e.date().value()).sorted().findFirst().orElse(""));
      if (out.size() >= 12) break;
    }
    Collections.sort(out);
    return out;
  }
}
