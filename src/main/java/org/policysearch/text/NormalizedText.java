package org.policysearch.text;

/**
 * A normalised string with the map back to the source it came from, so that a match found in the
 * normalised text can be highlighted in the text as written.
 *
 * @param text  the normalised text
 * @param start for each char of {@code text}, the index of the source char it came from
 * @param end   for each char of {@code text}, the index just past the source char(s) it came from
 */
public record NormalizedText(String text, int[] start, int[] end) {

  /** Source range [from, to) of the normalised range [nFrom, nTo); nTo must be greater than nFrom. */
  public int sourceStart(int nFrom) {
    return start[nFrom];
  }

  public int sourceEnd(int nTo) {
    return end[nTo - 1];
  }

  public int length() {
    return text.length();
  }
}
