package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.ingest.meta.Gazetteer.Level;
import org.policysearch.ingest.meta.Gazetteer.NameHit;
import org.policysearch.ingest.meta.Gazetteer.Place;

/**
 * The evidence for a document's region, gathered in one pass over its text: a weighted vote for each place
 * named, the weight of national bodies, and how often the text speaks of its own province, city or county
 * without naming it ("全省", "全市", "全县"). {@link RegionResolver} decides from it.
 */
final class RegionVotes {
  /** Where a name stands, and what a mention there weighs. */
  enum Zone {
    TITLE(8), HEAD(3), BODY(1);

    final double weight;

    Zone(double weight) {
      this.weight = weight;
    }
  }

  /** Paragraphs after the title counted as the head of the text. */
  static final int HEAD_BLOCKS = 3;
  /** A generated short form (鄂州) weighs this much of a full name. */
  static final double SHORT_FORM_FACTOR = 0.8;
  /** A place that issues or hosts ("潼南区召开", "鄂州市委", "上海市第十五届人民代表大会") weighs this many times more. */
  static final double ISSUER_FACTOR = 3;
  /** Body votes per place beyond this count at a tenth: a long law repeating its city's name is not 100× surer. */
  static final double BODY_CAP = 15;
  /** A national body named in the body of a text weighs half a place (local texts name them too). */
  static final double NATIONAL_IN_BODY = 0.5;

  private static final Pattern ISSUER_AFTER = Pattern.compile(
      "^(省|市|区|县|盟|旗|州|自治区|自治州|自治县)?(委|政府|人民政府|人民代表大会|人大|党委|党工委|教育局|教委|教育厅|"
          + "教育和体育局|教体局|召开|举行|委员会|第[一二三四五六七八九十]+届)");
  /** National bodies as they issue texts; read in the title and head only (bodies use {@link Hints}). */
  private static final Pattern NATIONAL = Pattern.compile(
      "全国人民代表大会|全国人大|全国代表大会|国务院|最高人民法院|最高人民检察院|中共中央|党中央|中央军委|中央军事委员会|"
          + "中华人民共和国主席令|国家[\\p{IsHan}]{1,10}?(局|委员会|署|总局)(令|第|公告|发布|审议|通过)|"
          + "(教育|财政|公安|民政|司法|商务|文化和旅游|交通运输|农业农村|水利|自然资源|生态环境|住房和城乡建设|"
          + "人力资源和社会保障|人力资源社会保障|工业和信息化|科学技术|退役军人事务|应急管理|外交|国防|审计|卫生|铁道|"
          + "农业|建设|劳动|监察|文化|国土资源|环境保护)部(令|部务会议|第|发布|公布|审议|通过|印发)");
  /** A title that starts with a national body or with 全国. */
  private static final Pattern NATIONAL_TITLE =
      Pattern.compile("^(\\d{4}年)?(中华人民共和国|全国|国务院|最高人民法院|最高人民检察院|中共中央|中央|国家)");
  /** After a two-character full name (和县, 成县): it was the end of a word ("形成县域", "市和县级"). */
  private static final String NOT_AFTER_SHORT_FULL = "域级城乡镇区市（(、";
  static final Pattern CITATION = Pattern.compile("《[^》]{0,80}》");

  /**
   * One weighted vote for one place. A county named outside the title, other than by its full name at
   * the top, is tentative: two-character county names are everyday words as often as places ("投资中"
   * holds 资中, "金融安全" 融安, "公路桥梁" 路桥), so such a vote counts only when its city or province is
   * named too, or another county of the same city is (椒江 and 三门 name 台州 together).
   */
  record Vote(Place place, double weight, boolean tentative, boolean title, String former) {
    /** A vote for a place named by today's name, a short form or an alias. */
    Vote(Place place, double weight, boolean tentative, boolean title) {
      this(place, weight, tentative, title, "");
    }
  }

  /** A name several places bear (鼓楼区, 朝阳区), decided after the unambiguous names are counted. */
  private record Ambiguous(List<NameHit> hits, double weight, boolean title) {}

  final List<Vote> votes = new ArrayList<>();
  double national;
  int provinceSelf;
  int citySelf;
  int countySelf;

  private final Gazetteer gazetteer;
  private final List<Ambiguous> ambiguous = new ArrayList<>();
  private final Map<String, Double> bodyByPlace = new HashMap<>();

  private RegionVotes(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  static RegionVotes collect(Gazetteer gazetteer, String title, String subtitle, List<Block> blocks, int titleBlock,
      String docNumber) {
    RegionVotes v = new RegionVotes(gazetteer);
    v.scan(title, Zone.TITLE);
    if (!subtitle.isEmpty()) v.scan(subtitle, Zone.HEAD);
    int seen = 0;
    for (int i = 0; i < blocks.size(); i++) {
      String t = blocks.get(i).text();
      if (i == titleBlock || t.equals(subtitle)) continue;
      v.scan(t, seen++ < HEAD_BLOCKS ? Zone.HEAD : Zone.BODY);
    }
    if (!docNumber.isEmpty()) {
      char c = docNumber.charAt(0);
      if (c == '国') {
        v.national += Zone.HEAD.weight; // 国发, 国办发
      } else {
        gazetteer.docNumberPrefix(c).ifPresent(p -> v.votes.add(new Vote(p, Zone.HEAD.weight, false, false)));
      }
    }
    v.acceptTentative();
    v.resolveAmbiguous();
    return v;
  }

  private void scan(String text, Zone zone) {
    for (PhraseTrie.Match<List<NameHit>> m : gazetteer.find(text)) {
      if (m.phrase().length() == 2 && m.end() < text.length() && NOT_AFTER_SHORT_FULL.indexOf(text.charAt(m.end())) >= 0
          && "县区市旗".indexOf(m.phrase().charAt(1)) >= 0) {
        continue;
      }
      double w = zone.weight;
      if (ISSUER_AFTER.matcher(text.subSequence(m.end(), Math.min(text.length(), m.end() + 12))).find()) w *= ISSUER_FACTOR;
      List<NameHit> hits = m.value();
      boolean shortForm = hits.stream().allMatch(h -> h.form() == Gazetteer.Form.SHORT);
      if (shortForm) w *= SHORT_FORM_FACTOR;
      if (hits.size() > 1) {
        ambiguous.add(new Ambiguous(hits, w, zone == Zone.TITLE));
        continue;
      }
      Place p = hits.get(0).place();
      if (zone == Zone.BODY) {
        double before = bodyByPlace.getOrDefault(p.code(), 0.0);
        bodyByPlace.put(p.code(), before + w);
        if (before >= BODY_CAP) w /= 10;
      }
      boolean tentative = p.level() == Level.COUNTY && zone != Zone.TITLE && (zone == Zone.BODY || shortForm);
      String former = hits.get(0).form() == Gazetteer.Form.FORMER ? m.phrase() : "";
      votes.add(new Vote(p, w, tentative, zone == Zone.TITLE, former));
    }
    int[] hints = Hints.count(text);
    if (zone == Zone.BODY) {
      // Bodies are most of the text: literal phrases only, in one pass.
      national += hints[Hints.NATIONAL_BODY] * NATIONAL_IN_BODY + hints[Hints.NATIONAL_SCOPE] * zone.weight;
    } else {
      String uncited = CITATION.matcher(text).replaceAll("");
      Matcher nm = NATIONAL.matcher(uncited);
      while (nm.find()) national += zone.weight;
      national += hints[Hints.NATIONAL_SCOPE] * zone.weight;
      if (zone == Zone.TITLE && NATIONAL_TITLE.matcher(uncited).find()) national += 3 * Zone.TITLE.weight;
    }
    provinceSelf += hints[Hints.PROVINCE_SELF];
    citySelf += hints[Hints.CITY_SELF];
    countySelf += hints[Hints.COUNTY_SELF];
  }

  /**
   * Keeps the tentative county votes that other votes back up (see {@link Vote}), drops the rest — except
   * in a text that names no other place at all, speaks at county level (全区, 全县) and names this one county
   * at least twice: a county's speech that calls itself 潼南 ("新潼南建设", "潼南高新区") and nothing else.
   */
  private void acceptTentative() {
    if (countySelf > 0 && votes.stream().noneMatch(v -> !v.tentative())) {
      Set<String> places = new HashSet<>();
      for (Vote v : votes) places.add(v.place().code());
      if (places.size() == 1 && votes.size() >= 2) return;
    }
    Set<String> provinces = new HashSet<>();
    Set<String> cities = new HashSet<>();
    Map<String, Set<String>> countiesByCity = new HashMap<>();
    for (Vote v : votes) {
      if (v.tentative()) {
        countiesByCity.computeIfAbsent(cityKey(v.place()), k -> new HashSet<>()).add(v.place().code());
      } else {
        provinces.add(v.place().provinceCode());
        cities.add(cityKey(v.place()));
      }
    }
    votes.removeIf(v -> v.tentative() && !provinces.contains(v.place().provinceCode())
        && !cities.contains(cityKey(v.place())) && countiesByCity.get(cityKey(v.place())).size() < 2);
  }

  /** The city of a place, or its province for places right under one (districts of 北京, 仙桃市). */
  private String cityKey(Place p) {
    Place city = gazetteer.cityOf(p);
    return city != null ? city.code() : p.provinceCode();
  }

  /**
   * An ambiguous name goes to the candidate whose province and city the other names support (a city's
   * support counts double); with no support, or a tie, to the candidate that contains the others
   * (广安 → 广安市 rather than its 广安区); otherwise it counts for nothing.
   */
  private void resolveAmbiguous() {
    Map<String, Double> provinceSupport = new HashMap<>();
    Map<String, Double> citySupport = new HashMap<>();
    for (Vote v : votes) {
      provinceSupport.merge(v.place().provinceCode(), v.weight(), Double::sum);
      Place city = gazetteer.cityOf(v.place());
      if (city != null) citySupport.merge(city.code(), v.weight(), Double::sum);
    }
    for (Ambiguous a : ambiguous) {
      Place best = null;
      double bestSupport = 0;
      boolean tie = false;
      for (NameHit h : a.hits()) {
        Place city = gazetteer.cityOf(h.place());
        double s = provinceSupport.getOrDefault(h.place().provinceCode(), 0.0)
            + 2 * (city == null ? 0 : citySupport.getOrDefault(city.code(), 0.0));
        if (s > bestSupport) {
          best = h.place();
          bestSupport = s;
          tie = false;
        } else if (s == bestSupport && s > 0) {
          tie = true;
        }
      }
      if (best == null || tie) best = enclosing(a.hits());
      if (best != null) votes.add(new Vote(best, a.weight(), false, a.title()));
    }
  }

  /** The candidate that contains all the others, or null. */
  private static Place enclosing(List<NameHit> hits) {
    Place top = null;
    for (NameHit h : hits) {
      if (top == null || h.place().level().compareTo(top.level()) < 0) top = h.place();
    }
    for (NameHit h : hits) {
      Place p = h.place();
      if (p == top) continue;
      boolean inside = switch (top.level()) {
        case PROVINCE -> p.provinceCode().equals(top.code());
        case CITY -> top.code().equals(p.cityCode());
        case COUNTY -> false;
      };
      if (!inside) return null;
    }
    return top;
  }

  /** Votes per province code. */
  Map<String, Double> byProvince() {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (Vote v : votes) m.merge(v.place().provinceCode(), v.weight(), Double::sum);
    return m;
  }

  String hints() {
    return "hints 省" + provinceSelf + " 市" + citySelf + " 县区" + countySelf;
  }
}
