package org.policysearch.index.analysis.smartcn;

import java.math.BigInteger;

/**
 * smartcn's bigram dictionary ({@code bigramdict.mem}), giving for every key exactly the frequency
 * {@code BigramDictionary.getFrequency} gives, without walking stock's probe chains but in rare
 * cases.
 *
 * <p>Stock's table holds 402,137 slots of 64-bit FNV hashes of {@code word1 + '@' + word2} and their
 * frequencies. The pairs themselves are not stored, so a hash collision counts as a hit; pairs that
 * found no slot when the table was built are simply absent. A lookup starts at slot {@code hash1 mod
 * 402,137} (the key's <em>home</em>) and steps by {@code hash2} until it meets the hash (a hit) or an
 * empty slot (a miss), giving up after 402,137 probes. The table is 82% full: 41% of the stored
 * hashes are not in their home slot, and reaching one, or learning that a hash which is not stored is
 * absent, reads 3 to 6 scattered slots. Here the same answers take one to three reads:
 *
 * <ol>
 *   <li>A Bloom filter over all stored hashes (512 KB, a few percent false positives) answers "held
 *       by no slot" for most keys: then stock's walk, wherever it goes, ends in a miss.
 *   <li>The home slot of the stock table: if it holds the hash, stock finds it on its first probe; if
 *       it is empty, stock stops there with a miss.
 *   <li>Otherwise a second hash table holds the 134,707 hashes stored away from home, each with its
 *       frequency, how far its slot lies beyond its home, and which probe steps reach it. A hash
 *       absent from it is absent from the stock table, so stock's walk misses. A hash present is
 *       found by stock's walk iff the walk with the key's step passes only occupied slots before it
 *       reaches the hash's slot. The step is {@code hash2}, always in 0..288
 *       (docs/smartcn-hash-bug.md), and the walk with step {@code s} reaches the slot {@code d}
 *       beyond home at probe {@code k = d / s mod 402,137}. The table records, for k = 1..27,
 *       whether the step that gets there in k probes is one of 1..288 and passes only occupied
 *       slots (checked when loading). When the key's step is recorded so, that is the answer; when
 *       it is not (a step that needs more than 27 probes, or a foreign key whose 64-bit hash
 *       collides with a stored one; 121 of 6.6 million lookups on corpus text), the stock walk
 *       itself decides.
 * </ol>
 *
 * <p>A step of 0, which stock turns into 402,137 reads of one slot and a miss, is a miss at once
 * (docs/smartcn-hash-bug.md). Batched lookups ({@link #frequencies}) also keep each thread's recent
 * answers in a small cache, because frequent pairs recur and the tables do not fit a core's cache.
 * {@code SmartcnDictionariesTest} checks every case against a replica of the stock loop, every
 * displaced hash with every step among them.
 */
final class BigramTable {
  /** Slots of the stock table ({@code BigramDictionary.PRIME_BIGRAM_LENGTH}), a prime. */
  static final int SIZE = 402137;

  /** {@code hash2} lies in 0..288 for every key (docs/smartcn-hash-bug.md). */
  static final int MAX_STEP = 288;

  /** Probes of the stock walk for which a displaced hash records which step gets there. */
  static final int RECORDED_PROBES = 27;

  private static final int FREQ_BITS = 18;
  private static final long FREQ_MASK = (1L << FREQ_BITS) - 1;
  private static final int DISTANCE_BITS = 19;
  private static final long DISTANCE_MASK = (1L << DISTANCE_BITS) - 1;
  private static final int PROBES_SHIFT = FREQ_BITS + DISTANCE_BITS;

  /** The stock table: its hashes (0: empty slot) and their frequencies, slot for slot. */
  private final long[] hashes;

  private final int[] frequencies;

  /**
   * The hashes not in their home slot, open addressing with linear probing: at {@code 2j} the hash
   * (0: free), at {@code 2j + 1} its frequency (bits 0..17), how far its slot lies beyond its home
   * (18..36, mod 402,137), and at bit 37 + k - 1 whether the stock walk reaches it in k probes with
   * the step that needs k.
   */
  private final long[] displaced;

  private final int displacedMask;

  /** Two bits in one 64-bit word per stored hash. */
  private final long[] filter;

  private final int filterMask;

  /** Inverses mod {@link #SIZE} of 0..{@link #MAX_STEP} (0 for 0). */
  private static final long[] INVERSE = inverses(MAX_STEP);

  BigramTable(long[] hashes, int[] frequencies) {
    if (hashes.length != SIZE || frequencies.length != SIZE) {
      throw new IllegalStateException("bigramdict.mem: the table does not have " + SIZE + " slots");
    }
    this.hashes = hashes.clone();
    this.frequencies = frequencies.clone();
    int stored = 0;
    int away = 0;
    for (int x = 0; x < SIZE; x++) {
      long h = hashes[x];
      if (h == 0) continue;
      stored++;
      if (homeOf(h) != x) away++;
      if (frequencies[x] < 0 || frequencies[x] > FREQ_MASK) {
        throw new IllegalStateException(
            "bigramdict.mem: frequency " + frequencies[x] + " does not fit the table");
      }
    }
    int capacity = Integer.highestOneBit(Math.max(16, away)) << 1; // at most half full: 4 MB
    this.displaced = new long[2 * capacity];
    this.displacedMask = capacity - 1;
    for (int x = 0; x < SIZE; x++) {
      long h = hashes[x];
      if (h == 0) continue;
      int home = homeOf(h);
      if (home == x) continue;
      int j = displacedSlot(h);
      while (displaced[2 * j] != 0) {
        if (displaced[2 * j] == h) {
          throw new IllegalStateException("bigramdict.mem: a hash is stored twice");
        }
        j = (j + 1) & displacedMask;
      }
      long distance = Math.floorMod(x - home, SIZE);
      displaced[2 * j] = h;
      displaced[2 * j + 1] =
          frequencies[x] | distance << FREQ_BITS | reachingProbes(home, distance) << PROBES_SHIFT;
    }
    int words = Integer.highestOneBit(Math.max(64, stored / 4)); // 4 to 8 hashes per word: 512 KB
    this.filter = new long[words];
    this.filterMask = words - 1;
    for (long h : hashes) {
      if (h != 0) filter[filterWord(h)] |= filterBits(h);
    }
  }

  /**
   * Bit k - 1 set for each k in 1..27 such that the step {@code s = distance / k mod SIZE} is one of
   * 1..288 and stock's walk from {@code home} with that step reads only occupied slots before the
   * slot {@code distance} beyond home, which it reaches at probe k.
   */
  private long reachingProbes(int home, long distance) {
    long mask = 0;
    for (int k = 1; k <= RECORDED_PROBES; k++) {
      long s = distance * INVERSE[k] % SIZE;
      if (s < 1 || s > MAX_STEP) continue;
      boolean occupied = true;
      for (int j = 0; j < k && occupied; j++) {
        occupied = hashes[(int) ((home + j * s) % SIZE)] != 0;
      }
      if (occupied) mask |= 1L << (k - 1);
    }
    return mask;
  }

  private static long[] inverses(int max) {
    long[] inv = new long[max + 1];
    BigInteger n = BigInteger.valueOf(SIZE);
    for (int k = 1; k <= max; k++) inv[k] = BigInteger.valueOf(k).modInverse(n).longValue();
    return inv;
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
    int home = homeOf(hash1);
    long v = hashes[home];
    if (v == hash1) return frequencies[home]; // stock's first probe finds it
    if (v == 0) return 0; // stock's first probe meets an empty slot
    return awayFrequency(hash1, hash2, home, displacedSlot(hash1));
  }

  /**
   * {@link #frequency} for {@code count} keys at once, into {@code out}. The same decisions, taken in
   * passes, so that the cache misses of independent lookups overlap instead of queueing behind each
   * other (a sentence needs about two lookups per char), and with a cache of recent answers in {@code
   * scratch} once it has seen enough lookups.
   */
  void frequencies(long[] hash1, int[] hash2, int count, int[] out, Batch scratch) {
    int[] maybe = scratch.indices(count);
    // Pass 1: which hashes might be stored at all (one cache line of the 512 KB filter each).
    int m = 0;
    for (int k = 0; k < count; k++) {
      long h = hash1[k];
      long bits = filterBits(h);
      out[k] = 0;
      maybe[m] = k;
      m += (filter[filterWord(h)] & bits) == bits ? 1 : 0;
    }
    // Pass 1b: the thread's cache of recent answers. Frequent pairs recur (on corpus text 16,384
    // entries answer about 70% of the keys that pass the filter), and 256 KB stays in the core's own
    // cache, unlike the tables: a hit saves one to three reads that usually miss it.
    long[] cache = scratch.cache(count);
    int[] missed = maybe;
    int mm = m;
    if (cache != null) {
      missed = scratch.missed(m);
      mm = 0;
      for (int j = 0; j < m; j++) {
        int k = maybe[j];
        long h = hash1[k];
        int c = cacheSlot(h);
        long rest = cache[c + 1];
        boolean hit = cache[c] == h && (int) (rest >>> 32) == hash2[k];
        out[k] = hit ? (int) rest : 0;
        missed[mm] = k;
        mm += hit ? 0 : 1;
      }
    }
    // Pass 2: their home slots, decided without branches (whether a stored hash sits at home is a
    // coin toss, which a branch would keep mispredicting): a hit, a miss, or on to pass 3.
    int away = 0;
    for (int j = 0; j < mm; j++) {
      int k = missed[j];
      long h = hash1[k];
      int home = homeOf(h);
      long v = hashes[home];
      long differ = v ^ h;
      long hit = ~((differ | -differ) >> 63); // all ones when the home slot holds h
      long occupied = (v | -v) >> 63; // all ones when it holds anything
      out[k] = frequencies[home] & (int) hit;
      maybe[away] = k;
      away += (int) (occupied & ~hit) & 1;
    }
    // Pass 3: the first slot of each in the table of hashes stored away from home (the reads are
    // independent, so their cache misses overlap), then pass 4: decide.
    long[] first = scratch.reads(away);
    for (int j = 0; j < away; j++) first[j] = displaced[2 * displacedSlot(hash1[maybe[j]])];
    for (int j = 0; j < away; j++) {
      int k = maybe[j];
      long h = hash1[k];
      int slot = displacedSlot(h);
      if (first[j] == h) {
        out[k] = decideAway(h, hash2[k], homeOf(h), displaced[2 * slot + 1]);
      } else if (first[j] != 0) {
        out[k] = awayFrequency(h, hash2[k], homeOf(h), (slot + 1) & displacedMask);
      } // else stored nowhere, so the stock walk misses
    }
    if (cache != null) {
      scratch.cacheHits += m - mm;
      for (int j = 0; j < mm; j++) {
        int k = missed[j];
        int c = cacheSlot(hash1[k]);
        cache[c] = hash1[k];
        cache[c + 1] = (long) hash2[k] << 32 | (out[k] & 0xFFFFFFFFL);
      }
    }
  }

  /** The first of the two longs of {@code hash1}'s entry in {@link Batch#cache}. */
  private static int cacheSlot(long hash1) {
    return (int) ((hash1 * 0xD6E8FEB86659FD93L) >>> (64 - Batch.CACHE_BITS)) << 1;
  }

  /**
   * A key whose home slot {@code home} is occupied by another hash: looks its hash up in {@link
   * #displaced} from slot {@code j} on.
   */
  private int awayFrequency(long hash1, int hash2, int home, int j) {
    while (true) {
      long key = displaced[2 * j];
      if (key == hash1) return decideAway(hash1, hash2, home, displaced[2 * j + 1]);
      if (key == 0) return 0; // stored nowhere, so the stock walk misses
      j = (j + 1) & displacedMask;
    }
  }

  /** A hash stored away from its home slot {@code home}, as {@code entry} describes it. */
  private int decideAway(long hash1, int hash2, int home, long entry) {
    long distance = (entry >>> FREQ_BITS) & DISTANCE_MASK;
    if (hash2 >= 0 && hash2 <= MAX_STEP) { // every real key
      // The probe at which the walk with this step reaches the slot (0 for a step of 0, which
      // stock spins on at the occupied home slot and then misses).
      long k = distance * INVERSE[hash2] % SIZE;
      if (k == 0) return 0;
      if (k <= RECORDED_PROBES && (entry >>> (PROBES_SHIFT + k - 1) & 1) != 0) {
        return (int) (entry & FREQ_MASK);
      }
    }
    int[] walk = stockWalk(hash1, hash2);
    return walk[1] < SIZE && hashes[walk[0]] == hash1 ? (int) (entry & FREQ_MASK) : 0;
  }

  private static int homeOf(long hash1) {
    int h = (int) (hash1 % SIZE);
    return h < 0 ? h + SIZE : h;
  }

  private int displacedSlot(long h) {
    return (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & displacedMask;
  }

  /** Scratch space for {@link #frequencies}; one per thread. */
  static final class Batch {
    static final int CACHE_BITS = 14;

    /**
     * Recent answers, direct-mapped: at {@code 2i} a key's {@code hash1}, at {@code 2i + 1} its {@code
     * hash2} (high half) and frequency (low half). All zeros at first, which is a correct entry too:
     * no slot holds the hash 0, so every key with hashes (0, 0) has frequency 0.
     */
    private long[] cache;

    /**
     * Lookups before the cache is made: a tokenizer that only ever sees queries never needs its 256 KB
     * (a server keeps one per request thread); one that indexes passes this within a few pages.
     */
    static final long CACHE_AFTER_LOOKUPS = 1 << 16;

    private long lookups;

    /** Keys the cache answered, for tests. */
    long cacheHits;

    private int[] missed = new int[256];
    private int[] indices = new int[256];
    private long[] reads = new long[256];

    long[] reads(int n) {
      if (reads.length < n) reads = new long[Math.max(n, reads.length * 2)];
      return reads;
    }

    /** The cache, or null while this thread has looked up too few keys to profit from one. */
    long[] cache(int count) {
      if (cache == null && (lookups += count) >= CACHE_AFTER_LOOKUPS) cache = new long[2 << CACHE_BITS];
      return cache;
    }

    int[] missed(int n) {
      if (missed.length < n) missed = new int[Math.max(n, missed.length * 2)];
      return missed;
    }

    int[] indices(int n) {
      if (indices.length < n) indices = new int[Math.max(n, indices.length * 2)];
      return indices;
    }
  }

  /**
   * The stock lookup, probe for probe and without shortcuts, for tests: {@code
   * getBigramItemIndex} followed by {@code getFrequency}. It spins 402,137 times when the step is 0.
   */
  int frequencyAsStock(long hash1, int hash2) {
    int[] walk = stockWalk(hash1, hash2);
    int index = walk[0];
    return walk[1] < SIZE && hashes[index] == hash1 ? frequencies[index] : 0;
  }

  /** How many slots the stock loop reads for this key (402,137 when it spins on a step of 0). */
  int probesAsStock(long hash1, int hash2) {
    return stockWalk(hash1, hash2)[1];
  }

  /** Every stored hash, slot for slot (0: empty), for tests. */
  long storedHash(int slot) {
    return hashes[slot];
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
    while (hashes[index] != 0 && hashes[index] != hash1 && i < n) {
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
