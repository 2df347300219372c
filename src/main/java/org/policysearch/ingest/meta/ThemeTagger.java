package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policysearch.text.TextNormalizer;

/**
 * Themes per paragraph (every theme whose keywords a paragraph contains) and per document (themes found
 * in at least {@link #DOC_MIN_PARAGRAPHS} paragraphs and {@link #DOC_MIN_SHARE} of them, or in the title,
 * or anywhere in a short document; then the most salient, see {@link #DOC_MAX_THEMES}; most salient first). One pass over each paragraph with a keyword trie. Thread-safe.
 */
public final class ThemeTagger {
  static final int DOC_MIN_PARAGRAPHS = 2;
  /** In long documents a theme needs this share of the paragraphs too: two stray hits in 200 articles are noise. */
  static final double DOC_MIN_SHARE = 0.05;
  /** Documents with at most this many paragraphs take every theme found. */
  static final int SHORT_DOC_PARAGRAPHS = 3;
  static final int TITLE_FACTOR = 3;
  /**
   * A work-conference speech touches nearly every theme in passing; as a facet that says nothing. Beyond
   * the title's themes, a document keeps at most this many, each with at least {@link #DOC_MIN_RELATIVE}
   * of the leading theme's hits.
   */
  static final int DOC_MAX_THEMES = 8;
  static final double DOC_MIN_RELATIVE = 0.15;

  private final ThemeTaxonomy taxonomy;
  private final PhraseTrie<List<Integer>> keywords;

  public ThemeTagger(ThemeTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
    Map<String, List<Integer>> map = new HashMap<>();
    for (int i = 0; i < taxonomy.themes().size(); i++) {
      for (String k : taxonomy.themes().get(i).keywords()) {
        List<Integer> list = map.computeIfAbsent(k, x -> new ArrayList<>());
        if (!list.contains(i)) list.add(i);
      }
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    this.keywords = PhraseTrie.of(map);
  }

  /** Themes of each paragraph, in paragraph order, and of the document. */
  public record Result(List<List<String>> paragraphThemes, List<String> documentThemes, String detail) {}

  public Result tag(String title, List<String> paragraphs) {
    int n = taxonomy.themes().size();
    int[] hits = new int[n];
    int[] paragraphsWith = new int[n];
    boolean[] inTitle = new boolean[n];
    List<List<String>> perParagraph = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      int[] local = count(p);
      List<Integer> found = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (local[i] == 0) continue;
        found.add(i);
        hits[i] += local[i];
        paragraphsWith[i]++;
      }
      found.sort(Comparator.comparingInt((Integer i) -> -local[i]).thenComparingInt(i -> i));
      perParagraph.add(found.stream().map(i -> taxonomy.themes().get(i).name()).toList());
    }
    int[] t = count(title);
    for (int i = 0; i < n; i++) {
      if (t[i] > 0) {
        inTitle[i] = true;
        hits[i] += TITLE_FACTOR * t[i];
      }
    }
    List<Integer> doc = new ArrayList<>();
    int minParagraphs = Math.max(DOC_MIN_PARAGRAPHS, (int) Math.ceil(DOC_MIN_SHARE * paragraphs.size()));
    for (int i = 0; i < n; i++) {
      boolean qualifies = paragraphsWith[i] >= minParagraphs || inTitle[i]
          || (paragraphs.size() <= SHORT_DOC_PARAGRAPHS && hits[i] > 0);
      if (qualifies) doc.add(i);
    }
    doc.sort(Comparator.comparingInt((Integer i) -> -hits[i]).thenComparingInt(i -> i));
    int top = doc.isEmpty() ? 0 : hits[doc.get(0)];
    Map<String, Integer> salience = new LinkedHashMap<>();
    for (int i : doc) {
      boolean salient = salience.size() < DOC_MAX_THEMES && hits[i] >= DOC_MIN_RELATIVE * top;
      if (salient || inTitle[i]) salience.put(taxonomy.themes().get(i).name(), hits[i]);
    }
    return new Result(perParagraph, List.copyOf(salience.keySet()), salience.toString());
  }

  private int[] count(String text) {
    int[] c = new int[taxonomy.themes().size()];
    String normalized = TextNormalizer.normalizeToString(text);
    for (PhraseTrie.Match<List<Integer>> m : keywords.findAll(normalized)) {
      for (int i : m.value()) c[i]++;
    }
    for (int i = 0; i < c.length; i++) {
      if (c[i] == 0) continue;
      List<String> context = taxonomy.themes().get(i).context();
      if (!context.isEmpty() && context.stream().noneMatch(normalized::contains)) c[i] = 0;
    }
    return c;
  }
}
