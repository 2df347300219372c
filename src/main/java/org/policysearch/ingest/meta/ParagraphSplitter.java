package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleaned lines → paragraphs in reading order: each line is a paragraph, headings are marked, markdown
 * '#' markers are stripped, and paragraphs over {@link #MAX_PARAGRAPH_CHARS} are split at sentence ends
 * into consecutive paragraphs. Deterministic, so "paragraph 7" stays valid while the file is unchanged.
 */
public final class ParagraphSplitter {
  /** Longer paragraphs are split: a citation should point at a readable passage, not a page of text. */
  public static final int MAX_PARAGRAPH_CHARS = 1000;
  /** A numbered line (一、 (一) 1. 第一章) is a heading only when at most this long and without a full stop inside. */
  static final int NUMBERED_HEADING_MAX_CHARS = 40;
  /** An unnumbered line is a heading when at most this long and without sentence punctuation ("会议强调"). */
  static final int SHORT_HEADING_MAX_CHARS = 24;

  private static final Pattern MARKDOWN = Pattern.compile("^(#{1,6})\\s*(.*)$");
  private static final String CN_NUM = "一二三四五六七八九十百零〇";
  /** 一、 (一) （二） 1. 1、 (1) ① 第一章 第二节 第三编 — and 一要/一是 lead-ins of speeches. */
  private static final Pattern NUMBERED = Pattern.compile(
      "^(?:[" + CN_NUM + "]+[、.．]"
          + "|[(（][" + CN_NUM + "]+[)）]"
          + "|\\d{1,2}[.．、](?!\\d)"
          + "|[(（]\\d{1,2}[)）]"
          + "|[①-⑳]"
          + "|第[" + CN_NUM + "\\d]+[章节编篇卷部分]"
          + "|[" + CN_NUM + "]+[要是](?![的否])"
          + ")");
  /** Articles (第一条) are numbered units of a regulation, not headings. */
  private static final Pattern ARTICLE = Pattern.compile("^第[" + CN_NUM + "\\d]{1,8}条");
  private static final Pattern SALUTATION =
      Pattern.compile("^(同志们|各位代表|各位委员|各位来宾|各位领导|女士们|先生们|朋友们|老师们|同学们)");
  private static final Pattern DATE_LINE = Pattern.compile(
      "^[\\d" + CN_NUM + "○Ｏ]{4}\\s*年\\s*[\\d" + CN_NUM + "]{1,3}\\s*月(\\s*[\\d" + CN_NUM + "]{1,3}\\s*日)?$");

  public List<Block> split(List<String> lines) {
    List<Block> out = new ArrayList<>();
    for (String line : lines) {
      Matcher md = MARKDOWN.matcher(line);
      if (md.matches()) {
        String text = Cleaner.trim(md.group(2));
        if (text.isEmpty()) continue;
        out.add(new Block(text, true, true, md.group(1).length()));
        continue;
      }
      if (line.length() <= MAX_PARAGRAPH_CHARS) {
        out.add(Block.of(line, isHeading(line)));
      } else {
        for (String part : splitLong(line)) out.add(Block.of(part, false));
      }
    }
    return out;
  }

  static boolean isHeading(String line) {
    if (ARTICLE.matcher(line).find()) return false;
    String body = stripEnd(line);
    if (NUMBERED.matcher(line).find()) {
      return line.length() <= NUMBERED_HEADING_MAX_CHARS && !hasInnerFullStop(body);
    }
    if (line.length() > SHORT_HEADING_MAX_CHARS || SALUTATION.matcher(line).find()) return false;
    if (DATE_LINE.matcher(line).matches()) return false;
    int cjk = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if ("，,。；;！!？?、".indexOf(c) >= 0) return false;
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) cjk++;
    }
    return cjk >= 2 && !line.endsWith("。");
  }

  /** The line without a final colon (鄂州教育十大行动: is a heading). */
  private static String stripEnd(String line) {
    return line.endsWith(":") || line.endsWith("：") ? line.substring(0, line.length() - 1) : line;
  }

  /** A full stop before the end: "(六)教师队伍建设展现新面貌。政策体系进一步完善。" is a heading run into text. */
  private static boolean hasInnerFullStop(String s) {
    for (int i = 0; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '。' || c == '！' || c == '？' || c == '；') return true;
    }
    return false;
  }

  /** Splits at sentence ends into parts of at most {@link #MAX_PARAGRAPH_CHARS}, packing greedily. */
  static List<String> splitLong(String text) {
    List<String> sentences = pieces(text, "。！？；!?;");
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String s : sentences) {
      if (s.length() > MAX_PARAGRAPH_CHARS) {
        if (!cur.isEmpty()) {
          parts.add(cur.toString());
          cur.setLength(0);
        }
        // One sentence longer than the limit: cut at commas, then hard.
        for (String c : pack(pieces(s, "，,、："))) parts.add(c);
        continue;
      }
      if (cur.length() + s.length() > MAX_PARAGRAPH_CHARS) {
        parts.add(cur.toString());
        cur.setLength(0);
      }
      cur.append(s);
    }
    if (!cur.isEmpty()) parts.add(cur.toString());
    List<String> trimmed = new ArrayList<>();
    for (String p : parts) {
      String t = Cleaner.trim(p);
      if (!t.isEmpty()) trimmed.add(t);
    }
    return trimmed;
  }

  private static List<String> pack(List<String> pieces) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String p : pieces) {
      while (p.length() > MAX_PARAGRAPH_CHARS) {
        if (!cur.isEmpty()) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        int cut = MAX_PARAGRAPH_CHARS;
        if (Character.isHighSurrogate(p.charAt(cut - 1))) cut--;
        out.add(p.substring(0, cut));
        p = p.substring(cut);
      }
      if (cur.length() + p.length() > MAX_PARAGRAPH_CHARS) {
        out.add(cur.toString());
        cur.setLength(0);
      }
      cur.append(p);
    }
    if (!cur.isEmpty()) out.add(cur.toString());
    return out;
  }

  /** Pieces ending with one of the given marks (plus closing quotes or brackets right after it). */
  private static List<String> pieces(String text, String ends) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (ends.indexOf(c) >= 0) {
        while (i < text.length() && "”’」』）)】".indexOf(text.charAt(i)) >= 0) i++;
        out.add(text.substring(start, i));
        start = i;
      }
    }
    if (start < text.length()) out.add(text.substring(start));
    return out;
  }
}
