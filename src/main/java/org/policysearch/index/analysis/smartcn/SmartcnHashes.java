package org.policysearch.index.analysis.smartcn;

/**
 * The two hash functions of smartcn's {@code AbstractDictionary}, bit for bit, written as one step per
 * char so that a bigram key ({@code word1 + '@' + word2}) can be hashed incrementally without building
 * it. Both dictionaries were laid out with these functions, so lookups must use them as they are,
 * including the operator-precedence bug in the second one (see docs/smartcn-hash-bug.md).
 */
final class SmartcnHashes {
  private SmartcnHashes() {}

  static final long FNV_OFFSET = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 1099511628211L;
  static final int DJB_SEED = 5381;

  /** {@code hash1(char[])}: 64-bit FNV-1 over the low byte, then the high byte, of each char. */
  static long fnv(long hash, char c) {
    hash = (hash ^ (c & 0x00FF)) * FNV_PRIME;
    return (hash ^ (c >> 8)) * FNV_PRIME;
  }

  /**
   * {@code hash2(char[])}, a djb2 variant. As written upstream, {@code +} binds tighter than {@code &}
   * and {@code >>}, so each char computes {@code (33*h + c) & 0xFF} and then {@code (33*h + c) >> 8}:
   * the result is always in 0..288, and small or 0 when the last char is below U+0100.
   */
  static int djb(int hash, char c) {
    hash = ((hash << 5) + hash) + c & 0x00FF;
    return ((hash << 5) + hash) + c >> 8;
  }

  static long fnv(char[] chars) {
    long h = FNV_OFFSET;
    for (char c : chars) h = fnv(h, c);
    return h;
  }

  static int djb(char[] chars) {
    int h = DJB_SEED;
    for (char c : chars) h = djb(h, c);
    return h;
  }

  /** {@code hash1(char)}: the one-char variant, which (unlike the array one) mixes at the end. */
  static long fnvOneChar(char c) {
    long hash = FNV_OFFSET;
    hash = (hash ^ (c & 0x00FF)) * FNV_PRIME;
    hash = (hash ^ (c >> 8)) * FNV_PRIME;
    hash += hash << 13;
    hash ^= hash >> 7;
    hash += hash << 3;
    hash ^= hash >> 17;
    hash += hash << 5;
    return hash;
  }

  /** {@code hash2(char)}: the one-char variant of {@link #djb(int, char)}. */
  static int djbOneChar(char c) {
    return djb(DJB_SEED, c);
  }
}
