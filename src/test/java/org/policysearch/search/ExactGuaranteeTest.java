package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.text.CharClass;
import org.policysearch.text.TextNormalizer;

/**
 * The exact guarantee: for any string s, the quoted query "s" returns exactly the documents and
 * paragraphs whose normalised text contains s (a run of letters or digits matched whole), checked
 * against a brute-force scan over random substrings of the corpus and strings that occur nowhere.
 * Asked of the embedded backend here, of the OpenSearch backend in {@code ExactGuaranteeOnOpenSearchTest}.
 */
class ExactGuaranteeTest {
  @TempDir static Path dir;
  /** The backend under test: the embedded index here, the cluster in {@code ExactGuaranteeOnOpenSearchTest}. */
  static SearchBackend engine;
  static List<PolicyDocument> docs;

  @BeforeAll
  static void build() throws Exception {
    docs = new ArrayList<>(); // static, and shared with the subclass: made anew for each class
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        docs.add(TestIndex.fromLines(f, f.getFileName().toString(), "2023-01-01", "湖北省/鄂州市"));
      }
    }
    // Text that exercises the normalisation: widths, traditional characters, quotation marks, spaces, runs.
    docs.add(TestIndex.doc("mixed", "混合", "2022", "全国", "通知", List.of(),
        "落实“双减”政策，召开教育會議。ＡＢＣ－１２３与abc-123，COVID-19 疫情",
        "machine learning 与 machinelearning，2023年 2月 12日在鄂州市召开，第 2023 号",
        "《中华人民共和国教育法》第一条　为了发展教育事业，（一）×××同志，____，…………",
        "A.B.C. a b c 1,000,000 3.14 x86_64 ８０２．１１"));
    engine = TestIndex.backend(dir.resolve("index"), docs);
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  /** Brute force: (doc id, paragraph number) of every paragraph whose normalised text contains s. */
  static Set<String> oracle(String s) {
    String q = TextNormalizer.normalizeToString(s);
    Set<String> out = new TreeSet<>();
    for (PolicyDocument d : docs) {
      for (Paragraph p : d.paragraphs()) {
        String n = TextNormalizer.normalizeToString(p.text());
        for (int i = n.indexOf(q); i >= 0; i = n.indexOf(q, i + 1)) {
          int e = i + q.length();
          boolean cutsRunLeft = i > 0 && CharClass.isAlnum(n.codePointBefore(i)) && CharClass.isAlnum(n.codePointAt(i));
          boolean cutsRunRight = e < n.length() && CharClass.isAlnum(n.codePointBefore(e)) && CharClass.isAlnum(n.codePointAt(e));
          if (!cutsRunLeft && !cutsRunRight) {
            out.add(d.id() + "#" + p.number());
            break;
          }
        }
      }
    }
    return out;
  }

  static Set<String> docsOf(Set<String> paragraphs) {
    Set<String> out = new TreeSet<>();
    paragraphs.forEach(p -> out.add(p.substring(0, p.lastIndexOf('#'))));
    return out;
  }

  /** What the engine says: paragraphs from the phrase statistics, documents from a quoted search. */
  static void check(String s) throws Exception {
    String clean = s.replaceAll("[\"“”]", "");
    if (TextNormalizer.normalizeToString(clean).isEmpty()) return;
    Set<String> expected = oracle(clean);
    PhraseResult pr = engine.phrase(new PhraseRequest(clean, Filters.NONE, 1, 100, 5));
    Set<String> gotParagraphs = new TreeSet<>();
    for (int page = 1; ; page++) {
      PhraseResult r = page == 1 ? pr : engine.phrase(new PhraseRequest(clean, Filters.NONE, page, 100, 5));
      r.items().forEach(o -> gotParagraphs.add(o.id() + "#" + o.paragraph()));
      if (r.items().size() < 100) break;
    }
    assertEquals(expected, gotParagraphs, () -> "paragraphs for \"" + clean + "\"");
    assertEquals(expected.size(), pr.paragraphs(), () -> "paragraph count for \"" + clean + "\"");
    // occurrences are counted from the index's positions when the phrase cannot overlap itself: the
    // same number as in the stored text
    long inText = 0;
    String q = TextNormalizer.normalizeToString(clean);
    for (PolicyDocument d : docs) for (Paragraph p : d.paragraphs()) inText += PhraseService.occurrences(p.text(), q).size();
    long expectedOccurrences = inText;
    assertEquals(expectedOccurrences, pr.occurrences(), () -> "occurrences of \"" + clean + "\"");
    SearchResult sr = engine.search(new SearchRequest("\"" + clean + "\"", Filters.NONE, SortOrder.RELEVANCE, 1, 100, 0));
    Set<String> gotDocs = new TreeSet<>();
    sr.hits().forEach(h -> gotDocs.add(h.document().id()));
    assertEquals(docsOf(expected), gotDocs, () -> "documents for \"" + clean + "\"");
    assertEquals(docsOf(expected).size(), sr.total(), () -> "total for \"" + clean + "\"");
  }

  /**
   * The oracle scans the documents as made; the backend must hold those very paragraphs, the mixed document's
   * widths, traditional characters, spaces and runs included, or the comparison would prove less than it says.
   */
  @Test
  void theBackendHoldsTheParagraphsAsMade() throws Exception {
    assertEquals(docs.size(), engine.documentCount());
    for (PolicyDocument d : docs) {
      PolicyDocument held = engine.document(d.id(), null).document();
      assertEquals(d.paragraphs().stream().map(Paragraph::text).toList(), held.paragraphs().stream().map(Paragraph::text).toList(),
          () -> "the paragraph texts of " + d.id());
      assertEquals(d.paragraphs(), held.paragraphs(), () -> "the paragraphs of " + d.id());
    }
  }

  @Test
  void randomSubstringsOfTheCorpus() throws Exception {
    Random r = new Random(20231125);
    int checked = 0;
    for (int t = 0; t < 1500; t++) {
      PolicyDocument d = docs.get(r.nextInt(docs.size()));
      Paragraph p = d.paragraphs().get(r.nextInt(d.paragraphs().size()));
      // half from the text as written, half from the normalised text
      String text = r.nextBoolean() ? p.text() : TextNormalizer.normalizeToString(p.text());
      if (text.isEmpty()) continue;
      int len = 1 + r.nextInt(12);
      int start = r.nextInt(text.length());
      String s = text.substring(start, Math.min(text.length(), start + len));
      if (Character.isLowSurrogate(s.charAt(0)) || Character.isHighSurrogate(s.charAt(s.length() - 1))) continue;
      check(s);
      checked++;
    }
    assertFalse(checked < 1000, "too few samples: " + checked);
  }

  @Test
  void stringsThatOccurNowhere() throws Exception {
    Random r = new Random(7);
    String alphabet = "教育发展会议双减鄂州市改革，。、：；1234abcXYZ-.“”《》 ";
    for (int t = 0; t < 500; t++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + r.nextInt(8); i > 0; i--) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      check(sb.toString());
    }
    check("教联体改革不存在的说法");
    check("zzzz");
  }

  @Test
  void normalisationCasesFromTheIssue() throws Exception {
    assertEquals(Set.of("mixed#1"), oracle("落实双减政策"));
    check("落实双减政策");
    check("教育会议");
    check("教育會議");
    check("2023年");
    check("023");
    check("ABC-123");
    check("abc-123");
    check("machine learning");
    check("2023年2月12日");
    check("COVID-19疫情");
    check("，");
    check("×××");
    check("____");
  }
}
