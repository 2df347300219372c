package org.policysearch.index.analysis.smartcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.policysearch.index.analysis.smartcn.bench.SharedCorpus;

class FastSmartChineseTokenizerTest {
  private static final Analyzer OURS = new FastSmartChineseAnalyzer();

  /** What FINDINGS.md says smartcn does, pinned, so a reader sees the behaviour we reproduce. */
  @Test
  void segmentsAsSmartcnDoes() throws IOException {
    assertEquals(List.of("鄂州市"), terms(OURS, "鄂州市"));
    assertEquals(List.of("人民", "满意", "的", "教育"), terms(OURS, "人民满意的教育"));
    assertEquals(List.of("2023", "年"), terms(OURS, "2023年"));
    assertEquals(List.of("2023", "年"), terms(OURS, "２０２３年"));
    assertEquals(List.of("教", "联", "体"), terms(OURS, "教联体"));
    assertEquals(List.of("立", "德", "树", "人"), terms(OURS, "立德树人"));
    assertEquals(List.of("义务", "教育"), terms(OURS, "义务教育"));
    assertEquals(List.of("推动", "义务教育", "优质", "均衡", "发展"), terms(OURS, "推动义务教育优质均衡发展"));
    assertEquals(List.of("abc", "run"), terms(OURS, "ＡＢＣ running"));
  }

  /** Punctuation is dropped but leaves a position gap; a word over a space keeps the space's offsets. */
  @Test
  void positionsAndOffsets() throws IOException {
    try (TokenStream ts = OURS.tokenStream("f", "落实“双减”政策，教 育")) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      List<String> seen = new ArrayList<>();
      while (ts.incrementToken()) {
        seen.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + inc.getPositionIncrement());
      }
      ts.end();
      assertEquals(List.of("落实@0-2+1", "双@3-4+2", "减@4-5+1", "政策@6-8+2", "教育@9-12+2"), seen);
      assertEquals(12, offset.endOffset());
    }
  }

  /**
   * One analyzer for many inputs, some abandoned half-way (end and close without consuming all
   * tokens), gives what a fresh analyzer gives for each.
   */
  @Test
  void reuseAcrossInputs() throws IOException {
    List<String> inputs = new ArrayList<>(SharedCorpus.readSeeds(SharedCorpus.SEED_DIR));
    inputs.addAll(List.of("", "教育", "a", "。", "😀", "教 育部", "\uD800", "1024" + "字".repeat(2000)));
    Analyzer reused = new FastSmartChineseAnalyzer();
    for (int round = 0; round < 3; round++) {
      for (String input : inputs) {
        assertEquals(tokens(new FastSmartChineseAnalyzer(), input), tokens(reused, input));
        try (TokenStream ts = reused.tokenStream("f", input)) { // abandoned after 3 tokens
          ts.reset();
          for (int i = 0; i < 3 && ts.incrementToken(); i++) {}
          ts.end();
        }
      }
    }
  }

  /** Several threads sharing one analyzer (and the dictionaries) agree with stock, run alone. */
  @Test
  void concurrentUseGivesTheSameTokens() throws Exception {
    List<String> inputs = SharedCorpus.readSeeds(SharedCorpus.SEED_DIR);
    Analyzer stock = new SmartChineseAnalyzer();
    List<List<String>> expected = new ArrayList<>();
    for (String input : inputs) expected.add(tokens(stock, input));
    Analyzer shared = new FastSmartChineseAnalyzer();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<String>>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int shift = t;
        results.add(
            pool.submit(
                () -> {
                  List<List<String>> got = new ArrayList<>(inputs.size());
                  for (int i = 0; i < inputs.size(); i++) got.add(null);
                  for (int r = 0; r < 5; r++) {
                    for (int k = 0; k < inputs.size(); k++) {
                      int i = (k + shift + r) % inputs.size();
                      got.set(i, tokens(shared, inputs.get(i)));
                    }
                  }
                  return got;
                }));
      }
      for (Future<List<List<String>>> f : results) assertEquals(expected, f.get());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * After warm-up, tokenizing allocates nothing per token: the bytes allocated over a second pass
   * of the seeds stay far below one per token (what remains is per 1,024-char buffer, in the JDK's
   * sentence iterator).
   */
  @Test
  void noAllocationPerTokenInSteadyState() throws IOException {
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<String> inputs = SharedCorpus.readSeeds(SharedCorpus.SEED_DIR);
    Tokenizer tokenizer = new FastSmartChineseTokenizer();
    List<StringReader> readers = new ArrayList<>();
    for (int r = 0; r < 4; r++) for (String input : inputs) readers.add(new StringReader(input));
    long tokens = 0;
    long before = 0;
    for (int i = 0; i < readers.size(); i++) {
      if (i == readers.size() / 2) {
        before = mx.getCurrentThreadAllocatedBytes();
        tokens = 0;
      }
      tokenizer.setReader(readers.get(i));
      tokenizer.reset();
      while (tokenizer.incrementToken()) tokens++;
      tokenizer.end();
      tokenizer.close();
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertTrue(tokens > 20_000, "tokens: " + tokens);
    assertTrue(allocated < tokens / 10, allocated + " bytes allocated for " + tokens + " tokens");
  }

  static List<String> terms(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }

  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + " " + offset.startOffset() + " " + offset.endOffset() + " " + inc.getPositionIncrement());
      }
      ts.end();
      out.add("end " + offset.endOffset() + " " + inc.getPositionIncrement());
    }
    return out;
  }
}
