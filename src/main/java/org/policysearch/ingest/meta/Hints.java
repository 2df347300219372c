package org.policysearch.ingest.meta;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases by which a text tells its level without naming its place ("全市", "本县", "区委") or shows a
 * national text ("国务院", "省、自治区、直辖市", "国家实行"), counted in one pass of a phrase trie: these run
 * over every paragraph of every document, where the equivalent regexes cost most of the build time.
 */
final class Hints {
  static final int PROVINCE_SELF = 0;
  static final int CITY_SELF = 1;
  static final int COUNTY_SELF = 2;
  /** National bodies named in running text (not inside 《…》: local texts cite national laws). */
  static final int NATIONAL_BODY = 3;
  /** How national rules speak of the country's provinces and local governments (local texts say 本省, 本市). */
  static final int NATIONAL_SCOPE = 4;
  static final int KINDS = 5;

  /** A phrase's kind and the characters that must not stand right before it. */
  private record Hint(int kind, String notAfter) {}

  private static final PhraseTrie<Hint> TRIE;

  static {
    Map<String, Hint> m = new HashMap<>();
    // "省、自治区、直辖市人民政府" is a national rule speaking of all of them: 、 before a body is a list.
    for (String p : List.of("全省", "本省", "全自治区", "本自治区", "自治区党委")) m.put(p, new Hint(PROVINCE_SELF, ""));
    for (String p : List.of("省委", "省政府", "省人民政府", "自治区人民政府")) m.put(p, new Hint(PROVINCE_SELF, "、"));
    // 城市政府, 直辖市人民政府, 设区的市人民政府 speak of cities in general.
    for (String p : List.of("全市", "本市", "全盟", "本盟", "盟委", "全州", "本州")) m.put(p, new Hint(CITY_SELF, ""));
    for (String p : List.of("市委", "市政府", "市人民政府")) m.put(p, new Hint(CITY_SELF, "城都辖的、"));
    m.put("州委", new Hint(CITY_SELF, "、"));
    for (String p : List.of("全县", "本县", "全区", "本区", "全旗", "本旗", "旗委")) m.put(p, new Hint(COUNTY_SELF, ""));
    for (String p : List.of("县委", "县政府")) m.put(p, new Hint(COUNTY_SELF, "、"));
    for (String p : List.of("区委", "区政府")) m.put(p, new Hint(COUNTY_SELF, "、市"));
    for (String p : List.of("全国人民代表大会", "全国人大", "全国代表大会", "国务院", "最高人民法院", "最高人民检察院", "中共中央",
        "党中央", "中央军委", "中央军事委员会", "中华人民共和国主席令")) {
      m.put(p, new Hint(NATIONAL_BODY, ""));
    }
    for (String p : List.of("省、自治区、直辖市", "县级以上地方人民政府", "县级以上地方各级人民政府", "在中华人民共和国境内",
        "在中华人民共和国领域内", "全国范围", "全国统一", "全国性", "国家实行", "国家建立", "国家鼓励", "国家支持", "国家保护",
        "国家依法", "国家对")) {
      m.put(p, new Hint(NATIONAL_SCOPE, ""));
    }
    TRIE = PhraseTrie.of(m);
  }

  private Hints() {}

  /** How many phrases of each kind the text holds, indexed by the kind constants. */
  static int[] count(String text) {
    int[] counts = new int[KINDS];
    List<PhraseTrie.Match<Hint>> matches = TRIE.findAll(text);
    if (matches.isEmpty()) return counts;
    int depth = 0; // inside 《…》
    int pos = 0;
    for (PhraseTrie.Match<Hint> m : matches) {
      for (; pos < m.start(); pos++) {
        char c = text.charAt(pos);
        if (c == '《') depth++;
        else if (c == '》' && depth > 0) depth--;
      }
      Hint h = m.value();
      if (m.start() > 0 && h.notAfter().indexOf(text.charAt(m.start() - 1)) >= 0) continue;
      if (depth > 0 && (h.kind() == NATIONAL_BODY || h.kind() == NATIONAL_SCOPE)) continue;
      counts[h.kind()]++;
    }
    return counts;
  }
}
