package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.policysearch.ingest.meta.CleaningRule.Kind;

/**
 * Removes the debris of scraped pages (navigation, teasers, preview cuts) from a text while keeping
 * every sentence of the real text, moves header and credit lines into a header map, and notices when
 * the page only showed a preview. The rules come from {@link CleaningRules}; this class only knows
 * where each kind applies. Thread-safe.
 */
public final class Cleaner {
  /** Header lines are looked for before the first body line, but never further than this. */
  static final int HEAD_ZONE_MAX_LINES = 30;
  /** Footers (credits, "关注…" teasers, copyright) are looked for among this many last lines. */
  static final int TAIL_ZONE_LINES = 8;
  /** A line at least this long with sentence punctuation starts the body: no header lines after it. */
  static final int BODY_LINE_MIN_CHARS = 50;
  /** A header line is short; a longer line with a colon is a sentence ("时间：…地点：…" in a notice). */
  static final int HEADER_LINE_MAX_CHARS = 120;
  static final int HEADER_VALUE_MAX_CHARS = 60;
  /** A credit names people or an office ("石珊", "某某中学"); a longer value is a sentence. */
  static final int CREDIT_VALUE_MAX_CHARS = 12;
  /** After a truncation-end marker, fragments up to this long without sentence punctuation go too. */
  static final int TAIL_FRAGMENT_MAX_CHARS = 20;
  /** Head lines shorter than this are not dropped as a repeated title (a lone "中" is handled by rules). */
  static final int DUPLICATE_TITLE_MIN_CHARS = 4;

  private final CleaningRules rules;
  private final List<CleaningRule> inline;
  private final List<CleaningRule> wholeLine;

  public Cleaner(CleaningRules rules) {
    this.rules = rules;
    this.inline = rules.rules().stream()
        .filter(r -> r.kind() == Kind.DROP_INLINE || r.kind() == Kind.TRUNCATION_MARKER).toList();
    this.wholeLine = rules.rules().stream().filter(r -> r.kind().wholeLine()).toList();
  }

  /** Lines longer than this are never whole-line debris. */
  static final int WHOLE_LINE_RULE_MAX_CHARS = 300;

  public CleanedText clean(String text) {
    Pass pass = new Pass();
    List<String> lines = pass.linesWithoutInlineDebris(text);
    List<String> kept = pass.withoutWholeLineDebris(lines, bodyStart(lines), lines.size() - TAIL_ZONE_LINES);
    return new CleanedText(kept, pass.header, pass.truncated, pass.truncationDetail, pass.sources, pass.removed);
  }

  /** 2. Zones: header lines sit before the body starts (footers in the last {@link #TAIL_ZONE_LINES} lines). */
  private static int bodyStart(List<String> lines) {
    int n = lines.size();
    for (int i = 0; i < Math.min(HEAD_ZONE_MAX_LINES, n); i++) {
      if (isBodyLine(lines.get(i))) return i;
    }
    return Math.min(HEAD_ZONE_MAX_LINES, n);
  }

  /** One call of {@link #clean}: what it removed, the header fields and sources it found, whether the text is cut. */
  private final class Pass {
    final Map<String, Integer> removed = new LinkedHashMap<>();
    final Map<String, String> header = new LinkedHashMap<>();
    final List<String> sources = new ArrayList<>();
    boolean truncated = false;
    String truncationDetail = "";
    /** After a truncation end ("阅读全文"): the short fragments that follow are debris too. */
    boolean afterEnd = false;

    /** 1. Lines, trimmed, with pieces removed inside them. */
    List<String> linesWithoutInlineDebris(String text) {
      List<String> lines = new ArrayList<>();
      for (String raw : text.split("\r\n|\r|\n")) {
        String line = trim(removeInvisible(raw));
        if (line.isEmpty()) continue;
        for (CleaningRule r : inline) {
          Matcher m = r.pattern().matcher(line);
          if (!m.find()) continue;
          count(removed, r.name());
          if (r.kind() == Kind.TRUNCATION_MARKER && !truncated) {
            truncated = true;
            truncationDetail = m.group().strip();
          }
          line = trim(m.replaceAll(""));
        }
        if (!hasLetterOrDigit(line)) continue;
        lines.add(line);
      }
      return lines;
    }

    /** 3. Whole-line rules, in file order within each kind, zone by zone; then header fields and a repeated title. */
    List<String> withoutWholeLineDebris(List<String> lines, int bodyStart, int tailStart) {
      List<String> kept = new ArrayList<>();
      List<String> headSeen = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        boolean head = i < bodyStart;
        boolean tail = i >= tailStart;
        if (afterEnd) {
          if (line.length() <= TAIL_FRAGMENT_MAX_CHARS && !hasSentencePunctuation(line)) {
            count(removed, "truncation-end fragment");
            continue;
          }
          afterEnd = false;
        }
        CleaningRule fired = applyWholeLineRule(line, head, tail);
        if (fired != null) {
          count(removed, fired.name());
          continue;
        }
        if (head || tail) {
          int consumed = parseHeaderFields(lines, i, header, removed);
          if (consumed > 0) {
            i += consumed - 1;
            continue;
          }
        }
        if (head && line.length() >= DUPLICATE_TITLE_MIN_CHARS) {
          // A page that prints its title above the article's own title: the same line twice at the top.
          String key = line.replaceAll("\\s+", "");
          if (headSeen.contains(key)) {
            count(removed, "duplicate-title");
            continue;
          }
          headSeen.add(key);
        }
        kept.add(line);
      }
      return kept;
    }

    /** The first whole-line rule the line matches in its zone, with its effect applied; null when none does. */
    private CleaningRule applyWholeLineRule(String line, boolean head, boolean tail) {
      // Whole-line debris (navigation, teasers, header and credit lines) is short; long lines are body text,
      // and matching every rule against every long line was the cleaner's main cost.
      for (CleaningRule r : line.length() > WHOLE_LINE_RULE_MAX_CHARS ? List.<CleaningRule>of() : wholeLine) {
        if (r.kind() == Kind.DROP_TAIL_LINE && !tail) continue;
        if (r.kind() == Kind.HEADER_LINE && !head && !tail) continue;
        Matcher m = r.pattern().matcher(line);
        if (!m.matches()) continue;
        switch (r.kind()) {
          case TRUNCATION_END -> {
            if (!truncated) {
              truncated = true;
              truncationDetail = line;
            }
            afterEnd = true;
          }
          case HEADER_LINE -> header.putIfAbsent(r.name(), m.group("value").strip());
          default -> {
            if (r.namesSource() && m.group("source") != null) sources.add(m.group("source").strip());
          }
        }
        return r;
      }
      return null;
    }
  }

  /**
   * Parses lines.get(i) as a line of "label: value" header or credit fields. Returns how many lines it
   * consumed (0 when the line is not such a line; 2 when a lone "来源：" label takes its value from the
   * next line).
   */
  private int parseHeaderFields(List<String> lines, int i, Map<String, String> header, Map<String, Integer> removed) {
    String line = stripBrackets(lines.get(i));
    if (line.length() > HEADER_LINE_MAX_CHARS) return 0;
    Matcher m = rules.labelPattern().matcher(line);
    List<int[]> spans = new ArrayList<>(); // label start, label end (after the colon), rule index
    while (m.find()) {
      int ruleIndex = -1;
      for (int g = 0; g < rules.labelRules().size(); g++) {
        if (m.start("r" + g) >= 0) {
          ruleIndex = g;
          break;
        }
      }
      spans.add(new int[] {m.start(), m.end(), ruleIndex});
    }
    if (spans.isEmpty() || spans.get(0)[0] != 0) return 0;
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (int k = 0; k < spans.size(); k++) {
      int[] s = spans.get(k);
      int valueEnd = k + 1 < spans.size() ? spans.get(k + 1)[0] : line.length();
      CleaningRule rule = rules.labelRules().get(s[2]);
      String label = line.substring(s[0], s[1]).replaceAll("[\\s:：]", "");
      String value = trim(line.substring(s[1], valueEnd));
      // "作者：应为在职教师，每人限报一篇。" at the end of a notice is a sentence, not a credit.
      if (value.length() > HEADER_VALUE_MAX_CHARS || hasProsePunctuation(value)) return 0;
      if (rule.kind() == Kind.CREDIT_FIELD) {
        value = value.replaceAll("\\s+", "");
        if (value.length() > CREDIT_VALUE_MAX_CHARS) return 0;
      }
      fields.putIfAbsent(label, value);
      names.add(rule.name());
    }
    int consumed = 1;
    if (spans.size() == 1 && fields.values().iterator().next().isEmpty() && i + 1 < lines.size()) {
      // "来源：" alone, its value on the next line ("宁夏日报客户端"), as some pages lay them out.
      String next = lines.get(i + 1);
      if (next.length() <= HEADER_VALUE_MAX_CHARS / 2 && !hasSentencePunctuation(next)
          && !rules.labelPattern().matcher(next).lookingAt() && !matchesDropRule(next)) {
        String label = fields.keySet().iterator().next();
        CleaningRule rule = rules.labelRules().get(spans.get(0)[2]);
        fields.put(label, rule.kind() == Kind.CREDIT_FIELD ? next.replaceAll("\\s+", "") : next);
        consumed = 2;
      }
    }
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (!e.getValue().isEmpty()) header.putIfAbsent(e.getKey(), e.getValue());
    }
    for (String name : names) count(removed, name);
    return consumed;
  }

  private boolean matchesDropRule(String line) {
    for (CleaningRule r : wholeLine) {
      if (r.kind() != Kind.HEADER_LINE && r.pattern().matcher(line).matches()) return true;
    }
    return false;
  }

  /** Sentence punctuation: a value with it is prose. */
  static boolean hasProsePunctuation(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '。' || c == '，' || c == '；' || c == '！' || c == '？') return true;
    }
    return false;
  }

  /** A line long enough and punctuated like prose: the body has started. */
  static boolean isBodyLine(String line) {
    if (line.length() < BODY_LINE_MIN_CHARS) return false;
    int commas = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '。' || c == '；' || c == '！' || c == '？') return true;
      if (c == '，' || c == ',') commas++;
    }
    return commas >= 2;
  }

  static boolean hasSentencePunctuation(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '。' || c == '，' || c == ',' || c == '；' || c == '！' || c == '？' || c == '：') return true;
    }
    return false;
  }

  private static String stripBrackets(String line) {
    if (line.length() >= 2) {
      char a = line.charAt(0);
      char b = line.charAt(line.length() - 1);
      if ((a == '(' || a == '（' || a == '【' || a == '[') && (b == ')' || b == '）' || b == '】' || b == ']')) {
        return trim(line.substring(1, line.length() - 1));
      }
    }
    return line;
  }

  private static void count(Map<String, Integer> removed, String name) {
    removed.merge(name, 1, Integer::sum);
  }

  static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) return true;
      i += Character.charCount(cp);
    }
    return false;
  }

  /** Zero-width characters that scraped pages leave inside text (U+200B..U+200D, U+2060, BOM). */
  static String removeInvisible(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
        StringBuilder sb = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
          char d = s.charAt(j);
          if (d != '\u200B' && d != '\u200C' && d != '\u200D' && d != '\u2060' && d != '\uFEFF') sb.append(d);
        }
        return sb.toString();
      }
    }
    return s;
  }

  /** Trims whitespace of every kind, the ideographic space U+3000 and no-break space included. */
  static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isSpace(s.charAt(a))) a++;
    while (b > a && isSpace(s.charAt(b - 1))) b--;
    return s.substring(a, b);
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
