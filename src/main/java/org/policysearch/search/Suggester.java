package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.policysearch.index.Fields;
import org.policysearch.search.api.Suggestion;
import org.policysearch.text.CharClass;
import org.policysearch.text.TextNormalizer;

/**
 * Suggestions for a typed prefix from titles, regions, themes, types and frequent words. Built once per
 * index version in memory (a few megabytes even for large corpora) and matched by prefix first, then
 * anywhere in the text, so 鄂州 completes to 湖北省/鄂州市 and 教联 to titles with 教联体.
 */
final class Suggester {
  /** Frequent words kept: enough to complete any common policy term. */
  static final int MAX_TERMS = 20_000;
  /** A word must occur in this many paragraphs to be suggested. */
  static final int MIN_TERM_DOCS = 3;

  private record Entry(String text, String normalized, String kind, String label, long count) {}

  private final Object key;
  private final List<Entry> entries;

  private Suggester(Object key, List<Entry> entries) {
    this.key = key;
    this.entries = entries;
  }

  boolean isFor(IndexReader reader) {
    return key == reader.getReaderCacheHelper().getKey();
  }

  static Suggester build(IndexReader reader, Map<String, Long> regions, Map<String, Long> themes, Map<String, Long> types,
                         Map<String, Long> titles) throws IOException {
    List<Entry> out = new ArrayList<>();
    titles.forEach((t, c) -> out.add(entry(t, "title", t, c)));
    regions.forEach((path, c) -> {
      String last = path.substring(path.lastIndexOf('/') + 1);
      out.add(entry(path, "region", path, c));
      if (!last.equals(path)) out.add(entry(last, "region", path, c) );
    });
    themes.forEach((t, c) -> out.add(entry(t, "theme", t, c)));
    types.forEach((t, c) -> out.add(entry(t, "type", t, c)));
    Terms terms = MultiTerms.getTerms(reader, Fields.BODY_WORDS);
    if (terms != null) {
      PriorityQueue<Entry> top = new PriorityQueue<>(Comparator.comparingLong(Entry::count));
      TermsEnum te = terms.iterator();
      for (BytesRef b = te.next(); b != null; b = te.next()) {
        int df = te.docFreq();
        if (df < MIN_TERM_DOCS) continue;
        String t = b.utf8ToString();
        if (t.codePointCount(0, t.length()) < 2 || !t.codePoints().allMatch(CharClass::isCjk)) continue;
        top.add(entry(t, "term", t, df));
        if (top.size() > MAX_TERMS) top.poll();
      }
      out.addAll(top);
    }
    return new Suggester(reader.getReaderCacheHelper().getKey(), List.copyOf(out));
  }

  private static Entry entry(String text, String kind, String label, long count) {
    return new Entry(text, TextNormalizer.normalizeToString(text).toLowerCase(Locale.ROOT), kind, label, count);
  }

  /** Kinds in the order they are offered when equally good. */
  private static int kindRank(String kind) {
    return switch (kind) {
      case "region" -> 0;
      case "theme" -> 1;
      case "type" -> 2;
      case "term" -> 3;
      default -> 4;
    };
  }

  List<Suggestion> suggest(String prefix, int size) {
    String p = TextNormalizer.normalizeToString(prefix).toLowerCase(Locale.ROOT);
    if (p.isEmpty()) return List.of();
    List<Entry> starts = new ArrayList<>();
    List<Entry> contains = new ArrayList<>();
    for (Entry e : entries) {
      if (e.normalized.startsWith(p)) {
        if (!e.normalized.equals(p) || !e.kind.equals("term")) starts.add(e);
      } else if (e.normalized.contains(p)) {
        contains.add(e);
      }
    }
    Comparator<Entry> order = Comparator.comparingInt((Entry e) -> e.kind.equals("title") ? 1 : 0)
        .thenComparing(Comparator.comparingLong(Entry::count).reversed())
        .thenComparingInt(e -> kindRank(e.kind))
        .thenComparing(Entry::text);
    starts.sort(order);
    contains.sort(order);
    List<Suggestion> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (List<Entry> list : List.of(starts, contains)) {
      for (Entry e : list) {
        if (out.size() >= size) return out;
        if (seen.add(e.kind + "\u0000" + e.label)) out.add(new Suggestion(e.text, e.kind, e.label, e.count));
      }
    }
    return out;
  }

  /** Values of a sorted-set doc-values field with their document counts. */
  static Map<String, Long> valueCounts(IndexReader reader, String field) throws IOException {
    Map<String, Long> out = new HashMap<>();
    for (LeafReaderContext ctx : reader.leaves()) {
      SortedSetDocValues dv = ctx.reader().getSortedSetDocValues(field);
      if (dv == null) continue;
      long[] c = new long[(int) dv.getValueCount()];
      var live = ctx.reader().getLiveDocs();
      for (int d = dv.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = dv.nextDoc()) {
        if (live != null && !live.get(d)) continue;
        for (int i = 0; i < dv.docValueCount(); i++) c[(int) dv.nextOrd()]++;
      }
      for (int o = 0; o < c.length; o++) if (c[o] > 0) out.merge(dv.lookupOrd(o).utf8ToString(), c[o], Long::sum);
    }
    return out;
  }
}
