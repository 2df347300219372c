package org.policysearch.index.analysis.smartcn;

/**
 * smartcn's bigram dictionary ({@code bigramdict.mem}), kept exactly as stock lays it out and probed
 * exactly as {@code BigramDictionary.getBigramItemIndex} probes it, minus two wasted efforts that are
 * proven not to change any answer.
 *
 * <p>The table holds 402,137 slots of 64-bit FNV hashes of {@code word1 + '@' + word2} and their
 * frequencies. The pairs themselves are not stored, so a hash collision counts as a hit; pairs that
 * found no slot when the table was built are simply absent. A lookup starts at slot {@code hash1 mod
 * 402,137} and steps by {@code hash2} until it meets the hash (a hit) or an empty slot (a miss), giving
 * up after 402,137 probes. (Here each slot's hash and frequency sit side by side, so that a hit
 * reads one cache line instead of two.)
 *
 * <ul>
 *   <li>When {@code hash2} is 0, stock revisits the first slot until the probe limit and reports a
 *       miss; we report the miss at once (docs/smartcn-hash-bug.md).
 *   <li>Stock can only report a hit in a slot that holds the hash. A Bloom filter over all stored
 *       hashes (512 KB, a few percent false positives) answers "held by no slot" first, which is a
 *       miss wherever the probe sequence would have gone; only the rest walk the stock sequence.
 * </ul>
 */
final class BigramTable {
  /** Slots of the stock table ({@code BigramDictionary.PRIME_BIGRAM_LENGTH}). */
  static final int SIZE = 402137;

  /** Slot i: the stored hash at 2i (0 when empty), its frequency at 2i + 1; a hit reads one line. */
  private final long[] slots;

  /** Two bits in one 64-bit word per stored hash. */
  private final long[] filter;

  private final int filterMask;

  BigramTable(long[] hashes, int[] frequencies) {
    if (hashes.length != SIZE || frequencies.length != SIZE) {
      throw new IllegalStateException("bigramdict.mem: the table does not have " + SIZE + " slots");
    }
    this.slots = new long[2 * SIZE];
    for (int i = 0; i < SIZE; i++) {
      slots[2 * i] = hashes[i];
      slots[2 * i + 1] = frequencies[i];
    }
    int stored = 0;
    for (long h : hashes) if (h != 0) stored++;
    int words = Integer.highestOneBit(Math.max(64, stored / 4)); // 4 to 8 hashes per word: 512 KB
    this.filter = new long[words];
    this.filterMask = words - 1;
    for (long h : hashes) {
      if (h != 0) filter[filterWord(h)] |= filterBits(h);
    }
  }

  /**
   * {@code BigramDictionary.getFrequency} of the pair whose key hashes to {@code hash1} ({@link
   * SmartcnHashes#fnv}) and {@code hash2} ({@link SmartcnHashes#djb}); 0 when it is not found.
   */
  int frequency(long hash1, int hash2) {
    long bits = filterBits(hash1);
    if ((filter[filterWord(hash1)] & bits) != bits) {
      return 0; // no slot holds hash1, so wherever the stock probe goes it ends in a miss
    }
    final int n = SIZE;
    int h1 = (int) (hash1 % n);
    int step = hash2 % n;
    if (h1 < 0) h1 = n + h1;
    if (step < 0) step = n + step;
    long v = slots[2 * h1];
    if (v == hash1) return (int) slots[2 * h1 + 1];
    if (v == 0) return 0;
    if (step == 0) return 0; // stock: 402,136 more probes of this same slot, then a miss
    int index;
    int i = 1;
    while (true) {
      index = (h1 + i * step) % n;
      i++;
      v = slots[2 * index];
      if (v == hash1) return i < n ? (int) slots[2 * index + 1] : 0;
      if (v == 0 || i >= n) return 0;
    }
  }

  /**
   * {@link #frequency} for {@code count} keys at once, into {@code out}. The same decisions, taken in
   * passes without data-dependent branches where possible, so that the cache misses of independent
   * lookups overlap instead of queueing behind each other (a sentence needs about two per char).
   */
  void frequencies(long[] hash1, int[] hash2, int count, int[] out, Batch scratch) {
    int[] maybe = scratch.indices(count);
    long[] home = scratch.homes(count);
    // Pass 1: which hashes might be stored at all (one cache line of the 512 KB filter each).
    int m = 0;
    for (int k = 0; k < count; k++) {
      long h = hash1[k];
      long bits = filterBits(h);
      out[k] = 0;
      maybe[m] = k;
      m += (filter[filterWord(h)] & bits) == bits ? 1 : 0;
    }
    // Pass 2: their home slots.
    final int n = SIZE;
    for (int j = 0; j < m; j++) {
      int h1 = (int) (hash1[maybe[j]] % n);
      if (h1 < 0) h1 = n + h1;
      home[j] = slots[2 * h1];
    }
    // Pass 3: decide, as frequency() does.
    for (int j = 0; j < m; j++) {
      int k = maybe[j];
      long v = home[j];
      if (v == 0) continue;
      long h = hash1[k];
      int h1 = (int) (h % n);
      if (h1 < 0) h1 = n + h1;
      if (v == h) {
        out[k] = (int) slots[2 * h1 + 1];
        continue;
      }
      int step = hash2[k] % n;
      if (step < 0) step = n + step;
      if (step == 0) continue;
      int i = 1;
      while (true) {
        int index = (h1 + i * step) % n;
        i++;
        v = slots[2 * index];
        if (v == h) {
          if (i < n) out[k] = (int) slots[2 * index + 1];
          break;
        }
        if (v == 0 || i >= n) break;
      }
    }
  }

  /** Scratch space for {@link #frequencies}; one per thread. */
  static final class Batch {
    private int[] indices = new int[256];
    private long[] homes = new long[256];

    int[] indices(int n) {
      if (indices.length < n) indices = new int[Math.max(n, indices.length * 2)];
      return indices;
    }

    long[] homes(int n) {
      if (homes.length < n) homes = new long[Math.max(n, homes.length * 2)];
      return homes;
    }
  }

  /**
   * The stock lookup, probe for probe and without shortcuts, for tests: {@code
   * getBigramItemIndex} followed by {@code getFrequency}. It spins 402,137 times when the step is 0.
   */
  int frequencyAsStock(long hash1, int hash2) {
    int[] walk = stockWalk(hash1, hash2);
    int index = walk[0];
    return walk[1] < SIZE && slots[2 * index] == hash1 ? (int) slots[2 * index + 1] : 0;
  }

  /** How many slots the stock loop reads for this key (402,137 when it spins on a step of 0). */
  int probesAsStock(long hash1, int hash2) {
    return stockWalk(hash1, hash2)[1];
  }

  /** Stock's double-hashing loop: {slot where it stopped, probes read}. */
  private int[] stockWalk(long hash1, int hash2) {
    final int n = SIZE;
    int h1 = (int) (hash1 % n);
    int step = hash2 % n;
    if (h1 < 0) h1 = n + h1;
    if (step < 0) step = n + step;
    int index = h1;
    int i = 1;
    while (slots[2 * index] != 0 && slots[2 * index] != hash1 && i < n) {
      index = (h1 + i * step) % n;
      i++;
    }
    return new int[] {index, i};
  }

  private int filterWord(long h) {
    return (int) ((h * 0xC2B2AE3D27D4EB4FL) >>> 40) & filterMask;
  }

  private static long filterBits(long h) {
    long m = h * 0x9E3779B97F4A7C15L;
    return (1L << (m >>> 58)) | (1L << ((m >>> 52) & 63));
  }
}
