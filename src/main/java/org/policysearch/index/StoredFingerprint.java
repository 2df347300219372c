package org.policysearch.index;

/**
 * Text fingerprints kept on the parent so that an incremental run can find reposts among documents it
 * does not re-read.
 *
 * @param exact   hash of the body reduced to its characters
 * @param simhash 64-bit simhash of character shingles
 * @param length  number of characters of the reduced body
 */
public record StoredFingerprint(long exact, long simhash, int length) {
  public String encode() {
    return Long.toHexString(exact) + ":" + Long.toHexString(simhash) + ":" + length;
  }

  public static StoredFingerprint decode(String s) {
    String[] p = s.split(":");
    return new StoredFingerprint(Long.parseUnsignedLong(p[0], 16), Long.parseUnsignedLong(p[1], 16), Integer.parseInt(p[2]));
  }
}
