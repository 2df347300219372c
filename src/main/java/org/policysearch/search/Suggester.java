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
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.Suggestion;
import org.policysearch.text.CharClass;
import org.policysearch.text.TextNormalizer;

/**
 * Suggestions for a typed prefix from titles, regions, themes, types and frequent words. Built once per
 * index version in memory (a few megabytes even for large corpora) and matched by prefix first, then
 * anywhere in the text, so 鄂州 completes to 湖北省/鄂州市 and 教联 to titles with 教联体.
 */
public final class Suggester {
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

  static Suggester build(IndexReader reader, Map<String, Long> regions, Map<String, Long> themes, Map<String, Long> types,
                         Map<String, Long> titles) throws IOException {
    Map<String, Long> words = new java.util.LinkedHashMap<>();
    Terms terms = MultiTerms.getTerms(reader, Fields.BODY_WORDS);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef b = te.next(); b != null; b = te.next()) {
        int df = te.docFreq();
        if (df < MIN_TERM_DOCS) continue;
        String t = b.utf8ToString();
        if (suggestible(t)) words.put(t, (long) df);
      }
    }
    return of(reader.getReaderCacheHelper().getKey(), regions, themes, types, titles, words);
  }

  /**
   * A suggester over values and words counted elsewhere (the search cluster counts them by aggregations).
   *
   * @param key   what the suggester was built for ({@link #isFor})
   * @param words the words of the paragraphs, each with the number of paragraphs holding it, in the order of
   *              the index's term dictionary (UTF-8 bytes): the {@link #MAX_TERMS} most frequent are kept,
   *              and that order decides, as in the embedded index, which of equally frequent words at the cut stay
   */
  public static Suggester of(Object key, Map<String, Long> regions, Map<String, Long> themes, Map<String, Long> types,
                             Map<String, Long> titles, Map<String, Long> words) {
    List<Entry> out = new ArrayList<>();
    titles.forEach((t, c) -> out.add(entry(t, "title", t, c)));
    regions.forEach((path, c) -> {
      String last = path.substring(path.lastIndexOf('/') + 1);
      out.add(entry(path, "region", path, c));
      if (!last.equals(path)) out.add(entry(last, "region", path, c) );
    });
    themes.forEach((t, c) -> out.add(entry(t, "theme", t, c)));
    types.forEach((t, c) -> out.add(entry(t, "type", t, c)));
    PriorityQueue<Entry> top = new PriorityQueue<>(Comparator.comparingLong(Entry::count));
    words.forEach((t, df) -> {
      if (df < MIN_TERM_DOCS || !suggestible(t)) return;
      top.add(entry(t, "term", t, df));
      if (top.size() > MAX_TERMS) top.poll();
    });
    out.addAll(top);
    return new Suggester(key, List.copyOf(out));
  }

  /** Whether a word of the paragraphs may be suggested: two Chinese characters or more. */
  public static boolean suggestible(String word) {
    return word.codePointCount(0, word.length()) >= 2 && word.codePoints().allMatch(CharClass::isCjk);
  }

  /** Whether this suggester was built for {@code key}. */
  public boolean isFor(Object key) {
    return this.key == key;
  }

  /**
   * Checks a request; false when there is nothing to complete (a blank prefix: no suggestions).
   *
   * @throws InvalidRequestException a size out of range or a prefix over 100 characters
   */
  public static boolean wanted(String prefix, int size, SearchLimits limits) throws InvalidRequestException {
    if (size < 1 || size > limits.maxPageSize()) {
      throw new InvalidRequestException("size", "size must be between 1 and " + limits.maxPageSize(),
          "条数须在 1 到 " + limits.maxPageSize() + " 之间");
    }
    if (prefix == null || prefix.isBlank()) return false;
    if (prefix.length() > 100) {
      throw new InvalidRequestException("q", "a prefix to complete is at most 100 characters", "联想输入最多 100 个字符");
    }
    return true;
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

  public List<Suggestion> suggest(String prefix, int size) {
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
        .thenComparing(Entry::text)
        // then the label (two regions of one name and count): an order of the values, not of how they were read
        .thenComparing(Entry::label);
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
