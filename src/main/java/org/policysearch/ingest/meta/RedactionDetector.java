package org.policysearch.ingest.meta;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether names were masked in the text: "市委书记×", "省委×届×次全会", "全面_的_和__",
 * "站在推进…………教育事业", "共……万元". Not masking: "3×4" and "销项税额＝销售额×税率" (arithmetic: a
 * sentence with an equals sign), "长×宽", a programme named "数据要素×", the placeholders of document
 * templates ("×××人民法院", "（××××）…号", "××××年××月××日", "名称应当为“××律师事务所”"), an ellipsis ending a sentence ("……。") or a quotation
 * ("“如权利要求……所述的……”"), "……等", fill-in blanks of forms ("姓名：______", long runs). A document
 * is redacted when at least {@link #MIN_HITS} placeholders are found, so one stray sign does not flag it.
 * Thread-safe.
 */
public final class RedactionDetector {
  static final int MIN_HITS = 2;

  /** × next to a Han character, not between digits and not in a size formula (长×宽). */
  private static final Pattern TIMES = Pattern.compile("(?<![\\d\\s.．长宽高厚深)）])[×✕](?![\\d\\s.．长宽高厚深(（])");
  /** One or two underscores between Han characters or Chinese punctuation: a blanked-out word. */
  private static final Pattern UNDERSCORE =
      Pattern.compile("(?<=[\\p{IsHan}、，。；：“”（）])[_＿]{1,2}(?=[\\p{IsHan}、，。；：“”（）])");
  /** Four or more ellipsis characters (…………) inside a sentence, before a Han character or 《. */
  private static final Pattern LONG_ELLIPSIS = Pattern.compile("(?<=[\\p{IsHan}《“])[…]{4,}(?=[\\p{IsHan}》”])");
  /** "共……万元", "惠及……人": an amount blanked out. */
  private static final Pattern BLANK_AMOUNT =
      Pattern.compile("(?<=[\\p{IsHan}])[…]{2}(?=(万|亿)?(元|人|名|项|次|家|户|册|%|％)([，。、；）)\\s]|$))");

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

  /** Template placeholders: three or more × in a row. */
  static final int TEMPLATE_RUN = 3;

  /** × counts only alone or in pairs, with a Han character on one side at least (市委书记×, ×届, ×教育). */
  private static int countTimes(String t) {
    int n = 0;
    for (String sentence : DateExtractor.sentences(t)) {
      if (sentence.indexOf('=') >= 0 || sentence.indexOf('＝') >= 0) continue; // a formula
      Matcher m = TIMES.matcher(sentence);
      while (m.find()) {
        int i = m.start();
        if (insideQuotes(sentence, i)) continue; // a format: 名称应当为“××律师事务所”
        int runStart = i;
        while (runStart > 0 && isTimes(sentence.charAt(runStart - 1))) runStart--;
        int runEnd = i + 1;
        while (runEnd < sentence.length() && isTimes(sentence.charAt(runEnd))) runEnd++;
        if (runEnd - runStart >= TEMPLATE_RUN) continue;
        char after = runEnd < sentence.length() ? sentence.charAt(runEnd) : ' ';
        if (after == '”' || after == '》' || after == '"') continue; // a name such as “数据要素×”
        if ("年月日号".indexOf(after) >= 0) continue; // a form's date or number: ××××年××月××日
        boolean hanBefore = runStart > 0 && isHan(sentence.charAt(runStart - 1));
        boolean hanAfter = isHan(after);
        if (hanBefore || hanAfter) n++;
      }
    }
    return n;
  }

  /** Whether position i lies between an opening “ and its closing ” in the sentence. */
  private static boolean insideQuotes(String sentence, int i) {
    int open = sentence.lastIndexOf('“', i);
    return open >= 0 && sentence.lastIndexOf('”', i) < open && sentence.indexOf('”', i) > i;
  }

  private static boolean isTimes(char c) {
    return c == '×' || c == '✕';
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
