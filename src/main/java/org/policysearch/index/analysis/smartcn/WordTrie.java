package org.policysearch.index.analysis.smartcn;

import java.util.Arrays;

/**
 * smartcn's word dictionary ({@code coredict.mem}) as a trie in primitive arrays.
 *
 * <p>Stock keeps one sorted row of word suffixes per first character and answers "is there a word
 * with this prefix?" with a binary search plus a linear walk back, allocating a {@code char[]} per
 * probe. The trie answers the same questions with one short search per extension char.
 *
 * <p>Equivalence with stock rests on three facts, checked when loading or in {@code
 * SmartcnDictionariesTest}: the row of a character is found with the stock hash table probe; each
 * row is sorted the way stock's binary searches assume (then "some row item has prefix P" is what
 * {@code getPrefixMatch} reports, and "the first such item equals P" is what {@code isEqual} tests);
 * and a word's frequency is the one stock's {@code findInTable} binary search lands on.
 */
final class WordTrie {
  private static final int HANZI_COUNT = CharTypes.HANZI_LAST - CharTypes.HANZI_FIRST + 1;

  /** Per Chinese character: frequency of the one-character word, 0 when it has none. */
  private final int[] singleFrequency = new int[HANZI_COUNT];

  /** Per Chinese character: its node, or -1 when no dictionary row starts with it. */
  private final int[] root = new int[HANZI_COUNT];

  /**
   * One long per node, breadth-first: bits 0..15 the char leading to it, 16..37 the frequency of the
   * word it ends plus one (0: only a prefix), 38..63 its first child. A node's children end where the
   * next node's begin, so one cache line usually answers a whole extension step.
   */
  private final long[] nodes;

  /**
   * The first extension step, from a character's root to its children, has up to 731 children to
   * search; this table maps (first char, second char) to what the segmenter needs of the child node,
   * so that the common two-char step reads one slot and nothing else: the key in the high half; in
   * the low half the node (bits 0..16), whether it has children (bit 17) and its word frequency plus
   * one (bits 18..31: 0 for a prefix only, {@link #PAIR_FREQ_IN_NODE} when it is too large and is to
   * be read from the node). 0 is a free slot.
   */
  private final long[] pairs;

  private final int pairMask;

  private static final int PAIR_NODE_BITS = 17;
  private static final long PAIR_HAS_CHILDREN = 1L << PAIR_NODE_BITS;
  private static final int PAIR_FREQ_SHIFT = PAIR_NODE_BITS + 1;
  private static final int PAIR_FREQ_IN_NODE = (1 << (32 - PAIR_FREQ_SHIFT)) - 1;

  private static final int FREQ_SHIFT = 16;
  private static final long FREQ_MASK = (1L << 22) - 1;
  private static final int CHILD_SHIFT = 38;

  /**
   * @param wordIndexTable stock {@code WordDictionary.wordIndexTable}: slot to row
   * @param charIndexTable stock {@code charIndexTable}: slot to character
   * @param rows per row, the sorted word suffixes (null or empty: the character alone)
   * @param rowFrequencies per row, the frequency of each suffix's word
   */
  WordTrie(short[] wordIndexTable, char[] charIndexTable, char[][][] rows, int[][] rowFrequencies) {
    Builder b = new Builder(rows);
    for (int c = CharTypes.HANZI_FIRST; c <= CharTypes.HANZI_LAST; c++) {
      int h = c - CharTypes.HANZI_FIRST;
      int rowIndex = rowOf((char) c, wordIndexTable, charIndexTable);
      if (rowIndex < 0) {
        root[h] = -1;
        continue;
      }
      char[][] row = rowIndex < rows.length ? rows[rowIndex] : null;
      if (row == null || row.length == 0) {
        // Stock would throw on this character; the data shipped with 10.5.0 has no such row.
        throw new IllegalStateException("coredict.mem: character " + (char) c + " has an empty row");
      }
      checkSorted(row, (char) c);
      int[] rowFreq = rowFrequencies[rowIndex];
      int r = b.newNode(-1, '\0');
      root[h] = r;
      for (char[] suffix : row) {
        int found = findInTable(row, suffix, 0);
        int f = found < 0 ? 0 : rowFreq[found];
        if (suffix == null || suffix.length == 0) {
          singleFrequency[h] = f;
        } else {
          b.frequency[b.insert(r, suffix)] = f;
        }
      }
    }
    // Renumber breadth-first: roots first (in character order), then each node's children in turn.
    int n = b.count;
    int[] order = new int[n]; // new number -> builder node
    int tail = 0;
    for (int h = 0; h < HANZI_COUNT; h++) {
      if (root[h] >= 0) {
        order[tail++] = root[h];
        root[h] = tail - 1;
      }
    }
    nodes = new long[n + 1];
    for (int head = 0; head < n; head++) {
      int old = order[head];
      int f = b.frequency[old];
      if (f + 1L > FREQ_MASK) {
        throw new IllegalStateException("coredict.mem: frequency " + f + " does not fit the trie");
      }
      nodes[head] = b.label[old] | (f + 1L) << FREQ_SHIFT | (long) tail << CHILD_SHIFT;
      for (int ch = b.firstChild[old]; ch >= 0; ch = b.nextSibling[ch]) {
        order[tail++] = ch;
      }
    }
    nodes[n] = (long) n << CHILD_SHIFT; // sentinel: where the last node's children end

    int pairCount = 0;
    for (int h = 0; h < HANZI_COUNT; h++) {
      if (root[h] >= 0) pairCount += childEnd(root[h]) - childStart(root[h]);
    }
    pairs = new long[Integer.highestOneBit(Math.max(16, pairCount)) << 2];
    pairMask = pairs.length - 1;
    for (int h = 0; h < HANZI_COUNT; h++) {
      if (root[h] < 0) continue;
      for (int k = childStart(root[h]); k < childEnd(root[h]); k++) {
        int key = (CharTypes.HANZI_FIRST + h) << 16 | (char) nodes[k];
        int slot = pairSlot(key);
        while (pairs[slot] != 0) slot = (slot + 1) & pairMask;
        if (k >= 1 << PAIR_NODE_BITS) {
          throw new IllegalStateException("coredict.mem: too many prefixes for the two-char table");
        }
        long frequencyPlusOne = Math.min(wordFrequency(k) + 1L, PAIR_FREQ_IN_NODE);
        pairs[slot] =
            (long) key << 32
                | frequencyPlusOne << PAIR_FREQ_SHIFT
                | (childEnd(k) > childStart(k) ? PAIR_HAS_CHILDREN : 0)
                | k;
      }
    }
  }

  /** Frequency of the one-character word {@code c} (a Chinese character), 0 when there is none. */
  int singleFrequency(char c) {
    return singleFrequency[c - CharTypes.HANZI_FIRST];
  }

  /** Node of the Chinese character {@code c}, -1 when no dictionary word starts with it. */
  int root(char c) {
    return root[c - CharTypes.HANZI_FIRST];
  }

  /**
   * The two-char prefix {@code first + second} ({@code first} a Chinese character) in one probe:
   * its entry, which {@link #pairNode}, {@link #pairHasChildren} and {@link #pairFrequency} read, or
   * 0 when no word starts with it.
   */
  long pair(char first, char second) {
    int key = first << 16 | second;
    int slot = pairSlot(key);
    while (true) {
      long p = pairs[slot];
      if ((int) (p >>> 32) == key || p == 0) return p;
      slot = (slot + 1) & pairMask;
    }
  }

  /**
   * The first slot {@link #pair} reads for this pair, for callers that read many slots ahead in one
   * pass (their cache misses then overlap) and finish with {@link #pair(char, char, long)}.
   */
  long firstPairProbe(char first, char second) {
    return pairs[pairSlot(first << 16 | second)];
  }

  /** {@link #pair(char, char)}, given what {@link #firstPairProbe} read. */
  long pair(char first, char second, long firstProbe) {
    if ((int) (firstProbe >>> 32) == (first << 16 | second) || firstProbe == 0) return firstProbe;
    return pair(first, second);
  }

  /** The node of a two-char prefix, from its {@link #pair} entry. */
  static int pairNode(long entry) {
    return (int) entry & ((1 << PAIR_NODE_BITS) - 1);
  }

  /** Whether some longer word starts with a two-char prefix, from its {@link #pair} entry. */
  static boolean pairHasChildren(long entry) {
    return (entry & PAIR_HAS_CHILDREN) != 0;
  }

  /** {@link #wordFrequency} of a two-char prefix, from its {@link #pair} entry. */
  int pairFrequency(long entry) {
    int f = (int) entry >>> PAIR_FREQ_SHIFT;
    return f == PAIR_FREQ_IN_NODE ? wordFrequency(pairNode(entry)) : f - 1;
  }

  /** {@code child(root(first), second)}: the node of the two-char prefix, -1 when there is none. */
  int second(char first, char second) {
    long entry = pair(first, second);
    return entry == 0 ? -1 : pairNode(entry);
  }

  private int pairSlot(int key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & pairMask;
  }

  /** Whether some longer word has the prefix that leads to {@code node}. */
  boolean hasChildren(int node) {
    return childEnd(node) > childStart(node);
  }

  private int childStart(int node) {
    return (int) (nodes[node] >>> CHILD_SHIFT);
  }

  private int childEnd(int node) {
    return (int) (nodes[node + 1] >>> CHILD_SHIFT);
  }

  /** The node of the current prefix extended by {@code c}, or -1 when no word has that prefix. */
  int child(int node, char c) {
    int lo = (int) (nodes[node] >>> CHILD_SHIFT);
    int hi = (int) (nodes[node + 1] >>> CHILD_SHIFT) - 1;
    while (hi - lo > 4) {
      int mid = (lo + hi) >>> 1;
      if ((char) nodes[mid] < c) lo = mid + 1;
      else hi = mid;
    }
    for (int k = lo; k <= hi; k++) {
      if ((char) nodes[k] == c) return k;
    }
    return -1;
  }

  /** Frequency of the word spelled by the path to {@code node}, -1 when it is only a prefix. */
  int wordFrequency(int node) {
    return (int) ((nodes[node] >>> FREQ_SHIFT) & FREQ_MASK) - 1;
  }

  /**
   * The row of character {@code c}, found as {@code WordDictionary.getWordItemTableIndex} finds it:
   * double hashing over 12,071 slots with the stock hash functions. A step of 0 would revisit the first
   * slot until the probe limit and then fail, so it fails at once (it never happens for Chinese
   * characters, whose step is at least 78, but the method mirrors stock for every char).
   */
  static int rowOf(char c, short[] wordIndexTable, char[] charIndexTable) {
    int n = charIndexTable.length;
    int hash1 = (int) (SmartcnHashes.fnvOneChar(c) % n);
    int hash2 = SmartcnHashes.djbOneChar(c) % n;
    if (hash1 < 0) hash1 = n + hash1;
    if (hash2 < 0) hash2 = n + hash2;
    int index = hash1;
    int i = 1;
    while (charIndexTable[index] != 0 && charIndexTable[index] != c && i < n) {
      if (hash2 == 0) return -1;
      index = (hash1 + i * hash2) % n;
      i++;
    }
    if (i < n && charIndexTable[index] == c) return wordIndexTable[index];
    return -1;
  }

  /** {@code WordDictionary.findInTable}: binary search of {@code word[from..]} in a sorted row. */
  static int findInTable(char[][] row, char[] word, int from) {
    int start = 0;
    int end = row.length - 1;
    int mid = (start + end) / 2;
    while (start <= end) {
      int cmp = compareArray(row[mid], 0, word, from);
      if (cmp == 0) return mid;
      else if (cmp < 0) start = mid + 1;
      else end = mid - 1;
      mid = (start + end) / 2;
    }
    return -1;
  }

  /** The frequency stock {@code WordDictionary.getFrequency} gives {@code word}, 0 when absent. */
  static int frequencyOf(
      String word, short[] wordIndexTable, char[] charIndexTable, char[][][] rows, int[][] freqs) {
    char[] w = word.toCharArray();
    int rowIndex = rowOf(w[0], wordIndexTable, charIndexTable);
    if (rowIndex < 0) return 0;
    int found = findInTable(rows[rowIndex], w, 1);
    return found < 0 ? 0 : freqs[rowIndex][found];
  }

  /** {@code Utility.compareArray}; a null array equals an empty one. */
  static int compareArray(char[] l, int li, char[] r, int ri) {
    if (l == null) return (r == null || ri >= r.length) ? 0 : -1;
    if (r == null) return li >= l.length ? 0 : 1;
    while (li < l.length && ri < r.length && l[li] == r[ri]) {
      li++;
      ri++;
    }
    if (li == l.length) return ri == r.length ? 0 : -1;
    if (ri == r.length) return 1;
    return l[li] > r[ri] ? 1 : -1;
  }

  private static void checkSorted(char[][] row, char c) {
    for (int k = 1; k < row.length; k++) {
      if (compareArray(row[k - 1], 0, row[k], 0) > 0) {
        throw new IllegalStateException(
            "coredict.mem: the row of "
                + c
                + " is not sorted; the fast segmenter would not match stock smartcn's binary"
                + " searches on it");
      }
    }
  }

  /** A first-child/next-sibling trie; rows are sorted, so siblings arrive in ascending char order. */
  private static final class Builder {
    int count;
    int[] firstChild;
    int[] lastChild;
    int[] nextSibling;
    char[] label;
    int[] frequency;

    Builder(char[][][] rows) {
      int max = HANZI_COUNT;
      for (char[][] row : rows) {
        if (row == null) continue;
        for (char[] w : row) max += w == null ? 0 : w.length;
      }
      firstChild = new int[max];
      lastChild = new int[max];
      nextSibling = new int[max];
      label = new char[max];
      frequency = new int[max];
      Arrays.fill(frequency, -1);
    }

    int newNode(int parent, char c) {
      int n = count++;
      firstChild[n] = lastChild[n] = nextSibling[n] = -1;
      label[n] = c;
      if (parent >= 0) {
        if (firstChild[parent] < 0) firstChild[parent] = n;
        else nextSibling[lastChild[parent]] = n;
        lastChild[parent] = n;
      }
      return n;
    }

    int insert(int node, char[] suffix) {
      for (char c : suffix) {
        int last = lastChild[node];
        if (last >= 0 && label[last] == c) {
          node = last;
        } else if (last >= 0 && label[last] > c) {
          throw new IllegalStateException("coredict.mem: row out of order at " + c);
        } else {
          node = newNode(node, c);
        }
      }
      return node;
    }
  }
}
