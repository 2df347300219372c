package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policysearch.BackendConfig;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.IndexStats;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.json.ResultJson;
import org.policysearch.search.query.Synonyms;
import org.policysearch.text.CharClass;
import org.policysearch.text.TextNormalizer;

/**
 * The same corpus (the seeds and a sample of the shared corpus, through the real ingest pipeline) indexed
 * by both backends, the embedded index and an in-JVM OpenSearch node (three shards): the same documents, totals, reposts
 * folded, facet counts, interpretations, documents with their marks, and the same order where the order
 * is defined by the data (dates); the exact guarantee holds on the cluster against a brute-force scan.
 */
class OpenSearchParityTest {
  @TempDir static Path dir;
  static LuceneBackend lucene;
  static OpenSearchBackend cluster;
  static IndexRun firstRun;
  static final List<PolicyDocument> DOCS = new ArrayList<>();

  @BeforeAll
  static void build() throws Exception {
    // The comparison needs the shared corpus's laws and reports beside the seeds (CI has it at ../shared).
    Path shared = Path.of("../shared/data/corpus");
    assumeTrue(Files.isDirectory(shared), "the shared corpus is not beside the project: " + shared.toAbsolutePath());
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path s : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) Files.copy(s, corpus.resolve(s.getFileName()));
    }
    sample(Path.of("../shared/data/corpus/gwr_provincial_2025.jsonl"), 3, corpus.resolve("provincial.jsonl"));
    sample(Path.of("../shared/data/corpus/gwr_national_1954_2025.jsonl"), 6, corpus.resolve("national.jsonl"));
    sample(Path.of("../shared/data/corpus/laws_lawrefbook.jsonl"), 80, corpus.resolve("laws.jsonl"));
    pick(Path.of("../shared/data/corpus/laws_lawrefbook.jsonl"), LINEAGE_LINES, 80, corpus.resolve("lineage.jsonl"));
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    new CorpusIndexer(ingester, new org.policysearch.index.analysis.Analyzers(), 2, 32)
        .run(corpus, new IndexLayout(dir.resolve("index")), false, CorpusIndexer.Progress.NONE);
    lucene = LuceneBackend.open(dir.resolve("index"), new org.policysearch.index.analysis.Analyzers(), Synonyms.load(null),
        SearchLimits.DEFAULTS);
    // three shards on the one node: totals and facet counts are merged across shards, as on a cluster
    BackendConfig cfg = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "parity-test", "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 3, 0);
    cluster = OpenSearchBackend.open(cfg, "", new org.policysearch.index.analysis.Analyzers(), Synonyms.load(null),
        SearchLimits.DEFAULTS, new OpenSearchBackend.Corpus(corpus, ingester, System.err));
    firstRun = cluster.reindex(false);
    ingester.ingestAll(corpus).documents().forEach(DOCS::add);
  }

  /**
   * Lines of the laws file that make lineage non-vacuous (found by reading the file: a national law and the
   * local regulations that rest on it, and laws stated repealed by a later one): the 防震减灾法 (2740) and nine
   * citers, the 气象法 (2697) and six, and repeals stated elsewhere: 上海市不动产登记若干规定 (1) of the
   * 上海市房地产登记条例 (129), 北京市中医药条例 (241) of 北京市发展中医条例 (291), 浙江省数字经济促进条例 (1667)
   * of 浙江省信息化促进条例 (1583), 浙江省水资源条例 (1691) of 浙江省水资源管理条例 (1692), a rule (1926) of its
   * trial version cited with its 文号 (1927), a decision (257) repealing several (395, 289, 412, 269).
   */
  static final Set<Integer> LINEAGE_LINES = Set.of(2740, 108, 345, 540, 703, 1223, 1740, 1905, 3017, 3018, 2697, 105, 161, 377,
      930, 1179, 1684, 1, 129, 241, 291, 1667, 1583, 1691, 1692, 1926, 1927, 257, 395, 289, 412, 269);

  /** The given lines (0-based) of a JSON Lines file, but those {@link #sample} takes every {@code every}-th already. */
  private static void pick(Path from, Set<Integer> lines, int every, Path to) throws Exception {
    try (BufferedReader r = Files.newBufferedReader(from, StandardCharsets.UTF_8);
         BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      String line;
      for (int n = 0; (line = r.readLine()) != null; n++) {
        if (lines.contains(n) && n % every != 0) {
          w.write(line);
          w.newLine();
        }
      }
    }
  }

  /** Every {@code every}-th line of a JSON Lines file. */
  private static void sample(Path from, int every, Path to) throws Exception {
    try (BufferedReader r = Files.newBufferedReader(from, StandardCharsets.UTF_8);
         BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      String line;
      for (int n = 0; (line = r.readLine()) != null; n++) {
        if (n % every == 0) {
          w.write(line);
          w.newLine();
        }
      }
    }
  }

  @AfterAll
  static void close() throws Exception {
    if (lucene != null) lucene.close();
    if (cluster != null) cluster.close();
  }

  @Test
  void bothHoldTheSameIndex() throws Exception {
    assertTrue(lucene.documentCount() > 50, "documents: " + lucene.documentCount());
    assertEquals(lucene.documentCount(), cluster.documentCount());
    assertEquals(lucene.documentCount(), firstRun.added());
    IndexStats a = lucene.stats();
    IndexStats b = cluster.stats();
    assertEquals(a.documents(), b.documents());
    assertEquals(a.paragraphs(), b.paragraphs());
    assertEquals(a.duplicates(), b.duplicates());
    assertEquals(a.schema(), b.schema());
    assertEquals(a.analyzer(), b.analyzer());
    assertEquals(a.facets(), b.facets());
    assertEquals(lucene.facets(), cluster.facets());
  }

  static Stream<String> queries() {
    return Stream.of("", "教育", "义务教育 高质量", "\"义务教育\"", "“双减”", "防溺水 OR 防欺凌", "教育 -疫情", "title:工作报告",
        "title:\"政府工作报告\"", "(立德树人 OR 五育并举) -疫情", "营商环境", "鄂州", "\"2023年\"", "COVID", "人民代表大会 常务委员会",
        "\"中华人民共和国\" 法", "科技创新 -\"人工智能\"", "\"的\"", "乡村振兴 OR 共同富裕", "教联体", "鄂州 学前教育 普惠",
        "减税降费 营商环境 专精特新");
  }

  static final List<Filters> FILTERS = List.of(Filters.NONE,
      new Filters(List.of("湖北省"), List.of(), null, null, List.of(), List.of(), false),
      new Filters(List.of(), List.of(2025), null, null, List.of(), List.of(), false),
      new Filters(List.of(), List.of(), 2000, 2020, List.of(), List.of(), false),
      new Filters(List.of("全国"), List.of(), 1990, null, List.of(), List.of(), true));

  @ParameterizedTest
  @MethodSource("queries")
  void theSameAnswers(String q) throws Exception {
    for (Filters f : FILTERS) sameSearch(q, f);
  }

  /** The same answer to a query under filters, in every order: totals, folding, facets, documents, partial matches. */
  static void sameSearch(String q, Filters f) throws Exception {
    {
      for (SortOrder sort : SortOrder.values()) {
        SearchResult a = lucene.search(new SearchRequest(q, f, sort, 1, 100, 2));
        SearchResult b = cluster.search(new SearchRequest(q, f, sort, 1, 100, 2));
        String what = q + " " + f + " " + sort;
        assertEquals(a.total(), b.total(), () -> "total of " + what);
        assertEquals(a.foldedReposts(), b.foldedReposts(), () -> "folded reposts of " + what);
        assertEquals(a.facets(), b.facets(), () -> "facets of " + what);
        assertEquals(a.interpretation(), b.interpretation(), () -> "interpretation of " + what);
        assertEquals(a.filters(), b.filters(), () -> "filters of " + what);
        // the whole result set when it fits on the page (beyond it, documents of equal score or date may be
        // cut in a different place); the order where the data defines it: dates
        if (a.total() <= 100) assertEquals(ids(a), ids(b), () -> "documents of " + what);
        if (sort != SortOrder.RELEVANCE) assertEquals(dates(a), dates(b), () -> "date order of " + what);
        // the documents that lack one word, after the full matches
        assertEquals(a.partial() == null, b.partial() == null, () -> "partial matches of " + what);
        if (a.partial() != null) {
          assertEquals(a.partial().total(), b.partial().total(), () -> "partial total of " + what);
          assertEquals(a.partial().words(), b.partial().words(), () -> "partial words of " + what);
          if (a.total() + a.partial().total() <= 100) assertEquals(missing(a), missing(b), () -> "partial hits of " + what);
        }
        // the documents as shown (metadata, paragraph counts) are the same records
        for (Hit h : a.hits()) {
          var found = b.hits().stream().filter(x -> x.document().id().equals(h.document().id())).findFirst();
          // beyond one page, documents of equal score or date may be cut in another place
          if (found.isEmpty() && a.total() > 100) continue;
          Hit o = found.orElseThrow(() -> new AssertionError("document " + h.document().id() + " missing in " + what));
          assertEquals(h.document(), o.document(), () -> "document " + h.document().id() + " in " + what);
          assertEquals(h.paragraphs(), o.paragraphs());
        }
      }
    }
  }

  /**
   * On the three shards of this index, with {@code opensearch.search_type=dfs_query_then_fetch}, every query of the
   * suite under every filter set scores each of its first 20 places as the embedded index does (laws and reports,
   * the seeds), so the order is the embedded one wherever scores are not tied; and shows the same passages with each
   * (the paragraphs scored best with the same statistics, or the lead), with the same highlights. (With each shard's
   * own statistics, the default, a document's best paragraphs may differ where terms' weights differ by shard.)
   */
  @Test
  void withTheWholeIndexsStatisticsSearchesScoreAlikeOnThreeShards() throws Exception {
    BackendConfig dfs = new BackendConfig(BackendConfig.Kind.OPENSEARCH, List.of(TestCluster.uri()), "parity-test", "",
        BackendConfig.DEFAULT_PASSWORD_ENV, null, null, 3, 0, BackendConfig.SearchType.DFS_QUERY_THEN_FETCH);
    int compared = 0;
    int passages = 0;
    List<String> differ = new ArrayList<>();
    try (OpenSearchBackend whole = OpenSearchBackend.open(dfs, "", new org.policysearch.index.analysis.Analyzers(), Synonyms.load(null),
        SearchLimits.DEFAULTS, null)) {
      for (String q : queries().toList()) {
        for (Filters f : FILTERS) {
          SearchRequest r = new SearchRequest(q, f, SortOrder.RELEVANCE, 1, 20, 2);
          List<Hit> a = lucene.search(r).hits();
          List<Hit> b = whole.search(r).hits();
          assertEquals(a.size(), b.size(), () -> "hits of " + q + " " + f);
          for (int i = 0; i < a.size(); i++) {
            compared++;
            float x = a.get(i).score();
            float y = b.get(i).score();
            if (Math.abs(x - y) > 1e-4 * Math.max(1, x)) {
              differ.add(q + " " + f + " #" + (i + 1) + ": " + a.get(i).document().id() + " " + x + " | " + b.get(i).document().id() + " " + y);
            }
            if (a.get(i).document().id().equals(b.get(i).document().id())) {
              passages += a.get(i).passages().size();
              if (!a.get(i).passages().equals(b.get(i).passages())) {
                differ.add(q + " " + f + " #" + (i + 1) + " passages of " + a.get(i).document().id() + ": " + numbers(a.get(i)) + " | " + numbers(b.get(i)));
              }
            }
          }
        }
      }
    }
    assertTrue(compared > 500, "places compared: " + compared);
    assertTrue(passages > 500, "passages compared: " + passages);
    assertTrue(differ.isEmpty(), differ.size() + " of " + compared + " places differ:\n" + String.join("\n", differ));
  }

  /** A hit's passages by paragraph number, with their highlights. */
  private static String numbers(Hit h) {
    return h.passages().stream().map(p -> p.paragraph() + p.highlights().toString()).toList().toString();
  }

  @Test
  void aScriptSeesTheSameJsonForADateOrderedListing() throws Exception {
    // dates order the whole list (ties broken alike when dates are unique): the whole answer is the same
    // JSON but for the time taken and the scores, which are each engine's own
    SearchRequest r = new SearchRequest("\"人民\"", Filters.NONE, SortOrder.DATE_DESC, 1, 20, 2);
    JsonObject a = ResultJson.search(lucene.search(r));
    JsonObject b = ResultJson.search(cluster.search(r));
    for (JsonObject o : List.of(a, b)) {
      o.remove("took_ms");
      o.getAsJsonArray("hits").forEach(h -> h.getAsJsonObject().remove("score"));
    }
    List<String> dates = dates(lucene.search(r));
    if (dates.size() == new java.util.HashSet<>(dates).size()) assertEquals(a, b);
    else assertEquals(a.get("total"), b.get("total"));
  }

  @Test
  void phraseStatisticsAreTheSame() throws Exception {
    for (String phrase : List.of("双减", "义务教育", "鄂州", "\"人民代表大会\"", "2024年", "营商环境", "不存在的短语组合")) {
      for (Filters f : FILTERS) samePhrase(phrase, f);
    }
  }

  /**
   * The API contract over HTTP: the same status, content type and JSON from both backends for every endpoint
   * the OpenSearch backend serves (the time taken, scores, the index's size and commit time, and the
   * backend field aside), and the same problems for bad requests.
   */
  @Test
  void aRegulationReadsAsArticlesOnBoth() throws Exception {
    SearchResult laws = lucene.search(new SearchRequest("title:条例", Filters.NONE, SortOrder.DATE_DESC, 1, 20, 0));
    int withArticles = 0;
    for (Hit h : laws.hits()) {
      DocumentView a = lucene.document(h.document().id(), null);
      DocumentView b = cluster.document(h.document().id(), null);
      assertEquals(a, b, h.document().id());
      if (!a.contents().isEmpty()) {
        withArticles++;
        assertEquals(lucene.document(h.document().id(), null, "3"), cluster.document(h.document().id(), null, "3"));
      }
    }
    assertTrue(withArticles > 3, "regulations with articles in the sample: " + withArticles);
  }

  /** Prefixes typed in the search box: words, places, titles, types, digits and Latin letters, traditional forms, and nothing to find. */
  static final List<String> PREFIXES = List.of("教育", "义务", "鄂州", "湖北", "武汉", "全国", "北京", "山东", "营商", "人民", "中华人民共和国",
      "条例", "双减", "国务院", "通知", "办法", "关于", "管理", "法", "安全", "环境", "2023", "covid", "COVID", "a", "教聯", "醫療",
      "政府工作", "意见", "不存在的前缀组合", "zzzz", "！", " 教育 ");

  @Test
  void suggestionsAreTheSame() throws Exception {
    int nonEmpty = 0;
    Set<String> kinds = new TreeSet<>();
    for (String prefix : PREFIXES) {
      for (int size : new int[] {5, 50}) {
        var a = lucene.suggest(prefix, size);
        assertEquals(a, cluster.suggest(prefix, size), () -> "suggestions for '" + prefix + "' (" + size + ")");
        if (size == 50 && !a.isEmpty()) nonEmpty++;
        a.forEach(x -> kinds.add(x.kind()));
      }
    }
    // non-vacuous: most prefixes complete, and to every kind (the words come from the paragraphs' vocabulary)
    assertTrue(nonEmpty >= 20, "prefixes with suggestions: " + nonEmpty + " of " + PREFIXES.size());
    assertEquals(Set.of("region", "theme", "type", "term", "title"), kinds);
    assertTrue(lucene.suggest("不存在的前缀组合", 10).isEmpty());
  }

  /** Paragraphs of the sample to compare with: long enough to say something, from documents that are not reposts. */
  static List<Paragraph[]> sourceParagraphs(int count, long seed) {
    Random r = new Random(seed);
    List<Paragraph[]> out = new ArrayList<>();
    List<PolicyDocument> docs = DOCS.stream().filter(d -> !d.flags().duplicate() && !d.paragraphs().isEmpty()).toList();
    for (int tries = 0; out.size() < count && tries < 10_000; tries++) {
      PolicyDocument d = docs.get(r.nextInt(docs.size()));
      Paragraph p = d.paragraphs().get(r.nextInt(d.paragraphs().size()));
      if (p.text().length() >= 40) out.add(new Paragraph[] {p});
    }
    return out;
  }

  /** The similar answer as JSON without the time taken (scores included: BM25 over the whole index's statistics on both). */
  private static JsonObject similarJson(org.policysearch.search.api.SimilarResult r) {
    JsonObject o = ResultJson.similar(r);
    o.remove("took_ms");
    return o;
  }

  /** Which documents and paragraphs, in which order, with their scores: what differs first, readably. */
  private static List<String> summary(org.policysearch.search.api.SimilarResult r) {
    List<String> out = new ArrayList<>();
    out.add("subject " + r.subject());
    for (var i : r.items()) out.add(i.id() + " #" + i.paragraph() + " " + i.score());
    for (var i : r.national()) out.add("national " + i.id() + " #" + i.paragraph() + " " + i.score());
    return out;
  }

  @Test
  void similarDocumentsAndParagraphsAreTheSame() throws Exception {
    int compared = 0;
    int items = 0;
    Random r = new Random(7);
    List<PolicyDocument> docs = DOCS.stream().filter(d -> !d.flags().duplicate() && d.paragraphs().size() >= 3).toList();
    // like a paragraph of an indexed document (its region and title take part: same area left out, the subject)
    for (int i = 0; i < 8; i++) {
      PolicyDocument d = docs.get(r.nextInt(docs.size()));
      int para = 1 + r.nextInt(d.paragraphs().size());
      for (org.policysearch.search.api.SimilarMode mode : org.policysearch.search.api.SimilarMode.values()) {
        var a = lucene.similarTo(d.id(), para, 10, mode, false);
        var b = cluster.similarTo(d.id(), para, 10, mode, false);
        assertEquals(summary(a), summary(b), () -> "similar to " + d.id() + " #" + para + " " + mode);
        assertEquals(similarJson(a), similarJson(b), () -> "similar to " + d.id() + " #" + para + " " + mode);
        compared++;
        items += a.items().size() + a.national().size();
      }
    }
    // like a pasted text: paragraphs as they are, edited (characters dropped and replaced), several joined, a
    // phrase, and a text of more pairs than a query keeps (the rarest are chosen by document frequency)
    List<String> texts = new ArrayList<>(List.of("推动义务教育优质均衡发展", "优化营商环境，支持专精特新中小企业发展", "COVID-19 疫情防控 2023年"));
    for (Paragraph[] p : sourceParagraphs(6, 11)) {
      String t = p[0].text();
      texts.add(t);
      StringBuilder edited = new StringBuilder();
      for (int k = 0; k < t.length(); k++) {
        if (k % 9 == 4) continue;
        edited.append(k % 13 == 6 ? '和' : t.charAt(k));
      }
      texts.add(edited.toString());
    }
    StringBuilder longText = new StringBuilder();
    for (Paragraph[] p : sourceParagraphs(40, 5)) {
      if (longText.length() > 3000) break;
      longText.append(p[0].text()).append('\n');
    }
    texts.add(longText.toString());
    for (String t : texts) {
      for (org.policysearch.search.api.SimilarMode mode : org.policysearch.search.api.SimilarMode.values()) {
        var a = lucene.similarToText(t, 10, mode, false);
        var b = cluster.similarToText(t, 10, mode, false);
 assertEquals(summary(a), summary(b), () -> "similar to the text '" + t.substring(0, Math.min(40, t.length())) + "…' " + mode);
        assertEquals(similarJson(a), similarJson(b), () -> "similar to the text '" + t.substring(0, Math.min(40, t.length())) + "…' " + mode);
        compared++;
        items += a.items().size() + a.national().size();
        assertFalse(a.items().isEmpty() && a.national().isEmpty(), () -> "nothing similar to '" + t.substring(0, Math.min(40, t.length())) + "'");
      }
    }
    assertTrue(longText.length() > 3000, "the long text has " + longText.length() + " characters");
    assertEquals(2 * (8 + texts.size()), compared);
    assertTrue(items > 150, "items compared: " + items);
  }

  @Test
  void semanticAskedForWithoutVectorsAnswersByWordsOnBothAndSaysSo() throws Exception {
    // neither backend here has vectors (semantic search is off): semantic=true is answered lexically, saying so, alike
    for (var mode : org.policysearch.search.api.SimilarMode.values()) {
      var a = lucene.similarToText("推动义务教育优质均衡发展", 10, mode, true);
      var b = cluster.similarToText("推动义务教育优质均衡发展", 10, mode, true);
      assertEquals("lexical", b.answeredBy());
      assertEquals(similarJson(a), similarJson(b), mode::toString);
    }
    assertEquals(lucene.semanticStatus(), cluster.semanticStatus());
    assertEquals("off", cluster.semanticStatus().state());
  }

  @Test
  void theHttpApiAnswersAlike() throws Exception {
    io.javalin.Javalin a = server(lucene);
    io.javalin.Javalin b = server(cluster);
    try {
      String doc = java.net.URLEncoder.encode("000_64eeac01db686175.txt", StandardCharsets.UTF_8);
      for (String path : List.of("/api/facets", "/api/stats", "/api/health", "/api/documents/" + doc + "?q=%E6%95%99%E8%82%B2",
          "/api/search?q=%22%E5%8F%8C%E5%87%8F%22&sort=date_desc&passages=2",
          "/api/search?q=%E6%95%99%E8%82%B2&region=%E6%B9%96%E5%8C%97&year=2023&size=0",
          "/api/phrase?q=%E5%8F%8C%E5%87%8F&size=100", "/api/phrase?q=%E4%B9%89%E5%8A%A1%E6%95%99%E8%82%B2&region=%E6%B9%96%E5%8C%97%E7%9C%81",
          "/api/search?q=%22", "/api/search?q=a&sort=best", "/api/documents/no-such-document", "/api/search?q=x&region=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%9C%B0%E6%96%B9",
          "/api/search?q=%E6%95%99%E8%82%B2&page=0", "/api/phrase?q=%22%22", "/api/suggest?q=%E6%B9%96%E5%8C%97",
          "/api/suggest?q=%E6%95%99%E8%82%B2&size=50", "/api/suggest?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84", "/api/suggest?q=x&size=0")) {
        check(a, b, path);
      }
      // lineage and effective_on: a document cited by several (every citing document on the first page), a document
      // that repeals others, the cited-by list with and without filters, the cites= and effective_on filters
      String cited = java.net.URLEncoder.encode(citedOnOnePage(), StandardCharsets.UTF_8);
      String repealer = java.net.URLEncoder.encode(repeals().get(0).getKey(), StandardCharsets.UTF_8);
      String shandong = java.net.URLEncoder.encode("山东省", StandardCharsets.UTF_8);
      String rules = java.net.URLEncoder.encode("条例", StandardCharsets.UTF_8);
      for (String path : List.of("/api/documents/" + cited, "/api/documents/" + repealer, "/api/documents/" + cited + "/cited-by",
          "/api/documents/" + cited + "/cited-by?region=" + shandong, "/api/documents/" + cited + "/cited-by?effective_on=2019-06-01",
          "/api/documents/no-such-document/cited-by", "/api/search?cites=" + cited + "&sort=date_asc&passages=1",
          "/api/search?q=" + rules + "&cites=" + cited + "&size=0", "/api/search?cites=no-such-document",
          "/api/search?q=" + rules + "&effective_on=2020-01-01&size=0", "/api/search?effective_on=2005-07-01&sort=date_asc&size=100",
          "/api/phrase?q=" + rules + "&effective_on=2020-01-01&size=0", "/api/phrase?q=" + rules + "&cites=" + cited + "&size=0")) {
        check(a, b, path);
      }
    } finally {
      a.stop();
      b.stop();
    }
  }

  /** The same status, content type and JSON (what is each engine's own aside) from both servers. */
  private static void check(io.javalin.Javalin a, io.javalin.Javalin b, String path) throws Exception {
    java.net.http.HttpResponse<String> ra = get(a.port(), path);
    java.net.http.HttpResponse<String> rb = get(b.port(), path);
    assertEquals(ra.statusCode(), rb.statusCode(), path);
    assertEquals(ra.headers().firstValue("Content-Type"), rb.headers().firstValue("Content-Type"), path);
    JsonObject ja = comparable(ra.body());
    JsonObject jb = comparable(rb.body());
    if (path.startsWith("/api/documents/") && ra.statusCode() == 200 && !path.contains("/cited-by")) {
      // the document view carries its lineage on both (it was null on the cluster before lineage came to it)
      assertTrue(jb.get("cites").isJsonArray() && jb.get("cited_by").isJsonObject(), path);
    }
    if (path.contains("sort=date_") && !distinctDates(ja)) {
      assertEquals(ja.get("total"), jb.get("total"), path);
      assertEquals(ja.get("facets"), jb.get("facets"), path);
      return;
    }
    assertEquals(ja, jb, path);
  }

  /** A server of the API over one backend (the same settings for both). */
  private static io.javalin.Javalin server(org.policysearch.search.api.SearchBackend backend) {
    return org.policysearch.web.WebApp.create(backend,
        org.policysearch.web.TestServer.config(dir, dir.resolve("index"), dir.resolve("web"), SearchLimits.DEFAULTS)).start();
  }

  /** The similar endpoints over HTTP: the same status, content type and JSON, in order (only the time taken aside). */
  @Test
  void similarOverHttpIsTheSame() throws Exception {
    io.javalin.Javalin a = server(lucene);
    io.javalin.Javalin b = server(cluster);
    try {
      PolicyDocument d = DOCS.stream().filter(x -> !x.flags().duplicate() && x.paragraphs().size() >= 5).findFirst().orElseThrow();
      String id = java.net.URLEncoder.encode(d.id(), StandardCharsets.UTF_8);
      String text = sourceParagraphs(1, 3).get(0)[0].text();
      List<java.util.function.IntFunction<java.net.http.HttpResponse<String>>> calls = new ArrayList<>();
      for (String path : List.of("/api/similar?id=" + id + "&paragraph=3", "/api/similar?id=" + id + "&paragraph=3&mode=paragraphs&size=20",
          "/api/similar?id=" + id + "&paragraph=9999", "/api/similar?id=no-such-document&paragraph=1", "/api/similar?id=" + id)) {
        calls.add(port -> call(() -> get(port, path)));
      }
      for (String body : List.of(json(text, null), json(text, "paragraphs"), json("，。！", null), json("", null))) {
        calls.add(port -> call(() -> post(port, "/api/similar", body)));
      }
      int withItems = 0;
      for (var c : calls) {
        java.net.http.HttpResponse<String> ra = c.apply(a.port());
        java.net.http.HttpResponse<String> rb = c.apply(b.port());
        String what = ra.request().method() + " " + ra.request().uri();
        assertEquals(ra.statusCode(), rb.statusCode(), what);
        assertEquals(ra.headers().firstValue("Content-Type"), rb.headers().firstValue("Content-Type"), what);
        JsonObject ja = com.google.gson.JsonParser.parseString(ra.body()).getAsJsonObject();
        JsonObject jb = com.google.gson.JsonParser.parseString(rb.body()).getAsJsonObject();
        ja.remove("took_ms");
        jb.remove("took_ms");
        assertEquals(ja, jb, what);
        if (ja.has("items") && !ja.getAsJsonArray("items").isEmpty()) withItems++;
      }
      assertEquals(4, withItems, "answers with similar documents");
    } finally {
      a.stop();
      b.stop();
    }
  }

  private interface Call {
    java.net.http.HttpResponse<String> run() throws Exception;
  }

  private static java.net.http.HttpResponse<String> call(Call c) {
    try {
      return c.run();
    } catch (Exception e) {
      throw new IllegalStateException("the request failed", e);
    }
  }

  private static String json(String text, String mode) {
    JsonObject o = new JsonObject();
    o.addProperty("text", text);
    if (mode != null) o.addProperty("mode", mode);
    return o.toString();
  }

  private static java.net.http.HttpResponse<String> post(int port, String path, String body) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private static java.net.http.HttpResponse<String> get(int port, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The answer without what is each engine's own: time taken, scores, the index's bytes and commit time, the
   * backend; a phrase's occurrences in context as a set (documents of the same date come in each engine's order).
   */
  private static JsonObject comparable(String body) {
    JsonObject o = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
    for (String k : List.of("took_ms", "index_bytes", "committed_at", "backend")) o.remove(k);
    if (o.has("hits")) o.getAsJsonArray("hits").forEach(h -> h.getAsJsonObject().remove("score"));
    if (o.has("items")) {
      List<String> items = new ArrayList<>();
      o.getAsJsonArray("items").forEach(i -> items.add(i.toString()));
      java.util.Collections.sort(items);
      com.google.gson.JsonArray sorted = new com.google.gson.JsonArray();
      items.forEach(i -> sorted.add(com.google.gson.JsonParser.parseString(i)));
      o.add("items", sorted);
    }
    // citing documents of one date come in each engine's order: compared as sets (every one fits the page)
    sortDocuments(o);
    if (o.has("cited_by") && o.get("cited_by").isJsonObject()) sortDocuments(o.getAsJsonObject("cited_by"));
    return o;
  }

  private static void sortDocuments(JsonObject o) {
    if (!o.has("documents") || !o.get("documents").isJsonArray()) return;
    List<String> docs = new ArrayList<>();
    o.getAsJsonArray("documents").forEach(d -> docs.add(d.toString()));
    java.util.Collections.sort(docs);
    com.google.gson.JsonArray sorted = new com.google.gson.JsonArray();
    docs.forEach(d -> sorted.add(com.google.gson.JsonParser.parseString(d)));
    o.add("documents", sorted);
  }

  private static boolean distinctDates(JsonObject search) {
    List<String> dates = new ArrayList<>();
    search.getAsJsonArray("hits").forEach(h -> dates.add(h.getAsJsonObject().get("date").toString()));
    return dates.size() == new java.util.HashSet<>(dates).size();
  }

  @Test
  void documentsWithTheirMarksAreTheSame() throws Exception {
    for (String id : List.of("000_64eeac01db686175.txt", "001_c64f190a103f523b.txt", DOCS.get(DOCS.size() - 1).id())) {
      for (String q : new String[] {null, "教育", "\"人民政府\"", "title:报告"}) {
        DocumentView a = lucene.document(id, q);
        DocumentView b = cluster.document(id, q);
        assertEquals(a, b, () -> id + " with " + q);
      }
    }
  }

  @Test
  void exportsAreTheSame() throws Exception {
    // every document of the result set (the order of documents of the same date is each engine's own), one
    // row per best passage: the same documents with the same citation fields and references
    SearchRequest r = new SearchRequest("\"教育\"", Filters.NONE, SortOrder.DATE_ASC, 1, 10, 1);
    Set<String> a = new TreeSet<>();
    Set<String> b = new TreeSet<>();
    long na = lucene.export(r, 1000, row -> a.add(row.id() + "|" + row.title() + "|" + row.date() + "|" + row.reference()));
    long nb = cluster.export(r, 1000, row -> b.add(row.id() + "|" + row.title() + "|" + row.date() + "|" + row.reference()));
    assertTrue(na > 10, "exported " + na);
    assertEquals(na, nb);
    assertEquals(a, b);
    // the cites column: what each document cites, resolved on each backend
    SearchRequest laws = new SearchRequest("条例", Filters.NONE, SortOrder.DATE_ASC, 1, 10, 1);
    sameExport(laws);
    List<String> cites = new ArrayList<>();
    cluster.export(laws, 1000, row -> cites.add(row.cites()));
    assertTrue(cites.stream().filter(c -> !c.isEmpty()).count() >= 20, "rows with a cites column on the cluster");
  }

  /** The exact guarantee on the cluster: a quoted random substring finds exactly the documents a brute-force scan finds. */
  @Test
  void quotedSubstringsFindExactlyWhatABruteForceScanFinds() throws Exception {
    Random r = new Random(14);
    int checked = 0;
    for (int t = 0; t < 150; t++) {
      PolicyDocument d = DOCS.get(r.nextInt(DOCS.size()));
      if (d.paragraphs().isEmpty()) continue;
      Paragraph p = d.paragraphs().get(r.nextInt(d.paragraphs().size()));
      String text = r.nextBoolean() ? p.text() : TextNormalizer.normalizeToString(p.text());
      if (text.isEmpty()) continue;
      int start = r.nextInt(text.length());
      String s = text.substring(start, Math.min(text.length(), start + 1 + r.nextInt(10))).replaceAll("[\"“”]", "");
      if (s.isEmpty() || Character.isLowSurrogate(s.charAt(0)) || Character.isHighSurrogate(s.charAt(s.length() - 1))) continue;
      if (TextNormalizer.normalizeToString(s).isEmpty()) continue;
      Set<String> expected = oracle(s);
      SearchRequest q = new SearchRequest("\"" + s + "\"", new Filters(List.of(), List.of(), null, null, List.of(), List.of(), true),
          SortOrder.DATE_DESC, 1, 100, 0);
      SearchResult got = cluster.search(q);
      assertEquals(expected.size(), got.total(), () -> "total of \"" + s + "\"");
      if (expected.size() <= 100) assertEquals(expected, ids(got), () -> "documents of \"" + s + "\"");
      checked++;
    }
    assertFalse(checked < 100, "too few samples: " + checked);
  }

  /** Documents with a paragraph whose normalised text contains s (a run of letters or digits matched whole). */
  static Set<String> oracle(String s) {
    String q = TextNormalizer.normalizeToString(s);
    Set<String> out = new TreeSet<>();
    for (PolicyDocument d : DOCS) {
      paragraphs:
      for (Paragraph p : d.paragraphs()) {
        String n = TextNormalizer.normalizeToString(p.text());
        for (int i = n.indexOf(q); i >= 0; i = n.indexOf(q, i + 1)) {
          int e = i + q.length();
          boolean cutsLeft = i > 0 && CharClass.isAlnum(n.codePointBefore(i)) && CharClass.isAlnum(n.codePointAt(i));
          boolean cutsRight = e < n.length() && CharClass.isAlnum(n.codePointBefore(e)) && CharClass.isAlnum(n.codePointAt(e));
          if (!cutsLeft && !cutsRight) {
            out.add(d.id());
            break paragraphs;
          }
        }
      }
    }
    return out;
  }

  @Test
  void aSecondRunSendsNothingAndARebuildMovesTheAlias() throws Exception {
    IndexRun again = cluster.reindex(false);
    assertEquals(0, again.added() + again.updated() + again.removed());
    assertTrue(again.unchangedFiles() > 0);
    assertFalse(again.rebuilt());
    long before = cluster.documentCount();
    IndexRun rebuilt = cluster.reindex(true);
    assertTrue(rebuilt.rebuilt());
    assertEquals(before, rebuilt.documents());
    assertEquals(before, cluster.documentCount());
    try (Cluster c = TestCluster.client()) {
      assertEquals(1, c.get("/_alias/parity-test").json().keySet().size(), "one index behind the alias, the old one deleted");
      // written in several bulk requests and refreshes, it took the alias merged: one segment in each copy of each shard
      com.google.gson.JsonObject indices = c.get("/parity-test/_segments").json().getAsJsonObject("indices");
      int copies = 0;
      for (var index : indices.entrySet()) {
        for (var shard : index.getValue().getAsJsonObject().getAsJsonObject("shards").entrySet()) {
          for (var copy : shard.getValue().getAsJsonArray()) {
            assertEquals(1, copy.getAsJsonObject().get("num_search_segments").getAsInt(), "segments of shard " + shard.getKey());
            copies++;
          }
        }
      }
      assertTrue(copies > 0);
    }
  }

  // ---------------------------------------------------------------- lineage and effective_on

  private static java.util.Map<String, List<org.policysearch.search.api.CitedReference>> embeddedCites;

  /** What every document of the sample cites, as the embedded backend resolves it (read once). */
  static synchronized java.util.Map<String, List<org.policysearch.search.api.CitedReference>> embeddedCites() throws Exception {
    if (embeddedCites == null) {
      java.util.Map<String, List<org.policysearch.search.api.CitedReference>> out = new java.util.TreeMap<>();
      for (PolicyDocument d : DOCS) {
        try {
          out.put(d.id(), lucene.cites(d.id()));
        } catch (org.policysearch.search.api.NotFoundException e) {
          // an id two files claim: the second file's document was skipped, as on the cluster
        }
      }
      embeddedCites = out;
    }
    return embeddedCites;
  }

  /** The documents some document of the sample cites (resolved references), most cited first. */
  static List<String> cited() throws Exception {
    java.util.Map<String, Set<String>> citers = new java.util.TreeMap<>();
    embeddedCites().forEach((id, refs) -> refs.stream().filter(c -> c.target() != null)
        .forEach(c -> citers.computeIfAbsent(c.target().id(), k -> new TreeSet<>()).add(id)));
    return citers.keySet().stream().sorted(java.util.Comparator.comparing((String t) -> -citers.get(t).size()).thenComparing(t -> t)).toList();
  }

  /** The most cited document whose citing documents all fit the document view's first page (10). */
  static String citedOnOnePage() throws Exception {
    for (String t : cited()) {
      long n = lucene.citedBy(t, Filters.NONE, 1, 10).total();
      if (n >= 3 && n <= 10) return t;
    }
    throw new AssertionError("no document of the sample is cited by 3 to 10 others");
  }

  /** Resolved repeals of the sample: repealing document id → repealed document id. */
  static List<java.util.Map.Entry<String, String>> repeals() throws Exception {
    List<java.util.Map.Entry<String, String>> out = new ArrayList<>();
    embeddedCites().forEach((id, refs) -> refs.stream().filter(c -> c.target() != null && c.relation().equals("repeals"))
        .forEach(c -> out.add(java.util.Map.entry(id, c.target().id()))));
    assertTrue(out.size() >= 5, "resolved repeals in the sample: " + out);
    return out;
  }

  static Filters inForce(Filters f, java.time.LocalDate day) {
    return new Filters(f.regions(), f.years(), f.yearFrom(), f.yearTo(), f.themes(), f.types(), f.includeDuplicates(), day, f.cites());
  }

  /** Every document a backend lists under the filters (page by page). */
  static Set<String> listed(SearchBackend b, Filters f) throws Exception {
    Set<String> out = new TreeSet<>();
    for (int page = 1; ; page++) {
      SearchResult r = b.search(new SearchRequest("", f, SortOrder.DATE_ASC, page, 100, 0));
      r.hits().forEach(h -> out.add(h.document().id()));
      if (r.hits().size() < 100) return out;
    }
  }

  static void sameCitedBy(org.policysearch.search.api.CitedBy a, org.policysearch.search.api.CitedBy b, String what) {
    assertEquals(a.id(), b.id(), what);
    assertEquals(a.total(), b.total(), () -> "total citing " + what);
    assertEquals(a.facets(), b.facets(), () -> "facets of citing " + what);
    assertEquals(a.table(), b.table(), () -> "region x year table of " + what);
    // oldest first; documents of one date in each engine's order
    assertEquals(a.documents().stream().map(d -> String.valueOf(d.document().date())).toList(),
        b.documents().stream().map(d -> String.valueOf(d.document().date())).toList(), () -> "date order of citing " + what);
    if (a.total() <= a.size()) assertEquals(new java.util.HashSet<>(a.documents()), new java.util.HashSet<>(b.documents()), () -> "citing " + what);
  }

  static final java.time.LocalDate[] DAYS = {java.time.LocalDate.parse("1995-01-01"), java.time.LocalDate.parse("2009-06-30"),
      java.time.LocalDate.parse("2017-01-01"), java.time.LocalDate.parse("2019-12-31"), java.time.LocalDate.parse("2021-03-01"),
      java.time.LocalDate.parse("2023-07-01"), java.time.LocalDate.parse("2026-01-01")};

  @Test
  void everyDocumentCitesTheSameOnBoth() throws Exception {
    int resolved = 0;
    int withNumber = 0;
    for (var e : embeddedCites().entrySet()) {
      assertEquals(e.getValue(), cluster.cites(e.getKey()), e.getKey());
      for (var c : e.getValue()) {
        if (c.target() != null) resolved++;
        if (!c.docNumber().isEmpty()) withNumber++;
      }
    }
    assertTrue(embeddedCites().size() > 100, "documents compared: " + embeddedCites().size());
    assertTrue(resolved >= 30, "resolved references in the sample: " + resolved);
    assertTrue(withNumber >= 1, "references with a 文号 in the sample: " + withNumber);
    assertThrows(org.policysearch.search.api.NotFoundException.class, () -> cluster.cites("no-such-document"));
  }

  @Test
  void whoCitesADocumentIsTheSameWithAndWithoutFilters() throws Exception {
    List<String> cited = cited();
    assertTrue(cited.size() >= 10, "cited documents in the sample: " + cited.size());
    long most = lucene.citedBy(cited.get(0), Filters.NONE, 1, 100).total();
    assertTrue(most >= 8, "citing documents of the most cited: " + most);
    List<Filters> filters = List.of(Filters.NONE, new Filters(List.of("山东"), List.of(), null, null, List.of(), List.of(), false),
        new Filters(List.of(), List.of(), 2019, null, List.of(), List.of(), false), inForce(Filters.NONE, DAYS[3]),
        inForce(new Filters(List.of("浙江省"), List.of(), null, null, List.of(), List.of(), true), DAYS[5]));
    for (String t : cited) {
      for (Filters f : filters) {
        sameCitedBy(lucene.citedBy(t, f, 1, 100), cluster.citedBy(t, f, 1, 100), t + " " + f);
        sameCitedBy(lucene.citedBy(t, f, 2, 3), cluster.citedBy(t, f, 2, 3), t + " page 2 " + f);
      }
    }
    assertThrows(org.policysearch.search.api.NotFoundException.class, () -> cluster.citedBy("no-such-document", Filters.NONE, 1, 10));
  }

  @Test
  void theCitesFilterIsTheSame() throws Exception {
    List<String> cited = cited().subList(0, 4);
    for (String t : cited) {
      Set<String> citing = listed(lucene, Filters.NONE.withCites(t).withIncludeDuplicates(true));
      assertFalse(citing.isEmpty(), t);
      for (String q : List.of("", "条例", "地震 监测 预报", "气象 灾害 防御 海啸")) {
        for (Filters f : List.of(Filters.NONE, FILTERS.get(3), inForce(Filters.NONE, DAYS[4]))) {
          sameSearch(q, f.withCites(t));
          // partial matches are narrowed like the full ones
          SearchResult r = lucene.search(new SearchRequest(q, f.withCites(t), SortOrder.RELEVANCE, 1, 100, 0));
          if (r.partial() != null) r.partial().hits().forEach(h -> assertTrue(citing.contains(h.hit().document().id()), q + " " + t));
        }
      }
      for (String phrase : List.of("条例", "人民政府")) {
        samePhrase(phrase, Filters.NONE.withCites(t));
      }
    }
    // a 文号 as typed (the citers of the document that has it, or of the number when none has) and a value that is neither
    for (String number : List.of("高检发释字〔2012〕2号", "国发[2099]1号")) sameSearch("", Filters.NONE.withCites(number));
    var bad = Filters.NONE.withCites("no-such-document");
    var ea = assertThrows(org.policysearch.search.api.InvalidRequestException.class,
        () -> lucene.search(new SearchRequest("", bad, SortOrder.RELEVANCE, 1, 10, 0)));
    var eb = assertThrows(org.policysearch.search.api.InvalidRequestException.class,
        () -> cluster.search(new SearchRequest("", bad, SortOrder.RELEVANCE, 1, 10, 0)));
    assertEquals(ea.getMessage(), eb.getMessage());
  }

  @Test
  void effectiveOnIsTheSame() throws Exception {
    long all = lucene.documentCount();
    Set<Integer> sizes = new TreeSet<>();
    for (java.time.LocalDate day : DAYS) {
      for (boolean dups : new boolean[] {false, true}) {
        Filters f = inForce(Filters.NONE.withIncludeDuplicates(dups), day);
        Set<String> a = listed(lucene, f);
        assertEquals(a, listed(cluster, f), () -> "in force on " + day);
        sizes.add(a.size());
        assertTrue(a.size() < all, "in force on " + day + ": " + a.size() + " of " + all);
      }
    }
    // searches, phrases and exports on three of the days (before, between and after most of the sample's repeals)
    for (java.time.LocalDate day : List.of(DAYS[1], DAYS[3], DAYS[5])) {
      for (String q : List.of("", "条例", "\"人民政府\"", "地震 监测 预报")) {
        for (Filters f : List.of(FILTERS.get(0), FILTERS.get(3), FILTERS.get(4))) sameSearch(q, inForce(f, day));
      }
      for (String phrase : List.of("条例", "人民代表大会")) {
        for (Filters f : List.of(FILTERS.get(0), FILTERS.get(4))) samePhrase(phrase, inForce(f, day));
      }
      sameExport(new SearchRequest("\"条例\"", inForce(Filters.NONE, day), SortOrder.DATE_ASC, 1, 10, 1));
    }
    assertTrue(sizes.size() >= 5, "documents in force differ from day to day: " + sizes);
  }

  @Test
  void aRepealStatedElsewhereTakesADocumentOutOfForceOnBoth() throws Exception {
    int shown = 0;
    for (var e : repeals()) {
      PolicyDocument repealer = DOCS.stream().filter(d -> d.id().equals(e.getKey())).findFirst().orElseThrow();
      java.time.LocalDate from = java.time.LocalDate.ofEpochDay(
          org.policysearch.index.DocumentMapper.epochDay(org.policysearch.doc.InForce.from(repealer).orElseThrow().value()));
      for (SearchBackend b : both()) {
        assertFalse(listed(b, inForce(Filters.NONE, from)).contains(e.getValue()), e + " on " + from + " by " + b.kind());
      }
      boolean before = listed(lucene, inForce(Filters.NONE, from.minusDays(1))).contains(e.getValue());
      assertEquals(before, listed(cluster, inForce(Filters.NONE, from.minusDays(1))).contains(e.getValue()), e.toString());
      if (before) shown++;
    }
    assertTrue(shown >= 3, "repealed documents in force the day before their repeal takes effect: " + shown);
  }

  static void samePhrase(String phrase, Filters f) throws Exception {
    PhraseResult a = lucene.phrase(new PhraseRequest(phrase, f, 1, 100, 10));
    PhraseResult b = cluster.phrase(new PhraseRequest(phrase, f, 1, 100, 10));
    String what = phrase + " " + f;
    assertEquals(a.normalized(), b.normalized(), what);
    assertEquals(a.documents(), b.documents(), () -> "documents of " + what);
    assertEquals(a.corpusDocuments(), b.corpusDocuments(), () -> "corpus documents of " + what);
    assertEquals(a.paragraphs(), b.paragraphs(), () -> "paragraphs of " + what);
    assertEquals(a.occurrences(), b.occurrences(), () -> "occurrences of " + what);
    assertEquals(a.byYear(), b.byYear(), () -> "by year of " + what);
    assertEquals(a.yearUnknown(), b.yearUnknown(), () -> "year unknown of " + what);
    assertEquals(a.byRegion(), b.byRegion(), () -> "by region of " + what);
    assertEquals(a.byRegionYear(), b.byRegionYear(), () -> "by region and year of " + what);
    assertEquals(a.filters(), b.filters(), () -> "filters of " + what);
    // every occurrence in context when they fit on the page (documents of one date may come in another order)
    if (a.occurrences() <= 100) assertEquals(new java.util.HashSet<>(a.items()), new java.util.HashSet<>(b.items()), () -> "items of " + what);
  }

  /** The same export rows, the cites column included (documents of one date in each engine's order). */
  static void sameExport(SearchRequest r) throws Exception {
    Set<String> a = new TreeSet<>();
    Set<String> b = new TreeSet<>();
    long na = lucene.export(r, 1000, row -> a.add(row.id() + "|" + row.paragraph() + "|" + row.reference() + "|" + row.cites()));
    long nb = cluster.export(r, 1000, row -> b.add(row.id() + "|" + row.paragraph() + "|" + row.reference() + "|" + row.cites()));
    assertEquals(na, nb, () -> "exported documents of " + r);
    assertEquals(a, b, () -> "export rows of " + r);
  }

  static Set<String> ids(SearchResult r) {
    Set<String> out = new TreeSet<>();
    r.hits().forEach(h -> out.add(h.document().id()));
    return out;
  }

  static java.util.Map<String, List<String>> missing(SearchResult r) {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    r.partial().hits().forEach(h -> out.put(h.hit().document().id(), h.missing()));
    return out;
  }

  static List<String> dates(SearchResult r) {
    return r.hits().stream().map(h -> h.document().date().value() == null ? "" : h.document().date().value()).toList();
  }

  static SearchBackend[] both() {
    return new SearchBackend[] {lucene, cluster};
  }
}
