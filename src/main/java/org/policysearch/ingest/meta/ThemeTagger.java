package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.policysearch.doc.ThemeScore;
import org.policysearch.text.TextNormalizer;

/**
 * Themes per paragraph (every theme whose keywords a paragraph contains) and per document, title first:
 * <ol>
 *   <li>the themes of the title (its place names taken out by the caller: 恩施土家族苗族自治州 says nothing of
 *       民族事务), most hits first;</li>
 *   <li>then themes of the body found in at least {@link #DOC_MIN_PARAGRAPHS} paragraphs (and
 *       {@link #DOC_MIN_SHARE} of them in long documents), or anywhere in a document of at most
 *       {@link #SHORT_DOC_PARAGRAPHS} paragraphs: with a title theme, only a body theme with at least as many
 *       body hits as the title's themes have (an air-pollution regulation that speaks of motor vehicles is not
 *       about transport; a work report that speaks of farming most of all is), or, under the top level of a
 *       title theme, with {@link #DOC_MIN_RELATIVE} of the leading body theme's score (an education speech:
 *       which topics of education); without a title theme, each with at least {@link #DOC_MIN_RELATIVE} of
 *       the leading theme's score;</li>
 *   <li>at most {@link #DOC_MAX_THEMES}; none found: {@link #OTHER}.</li>
 * </ol>
 * Each document theme has a score (body hits + {@link #TITLE_FACTOR} × title hits) and the keywords that
 * gave it. One pass over each paragraph with a keyword trie. Thread-safe.
 */
public final class ThemeTagger {
  static final int DOC_MIN_PARAGRAPHS = 2;
  /** In long documents a theme needs this share of the paragraphs too: two stray hits in 200 articles are noise. */
  static final double DOC_MIN_SHARE = 0.05;
  /** Documents with at most this many paragraphs take every theme found. */
  static final int SHORT_DOC_PARAGRAPHS = 3;
  static final int TITLE_FACTOR = 5;
  /** At most this many themes a document: a facet of ten themes a document says nothing. */
  static final int DOC_MAX_THEMES = 3;
  /** Without a title theme, a body theme needs this share of the leading theme's score. */
  static final double DOC_MIN_RELATIVE = 0.3;
  /** The theme of a document no other theme fits: the 其他 of the 主题分类. */
  public static final String OTHER = "其他";
  private static final String COUNTRY = "中华人民共和国";
  /** Keywords named in a theme's evidence. */
  private static final int EVIDENCE_KEYWORDS = 4;

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

  /** Themes of each paragraph, in paragraph order, and of the document with their scores. */
  public record Result(List<List<String>> paragraphThemes, List<String> documentThemes, List<ThemeScore> scores,
                       String detail) {}

  /** Keyword hits per theme of one text, and which keywords. */
  private final class Counts {
    final int[] hits = new int[taxonomy.themes().size()];
    final Map<Integer, Map<String, Integer>> words = new HashMap<>();

    void add(Counts other) {
      for (int i = 0; i < hits.length; i++) hits[i] += other.hits[i];
      other.words.forEach((t, m) -> m.forEach((w, c) -> words.computeIfAbsent(t, x -> new TreeMap<>()).merge(w, c, Integer::sum)));
    }
  }

  public Result tag(String title, List<String> paragraphs) {
    int n = taxonomy.themes().size();
    Counts body = new Counts();
    int[] paragraphsWith = new int[n];
    List<List<String>> perParagraph = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      Counts local = count(p);
      List<Integer> found = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (local.hits[i] == 0) continue;
        found.add(i);
        paragraphsWith[i]++;
      }
      body.add(local);
      found.sort(Comparator.comparingInt((Integer i) -> -local.hits[i]).thenComparingInt(i -> i));
      perParagraph.add(found.stream().map(i -> taxonomy.themes().get(i).name()).toList());
    }
    Counts inTitle = count(title);
    double[] score = new double[n];
    for (int i = 0; i < n; i++) score[i] = body.hits[i] + TITLE_FACTOR * inTitle.hits[i];

    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) if (inTitle.hits[i] > 0) chosen.add(i);
    chosen.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
    if (chosen.size() > DOC_MAX_THEMES) chosen = new ArrayList<>(chosen.subList(0, DOC_MAX_THEMES));
    int minParagraphs = Math.max(DOC_MIN_PARAGRAPHS, (int) Math.ceil(DOC_MIN_SHARE * paragraphs.size()));
    List<Integer> fromBody = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean qualifies = paragraphsWith[i] >= minParagraphs || (paragraphs.size() <= SHORT_DOC_PARAGRAPHS && body.hits[i] > 0);
      if (qualifies && !chosen.contains(i)) fromBody.add(i);
    }
    fromBody.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
    double bar;
    if (chosen.isEmpty()) {
      bar = fromBody.isEmpty() ? 0 : DOC_MIN_RELATIVE * score[fromBody.get(0)];
    } else {
      bar = chosen.stream().mapToInt(i -> body.hits[i]).max().orElse(0);
      bar = Math.max(bar, 1);
    }
    double relative = fromBody.isEmpty() ? 0 : DOC_MIN_RELATIVE * score[fromBody.get(0)];
    java.util.Set<String> titleTops = new java.util.HashSet<>();
    for (int i : chosen) titleTops.add(top(i));
    for (int i : fromBody) {
      if (chosen.size() >= DOC_MAX_THEMES) break;
      // A second level under a title theme's top level refines it (an education speech: which topics).
      double need = titleTops.contains(top(i)) ? relative : bar;
      if (body.hits[i] >= need) chosen.add(i);
    }

    List<ThemeScore> scores = new ArrayList<>();
    Map<String, Double> detail = new LinkedHashMap<>();
    for (int i : chosen) {
      String name = taxonomy.themes().get(i).name();
      double s = Math.round(score[i] * 10) / 10.0;
      scores.add(new ThemeScore(name, s, evidence(inTitle, body, i, paragraphsWith[i])));
      detail.put(name, s);
    }
    if (scores.isEmpty()) {
      scores.add(new ThemeScore(OTHER, 0, "no keyword of any theme in the title, nor in enough paragraphs"));
      detail.put(OTHER, 0.0);
    }
    List<String> docThemes = scores.stream().map(ThemeScore::theme).toList();
    return new Result(perParagraph, docThemes, List.copyOf(scores), detail.toString());
  }

  private String top(int theme) {
    String name = taxonomy.themes().get(theme).name();
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  private String evidence(Counts inTitle, Counts body, int theme, int paragraphs) {
    StringBuilder sb = new StringBuilder();
    Map<String, Integer> t = inTitle.words.getOrDefault(theme, Map.of());
    if (!t.isEmpty()) sb.append("title: ").append(String.join(", ", t.keySet()));
    Map<String, Integer> b = body.words.getOrDefault(theme, Map.of());
    if (!b.isEmpty()) {
      if (!sb.isEmpty()) sb.append("; ");
      sb.append("body: ");
      List<Map.Entry<String, Integer>> top = new ArrayList<>(b.entrySet());
      top.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Integer> e : top.subList(0, Math.min(EVIDENCE_KEYWORDS, top.size()))) {
        parts.add(e.getValue() == 1 ? e.getKey() : String.format(Locale.ROOT, "%s×%d", e.getKey(), e.getValue()));
      }
      sb.append(String.join(", ", parts)).append(" in ").append(paragraphs).append(paragraphs == 1 ? " paragraph" : " paragraphs");
    }
    return sb.toString();
  }

  private Counts count(String text) {
    Counts c = new Counts();
    // The country's name is no subject, and 中华人民共和国防洪法 holds 国防.
    String normalized = TextNormalizer.normalizeToString(text).replace(COUNTRY, "\u3013");
    for (PhraseTrie.Match<List<Integer>> m : keywords.findAll(normalized)) {
      for (int i : m.value()) {
        c.hits[i]++;
        c.words.computeIfAbsent(i, x -> new TreeMap<>()).merge(m.phrase(), 1, Integer::sum);
      }
    }
    for (int i = 0; i < c.hits.length; i++) {
      if (c.hits[i] == 0) continue;
      List<String> context = taxonomy.themes().get(i).context();
      if (!context.isEmpty() && context.stream().noneMatch(normalized::contains)) {
        c.hits[i] = 0;
        c.words.remove(i);
      }
    }
    return c;
  }
}
