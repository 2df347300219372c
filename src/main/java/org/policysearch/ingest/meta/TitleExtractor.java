package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the title and subtitle of a document in its first paragraphs. Rules, first that applies:
 * <ol>
 *   <li>a subtitle line "——在…会议上的讲话" (or "（2026年1月27日在…会议上）") near the top: the subtitle is
 *       that line without the dash, the title the heading-like line right above it (a speech's slogan);</li>
 *   <li>a markdown '#' heading first: the title; a second '#' heading right after it: the subtitle
 *       (# 中华人民共和国民法典 / # 人格权编);</li>
 *   <li>a heading-like first line (short, no full stop, not a salutation, not a date): the title;</li>
 *   <li>no title line (a news report starting with its first sentence): the clause of the first sentence
 *       that holds the meeting, without its leading date ("2月12日上午,2023年全市教育工作会议召开,…" →
 *       "2023年全市教育工作会议召开");</li>
 *   <li>otherwise the first sentence, cut at a clause boundary to {@link #DERIVED_TITLE_MAX_CHARS}.</li>
 * </ol>
 * The title is never empty for a document with text. Thread-safe.
 */
public final class TitleExtractor {
  static final int TITLE_MAX_CHARS = 60;
  static final int SUBTITLE_SCAN_BLOCKS = 8;
  static final int DERIVED_TITLE_MAX_CHARS = 40;

  /**
   * @param title          the title ("" only for a document without text)
   * @param subtitle       the subtitle without its dash ("" when none)
   * @param titleBlock     index of the block that is the title, or -1 when derived from a sentence
   * @param subtitleBlock  index of the subtitle block, or -1
   * @param rule           which rule decided, for the evidence
   */
  public record Result(String title, String subtitle, int titleBlock, int subtitleBlock, String rule) {}

  private static final Pattern DASH = Pattern.compile("^(?:[—―─－\\-]{1,4})\\s*(.+)$");
  private static final Pattern PAREN_SUBTITLE = Pattern.compile("^[(（](.*(?:会议|大会)上.*)[)）]$");
  private static final Pattern SALUTATION =
      Pattern.compile("^(同志们|各位代表|各位委员|各位来宾|各位领导|女士们|先生们|朋友们|老师们|同学们)");
  private static final Pattern LEADING_DATE = Pattern.compile(
      "^(?:\\d{4}\\s*年)?\\s*(?:\\d{1,2}\\s*月)?\\s*(?:\\d{1,2}\\s*[日号])?\\s*(?:上午|下午|晚上|晚|早上|当天|近日|日前|今天|昨天|前不久)?\\s*[,，、]?\\s*");
  private static final Pattern MEETING_CLAUSE = Pattern.compile("召开|举行|开幕|闭幕|举办");
  private static final Pattern NUMBERED = Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\\d{1,2}[.．、](?!\\d)|第\\S{1,6}条)");

  public Result extract(List<Block> blocks) {
    if (blocks.isEmpty()) return new Result("", "", -1, -1, "none");
    // 1. A subtitle line near the top, the title right above it.
    for (int i = 1; i < Math.min(SUBTITLE_SCAN_BLOCKS, blocks.size()); i++) {
      String sub = subtitleOf(blocks.get(i).text());
      if (sub == null) continue;
      String above = blocks.get(i - 1).text();
      if (isTitleLike(above)) return new Result(above, sub, i - 1, i, "line above the subtitle");
      break;
    }
    Block first = blocks.get(0);
    // 2. Markdown heading.
    if (first.markdown()) {
      if (blocks.size() > 1 && blocks.get(1).markdown() && blocks.get(1).level() == first.level()) {
        return new Result(first.text(), blocks.get(1).text(), 0, 1, "markdown headings");
      }
      return new Result(first.text(), "", 0, -1, "markdown heading");
    }
    // 3. A heading-like first line.
    if (isTitleLike(first.text())) {
      if (blocks.size() > 1) {
        String sub = subtitleOf(blocks.get(1).text());
        if (sub != null) return new Result(first.text(), sub, 0, 1, "first line");
      }
      return new Result(first.text(), "", 0, -1, "first line");
    }
    // 4./5. Derived from the first sentence of the first paragraph that is not a salutation.
    for (Block b : blocks) {
      if (SALUTATION.matcher(b.text()).find() && b.text().length() <= 12) continue;
      String sentence = DateExtractor.sentences(b.text()).get(0);
      for (String clause : sentence.split("[,，;；:：]")) {
        if (!MEETING_CLAUSE.matcher(clause).find()) continue;
        String t = stripLeadingDate(clause);
        if (t.length() >= 4 && t.length() <= TITLE_MAX_CHARS) return new Result(t, "", -1, -1, "meeting clause of the first sentence");
      }
      return new Result(cut(stripEndPunct(sentence)), "", -1, -1, "first sentence");
    }
    return new Result(cut(stripEndPunct(first.text())), "", -1, -1, "first sentence");
  }

  /** The subtitle in a "——在…上的讲话" or "（…在…会议上）" line, or null. */
  static String subtitleOf(String line) {
    Matcher m = DASH.matcher(line);
    if (m.matches() && line.length() <= TITLE_MAX_CHARS + 4) {
      String s = Cleaner.trim(m.group(1));
      return s.isEmpty() ? null : s;
    }
    Matcher p = PAREN_SUBTITLE.matcher(line);
    if (p.matches() && line.length() <= TITLE_MAX_CHARS + 4) return Cleaner.trim(p.group(1));
    return null;
  }

  static boolean isTitleLike(String line) {
    if (line.length() < 2 || line.length() > TITLE_MAX_CHARS) return false;
    if (line.indexOf('。') >= 0 || line.indexOf('！') >= 0 || line.indexOf('？') >= 0) return false;
    if (line.endsWith("：") || line.endsWith(":") || line.endsWith("，") || line.endsWith(",") || line.endsWith("；")) return false;
    if (SALUTATION.matcher(line).find() || NUMBERED.matcher(line).find()) return false;
    List<DateMention> ds = DateMention.findAll(line);
    // "2月2日,潼南区召开…" starts with a date: a sentence of a report, not a title.
    if (!ds.isEmpty() && ds.get(0).start() == 0 && ds.get(0).month() != null) return false;
    return Cleaner.hasLetterOrDigit(line);
  }

  static String stripLeadingDate(String clause) {
    String t = Cleaner.trim(clause);
    Matcher m = LEADING_DATE.matcher(t);
    if (m.lookingAt() && m.end() > 0) {
      String rest = t.substring(m.end());
      // Keep "2023年全市教育工作会议召开": only a date with a month is dropped.
      if (!DateMention.findAll(t.substring(0, m.end())).stream().allMatch(d -> d.month() == null)) t = rest;
    }
    return stripEndPunct(t);
  }

  private static String stripEndPunct(String s) {
    String t = Cleaner.trim(s);
    while (!t.isEmpty() && "。，,；;：:！？!?、".indexOf(t.charAt(t.length() - 1)) >= 0) t = t.substring(0, t.length() - 1);
    return t;
  }

  /** At most {@link #DERIVED_TITLE_MAX_CHARS}, cut after the last clause that fits. */
  private static String cut(String s) {
    if (s.length() <= DERIVED_TITLE_MAX_CHARS) return s;
    List<Integer> cuts = new ArrayList<>();
    for (int i = 0; i < DERIVED_TITLE_MAX_CHARS; i++) {
      if ("，,；;：:、".indexOf(s.charAt(i)) >= 0) cuts.add(i);
    }
    int at = cuts.isEmpty() ? DERIVED_TITLE_MAX_CHARS : cuts.get(cuts.size() - 1);
    return s.substring(0, at);
  }
}
