package org.policysearch.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 章/节/条/款/项 structure of a document, read from its paragraphs in order: regulations, rules and the
 * many notices written in articles. One rule, in one place, for ingest (which stores each paragraph's
 * {@link ArticlePosition}) and for anyone who jumps to an article.
 *
 * <p>A paragraph that starts with 第…条 starts an article (its first 款); the paragraphs after it that are
 * not items are its further 款; a paragraph that starts with （一） or (一) is an item (项) of the 款 before
 * it. A 第…章 (or 编) paragraph starts a chapter and a 第…节 paragraph a section, each closing the article
 * before. A document is read as built of articles only when at least {@link #MIN_ARTICLES} paragraphs
 * start one, so a speech that once says "第一条" is not. Labels are kept as written and never renumbered.
 */
public final class Articles {
  private Articles() {}

  /** Articles a document needs before it is read as built of them. */
  public static final int MIN_ARTICLES = 2;

  private static final String NUM = "〇零一二三四五六七八九十百千两\\d";
  // "## 第一章　总则" (Markdown from the corpus) and "第一章 总则"; 编 for codes (民法典 第一编)
  private static final Pattern CHAPTER = Pattern.compile("^(?:#{1,6}\\s*)?(第[" + NUM + "]{1,8}[编章])");
  private static final Pattern SECTION = Pattern.compile("^(?:#{1,6}\\s*)?(第[" + NUM + "]{1,8}节)");
  /** A chapter or section heading is a short line without a full stop ("第一章　总则"), not a sentence that starts so. */
  private static final int HEADING_MAX = 50;
  private static final Pattern ARTICLE = Pattern.compile("^(?:#{1,6}\\s*)?(第([" + NUM + "]{1,8})条(?:之[" + NUM + "]{1,4})?)");
  private static final Pattern ITEM = Pattern.compile("^([(（]([一二三四五六七八九十]{1,3})[)）])");

  /** The paragraphs with their positions ({@link ArticlePosition#NONE} everywhere when there are no articles). */
  public static List<Paragraph> locate(List<Paragraph> paragraphs) {
    int starts = 0;
    for (Paragraph p : paragraphs) if (ARTICLE.matcher(p.text().strip()).find()) starts++;
    if (starts < MIN_ARTICLES) {
      List<Paragraph> out = new ArrayList<>(paragraphs.size());
      for (Paragraph p : paragraphs) out.add(p.withArticle(ArticlePosition.NONE));
      return out;
    }
    ArticlePosition[] pos = new ArticlePosition[paragraphs.size()];
    String chapter = "";
    String section = "";
    String article = "";
    int number = 0;
    int clause = 0;
    int articleStart = -1;
    for (int i = 0; i < paragraphs.size(); i++) {
      String t = paragraphs.get(i).text().strip();
      Matcher m;
      boolean headingLike = t.length() <= HEADING_MAX && t.indexOf('。') < 0;
      if (headingLike && (m = CHAPTER.matcher(t)).find()) {
        closeArticle(pos, articleStart, i, clause);
        chapter = m.group(1);
        section = "";
        article = "";
        articleStart = -1;
        pos[i] = new ArticlePosition(chapter, "", "", 0, 0, "", 0);
      } else if (headingLike && (m = SECTION.matcher(t)).find()) {
        closeArticle(pos, articleStart, i, clause);
        section = m.group(1);
        article = "";
        articleStart = -1;
        pos[i] = new ArticlePosition(chapter, section, "", 0, 0, "", 0);
      } else if ((m = ARTICLE.matcher(t)).find()) {
        closeArticle(pos, articleStart, i, clause);
        article = m.group(1);
        number = Optional.ofNullable(number(m.group(2))).orElse(0);
        articleStart = i;
        // "第十二条" alone on its line: its text, and its first 款, is the next paragraph
        clause = t.substring(m.end()).isBlank() ? 0 : 1;
        pos[i] = new ArticlePosition(chapter, section, article, number, 1, "", 0); // a bare label belongs to the first 款
      } else if (!article.isEmpty()) {
        Matcher im = ITEM.matcher(t);
        if (im.find()) {
          pos[i] = new ArticlePosition(chapter, section, article, number, Math.max(clause, 1), im.group(1),
              Optional.ofNullable(number(im.group(2))).orElse(0));
          if (clause == 0) clause = 1;
        } else {
          clause++;
          pos[i] = new ArticlePosition(chapter, section, article, number, clause, "", 0);
        }
      } else {
        pos[i] = new ArticlePosition(chapter, section, "", 0, 0, "", 0);
      }
    }
    closeArticle(pos, articleStart, paragraphs.size(), clause);
    List<Paragraph> out = new ArrayList<>(paragraphs.size());
    for (int i = 0; i < paragraphs.size(); i++) out.add(paragraphs.get(i).withArticle(pos[i]));
    return out;
  }

  /** An article of one 款 is cited as the article alone: its paragraphs lose the 款 number. */
  private static void closeArticle(ArticlePosition[] pos, int start, int end, int clauses) {
    if (start < 0 || clauses > 1) return;
    for (int i = start; i < end; i++) {
      ArticlePosition p = pos[i];
      pos[i] = new ArticlePosition(p.chapter(), p.section(), p.article(), p.number(), 0, p.item(), p.itemNumber());
    }
  }

  /** One entry of a table of contents: a chapter, section or article heading and the paragraph it starts at. */
  public record Entry(String level, String label, int number, int paragraph) {}

  /**
   * The table of contents: every chapter, section and article in reading order, labelled as written (the
   * chapter and section with their titles: "第一章　总则"), with the paragraph each starts at. Empty for a
   * document without articles.
   */
  public static List<Entry> contents(List<Paragraph> located) {
    List<Entry> out = new ArrayList<>();
    for (Paragraph p : located) {
      ArticlePosition a = p.article();
      String t = p.text().strip().replaceFirst("^#{1,6}\\s*", "");
      if (a.article().isEmpty() && !a.section().isEmpty() && SECTION.matcher(t).find()) {
        out.add(new Entry("section", clip(t), 0, p.number()));
      } else if (a.article().isEmpty() && a.section().isEmpty() && !a.chapter().isEmpty() && CHAPTER.matcher(t).find()) {
        out.add(new Entry("chapter", clip(t), 0, p.number()));
      } else if (!a.article().isEmpty() && ARTICLE.matcher(t).find()) {
        out.add(new Entry("article", a.article(), a.number(), p.number()));
      }
    }
    return out;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /**
   * The paragraph where an article starts, the article typed as a user would: 12, 十二, 第十二条, 第十二条之一.
   * When the numbering repeats, the first article of that number (as written) is the one.
   *
   * @throws IllegalArgumentException when the text is not an article number
   */
  public static Optional<Paragraph> find(List<Paragraph> located, String typed) {
    Matcher m = TYPED.matcher(typed.strip());
    if (!m.matches()) throw new IllegalArgumentException("not an article number");
    Integer n = number(m.group(1) != null ? m.group(1) : m.group(3));
    if (n == null || n < 1) throw new IllegalArgumentException("not an article number");
    Integer suffix = m.group(2) == null ? null : number(m.group(2));
    for (Paragraph p : located) {
      ArticlePosition a = p.article();
      if (a.number() != n || !ARTICLE.matcher(p.text().strip()).find()) continue;
      int at = a.article().indexOf('之');
      Integer own = at < 0 ? null : number(a.article().substring(at + 1, a.article().length()));
      if (java.util.Objects.equals(own, suffix)) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** 第十二条, 第十二条之一, 十二, 12. */
  private static final Pattern TYPED = Pattern.compile("^第([" + NUM + "]{1,8})条(?:之([" + NUM + "]{1,4}))?$|^([" + NUM + "]{1,8})$");

  /**
   * A number as articles write it: 12, 十二, 一百零五, 一千二百六十, 两百; null when it is not one. (The years of
   * dates are read by ingest.meta.ChineseNumerals, which knows their other hands; articles need only these.)
   */
  public static Integer number(String s) {
    if (s == null || s.isEmpty()) return null;
    if (s.chars().allMatch(Character::isDigit)) {
      return s.length() > 6 ? null : Integer.valueOf(s);
    }
    int total = 0;
    int pending = -1;
    int lastUnit = Integer.MAX_VALUE;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int unit = switch (c) {
        case '十' -> 10;
        case '百' -> 100;
        case '千' -> 1000;
        default -> 0;
      };
      if (unit > 0) {
        if (unit >= lastUnit) return null; // 十百, 百百: not a number
        total += (pending < 0 ? 1 : pending) * unit;
        pending = -1;
        lastUnit = unit;
        continue;
      }
      int d = "〇一二三四五六七八九".indexOf(c);
      if (c == '零') d = 0;
      if (c == '两') d = 2;
      if (d < 0) return null;
      if (d == 0) {
        if (pending > 0) return null;
        continue;
      }
      if (pending > 0) return null;
      pending = d;
    }
    return total + Math.max(pending, 0);
  }

  /** 1 → 一, 12 → 十二, 105 → 一百零五, 1260 → 一千二百六十 (the 款 and 项 of citations). */
  public static String chinese(int n) {
    if (n <= 0 || n > 9999) return Integer.toString(n);
    String digits = "零一二三四五六七八九";
    String[] units = {"", "十", "百", "千"};
    StringBuilder sb = new StringBuilder();
    String s = Integer.toString(n);
    boolean zero = false;
    for (int i = 0; i < s.length(); i++) {
      int d = s.charAt(i) - '0';
      int unit = s.length() - 1 - i;
      if (d == 0) {
        zero = true;
        continue;
      }
      if (zero && !sb.isEmpty()) sb.append('零');
      zero = false;
      if (!(d == 1 && unit == 1 && sb.isEmpty())) sb.append(digits.charAt(d));
      sb.append(units[unit]);
    }
    return sb.toString();
  }
}
