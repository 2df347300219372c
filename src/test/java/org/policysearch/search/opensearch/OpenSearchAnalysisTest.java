package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.index.analysis.Analyzers;

/**
 * The cluster analyses exactly as the embedded index does: every chain (smartcn words, exact pairs, exact
 * units) through the cluster's {@code _analyze} against the embedded {@link Analyzers}, on the seeds, a
 * sample of the shared corpus and adversarial strings; the terms and their positions must be identical. The
 * cluster's own infix chain (every substring of every word, for "a word holding this text") must hold exactly
 * the substrings of the embedded words.
 */
class OpenSearchAnalysisTest {
  private static final String INDEX = "analysis-check";
  private static Cluster cluster;
  private static final Analyzers EMBEDDED = new Analyzers();

  @BeforeAll
  static void createIndex() throws IOException {
    cluster = TestCluster.client();
    cluster.json("DELETE", "/" + INDEX, null);
    JsonObject settings = new JsonObject();
    settings.addProperty("number_of_shards", 1);
    settings.addProperty("number_of_replicas", 0);
    settings.addProperty("max_ngram_diff", IndexDesign.INFIX_MAX - 1);
    settings.addProperty("analyze.max_token_count", 1_000_000); // the long texts' infix chain
    settings.add("analysis", IndexDesign.analysis());
    JsonObject body = new JsonObject();
    body.add("settings", settings);
    Cluster.ok(cluster.json("PUT", "/" + INDEX, body), "create the analysis index");
  }

  @AfterAll
  static void close() throws IOException {
    cluster.close();
  }

  static final List<String> ADVERSARIAL = List.of(
      "落实“双减”政策，推进教育會議。", "ＡＢＣ１２３ａｂｃ　全角　空格", "COVID-19疫情防控 2023年 第3季度", "《中华人民共和国教育法》第十二条",
      "abc  def\tghi\u3000jkl", "，，，。。。；；；！！！？？？……——", "臺灣 香港 澳門 國務院辦公廳關於", "H5N1禽流感、iPhone15和5G基站",
      "\u00a0不间断\u00a0空格\u200b零宽", "1.2.3 一、二、三（一）（二）①②③", "ｅｍａｉｌ：ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｃｏｍ", "reports reporting reported 报告",
      "“”‘’「」『』【】〔〕", "a", "", "   ", "𠀀𠀁 扩展B区汉字 𪚥", "2023-02-12 至 2024/1/1", "x=1+2*3; y<4>5 & z", "العربية русский 日本語のテキスト");

  @Test
  void adversarialStringsAnalyseIdentically() throws IOException {
    for (String s : ADVERSARIAL) compareAll(s);
  }

  @Test
  void longTextsAnalyseIdentically() throws IOException {
    // paragraphs longer than any reader buffer: tokens that straddle a buffer boundary must come out whole
    StringBuilder b = new StringBuilder();
    String[] parts = {"落实“双减”政策，推进义务教育优质均衡发展。", "ＡＢＣ１２３，COVID-19疫情防控2023年第3季度；", "臺灣香港澳門國務院辦公廳關於",
        "《中华人民共和国教育法》第十二条　", "abc  def\tghi 1,000,000 3.14 x86_64 ８０２．１１"};
    for (int i = 0; b.length() < 40_000; i++) {
      b.append(parts[i % parts.length]);
      if (i % 7 == 0) b.append('x'); // shift the phase against any buffer size
    }
    for (int len : new int[] {1023, 1024, 1025, 2047, 2049, 4095, 4097, 8191, 8193, 16_385, 40_000}) compareAll(b.substring(0, len));
  }

  @Test
  void theSeedsAnalyseIdentically() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path f : files.sorted().toList()) {
        for (String para : Files.readString(f, StandardCharsets.UTF_8).split("\n")) {
          if (!para.isBlank()) compareAll(para);
        }
      }
    }
  }

  @Test
  void aSampleOfTheSharedCorpusAnalysesIdentically() throws IOException {
    Path dir = Path.of("../shared/data/corpus");
    assumeTrue(Files.isDirectory(dir), "the shared corpus is not beside the project: " + dir.toAbsolutePath());
    List<String> sample = new ArrayList<>();
    Random random = new Random(14);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          String line;
          while ((line = r.readLine()) != null) {
            if (random.nextInt(200) != 0) continue;
            JsonElement text = JsonParser.parseString(line).getAsJsonObject().get("text");
            if (text == null || text.isJsonNull()) continue;
            String[] paras = text.getAsString().split("\n");
            // three paragraphs of each sampled document: the longest (dense text) and two at random
            String longest = "";
            for (String p : paras) if (p.length() > longest.length()) longest = p;
            sample.add(longest.length() > 4000 ? longest.substring(0, 4000) : longest);
            for (int i = 0; i < 2; i++) sample.add(paras[random.nextInt(paras.length)]);
          }
        }
      }
    }
    assertTrue(sample.size() > 30, "a sample of the shared corpus: " + sample.size() + " paragraphs");
    for (String s : sample) compareAll(s);
  }

  private static void compareAll(String text) throws IOException {
    compare(text, IndexDesign.WORDS, EMBEDDED.words());
    compare(text, IndexDesign.PAIRS, EMBEDDED.exactPairs());
    compare(text, IndexDesign.UNITS, EMBEDDED.exactUnits());
    List<String> infix = infixOf(embedded(text, EMBEDDED.words()));
    List<String> got = new ArrayList<>(cluster(text, IndexDesign.INFIX));
    Collections.sort(got);
    assertEquals(infix, got, () -> IndexDesign.INFIX + " on: " + text);
  }

  /**
   * What the infix sub-field must hold, from the embedded words: every substring of every word of 1 to
   * INFIX_MAX characters (code points), at the word's position; sorted, since only the set is queried.
   */
  private static List<String> infixOf(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      int at = w.lastIndexOf('@');
      int[] cps = w.substring(0, at).codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        for (int len = 1; len <= IndexDesign.INFIX_MAX && i + len <= cps.length; len++) {
          out.add(new String(cps, i, len) + w.substring(at));
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  private static void compare(String text, String clusterAnalyzer, Analyzer embedded) throws IOException {
    assertEquals(embedded(text, embedded), cluster(text, clusterAnalyzer), () -> clusterAnalyzer + " on: " + text);
  }

  /** "term@position" of each token. */
  static List<String> embedded(String text, Analyzer a) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(term + "@" + pos);
      }
      ts.end();
    }
    return out;
  }

  private static List<String> cluster(String text, String analyzer) throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty("analyzer", analyzer);
    body.addProperty("text", text);
    JsonObject r = Cluster.ok(cluster.json("POST", "/" + INDEX + "/_analyze", body), "analyse");
    List<String> out = new ArrayList<>();
    for (JsonElement t : r.getAsJsonArray("tokens")) {
      JsonObject o = t.getAsJsonObject();
      out.add(o.get("token").getAsString() + "@" + o.get("position").getAsInt());
    }
    return out;
  }
}
