package org.policysearch.ingest.meta;

/**
 * Chinese numerals as dates write them. Years come digit by digit in many hands: 一九九八, 二〇〇三 (U+3007),
 * 二○一五 (U+25CB, the circle), 二OO三 (the Latin letter O), 二00三 (ASCII zeros among Chinese digits),
 * 二零零三; or as a number: 两千零三, 二千零一十五. Months and days as numbers: 十二, 二十七, 三十一.
 *
 * <p>{@link #foldYearDigits} rewrites a four-character year written digit by digit (any mix of the forms
 * above, before 年) to ASCII digits, one character for one, so the positions of a text stay valid;
 * {@link #value} reads a number written with 十, 百, 千 (两千零三 → 2003). Stateless.
 */
public final class ChineseNumerals {
  private ChineseNumerals() {}

  /** The value of one digit character in any of its written forms, or -1. */
  static int digit(char c) {
    return switch (c) {
      case '0', '０', '〇', '○', '零', 'O', 'o', 'Ｏ', 'ｏ', 'О', '◯' -> 0;
      case '1', '１', '一' -> 1;
      case '2', '２', '二', '两' -> 2;
      case '3', '３', '三' -> 3;
      case '4', '４', '四' -> 4;
      case '5', '５', '五' -> 5;
      case '6', '６', '六' -> 6;
      case '7', '７', '七' -> 7;
      case '8', '８', '八' -> 8;
      case '9', '９', '九' -> 9;
      default -> -1;
    };
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A letter O counts as a zero only after another digit: "二OO三年", never the O that starts a word. */
  private static boolean isLetterO(char c) {
    return c == 'O' || c == 'o' || c == 'Ｏ' || c == 'ｏ' || c == 'О';
  }

  /**
   * Every run of exactly four digit characters followed by 年 (spaces allowed) that is not already
   * four ASCII digits becomes four ASCII digits: 二〇〇三年, 二OO三年, 二00三年, 二零零三年, ２００３年 → 2003年.
   * 两 is not a digit of a year written digit by digit. Same length as the input.
   */
  public static String foldYearDigits(String s) {
    char[] c = null;
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (digit(s.charAt(i)) < 0 || s.charAt(i) == '两') {
        i++;
        continue;
      }
      int j = i;
      while (j < n && digit(s.charAt(j)) >= 0 && s.charAt(j) != '两') j++;
      int k = j;
      while (k < n && s.charAt(k) == ' ') k++;
      boolean beforeYear = k < n && s.charAt(k) == '年';
      if (j - i == 4 && beforeYear && !allAscii(s, i, j) && !isLetterO(s.charAt(i))) {
        if (c == null) c = s.toCharArray();
        for (int x = i; x < j; x++) c[x] = (char) ('0' + digit(s.charAt(x)));
      }
      i = j;
    }
    // Full-width digits everywhere else, one for one (２０２３－０６－１６).
    for (int x = 0; x < n; x++) {
      char ch = s.charAt(x);
      if (ch >= '０' && ch <= '９') {
        if (c == null) c = s.toCharArray();
        c[x] = (char) ('0' + (ch - '０'));
      }
    }
    return c == null ? s : new String(c);
  }

  private static boolean allAscii(String s, int from, int to) {
    for (int i = from; i < to; i++) if (!isAsciiDigit(s.charAt(i))) return false;
    return true;
  }

  /**
   * A number written with 十, 百, 千 and digits (两千零三 → 2003, 二千零一十五 → 2015, 一千九百九十八 → 1998,
   * 十二 → 12, 二十七 → 27, 三 → 3), or null when the text is not such a number.
   */
  public static Integer value(String s) {
    if (s.isEmpty()) return null;
    int total = 0;
    int pending = -1; // the digit waiting for its unit
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      int unit = switch (ch) {
        case '十' -> 10;
        case '百' -> 100;
        case '千' -> 1000;
        default -> 0;
      };
      if (unit > 0) {
        total += (pending < 0 ? 1 : pending) * unit;
        pending = -1;
        any = true;
        continue;
      }
      int d = digit(ch);
      if (d < 0) return null;
      if (d == 0) { // 零 only marks a skipped place
        if (pending > 0) return null;
        pending = -1;
        continue;
      }
      if (pending > 0) return null; // two digits in a row: not this kind of number
      pending = d;
      any = true;
    }
    if (!any) return null;
    return total + Math.max(pending, 0);
  }
}
