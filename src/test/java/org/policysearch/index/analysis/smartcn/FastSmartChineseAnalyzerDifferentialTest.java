package org.policysearch.index.analysis.smartcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.Tokenizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.index.analysis.smartcn.bench.PunctuationVariants;
import org.policysearch.index.analysis.smartcn.bench.SharedCorpus;
import org.policysearch.index.analysis.smartcn.bench.SmartcnDifferential;
import org.policysearch.index.analysis.smartcn.bench.TokenStreamDiff;
import org.policysearch.index.analysis.smartcn.bench.hashfix.HashFixedSmartChineseAnalyzer;

/**
 * The contract of {@link FastSmartChineseAnalyzer}: stock {@link SmartChineseAnalyzer} and ours give
 * the same tokens (term, offsets, position increment and length, type) and the same final offset on
 * the seeds, a sample of the shared corpus, and generated adversarial text. A failure prints the
 * first difference and the input around it, escaped. The whole corpus runs in {@link
 * SmartcnDifferential}.
 */
class FastSmartChineseAnalyzerDifferentialTest {
  private static final Analyzer STOCK = new SmartChineseAnalyzer();
  private static final Analyzer OURS = new FastSmartChineseAnalyzer();
  /** Without the stop set, punctuation tokens are compared too. */
  private static final Analyzer STOCK_ALL = new SmartChineseAnalyzer(false);

  private static final Analyzer OURS_ALL = new FastSmartChineseAnalyzer(false);

  private static List<String> seeds;

  @BeforeAll
  static void readSeeds() throws IOException {
    seeds = SharedCorpus.readSeeds(SharedCorpus.SEED_DIR);
    assertEquals(5, seeds.size());
  }

  @Test
  void seedsGiveIdenticalTokens() throws IOException {
    for (String seed : seeds) {
      for (String text :
          List.of(
              seed,
              PunctuationVariants.asciiPunctuation(seed),
              PunctuationVariants.fullWidthPunctuation(seed))) {
        assertIdentical(STOCK, OURS, text);
        assertIdentical(STOCK_ALL, OURS_ALL, text);
        for (String line : text.split("\n")) assertIdentical(STOCK_ALL, OURS_ALL, line);
      }
    }
  }

  @Test
  void sharedCorpusSampleGivesIdenticalTokens() {
    Assumptions.assumeTrue(
        Files.isDirectory(SharedCorpus.DEFAULT_DIR), "no shared corpus at " + SharedCorpus.DEFAULT_DIR);
    List<String> sample;
    try {
      sample = SharedCorpus.read(SharedCorpus.DEFAULT_DIR, 20, 1_000_000);
    } catch (IOException e) {
      throw new AssertionError("cannot read the shared corpus", e);
    }
    assertTrue(sample.size() > 50, "documents in the sample: " + sample.size());
    SmartcnDifferential.Report report =
        SmartcnDifferential.run(sample, Runtime.getRuntime().availableProcessors());
    assertNull(report.firstDifference(), report::toString);
  }

  @Test
  void adversarialTextGivesIdenticalTokens() throws IOException {
    List<String> real = new ArrayList<>(seeds);
    AdversarialText gen = new AdversarialText(20261125L, real);
    Random random = new Random(42);
    for (int n = 0; n < 30_000; n++) {
      int length = n < 25_000 ? random.nextInt(40) : 40 + random.nextInt(400);
      String text = gen.next(length);
      assertIdentical(STOCK_ALL, OURS_ALL, text);
      if (n % 4 == 0) assertIdentical(STOCK, OURS, text);
    }
  }

  @Test
  void everySingleCharAndTheEmptyInputGiveIdenticalTokens() throws IOException {
    assertIdentical(STOCK_ALL, OURS_ALL, "");
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      assertIdentical(STOCK_ALL, OURS_ALL, String.valueOf((char) c));
    }
    for (int cp : new int[] {0x10000, 0x1F600, 0x20000, 0x2A6A5, 0x10FFFF}) {
      assertIdentical(STOCK_ALL, OURS_ALL, Character.toString(cp));
    }
    // Pairs of chars from every class, in every order.
    String classes = "中a１Ａ1 　\t\r\n,，。.\uD800\uDC00😀é\u0000\u0085\u2028\uFF61\u9FA6";
    for (int i = 0; i < classes.length(); i++) {
      for (int j = 0; j < classes.length(); j++) {
        assertIdentical(STOCK_ALL, OURS_ALL, "" + classes.charAt(i) + classes.charAt(j));
        assertIdentical(STOCK_ALL, OURS_ALL, "教" + classes.charAt(i) + "育" + classes.charAt(j) + "部");
      }
    }
  }

  /**
   * Inputs longer than the tokenizer's 1,024-char buffer: with no line break the buffer is cut at
   * 1,024 chars (inside a word or a surrogate pair); with breaks it is cut after the last one.
   */
  @Test
  void longInputsGiveIdenticalTokens() throws IOException {
    String doc = String.join("", seeds);
    String chineseOnly = doc.replaceAll("[\\s\\p{Punct}，。；：、！？“”（）《》]", "");
    assertIdentical(STOCK_ALL, OURS_ALL, doc);
    assertIdentical(STOCK_ALL, OURS_ALL, repeatTo(chineseOnly, 120_000));
    assertIdentical(STOCK, OURS, repeatTo(doc.replace("\n", ""), 100_000));
    assertIdentical(STOCK_ALL, OURS_ALL, "a".repeat(5000));
    assertIdentical(STOCK_ALL, OURS_ALL, "1".repeat(3000) + "年");
    assertIdentical(STOCK_ALL, OURS_ALL, " ".repeat(2100) + "教育");
    for (int at = 1018; at <= 1026; at++) {
      String pad = chineseOnly.substring(0, at);
      assertIdentical(STOCK_ALL, OURS_ALL, pad + "义务教育" + chineseOnly.substring(0, 1500));
      assertIdentical(STOCK_ALL, OURS_ALL, pad + "😀" + chineseOnly.substring(0, 1500));
      assertIdentical(STOCK_ALL, OURS_ALL, pad + "\n\r\u0085" + chineseOnly.substring(0, 1500));
      assertIdentical(STOCK_ALL, OURS_ALL, pad + "教 育" + chineseOnly.substring(0, 1500));
    }
    AdversarialText gen = new AdversarialText(7, seeds);
    for (int n = 0; n < 6; n++) assertIdentical(STOCK_ALL, OURS_ALL, gen.next(3000 + 2000 * n));
  }

  /**
   * Paths of exactly equal weight: in "恤金橘", 恤|金橘 and 恤金|橘 cost the same to the last bit (恤 and
   * 恤金, 橘 and 金橘 have equal frequencies and no stored pairs), and stock keeps the first edge it
   * relaxed. Found by searching the dictionary; the corpus sample has no tie that reaches the output.
   */
  @Test
  void tiesBreakAsInStock() throws IOException {
    for (String tie : new String[] {"恤金橘", "耪地幔", "聒耳廓", "恙虫瘿", "恭维纶", "恤金坛"}) {
      assertIdentical(STOCK_ALL, OURS_ALL, tie);
      assertIdentical(STOCK_ALL, OURS_ALL, "他说" + tie + "，" + tie + "。");
    }
    assertEquals(List.of("恤", "金橘"), FastSmartChineseTokenizerTest.terms(OURS, "恤金橘"));
  }

  /**
   * Stop sets other than smartcn's, which our tokenizer applies itself: one with multi-char words,
   * stemmed English forms (the stock chain stems before it filters) and no comma; one that ignores
   * case; one with the comma and single Chinese characters. Stop words at the end leave their gap in
   * the final position increment.
   */
  @Test
  void otherStopSetsGiveIdenticalTokens() throws IOException {
    List<CharArraySet> sets =
        List.of(
            new CharArraySet(List.of("的", "教育", "中华人民共和国", "run", "happi", "abc", "2023"), false),
            new CharArraySet(List.of("RUN", "Ｔｅｓｔ", "ǅ", "İ", "和"), true),
            new CharArraySet(List.of(",", "是", "了", "s", "1"), false));
    String english =
        "Running runs RUN happiness happy hopping 教育的running, test TEST Ｔｅｓｔ abc ABC "
            + "relational conditional 2023年 ǆ ǅ İi 的的的，是了。";
    AdversarialText gen = new AdversarialText(13, seeds);
    for (CharArraySet set : sets) {
      Analyzer stock = new SmartChineseAnalyzer(set);
      Analyzer ours = new FastSmartChineseAnalyzer(set);
      assertIdentical(stock, ours, english);
      assertIdentical(stock, ours, english + "教育");
      assertIdentical(stock, ours, "的");
      assertIdentical(stock, ours, "");
      for (String seed : seeds) assertIdentical(stock, ours, seed);
      for (int n = 0; n < 3000; n++) assertIdentical(stock, ours, gen.next(1 + n % 120));
    }
  }

  /** The hash-fixed copy of stock used by the benchmark gives stock's tokens too. */
  @Test
  void hashFixedStockGivesIdenticalTokens() throws IOException {
    Analyzer fixed = new HashFixedSmartChineseAnalyzer(false);
    for (String seed : seeds) {
      assertIdentical(STOCK_ALL, fixed, PunctuationVariants.asciiPunctuation(seed));
    }
    assertIdentical(STOCK_ALL, fixed, "对,十,余,".repeat(20));
    AdversarialText gen = new AdversarialText(3, seeds);
    for (int n = 0; n < 2000; n++) assertIdentical(STOCK_ALL, fixed, gen.next(60));
  }

  /** A char filter in front (as in the project's chain) shifts offsets through correctOffset. */
  @Test
  void charFilterChainGivesIdenticalTokens() throws IOException {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    for (String quote : new String[] {"“", "”", "《", "》", "\""}) map.add(quote, "");
    map.add("（", "(");
    map.add("ＡＢ", "ab");
    NormalizeCharMap normalize = map.build();
    Analyzer stock = chain(normalize, false);
    Analyzer ours = chain(normalize, true);
    for (String seed : seeds) assertIdentical(stock, ours, seed);
    AdversarialText gen = new AdversarialText(9, seeds);
    for (int n = 0; n < 3000; n++) assertIdentical(stock, ours, gen.next(80));
  }

  /** Readers that return a few chars per call change nothing (the tokenizer fills its buffer). */
  @Test
  void chunkedReadersGiveIdenticalTokens() throws IOException {
    for (String seed : seeds) {
      String d =
          TokenStreamDiff.diff(
              r -> tokenizer(new HMMChineseTokenizer(), new Trickle(r)),
              r -> tokenizer(new FastSmartChineseTokenizer(), new Trickle(r)),
              seed);
      assertNull(d, d);
    }
  }

  private static String repeatTo(String s, int length) {
    return s.repeat(length / s.length() + 1).substring(0, length);
  }

  private static TokenStream tokenizer(Tokenizer t, Reader r) {
    t.setReader(r);
    return t;
  }

  private static Analyzer chain(NormalizeCharMap map, boolean fast) {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(map, reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = fast ? new FastSmartChineseTokenizer() : new HMMChineseTokenizer();
        TokenStream s = new org.apache.lucene.analysis.en.PorterStemFilter(t);
        s = new org.apache.lucene.analysis.StopFilter(s, CharArraySet.copy(SmartChineseAnalyzer.getDefaultStopSet()));
        return new TokenStreamComponents(t, s);
      }
    };
  }

  static void assertIdentical(Analyzer stock, Analyzer ours, String text) throws IOException {
    String d = TokenStreamDiff.diff(stock, ours, text);
    if (d != null) throw new AssertionError("stock and fast smartcn differ at " + d);
  }

  /** Hands out between 1 and 7 chars per read. */
  private static final class Trickle extends Reader {
    private final Reader in;
    private final Random random = new Random(1);

    Trickle(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      return in.read(buf, off, Math.min(len, 1 + random.nextInt(7)));
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
