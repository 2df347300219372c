package org.policysearch.index.analysis.smartcn;

import java.util.Arrays;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Segments one sentence as smartcn's {@code WordSegmenter} does ({@code HHMMSegmenter} builds a graph
 * of candidate words, {@code BiSegGraph} weighs each adjacent pair with the bigram dictionary and picks
 * the cheapest path from sentence start to end), with the same candidates in the same order and the
 * same floating-point weights, so that ties fall the same way. Everything lives in primitive arrays
 * that are reused from sentence to sentence: after warm-up, segmenting allocates nothing.
 *
 * <p>Candidates are numbered as stock numbers them (by start offset; at one offset, the single char
 * first, then longer words in the order the prefix search finds them), which lets the Viterbi pass
 * run forward in one loop: every edge goes from a lower to a higher number, and edges into a node are
 * relaxed in ascending order of their source with a strict {@code <}, as {@code getShortPath} does.
 *
 * <p>Not thread-safe; one per tokenizer.
 */
final class SentenceSegmenter {
  // smartcn's WordType constants.
  static final byte SENTENCE_BEGIN = 0;
  static final byte SENTENCE_END = 1;
  static final byte CHINESE_WORD = 2;
  static final byte STRING = 3;
  static final byte NUMBER = 4;
  static final byte DELIMITER = 5;
  static final byte FULLWIDTH_STRING = 6;
  static final byte FULLWIDTH_NUMBER = 7;

  /** {@code Utility.MAX_FREQUENCE}: the frequency given to punctuation, and the smoothing scale. */
  static final int MAX_FREQUENCY = 2159997;

  private static final double SMOOTH = 0.1;
  private static final double TINY = 1.0 / MAX_FREQUENCY;

  /** Bigram-key chars of the pseudo-words, kept at the start of {@link #keyChars}. */
  private static final String KEY_CONSTANTS = "未##串未##数始##始末##末";

  private static final int KEY_STRING = 0;
  private static final int KEY_NUMBER = 4;
  private static final int KEY_START = 8;
  private static final int KEY_END = 12;

  private final SmartcnDictionaries dict;

  // Per char of the sentence (index 0..length; the last slot is the end marker's).
  private byte[] types = new byte[0];
  private int[] firstToken = new int[0];
  private int[] groupEnd = new int[0];
  private int[] nextStart = new int[0];
  private long[] pairProbe = new long[0];

  // Per candidate word.
  private int tokenCount;
  private int[] tStart = new int[64];
  private int[] tEnd = new int[64];
  private byte[] tType = new byte[64];
  private int[] tFreq = new int[64];
  private int[] tKeyOffset = new int[64];
  private int[] tKeyLength = new int[64];
  /** Hash state of the token's chars followed by '@': the left half of every bigram key it starts. */
  private long[] tFnv = new long[64];

  private int[] tDjb = new int[64];
  private double[] dist = new double[64];
  private int[] pred = new int[64];

  /** The chars each candidate contributes to bigram keys (Chinese words without their spaces). */
  private char[] keyChars = new char[256];

  private int keyLength;

  // Per edge (pair of adjacent candidates): the bigram key's two hashes, then its frequency.
  private long[] edgeFnv = new long[256];
  private int[] edgeDjb = new int[256];
  private int[] edgeFreq = new int[256];
  private double[] edgeWeight = new double[256];
  private final BigramTable.Batch batch = new BigramTable.Batch();

  private static final int WEIGHT_CACHE_BITS = 12;
  private final long[] weightKeys = new long[1 << WEIGHT_CACHE_BITS];
  private final double[] weightValues = new double[1 << WEIGHT_CACHE_BITS];

  // The best path, without sentence start and end.
  private int resultCount;
  private int resultFirst;
  private int[] rStart = new int[16];
  private int[] rEnd = new int[16];
  private byte[] rType = new byte[16];

  SentenceSegmenter(SmartcnDictionaries dict) {
    this.dict = dict;
    Arrays.fill(weightKeys, -1L); // no frequency is negative, so no real key is -1
    KEY_CONSTANTS.getChars(0, KEY_CONSTANTS.length(), keyChars, 0);
  }

  /**
   * Segments {@code buf[from..from+length)}; returns the number of words, which {@link #start}, {@link
   * #end} and {@link #writeTerm} then describe (offsets relative to {@code from}).
   */
  int segment(char[] buf, int from, int length) {
    prepare(length);
    for (int k = 0; k < length; k++) types[k] = CharTypes.of(buf[from + k]);
    // Read the two-char prefix table for every adjacent pair of Chinese characters in one pass, so
    // that the cache misses overlap; buildCandidates finishes each lookup.
    for (int k = 0; k + 1 < length; k++) {
      if (types[k] == CharTypes.HANZI && types[k + 1] == CharTypes.HANZI) {
        pairProbe[k] = dict.words.firstPairProbe(buf[from + k], buf[from + k + 1]);
      }
    }
    buildCandidates(buf, from, length);
    nextStart[length] = length;
    for (int p = length - 1; p >= 0; p--) {
      nextStart[p] = firstToken[p] >= 0 ? p : nextStart[p + 1];
    }
    shortestPath(length);
    return resultCount;
  }

  /** Whether word {@code k} is a punctuation mark (its term is ","). */
  boolean isDelimiter(int k) {
    return rType[resultFirst + k] == DELIMITER;
  }

  int start(int k) {
    return rStart[resultFirst + k];
  }

  int end(int k) {
    return rEnd[resultFirst + k];
  }

  /**
   * The term of word {@code k} as {@code WordSegmenter.convertSegToken} and {@code SegTokenFilter}
   * make it: Chinese words without the spaces they may span, runs of letters lower-cased (full-width
   * ones folded to ASCII first), numbers folded, every punctuation mark a comma.
   */
  void writeTerm(int k, char[] buf, int from, CharTermAttribute term) {
    int s = rStart[resultFirst + k];
    int e = rEnd[resultFirst + k];
    byte type = rType[resultFirst + k];
    char[] out = term.resizeBuffer(e - s);
    int n = 0;
    switch (type) {
      case DELIMITER -> out[n++] = ',';
      case CHINESE_WORD -> {
        for (int i = s; i < e; i++) {
          if (types[i] != CharTypes.SPACE_LIKE) out[n++] = buf[from + i];
        }
      }
      case STRING -> {
        for (int i = s; i < e; i++) {
          char c = buf[from + i];
          out[n++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
      }
      case FULLWIDTH_STRING, FULLWIDTH_NUMBER -> {
        for (int i = s; i < e; i++) {
          char c = buf[from + i];
          if (c >= 0xFF10) c = (char) (c - 0xFEE0);
          if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
          out[n++] = c;
        }
      }
      default -> { // NUMBER
        System.arraycopy(buf, from + s, out, 0, e - s);
        n = e - s;
      }
    }
    term.setLength(n);
  }

  // ---------------------------------------------------------------- candidates (HHMMSegmenter)

  private void buildCandidates(char[] buf, int from, int length) {
    tokenCount = 0;
    keyLength = KEY_CONSTANTS.length();
    addToken(-1, 0, SENTENCE_BEGIN, dict.startFrequency, KEY_START, 4);
    int i = 0;
    while (i < length) {
      byte type = types[i];
      switch (type) {
        case CharTypes.SPACE_LIKE -> i++;
        case CharTypes.HANZI -> {
          addChineseCandidates(buf, from, i, length);
          i++;
        }
        case CharTypes.SURROGATE -> {
          char c = buf[from + i];
          int count =
              Character.isHighSurrogate(c)
                      && i + 1 < length
                      && Character.isLowSurrogate(buf[from + i + 1])
                  ? 2
                  : 1;
          int key = appendKey(c);
          if (count == 2) appendKey(buf[from + i + 1]);
          addToken(i, i + count, CHINESE_WORD, 0, key, count);
          i += count;
        }
        case CharTypes.LETTER, CharTypes.FULLWIDTH_LETTER -> {
          boolean fullWidth = type == CharTypes.FULLWIDTH_LETTER;
          int j = i + 1;
          while (j < length
              && (types[j] == CharTypes.LETTER || types[j] == CharTypes.FULLWIDTH_LETTER)) {
            if (types[j] == CharTypes.FULLWIDTH_LETTER) fullWidth = true;
            j++;
          }
          addToken(
              i, j, fullWidth ? FULLWIDTH_STRING : STRING, dict.stringFrequency, KEY_STRING, 4);
          i = j;
        }
        case CharTypes.DIGIT, CharTypes.FULLWIDTH_DIGIT -> {
          boolean fullWidth = type == CharTypes.FULLWIDTH_DIGIT;
          int j = i + 1;
          while (j < length
              && (types[j] == CharTypes.DIGIT || types[j] == CharTypes.FULLWIDTH_DIGIT)) {
            if (types[j] == CharTypes.FULLWIDTH_DIGIT) fullWidth = true;
            j++;
          }
          addToken(
              i, j, fullWidth ? FULLWIDTH_NUMBER : NUMBER, dict.numberFrequency, KEY_NUMBER, 4);
          i = j;
        }
        case CharTypes.DELIMITER -> {
          addToken(i, i + 1, DELIMITER, MAX_FREQUENCY, appendKey(buf[from + i]), 1);
          i++;
        }
        default -> { // OTHER: any char smartcn has no class for is an unknown one-char string
          addToken(i, i + 1, STRING, dict.stringFrequency, KEY_STRING, 4);
          i++;
        }
      }
    }
    addToken(length, length + 1, SENTENCE_END, dict.endFrequency, KEY_END, 4);
  }

  /**
   * The single character at {@code i}, then every dictionary word that starts there, extended one
   * Chinese character at a time (spaces between them are skipped, and stay inside the word's offsets)
   * for as long as some dictionary word has the prefix.
   */
  private void addChineseCandidates(char[] buf, int from, int i, int length) {
    char c = buf[from + i];
    int key = appendKey(c);
    long fnv = SmartcnHashes.fnv(SmartcnHashes.FNV_OFFSET, c);
    int djb = SmartcnHashes.djb(SmartcnHashes.DJB_SEED, c);
    addToken(i, i + 1, CHINESE_WORD, dict.words.singleFrequency(c), key, 1, fnv, djb);
    // The second char: one probe of the two-char table (read for a whole sentence in segment()
    // when the chars are adjacent) says whether a word starts so, its frequency and whether a longer
    // one does. Whether any word starts with c needs no separate question: then the table has pairs.
    int j = i + 1;
    while (j < length && types[j] == CharTypes.SPACE_LIKE) j++;
    if (j >= length || types[j] != CharTypes.HANZI) return;
    char next = buf[from + j];
    long pair = j == i + 1 ? dict.words.pair(c, next, pairProbe[i]) : dict.words.pair(c, next);
    if (pair == 0) return;
    appendKey(next);
    fnv = SmartcnHashes.fnv(fnv, next);
    djb = SmartcnHashes.djb(djb, next);
    int wordLength = 2;
    j++;
    int frequency = dict.words.pairFrequency(pair);
    if (frequency >= 0) addToken(i, j, CHINESE_WORD, frequency, key, wordLength, fnv, djb);
    if (!WordTrie.pairHasChildren(pair)) return;
    // Longer words, one trie step per char.
    int node = WordTrie.pairNode(pair);
    while (true) {
      while (j < length && types[j] == CharTypes.SPACE_LIKE) j++;
      if (j >= length || types[j] != CharTypes.HANZI) return;
      next = buf[from + j];
      node = dict.words.child(node, next);
      if (node < 0) return;
      appendKey(next);
      fnv = SmartcnHashes.fnv(fnv, next);
      djb = SmartcnHashes.djb(djb, next);
      wordLength++;
      j++;
      frequency = dict.words.wordFrequency(node);
      if (frequency >= 0) addToken(i, j, CHINESE_WORD, frequency, key, wordLength, fnv, djb);
    }
  }

  private int appendKey(char c) {
    if (keyLength == keyChars.length) keyChars = Arrays.copyOf(keyChars, keyLength * 2);
    keyChars[keyLength] = c;
    return keyLength++;
  }

  private void addToken(int start, int end, byte type, int freq, int keyOffset, int keyLen) {
    long fnv = SmartcnHashes.FNV_OFFSET;
    int djb = SmartcnHashes.DJB_SEED;
    for (int k = keyOffset; k < keyOffset + keyLen; k++) {
      fnv = SmartcnHashes.fnv(fnv, keyChars[k]);
      djb = SmartcnHashes.djb(djb, keyChars[k]);
    }
    addToken(start, end, type, freq, keyOffset, keyLen, fnv, djb);
  }

  /** Adds a candidate whose key chars hash to {@code fnv}/{@code djb} (without the '@'). */
  private void addToken(
      int start, int end, byte type, int freq, int keyOffset, int keyLen, long fnv, int djb) {
    int t = tokenCount;
    if (t == tStart.length) growTokens();
    tStart[t] = start;
    tEnd[t] = end;
    tType[t] = type;
    tFreq[t] = freq;
    tKeyOffset[t] = keyOffset;
    tKeyLength[t] = keyLen;
    tFnv[t] = SmartcnHashes.fnv(fnv, '@');
    tDjb[t] = SmartcnHashes.djb(djb, '@');
    if (start >= 0) {
      if (firstToken[start] < 0) firstToken[start] = t;
      groupEnd[start] = t + 1;
    }
    tokenCount = t + 1;
  }

  // ---------------------------------------------------------------- best path (BiSegGraph)

  private void shortestPath(int length) {
    final int last = tokenCount - 1; // the sentence end
    // All bigram keys first, then all lookups in one batch, then the Viterbi pass over the results.
    // The candidates starting at one position are the char alone and then ever longer words that
    // begin with it, and their key chars are one run of keyChars (buildCandidates appends them so):
    // the keys word1@word2 for one word1 and a whole group are hashed in one pass over the longest.
    int e = 0;
    for (int t1 = 0; t1 < last; t1++) {
      int s = nextStart[tEnd[t1]];
      int g0 = firstToken[s];
      int g1 = groupEnd[s];
      if (e + (g1 - g0) > edgeFnv.length) ensureEdgeCapacity(e + (g1 - g0));
      long fnv = tFnv[t1];
      int djb = tDjb[t1];
      int k = tKeyOffset[g0];
      for (int t2 = g0; t2 < g1; t2++, e++) {
        for (int end = tKeyOffset[t2] + tKeyLength[t2]; k < end; k++) {
          char c = keyChars[k];
          fnv = SmartcnHashes.fnv(fnv, c);
          djb = SmartcnHashes.djb(djb, c);
        }
        edgeFnv[e] = fnv;
        edgeDjb[e] = djb;
      }
    }
    int edges = e;
    dict.bigrams.frequencies(edgeFnv, edgeDjb, edges, edgeFreq, batch);

    // Edge weights, independent of each other, so the divisions and logarithms overlap.
    e = 0;
    for (int t1 = 0; t1 < last; t1++) {
      int s = nextStart[tEnd[t1]];
      int freq1 = tFreq[t1];
      double unseen = cachedWeight(freq1, 0); // the weight when the pair is not in the bigram dictionary
      for (int g1 = e + groupEnd[s] - firstToken[s]; e < g1; e++) {
        int f12 = edgeFreq[e];
        edgeWeight[e] = f12 == 0 ? unseen : weight(freq1, f12);
      }
    }
    // Viterbi: the only chain of dependent steps left.
    dist[0] = 0;
    for (int t = 1; t <= last; t++) dist[t] = Double.MAX_VALUE;
    e = 0;
    for (int t1 = 0; t1 < last; t1++) {
      int s = nextStart[tEnd[t1]];
      double base = dist[t1];
      for (int t2 = firstToken[s], g1 = groupEnd[s]; t2 < g1; t2++, e++) {
        double d = base + edgeWeight[e];
        if (d < dist[t2]) {
          dist[t2] = d;
          pred[t2] = t1;
        }
      }
    }
    // The path, followed backwards once and written from the end of the result arrays (a sentence
    // of n chars has at most n words); the words are read from resultFirst on.
    ensureResultCapacity(length);
    int n = length;
    for (int t = pred[last]; t != 0; t = pred[t]) {
      n--;
      rStart[n] = tStart[t];
      rEnd[n] = tEnd[t];
      rType[n] = tType[t];
    }
    resultFirst = n;
    resultCount = length - n;
  }

  /**
   * {@link #weight}, remembered in a small direct-mapped cache: a logarithm costs more than the
   * lookup, and a few thousand (word frequency, pair frequency) combinations recur all the time. The
   * function is deterministic, so a cached value is the very double it would compute again.
   */
  private double cachedWeight(int oneWordFreq, int wordPairFreq) {
    long key = ((long) oneWordFreq << 32) | (wordPairFreq & 0xFFFFFFFFL);
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - WEIGHT_CACHE_BITS));
    if (weightKeys[slot] == key) return weightValues[slot];
    double w = weight(oneWordFreq, wordPairFreq);
    weightKeys[slot] = key;
    weightValues[slot] = w;
    return w;
  }

  /**
   * The edge weight of {@code BiSegGraph.generateBiSegGraph}, operand for operand: a smoothed
   * {@code -log(a*P(w1) + (1-a)*P(w2|w1))}.
   */
  static double weight(double oneWordFreq, int wordPairFreq) {
    return -Math.log(
        SMOOTH * (1.0 + oneWordFreq) / (MAX_FREQUENCY + 0.0)
            + (1.0 - SMOOTH) * ((1.0 - TINY) * wordPairFreq / (1.0 + oneWordFreq) + TINY));
  }

  // ---------------------------------------------------------------- buffers

  private void prepare(int length) {
    if (types.length < length + 1) {
      int n = Math.max(length + 1, types.length * 2);
      types = new byte[n];
      firstToken = new int[n];
      groupEnd = new int[n];
      nextStart = new int[n];
      pairProbe = new long[n];
    }
    Arrays.fill(firstToken, 0, length + 1, -1);
  }

  private void growTokens() {
    int n = tStart.length * 2;
    tStart = Arrays.copyOf(tStart, n);
    tEnd = Arrays.copyOf(tEnd, n);
    tType = Arrays.copyOf(tType, n);
    tFreq = Arrays.copyOf(tFreq, n);
    tKeyOffset = Arrays.copyOf(tKeyOffset, n);
    tKeyLength = Arrays.copyOf(tKeyLength, n);
    tFnv = Arrays.copyOf(tFnv, n);
    tDjb = Arrays.copyOf(tDjb, n);
    dist = Arrays.copyOf(dist, n);
    pred = Arrays.copyOf(pred, n);
  }

  private void ensureEdgeCapacity(int n) {
    if (edgeFnv.length < n) {
      int m = Math.max(n, edgeFnv.length * 2);
      edgeFnv = Arrays.copyOf(edgeFnv, m);
      edgeDjb = Arrays.copyOf(edgeDjb, m);
      edgeFreq = new int[m];
      edgeWeight = new double[m];
    }
  }

  private void ensureResultCapacity(int n) {
    if (rStart.length < n) {
      int m = Math.max(n, rStart.length * 2);
      rStart = new int[m];
      rEnd = new int[m];
      rType = new byte[m];
    }
  }
}
