package org.policysearch.ingest.meta;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.doc.DateInfo;

/**
 * A date written in a text: 2023年2月12日, 二〇二三年一月十五日, 2023-06-16, 2021/3/4, 2月12日 (no year),
 * 2023年6月, 2023年. Fields not written are null.
 *
 * @param start index of the first char in the text
 * @param end   index just past the last char
 * @param year  the year, or null ("2月12日")
 * @param month the month, or null
 * @param day   the day, or null
 */
public record DateMention(int start, int end, Integer year, Integer month, Integer day) {
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2100;

  private static final String CN_DIGIT = "〇○零Ｏ一二三四五六七八九";
  /** Digit by digit (2003, 二〇〇三: the other hands are folded first, see {@link ChineseNumerals}) or as a number (两千零三). */
  private static final String YEAR = "((?:1[89]|20)\\d{2}|[" + CN_DIGIT + "]{4}|[两二一]千[零〇○一二三四五六七八九十百]{0,6})";
  private static final String MONTH = "(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
  private static final String DAY = "(3[01]|[12]\\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])";
  /** Alternatives, in priority order at one position: full Chinese date, ISO-like date, month-day, year-month, year. */
  private static final Pattern DATE = Pattern.compile(
      "(?<![\\d.．])" + YEAR + "\\s*年\\s*" + MONTH + "\\s*月(?:\\s*" + DAY + "\\s*[日号])?"
          + "|(?<![\\d.．])((?:1[89]|20)\\d{2})\\s*[-/.．－／]\\s*(1[0-2]|0?[1-9])\\s*[-/.．－／]\\s*(3[01]|[12]\\d|0?[1-9])(?![\\d])"
          + "|(?<![\\d.．年])(1[0-2]|0?[1-9])\\s*月\\s*(3[01]|[12]\\d|0?[1-9])\\s*[日号]"
          + "|(?<![\\d.．])((?:1[89]|20)\\d{2})\\s*[-/.．－／]\\s*(1[0-2]|0[1-9])(?![\\d\\-/.．－／])"
          + "|(?<![\\d.．])" + YEAR + "\\s*年");

  /** All dates written in the text, left to right, without overlaps. Full-width digits are read too. */
  static List<DateMention> findAll(String text) {
    String t = foldDigits(text);
    List<DateMention> out = new ArrayList<>();
    Matcher m = DATE.matcher(t);
    while (m.find()) {
      DateMention d = null;
      if (m.group(1) != null) {
        d = make(m.start(), m.end(), year(m.group(1)), cnNumber(m.group(2)), m.group(3) == null ? null : cnNumber(m.group(3)));
      } else if (m.group(4) != null) {
        d = make(m.start(), m.end(), year(m.group(4)), Integer.valueOf(m.group(5)), Integer.valueOf(m.group(6)));
      } else if (m.group(7) != null) {
        d = make(m.start(), m.end(), null, Integer.valueOf(m.group(7)), Integer.valueOf(m.group(8)));
      } else if (m.group(9) != null) {
        d = make(m.start(), m.end(), year(m.group(9)), Integer.valueOf(m.group(10)), null);
      } else if (m.group(11) != null) {
        d = make(m.start(), m.end(), year(m.group(11)), null, null);
      }
      if (d != null) out.add(d);
    }
    return out;
  }

  /** The first date in a string such as a header value or a given date ("2023-06-16", "2023年2月12日", "2023"). */
  static DateInfo parse(String s) {
    for (DateMention d : findAll(s)) {
      if (d.year() != null) return d.toDateInfo();
    }
    String t = foldDigits(s.strip());
    if (t.matches("(1[89]|20)\\d{2}")) return DateInfo.year(Integer.parseInt(t));
    return DateInfo.UNKNOWN;
  }

  private static DateMention make(int start, int end, Integer y, Integer m, Integer d) {
    if (y != null && (y < MIN_YEAR || y > MAX_YEAR)) return null;
    if (m == null && d != null) return null;
    if (y != null && m != null && d != null) {
      try {
        LocalDate.of(y, m, d);
      } catch (DateTimeException e) {
        return null; // 2月30日 is no date: the digits meant something else
      }
    } else if (d != null && (d < 1 || d > 31)) {
      return null;
    }
    return new DateMention(start, end, y, m, d);
  }

  /** This date with another year (a month-day whose year comes from the sentence around it). */
  DateMention withYear(int y) {
    return new DateMention(start, end, y, month, day);
  }

  DateInfo toDateInfo() {
    if (year == null) return DateInfo.UNKNOWN;
    if (month == null) return DateInfo.year(year);
    if (day == null) return DateInfo.month(year, month);
    return DateInfo.day(year, month, day);
  }

  private static Integer year(String s) {
    if (Character.isDigit(s.charAt(0))) return Integer.valueOf(s);
    if (s.indexOf('千') >= 0) return ChineseNumerals.value(s);
    int y = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = digit(s.charAt(i));
      if (v < 0) return null;
      y = y * 10 + v;
    }
    return y;
  }

  private static int digit(char c) {
    return switch (c) {
      case '〇', '○', '零', 'Ｏ' -> 0;
      case '一' -> 1;
      case '二' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }

  /** 1..31 written with Arabic digits or Chinese numerals (十二, 二十七, 三十一). */
  static Integer cnNumber(String s) {
    if (Character.isDigit(s.charAt(0))) return Integer.valueOf(s);
    int ten = s.indexOf('十');
    if (ten < 0) return digit(s.charAt(0));
    int tens = ten == 0 ? 1 : digit(s.charAt(0));
    int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
    return tens * 10 + ones;
  }

  /**
   * Full-width digits to ASCII, and a year written digit by digit in any hand (二OO三年, 二00三年) to ASCII
   * digits, one char for one, so indexes stay valid.
   */
  static String foldDigits(String s) {
    return ChineseNumerals.foldYearDigits(s);
  }
}
