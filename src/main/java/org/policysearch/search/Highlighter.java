package org.policysearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.policysearch.search.api.Span;
import org.policysearch.search.query.HighlightTerm;
import org.policysearch.text.CharClass;
import org.policysearch.text.NormalizedText;
import org.policysearch.text.TextNormalizer;

/**
 * Marks query matches in a paragraph. Matching runs on the normalised text (the same text the index
 * saw) and the ranges are mapped back to the paragraph as written, so a query in 教育會議 marks 教育会议
 * and 落实双减政策 marks 落实“双减”政策. Touching or overlapping matches merge into one range: a matched
 * phrase is one highlight, not one per word or character.
 */
public final class Highlighter {
  private Highlighter() {}

  public static List<Span> spans(String text, List<HighlightTerm> terms) {
    if (terms.isEmpty() || text.isEmpty()) return List.of();
    NormalizedText nt = TextNormalizer.normalize(text);
    String n = nt.text();
    List<int[]> found = new ArrayList<>();
    for (HighlightTerm t : terms) {
      String q = t.normalized();
      if (q.isEmpty() || q.length() > n.length()) continue;
      // Case matters only for unquoted words with letters; everything else is a plain substring search.
      boolean ignoreCase = !t.exact() && q.chars().anyMatch(Character::isLetter) && !q.chars().allMatch(c -> CharClass.isCjk(c));
      if (ignoreCase) {
        for (int i = 0; i + q.length() <= n.length(); i++) {
          if (n.regionMatches(true, i, q, 0, q.length())) found.add(new int[] {nt.sourceStart(i), nt.sourceEnd(i + q.length())});
        }
      } else {
        for (int i = n.indexOf(q); i >= 0; i = n.indexOf(q, i + 1)) {
          if (t.exact() && !wholeRuns(n, i, i + q.length())) continue;
          found.add(new int[] {nt.sourceStart(i), nt.sourceEnd(i + q.length())});
        }
      }
    }
    found.sort(Comparator.comparingInt((int[] a) -> a[0]).thenComparingInt(a -> -a[1]));
    List<Span> merged = new ArrayList<>();
    int s = -1;
    int e = -1;
    for (int[] f : found) {
      if (s >= 0 && (f[0] <= e || onlyIgnorable(text, e, f[0]))) {
        e = Math.max(e, f[1]);
      } else {
        if (s >= 0) merged.add(new Span(s, e));
        s = f[0];
        e = f[1];
      }
    }
    if (s >= 0) merged.add(new Span(s, e));
    return merged;
  }

  /** A quoted match must not cut a run of letters or digits ("023" is not found inside 2023). */
  static boolean wholeRuns(String n, int from, int to) {
    if (from > 0 && CharClass.isAlnum(n.codePointBefore(from)) && CharClass.isAlnum(n.codePointAt(from))) return false;
    if (to < n.length() && CharClass.isAlnum(n.codePointBefore(to)) && CharClass.isAlnum(n.codePointAt(to))) return false;
    return true;
  }

  /** Between two matches only quotation marks or spaces: they read as one phrase. */
  private static boolean onlyIgnorable(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!CharClass.isWhitespace(c) && TextNormalizer.REMOVED_MARKS.indexOf(c) < 0) return false;
    }
    return true;
  }

  /** The text HTML-escaped, with each span wrapped in {@code <mark>}. */
  public static String html(String text, List<Span> spans) {
    StringBuilder sb = new StringBuilder(text.length() + spans.size() * 13);
    int at = 0;
    for (Span sp : spans) {
      escape(text, at, sp.start(), sb);
      sb.append("<mark>");
      escape(text, sp.start(), sp.end(), sb);
      sb.append("</mark>");
      at = sp.end();
    }
    escape(text, at, text.length(), sb);
    return sb.toString();
  }

  public static void escape(String s, int from, int to, StringBuilder sb) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
  }

  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    escape(s, 0, s.length(), sb);
    return sb.toString();
  }
}
