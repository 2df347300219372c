package org.policysearch.ingest.meta;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether names were masked in the text: "市委书记×", "省委×届×次全会", "全面_的_和__",
 * "站在推进…………教育事业", "共……万元". Not masking: "3×4" (arithmetic), "长×宽", an ellipsis ending a
 * sentence ("……。"), "……等", fill-in blanks of forms ("姓名：______", long runs). A document is redacted
 * when at least {@link #MIN_HITS} placeholders are found, so one stray sign does not flag it. Thread-safe.
 */
public final class RedactionDetector {
  static final int MIN_HITS = 2;

  /** × next to a Han character, not between digits and not in a size formula (长×宽). */
  private static final Pattern TIMES = Pattern.compile("(?<![\\d\\s.．长宽高厚深])[×✕](?![\\d\\s.．长宽高厚深])");
  /** One or two underscores between Han characters or Chinese punctuation: a blanked-out word. */
  private static final Pattern UNDERSCORE =
      Pattern.compile("(?<=[\\p{IsHan}、，。；：“”（）])[_＿]{1,2}(?=[\\p{IsHan}、，。；：“”（）])");
  /** Four or more ellipsis characters (…………) inside a sentence, before a Han character or 《. */
  private static final Pattern LONG_ELLIPSIS = Pattern.compile("(?<=[\\p{IsHan}《“])[…]{4,}(?=[\\p{IsHan}》”])");
  /** "共……万元", "惠及……人": an amount blanked out. */
  private static final Pattern BLANK_AMOUNT = Pattern.compile("(?<=[\\p{IsHan}])[…]{2}(?=(万|亿)?(元|人|名|所|个|项|次|家|户|册|%|％))");

  /** Whether the text is redacted, and the evidence ("× ×12; _ ×9"). */
  public record Result(boolean redacted, String detail) {}

  public Result detect(List<Block> blocks) {
    int times = 0;
    int underscores = 0;
    int ellipses = 0;
    int amounts = 0;
    for (Block b : blocks) {
      String t = b.text();
      // Most paragraphs hold none of the signs: look before running the patterns.
      if (t.indexOf('×') >= 0 || t.indexOf('✕') >= 0) times += countTimes(t);
      if (t.indexOf('_') >= 0 || t.indexOf('＿') >= 0) underscores += count(UNDERSCORE, t);
      if (t.indexOf('…') >= 0) {
        ellipses += count(LONG_ELLIPSIS, t);
        amounts += count(BLANK_AMOUNT, t);
      }
    }
    int hits = times + underscores + ellipses + amounts;
    StringBuilder d = new StringBuilder();
    if (times > 0) d.append("× ×").append(times);
    if (underscores > 0) d.append(d.isEmpty() ? "" : "; ").append("_ ×").append(underscores);
    if (ellipses > 0) d.append(d.isEmpty() ? "" : "; ").append("………… ×").append(ellipses);
    if (amounts > 0) d.append(d.isEmpty() ? "" : "; ").append("…… amount ×").append(amounts);
    return new Result(hits >= MIN_HITS, d.toString());
  }

  /** × counts only with a Han character on one side at least (市委书记×, ×届, ×教育). */
  private static int countTimes(String t) {
    Matcher m = TIMES.matcher(t);
    int n = 0;
    while (m.find()) {
      int i = m.start();
      boolean hanBefore = i > 0 && isHan(t.charAt(i - 1));
      boolean hanAfter = i + 1 < t.length() && isHan(t.charAt(i + 1));
      if (hanBefore || hanAfter) n++;
    }
    return n;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static int count(Pattern p, String t) {
    Matcher m = p.matcher(t);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
