package org.policysearch.index.analysis;

import java.util.ArrayList;
import java.util.List;
import org.policysearch.text.CharClass;

/**
 * Splits normalised text into the units of exact matching: a run of letters or digits is one unit
 * (so "2023年" finds 2023年 while "023" need not), every other non-space character is a unit of its
 * own (Han characters, punctuation, symbols). Whitespace is not a unit but is remembered, because after
 * normalisation it only survives between non-Chinese units where it is meaningful ("a b" is not "ab").
 *
 * <p>The exact fields index adjacent unit pairs (for phrases: a chain of pairs at consecutive positions
 * is exactly a substring of units) and single units (for one-unit queries). The query side uses the same
 * split, so a quoted string matches exactly where its units occur in sequence.
 */
public final class ExactUnits {
  private ExactUnits() {}

  /** A unit: [start, end) in the normalised text, and whether whitespace separates it from the previous unit. */
  public record Unit(int start, int end, boolean spaceBefore) {}

  public static List<Unit> split(CharSequence s) {
    List<Unit> units = new ArrayList<>();
    int n = s.length();
    int i = 0;
    boolean space = false;
    while (i < n) {
      int cp = Character.codePointAt(s, i);
      int len = Character.charCount(cp);
      if (CharClass.isWhitespace(cp)) {
        space = true;
        i += len;
        continue;
      }
      int start = i;
      i += len;
      if (CharClass.isAlnum(cp)) {
        while (i < n) {
          int c2 = Character.codePointAt(s, i);
          if (!CharClass.isAlnum(c2)) break;
          i += Character.charCount(c2);
        }
      }
      units.add(new Unit(start, i, space && !units.isEmpty()));
      space = false;
    }
    return units;
  }

  /** The pair term for units a and b (b directly after a). */
  public static String pair(CharSequence s, Unit a, Unit b) {
    StringBuilder sb = new StringBuilder(b.end() - a.start() + 1);
    sb.append(s, a.start(), a.end());
    if (b.spaceBefore()) sb.append(' ');
    sb.append(s, b.start(), b.end());
    return sb.toString();
  }
}
