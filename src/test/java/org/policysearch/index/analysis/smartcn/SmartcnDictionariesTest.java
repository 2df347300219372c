package org.policysearch.index.analysis.smartcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.hhmm.StockDictionaries;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of dictionary lookup the segmenter makes, compared with the stock one: the hashes, the
 * row of each character, each word's frequency, the prefix search chain, and bigram frequencies.
 */
class SmartcnDictionariesTest {
  private static final SmartcnDictionaries DICT = SmartcnDictionaries.get();
  private static short[] wordIndexTable;
  private static char[] charIndexTable;
  private static char[][][] rows;

  @BeforeAll
  static void readRawArrays() throws IOException {
    Object[] core = SmartcnDictionaries.readArrays("coredict.mem", 4);
    wordIndexTable = (short[]) core[0];
    charIndexTable = (char[]) core[1];
    rows = (char[][][]) core[2];
  }

  @Test
  void hashesAreTheStockOnes() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      assertEquals(StockDictionaries.hash1(ch), SmartcnHashes.fnvOneChar(ch));
      assertEquals(StockDictionaries.hash2(ch), SmartcnHashes.djbOneChar(ch));
    }
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      char[] chars = new char[1 + random.nextInt(12)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = random.nextBoolean() ? (char) random.nextInt(0x10000) : (char) random.nextInt(128);
      }
      assertEquals(StockDictionaries.hash1(chars), SmartcnHashes.fnv(chars));
      assertEquals(StockDictionaries.hash2(chars), SmartcnHashes.djb(chars));
      int h = SmartcnHashes.djb(chars);
      assertTrue(h >= 0 && h <= 288, "the second hash stays in 0..288: " + h);
    }
  }

  @Test
  void everyChineseCharacterHasItsStockFrequencyAndRow() {
    int withRow = 0;
    for (char c = CharTypes.HANZI_FIRST; c <= CharTypes.HANZI_LAST; c++) {
      char[] one = {c};
      assertEquals(StockDictionaries.wordFrequency(one), DICT.words.singleFrequency(c), "" + c);
      boolean stockHasPrefix = StockDictionaries.prefixMatch(one, 0) != -1;
      assertEquals(stockHasPrefix, DICT.words.root(c) >= 0, "" + c);
      if (stockHasPrefix) withRow++;
    }
    // 6,704 rows in smartcn 10.5.0; the other 46 belong to punctuation and symbols.
    assertEquals(6658, withRow, "Chinese characters with a dictionary row");
  }

  @Test
  void pseudoWordFrequenciesAreTheStockOnes() {
    assertEquals(StockDictionaries.wordFrequency("未##串".toCharArray()), DICT.stringFrequency);
    assertEquals(StockDictionaries.wordFrequency("未##数".toCharArray()), DICT.numberFrequency);
    assertEquals(StockDictionaries.wordFrequency("始##始".toCharArray()), DICT.startFrequency);
    assertEquals(StockDictionaries.wordFrequency("末##末".toCharArray()), DICT.endFrequency);
  }

  /**
   * For every dictionary word, and for random strings of common characters, walks the prefix chain
   * as {@code HHMMSegmenter} does (getPrefixMatch from the last found index, isEqual, getFrequency)
   * and compares each step with the trie.
   */
  @Test
  void everyPrefixChainMatchesStock() {
    List<char[]> words = new ArrayList<>();
    for (char c = CharTypes.HANZI_FIRST; c <= CharTypes.HANZI_LAST; c++) {
      int row = WordTrie.rowOf(c, wordIndexTable, charIndexTable);
      if (row < 0) continue;
      for (char[] suffix : rows[row]) {
        if (suffix == null || suffix.length == 0) continue;
        char[] word = new char[suffix.length + 1];
        word[0] = c;
        System.arraycopy(suffix, 0, word, 1, suffix.length);
        words.add(word);
      }
    }
    assertTrue(words.size() > 70_000, "dictionary words: " + words.size());
    Random random = new Random(11);
    for (int n = 0; n < 50_000; n++) {
      char[] w = new char[2 + random.nextInt(4)];
      for (int i = 0; i < w.length; i++) {
        char[] source = words.get(random.nextInt(words.size()));
        w[i] = source[random.nextInt(source.length)];
      }
      words.add(w);
    }
    int largeFrequencies = 0; // two-char words whose frequency the pair table leaves in the node
    for (char[] word : words) {
      if (CharTypes.of(word[0]) != CharTypes.HANZI) continue;
      char[] prefix = {word[0]};
      int found = StockDictionaries.prefixMatch(prefix, 0);
      int node = DICT.words.root(word[0]);
      assertEquals(found != -1, node >= 0);
      for (int len = 2; len <= word.length && found != -1; len++) {
        prefix = java.util.Arrays.copyOf(word, len);
        found = StockDictionaries.prefixMatch(prefix, found);
        int expectedSecond = DICT.words.child(node, word[len - 1]);
        if (len == 2) {
          node = DICT.words.second(word[0], word[1]);
          long probe = DICT.words.firstPairProbe(word[0], word[1]);
          long pair = DICT.words.pair(word[0], word[1]);
          assertEquals(pair, DICT.words.pair(word[0], word[1], probe), new String(prefix));
          if (pair != 0) {
            assertEquals(node, WordTrie.pairNode(pair));
            assertEquals(DICT.words.wordFrequency(node), DICT.words.pairFrequency(pair), new String(prefix));
            assertEquals(DICT.words.hasChildren(node), WordTrie.pairHasChildren(pair), new String(prefix));
            if (DICT.words.pairFrequency(pair) >= 16_382) largeFrequencies++;
          }
        } else {
          node = expectedSecond;
        }
        assertEquals(expectedSecond, node, "second() and child() disagree on " + new String(prefix));
        assertEquals(found != -1, node >= 0, "prefix " + new String(prefix));
        if (found == -1) break;
        boolean isWord = StockDictionaries.isEqual(prefix, found);
        int frequency = DICT.words.wordFrequency(node);
        assertEquals(isWord, frequency >= 0, "word " + new String(prefix));
        if (isWord) {
          assertEquals(StockDictionaries.wordFrequency(prefix), frequency, new String(prefix));
        }
      }
    }
    assertTrue(largeFrequencies > 0, "no two-char word with a frequency the pair table cannot hold");
  }

  /**
   * The hashing bug (docs/smartcn-hash-bug.md): for a key ending in an ASCII char the second hash,
   * which is the probe step, can be 0. Stock then reads the same slot 402,137 times and reports a
   * miss; we report the miss after one read. For every key "X@," (a Chinese character followed by an
   * ASCII comma token) whose step is 0, stock's answer and ours agree, and most of them do spin.
   */
  @Test
  void stepZeroLookupsGiveUpWithTheStockAnswer() {
    int stepZero = 0;
    int spinning = 0;
    for (char c = CharTypes.HANZI_FIRST; c <= CharTypes.HANZI_LAST; c++) {
      char[] key = {c, '@', ','};
      int h2 = SmartcnHashes.djb(key);
      if (h2 != 0) continue;
      stepZero++;
      long h1 = SmartcnHashes.fnv(key);
      int probes = DICT.bigrams.probesAsStock(h1, h2);
      assertTrue(probes == 1 || probes == BigramTable.SIZE, "probes: " + probes);
      if (probes == BigramTable.SIZE) {
        spinning++;
        if (spinning <= 50) { // each costs stock about a millisecond
          assertEquals(0, StockDictionaries.bigramFrequency(key), new String(key));
        }
      }
      assertEquals(DICT.bigrams.frequencyAsStock(h1, h2), DICT.bigrams.frequency(h1, h2));
    }
    assertEquals(650, stepZero, "Chinese characters X for which X@, has step 0");
    assertTrue(spinning > 400, "of which spin in stock: " + spinning);
    // The reproducer of the write-up: 对 (very frequent) followed by an ASCII comma.
    char[] key = "对@,".toCharArray();
    assertEquals(0, SmartcnHashes.djb(key));
    assertEquals(BigramTable.SIZE, DICT.bigrams.probesAsStock(SmartcnHashes.fnv(key), 0));
    // Full-width punctuation can never give step 0: the last char is U+0100 or above.
    for (char last : "，。；：！？（）、".toCharArray()) {
      for (char c = CharTypes.HANZI_FIRST; c <= CharTypes.HANZI_LAST; c++) {
        assertTrue(SmartcnHashes.djb(new char[] {c, '@', last}) > 0);
      }
    }
  }

  /**
   * Bigram keys from real text (adjacent tokens of the seed documents, which are often stored
   * pairs) and random ones, through the stock dictionary, our replica of its probe loop, our
   * shortcut lookup and our batched lookup.
   */
  @Test
  void bigramFrequenciesMatchStock() throws IOException {
    List<String> keys = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (Path p : Files.newDirectoryStream(Path.of("src/test/resources/seeds"), "*.txt")) {
      Tokenizer tokenizer = new HMMChineseTokenizer();
      tokenizer.setReader(new StringReader(Files.readString(p)));
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      tokenizer.reset();
      while (tokenizer.incrementToken()) tokens.add(term.toString());
      tokenizer.end();
      tokenizer.close();
    }
    for (int i = 1; i < tokens.size(); i++) keys.add(tokens.get(i - 1) + "@" + tokens.get(i));
    Random random = new Random(5);
    String[] pseudo = {"未##串", "未##数", "始##始", "末##末", ",", "，", "。", "、", "("};
    for (int n = 0; n < 20_000; n++) {
      String a = random.nextInt(4) == 0 ? pseudo[random.nextInt(pseudo.length)] : tokens.get(random.nextInt(tokens.size()));
      String b = random.nextInt(4) == 0 ? pseudo[random.nextInt(pseudo.length)] : tokens.get(random.nextInt(tokens.size()));
      keys.add(a + "@" + b);
    }
    long[] h1 = new long[keys.size()];
    int[] h2 = new int[keys.size()];
    int hits = 0;
    for (int k = 0; k < keys.size(); k++) {
      char[] key = keys.get(k).toCharArray();
      h1[k] = SmartcnHashes.fnv(key);
      h2[k] = SmartcnHashes.djb(key);
      int expected = StockDictionaries.bigramFrequency(key);
      assertEquals(expected, DICT.bigrams.frequencyAsStock(h1[k], h2[k]), keys.get(k));
      assertEquals(expected, DICT.bigrams.frequency(h1[k], h2[k]), keys.get(k));
      if (expected != 0) hits++;
    }
    assertTrue(hits > 1000, "stored pairs among the keys: " + hits);
    int[] batch = new int[keys.size()];
    DICT.bigrams.frequencies(h1, h2, keys.size(), batch, new BigramTable.Batch());
    for (int k = 0; k < keys.size(); k++) {
      assertEquals(DICT.bigrams.frequency(h1[k], h2[k]), batch[k], keys.get(k));
    }
  }

  /**
   * Every way a bigram lookup can go (filtered out, found at home, an empty home, stored away from
   * home and reached with a recorded step, with a step that needs the stock walk, or with a step
   * that never reaches it, as for a foreign key whose 64-bit hash collides with a stored one),
   * against the replica of stock's probe loop: every hash stored away from home with every step
   * 0..288, singly and batched; every hash at home with a few steps; and random hashes.
   */
  @Test
  void everyStoredHashWithEveryStepGivesTheStockAnswer() {
    BigramTable table = DICT.bigrams;
    long[] h1 = new long[BigramTable.MAX_STEP + 1];
    int[] h2 = new int[h1.length];
    int[] batch = new int[h1.length];
    BigramTable.Batch scratch = new BigramTable.Batch();
    int away = 0;
    long reached = 0;
    long missed = 0;
    for (int slot = 0; slot < BigramTable.SIZE; slot++) {
      long h = table.storedHash(slot);
      if (h == 0) continue;
      if (Math.floorMod(h, BigramTable.SIZE) == slot) {
        for (int step : new int[] {0, 1, 97, 288}) {
          assertEquals(table.frequencyAsStock(h, step), table.frequency(h, step), "at home, slot " + slot);
          assertTrue(table.frequency(h, step) > 0);
        }
        continue;
      }
      away++;
      // Step 0: stock reads the occupied home slot 402,137 times and misses.
      assertEquals(0, table.frequency(h, 0), "slot " + slot + ", step 0");
      for (int step = 1; step <= BigramTable.MAX_STEP; step++) {
        int expected = table.frequencyAsStock(h, step);
        assertEquals(expected, table.frequency(h, step), "slot " + slot + ", step " + step);
        if (expected != 0) reached++;
        else missed++;
      }
      for (int step = 0; step <= BigramTable.MAX_STEP; step++) {
        h1[step] = h;
        h2[step] = step;
      }
      table.frequencies(h1, h2, h1.length, batch, scratch);
      for (int step = 0; step <= BigramTable.MAX_STEP; step++) {
        assertEquals(table.frequency(h, step), batch[step], "batched: slot " + slot + ", step " + step);
      }
    }
    assertEquals(134_707, away, "hashes stored away from home");
    assertTrue(reached >= away, "each is reached at least with the step it was stored with: " + reached);
    assertTrue(missed > 100 * reached, "most steps never reach it: " + missed + " vs " + reached);
    // Hashes that are stored nowhere, with any step (a step of 0 is left to the step-0 test).
    Random random = new Random(11);
    for (int n = 0; n < 200_000; n++) {
      long h = random.nextLong();
      int step = 1 + random.nextInt(BigramTable.MAX_STEP);
      assertEquals(table.frequencyAsStock(h, step), table.frequency(h, step), "random hash " + h);
    }
  }

  /**
   * The per-thread cache of answers gives the tables' answers: the same keys looked up again and
   * again in batches of every size, among them hashes stored away from home with several steps each
   * (their answers differ by step, so an entry must match the step too) and the hashes (0, 0) that an
   * empty entry holds.
   */
  @Test
  void cachedAnswersAreTheTablesAnswers() {
    BigramTable table = DICT.bigrams;
    List<long[]> keys = new ArrayList<>(); // {hash1, hash2}
    int awayWithDifferentAnswers = 0;
    for (int slot = 0; slot < BigramTable.SIZE && keys.size() < 20_000; slot += 7) {
      long h = table.storedHash(slot);
      if (h == 0) continue;
      boolean away = Math.floorMod(h, BigramTable.SIZE) != slot;
      if (!away) {
        keys.add(new long[] {h, 1 + slot % BigramTable.MAX_STEP});
        continue;
      }
      // Every step that reaches it, and a few that do not.
      int reaching = 0;
      for (int step = 0; step <= BigramTable.MAX_STEP; step++) {
        boolean found = table.frequency(h, step) != 0;
        if (found) reaching++;
        if (found || step % 41 == 0) keys.add(new long[] {h, step});
      }
      if (reaching > 0) awayWithDifferentAnswers++;
    }
    assertTrue(awayWithDifferentAnswers > 10, "hashes whose answer depends on the step: " + awayWithDifferentAnswers);
    keys.add(new long[] {0, 0});
    keys.add(new long[] {0, 5});
    Random random = new Random(3);
    for (int n = 0; n < 2_000; n++) keys.add(new long[] {random.nextLong(), random.nextInt(BigramTable.MAX_STEP + 1)});

    BigramTable.Batch scratch = new BigramTable.Batch();
    long[] h1 = new long[512];
    int[] h2 = new int[512];
    int[] out = new int[512];
    for (int round = 0; round < 12; round++) {
      java.util.Collections.shuffle(keys, random);
      for (int from = 0; from < keys.size(); ) {
        int n = Math.min(keys.size() - from, 1 + random.nextInt(h1.length));
        for (int k = 0; k < n; k++) {
          h1[k] = keys.get(from + k)[0];
          h2[k] = (int) keys.get(from + k)[1];
        }
        table.frequencies(h1, h2, n, out, scratch);
        for (int k = 0; k < n; k++) {
          assertEquals(table.frequency(h1[k], h2[k]), out[k], "round " + round + ": hash " + h1[k] + ", step " + h2[k]);
        }
        from += n;
      }
    }
    assertTrue(scratch.cacheHits > 5_000, "answers from the cache: " + scratch.cacheHits);
  }
}
