package org.policysearch.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The one normalisation applied to text before it is segmented, at index and at query time, and by the
 * exact-match guarantee: full-width to half-width, traditional to simplified, quotation and title marks
 * removed, whitespace next to Chinese characters removed and other whitespace runs collapsed to one
 * space. Nothing else: case, other punctuation and digits stay as written.
 *
 * <p>Why before segmentation: smartcn segments 教育會議 as 教育|会|议 when converted afterwards but
 * 教育|会议 when converted first, and a quotation mark left in place leaves a gap that breaks the phrase
 * 落实“双减”政策 against the query 落实双减政策.
 *
 * <p>Every mapping is one code point to at most one code point, so normalised offsets map back to the
 * source exactly ({@link NormalizedText}). The function is idempotent.
 */
public final class TextNormalizer {
  /** Bumped whenever the output of {@link #normalize} changes for some input: the index must be rebuilt. */
  public static final int VERSION = 1;

  /** Quotation and title marks, removed so that 落实“双减”政策 reads as 落实双减政策. */
  public static final String REMOVED_MARKS = "“”‘’\"'《》「」『』〈〉〝〞〟﹁﹂﹃﹄«»‹›";

  private static final Map<Integer, Integer> T2S = loadT2S();
  /**
   * {@link #map} precomputed for every BMP code point (the text is nearly all BMP): one array read per
   * character instead of a boxed map lookup, which showed in indexing profiles.
   */
  private static final int[] BMP = bmpTable();

  private TextNormalizer() {}

  public static String normalizeToString(CharSequence s) {
    return normalize(s).text();
  }

  public static NormalizedText normalize(CharSequence s) {
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    // A BMP character may map to a supplementary one (噁 → U+2BAC7, 二噁英 in environmental rules), so the
    // output can be up to twice as long as the input in UTF-16 units.
    int[] start = new int[2 * n];
    int[] end = new int[2 * n];
    int lastCp = -1; // last emitted code point
    int pendingSpaceAt = -1; // source index of a whitespace run not yet emitted
    int i = 0;
    while (i < n) {
      int cp = Character.codePointAt(s, i);
      int len = Character.charCount(cp);
      int mapped = map(cp);
      if (mapped == -1) { // removed mark
        i += len;
        continue;
      }
      if (CharClass.isWhitespace(mapped)) {
        if (pendingSpaceAt < 0) pendingSpaceAt = i;
        i += len;
        continue;
      }
      if (pendingSpaceAt >= 0) {
        if (lastCp >= 0 && !CharClass.isCjk(lastCp) && !CharClass.isCjk(mapped)) {
          start[out.length()] = pendingSpaceAt;
          end[out.length()] = pendingSpaceAt + 1;
          out.append(' ');
        }
        pendingSpaceAt = -1;
      }
      int at = out.length();
      out.appendCodePoint(mapped);
      for (int k = at; k < out.length(); k++) {
        start[k] = i;
        end[k] = i + len;
      }
      lastCp = mapped;
      i += len;
    }
    int m = out.length();
    return new NormalizedText(out.toString(), java.util.Arrays.copyOf(start, m), java.util.Arrays.copyOf(end, m));
  }

  /** The code point a source code point becomes, or -1 when it is removed. */
  static int map(int cp) {
    return cp < 0x10000 ? BMP[cp] : compute(cp);
  }

  private static int[] bmpTable() {
    int[] t = new int[0x10000];
    for (int cp = 0; cp < t.length; cp++) t[cp] = compute(cp);
    return t;
  }

  private static int compute(int cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      cp -= 0xFEE0; // full-width ASCII
    } else if (cp == 0x3000) {
      cp = ' ';
    } else {
      switch (cp) {
        case 0xFFE0 -> cp = 0xA2;
        case 0xFFE1 -> cp = 0xA3;
        case 0xFFE2 -> cp = 0xAC;
        case 0xFFE3 -> cp = 0xAF;
        case 0xFFE4 -> cp = 0xA6;
        case 0xFFE5 -> cp = 0xA5;
        case 0xFFE6 -> cp = 0x20A9;
        default -> { }
      }
    }
    if (REMOVED_MARKS.indexOf(cp) >= 0 && cp < 0x10000) {
      return -1;
    }
    Integer simplified = T2S.get(cp);
    return simplified == null ? cp : simplified;
  }

  /** Traditional → simplified, one code point to one, generated from ICU (see t2s.tsv's header). */
  private static Map<Integer, Integer> loadT2S() {
    Map<Integer, Integer> m = new HashMap<>(4096);
    try (InputStream in = TextNormalizer.class.getResourceAsStream("/org/policysearch/text/t2s.tsv")) {
      if (in == null) throw new IllegalStateException("missing resource t2s.tsv");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) continue;
        int tab = line.indexOf('\t');
        m.put(line.codePointAt(0), line.codePointAt(tab + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(m);
  }
}
