package org.policysearch.ingest.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.policysearch.text.CharClass;

/**
 * Undoes what PDF text extraction does to Chinese: spaces between characters of one word
 * ({@code 2023年 2月} → {@code 2023年2月}) and line breaks wherever the layout wrapped a line
 * ({@code 会⏎议} → {@code 会议}), while keeping real paragraph breaks. A pure function of the extracted
 * lines, so it is tested on strings.
 *
 * <p>A line continues into the next unless one of these says the paragraph ends:
 * <ul>
 *   <li>it ends a sentence: 。！？；： (closing quotes and brackets after them allowed) — Chinese
 *       paragraphs end that way, so this is the strongest signal;
 *   <li>it is short: its right edge stops more than {@link #SHORT_LINE_EM} em or
 *       {@link #SHORT_LINE_SHARE} of the text width before the right margin (a line that fills the
 *       width was wrapped by the layout);
 *   <li>the next line starts an item (一、 （二） 第三条 1. ...) or is indented (Chinese paragraphs are
 *       indented two characters; only known with PDF geometry);
 *   <li>a blank line follows.
 * </ul>
 * PDFBox's own paragraph detection is not used: on Chinese text it marks wrapped lines as paragraph
 * starts and misses indented ones (tried on generated PDFs). Page numbers ("— 2 —", "第2页", a lone
 * number at the top or bottom of a page) are dropped so they do not split a paragraph across pages.
 */
public final class PdfLayoutRepair {
  private PdfLayoutRepair() {}

  /** Right-edge slack, in em, for a line to count as filling the width (justification, 避头尾). */
  static final float SHORT_LINE_EM = 2f;
  /** ... or as a share of the text width, for ragged-right Latin text whose lines vary by a word. */
  static final float SHORT_LINE_SHARE = 0.15f;
  /** A line starting this many em right of the left margin is indented: a new paragraph. */
  static final float INDENT_EM = 1.5f;

  private static final String SENTENCE_END = "。！？；：!?;:";
  private static final String CLOSERS = "”’」』）)》〉】〕\"'";
  private static final Pattern ITEM_START = Pattern.compile(
      "^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|第[一二三四五六七八九十百千零〇0-9]+[章节条款部分编]"
          + "|\\d{1,3}[、.．](?!\\d)|[（(]\\d{1,3}[）)]|[①-⑳]|附件|附：)");
  private static final Pattern PAGE_NUMBER_ANYWHERE =
      Pattern.compile("^(?:[-—–－]\\s*\\d{1,4}\\s*[-—–－]|第\\s*\\d{1,4}\\s*页(?:\\s*[,，/／]?\\s*共\\s*\\d{1,4}\\s*页)?)$");
  private static final Pattern BARE_NUMBER = Pattern.compile("^\\d{1,4}(?:\\s*[/／]\\s*\\d{1,4})?$");

  /**
   * One extracted line with where it sits: x of its left and right edge and its em (the width of a
   * Chinese character) in any unit, the page it is on and whether it is the first or last of its page.
   */
  public record Line(String text, float left, float right, float em, int page, boolean pageFirst, boolean pageLast) {
    /** A line known only as text: widths estimated (Chinese characters 1 em, others half). */
    public static Line ofText(String text) {
      return new Line(text, 0, width(text), 1, 0, false, false);
    }
  }

  /** Repairs text given as lines, without geometry: blank lines are paragraph breaks. */
  public static String repair(String text) {
    List<Line> lines = new ArrayList<>();
    for (String s : text.split("\n", -1)) lines.add(Line.ofText(s));
    return repair(lines);
  }

  /** Repairs extracted lines: one paragraph per output line. */
  public static String repair(List<Line> input) {
    List<Line> lines = new ArrayList<>();
    for (Line l : input) {
      String t = fixSpaces(l.text().strip());
      if (isPageNumber(t, l)) continue;
      lines.add(new Line(t, l.left(), l.right(), l.em(), l.page(), l.pageFirst(), l.pageLast()));
    }
    float[] rights = lines.stream().filter(l -> !l.text().isEmpty()).map(Line::right).collect(floats());
    float[] lefts = lines.stream().filter(l -> !l.text().isEmpty()).map(Line::left).collect(floats());
    float[] ems = lines.stream().filter(l -> !l.text().isEmpty()).map(Line::em).collect(floats());
    if (rights.length == 0) return "";
    float fullRight = percentile(rights, 0.9f);
    float leftMargin = percentile(lefts, 0.1f);
    float em = Math.max(percentile(ems, 0.5f), 1e-3f);
    float slack = Math.max(SHORT_LINE_EM * em, SHORT_LINE_SHARE * (fullRight - leftMargin));

    StringBuilder out = new StringBuilder();
    StringBuilder para = new StringBuilder();
    Line prev = null;
    for (Line l : lines) {
      if (l.text().isEmpty()) {
        flush(out, para);
        prev = null;
        continue;
      }
      boolean continues = prev != null
          && !endsSentence(prev.text())
          && prev.right() >= fullRight - slack
          && !ITEM_START.matcher(l.text()).find()
          && l.left() <= leftMargin + INDENT_EM * em;
      if (!continues) flush(out, para);
      else if (needsSpace(para.charAt(para.length() - 1), l.text().charAt(0))) para.append(' ');
      para.append(l.text());
      prev = l;
    }
    flush(out, para);
    return out.toString();
  }

  /**
   * Removes whitespace inside Chinese: between two Chinese characters (or punctuation), and between a
   * Chinese character and a digit. Spaces between Latin words, and between Chinese and Latin words,
   * stay; so does the ideographic space U+3000, which is typed on purpose.
   */
  public static String fixSpaces(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isLayoutSpace(cp)) {
        int j = i;
        while (j < n && isLayoutSpace(s.codePointAt(j))) j += Character.charCount(s.codePointAt(j));
        int before = sb.isEmpty() ? -1 : sb.codePointBefore(sb.length());
        int after = j < n ? s.codePointAt(j) : -1;
        if (!(joins(before, after) || joins(after, before))) sb.append(' ');
        i = j;
        continue;
      }
      sb.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static boolean joins(int a, int b) {
    return a >= 0 && b >= 0 && CharClass.isCjk(a) && (CharClass.isCjk(b) || Character.isDigit(b));
  }

  private static boolean isLayoutSpace(int cp) {
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009;
  }

  static boolean endsSentence(String s) {
    int i = s.length() - 1;
    while (i > 0 && CLOSERS.indexOf(s.charAt(i)) >= 0) i--;
    return i >= 0 && SENTENCE_END.indexOf(s.charAt(i)) >= 0;
  }

  private static boolean isPageNumber(String t, Line l) {
    if (PAGE_NUMBER_ANYWHERE.matcher(t).matches()) return true;
    return (l.pageFirst() || l.pageLast()) && BARE_NUMBER.matcher(t).matches();
  }

  /** A Latin word after a Latin word or punctuation: the line break stood for a space (not after a hyphen). */
  private static boolean needsSpace(char a, char b) {
    return CharClass.isAlnum(b) && !CharClass.isCjk(a) && a != '-';
  }

  private static void flush(StringBuilder out, StringBuilder para) {
    if (para.isEmpty()) return;
    if (!out.isEmpty()) out.append('\n');
    out.append(para);
    para.setLength(0);
  }

  /** Width in em: Chinese characters and full-width forms 1, everything else 0.5. */
  static float width(String s) {
    float w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += CharClass.isCjk(cp) ? 1f : 0.5f;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static float percentile(float[] sorted, float p) {
    return sorted[Math.round(p * (sorted.length - 1))];
  }

  private static java.util.stream.Collector<Float, ?, float[]> floats() {
    return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
      float[] a = new float[l.size()];
      for (int i = 0; i < a.length; i++) a[i] = l.get(i);
      Arrays.sort(a);
      return a;
    });
  }
}
