package org.policysearch.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys by which a citation finds the document it names, computed the same way for a document's own
 * title and 文号 (when indexed) and for a reference to them (when extracted, and when a user types a 文号
 * into the {@code cites=} filter). Two strings name the same document when their keys are equal.
 *
 * <p>Title key: {@link TextNormalizer} (full-width, traditional, marks), without spaces and inner title
 * marks, without the 中华人民共和国 prefix (《教育法》 and 《中华人民共和国教育法》 are the same law), without a
 * trailing version in brackets ((2018年修正), (试行) stays: it is part of the name). Document number key:
 * the issuer code, year and number, whichever brackets were typed (国发〔2021〕16号 = 国发[2021]16号 =
 * 国发(2021)16号).
 *
 * <p>The keys are indexed and looked up at query time: a change to either function bumps the index schema
 * version ({@code index.IndexSchema}), or old indexes and new lookups would disagree.
 */
public final class CitationKeys {
  /** Keys shorter than this say too little to link anything; 《宪法》 has two characters. */
  public static final int MIN_TITLE_KEY = 2;
  /** Names of a kind of document, not of one document: 《条例》, 《通知》, 《实施细则》 link nothing. */
  private static final java.util.Set<String> GENERIC = java.util.Set.of("条例", "办法", "规定", "通知", "意见", "决定", "方案", "细则",
      "实施细则", "实施办法", "实施条例", "实施意见", "实施方案", "解释", "规划", "纲要", "报告", "公告", "批复", "章程", "标准", "规范",
      "决议", "议案", "法律", "法规", "规章", "草案", "修正案", "目录", "名录", "清单", "指南", "工作报告", "政府工作报告");
  /** Keys longer than this are not titles but text caught between two marks. */
  public static final int MAX_TITLE_KEY = 150;
  private static final String PRC = "中华人民共和国";
  /** A trailing bracket that holds a version, not a part of the name: (2018年修正), (2019修订), (2020年版). */
  private static final Pattern VERSION = Pattern.compile("\\(([^()]*(?:\\d{4}|修正|修订|修改|版|草案|征求意见稿)[^()]*)\\)$");
  /** 国发〔2021〕16号 in any brackets, after normalisation: code, year, number. */
  private static final Pattern DOC_NUMBER = Pattern.compile("([\\p{IsHan}A-Za-z]{1,12})\\s*[\\[(〔［【]\\s*(\\d{4})\\s*[\\])〕］】]\\s*第?\\s*(\\d{1,5})\\s*号");

  private CitationKeys() {}

  /** A title and its version, split: "中华人民共和国公司法(2018年修正)" → 公司法 / 2018年修正. */
  public record Title(String key, String version) {}

  /** The key of a title as cited or as a document's own title; key "" when too short or too long to link. */
  public static Title title(String written) {
    String s = TextNormalizer.normalizeToString(written == null ? "" : written).replace(" ", "");
    s = s.replace('（', '(').replace('）', ')');
    String version = "";
    Matcher m = VERSION.matcher(s);
    if (m.find()) {
      version = m.group(1);
      s = s.substring(0, m.start());
    }
    if (s.startsWith(PRC) && s.length() > PRC.length() + 1) s = s.substring(PRC.length());
    if (s.length() < MIN_TITLE_KEY || s.length() > MAX_TITLE_KEY || GENERIC.contains(s)) return new Title("", version);
    return new Title(s, version);
  }

  /** The key of a 文号 ("国发〔2021〕16号" → "国发[2021]16号"), or "" when the text holds none. */
  public static String docNumber(String written) {
    if (written == null || written.isEmpty()) return "";
    String s = TextNormalizer.normalizeToString(written);
    Matcher m = DOC_NUMBER.matcher(s);
    if (!m.find()) return "";
    return m.group(1) + "[" + m.group(2) + "]" + Integer.parseInt(m.group(3)) + "号";
  }

  /**
   * The keys a cited 文号 may have when the words before its issuer code were caught with it: every tail
   * of the code from the longest, down to two characters ("按照国办发" → 按照国办发, 照国办发, 国办发, 办发).
   * Resolution takes the longest that some document has as its own number.
   */
  public static java.util.List<String> docNumberTails(String key) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int bracket = key.indexOf('[');
    if (bracket < 0) return out;
    for (int i = 0; bracket - i >= 2; i++) out.add(key.substring(i));
    return out;
  }
}
