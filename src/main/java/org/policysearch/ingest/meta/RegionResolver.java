package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.ingest.RegionInfo;
import org.policysearch.ingest.meta.Gazetteer.Level;
import org.policysearch.ingest.meta.Gazetteer.NameHit;
import org.policysearch.ingest.meta.Gazetteer.Place;

/**
 * Decides where a document comes from: province › city › county, national, or unknown.
 *
 * <p>Every place name in the text is a vote, weighted by where it stands (title {@link #TITLE_WEIGHT},
 * subtitle and first paragraphs {@link #HEAD_WEIGHT}, body {@link #BODY_WEIGHT}), by how it is written (a
 * generated short form such as 鄂州 counts {@link #SHORT_FORM_FACTOR}), and tripled when the name is the
 * issuer or host ("潼南区召开", "鄂州市委", "上海市第十五届人民代表大会"). A name shared by several places
 * (三门 vs 三门峡 are told apart by the longest match; 朝阳, 鼓楼区 are not) goes to the candidate whose
 * province or city the unambiguous names support, and counts for nothing when none does. National bodies
 * (全国人民代表大会, 国务院, 最高人民法院, ministries, a title starting with 中华人民共和国) vote for
 * "national"; names inside 《…》 do not, since local texts cite national laws.
 *
 * <p>The province with most votes wins. The city is kept when its votes are at least {@link #SHARE_TO_DESCEND}
 * of those naming the province itself, or when the text speaks of its city or county ("全市", "全盟",
 * "全县", "市委") more than of its province ("全省", "省委"). The county is kept only when named in the
 * title, or when it holds that share of its city's votes and the text speaks at county level (全县, 全区,
 * 区委) at least as often as at city level — so a city report that mentions one district stays a city
 * report. A city can thus be inferred from its districts when its own name is masked (椒江, 路桥, 三门 →
 * 台州市). Thread-safe.
 */
public final class RegionResolver {
  static final double TITLE_WEIGHT = 8;
  static final double HEAD_WEIGHT = 3;
  static final double BODY_WEIGHT = 1;
  static final double SHORT_FORM_FACTOR = 0.8;
  static final double ISSUER_FACTOR = 3;
  /** Body votes per place beyond this count at a tenth: a long law repeating 本市's name is not 100× surer. */
  static final double BODY_CAP = 15;
  static final double SHARE_TO_DESCEND = 0.5;
  /** A city needs this many votes before context hints alone can select it. */
  static final double MIN_SUB_SCORE = 2;
  /**
   * A county not in the title needs this many votes: a county-level text names its own county in its
   * first lines or again and again, while two passing mentions are other places (a masked county's
   * speech that mentions schools in 锡市 is not from 锡林浩特市).
   */
  static final double MIN_COUNTY_SCORE = 4;
  /** National wins when its votes reach this share of the best province's votes plus local self-references. */
  static final double NATIONAL_RATIO = 1.0;
  /** Paragraphs after the title counted as the head of the text. */
  static final int HEAD_BLOCKS = 3;

  private static final Pattern ISSUER_AFTER = Pattern.compile(
      "^(省|市|区|县|盟|旗|州|自治区|自治州|自治县)?(委|政府|人民政府|人民代表大会|人大|党委|党工委|教育局|教委|教育厅|"
          + "教育和体育局|教体局|召开|举行|委员会|第[一二三四五六七八九十]+届)");
  /** National bodies. "中华人民共和国" counts only where a title starts with it or in the head (a decree). */
  private static final Pattern NATIONAL = Pattern.compile(
      "全国人民代表大会|全国人大|全国代表大会|国务院|最高人民法院|最高人民检察院|中共中央|党中央|中央军委|中央军事委员会|"
          + "中华人民共和国主席令|国家[\\p{IsHan}]{1,10}?(局|委员会|署|总局)(令|第|公告|发布|审议|通过)|"
          + "(教育|财政|公安|民政|司法|商务|文化和旅游|交通运输|农业农村|水利|自然资源|生态环境|住房和城乡建设|"
          + "人力资源和社会保障|人力资源社会保障|工业和信息化|科学技术|退役军人事务|应急管理|外交|国防|审计|卫生|铁道|"
          + "农业|建设|劳动|监察|文化|国土资源|环境保护)部(令|部务会议|第|发布|公布|审议|通过|印发)");
  /** A title that starts with a national body or with 全国 names the issuer, whatever place it is about. */
  private static final Pattern NATIONAL_TITLE =
      Pattern.compile("^(\\d{4}年)?(中华人民共和国|全国|国务院|最高人民法院|最高人民检察院|中共中央|中央|国家)");
  /** A title that starts with one of these names its national issuer: the document is national whatever it is about. */
  private static final Pattern NATIONAL_ISSUER_TITLE =
      Pattern.compile("^(\\d{4}年)?(中华人民共和国|全国人民代表大会|全国人大|国务院|最高人民法院|最高人民检察院|中共中央)");
  /** After a two-character full name (和县, 成县): it was the end of a word ("形成县域", "市和县级"). */
  private static final String NOT_AFTER_SHORT_FULL = "域级城乡镇区市（(、";
  private static final Pattern CITATION = Pattern.compile("《[^》]{0,80}》");

  private final Gazetteer gazetteer;

  public RegionResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The region decided and the votes that decided it. */
  public record Result(RegionInfo region, String detail) {}

  /**
   * One weighted vote for one place. A county named outside the title, other than by its full name at the
   * top, is tentative: two-character county names are everyday words as often as places ("投资中" holds 资中, "金融安全" 融安, "公路桥梁" 路桥), so
   * such a vote counts only when its city or province is named too, or another county of the same city
   * is (椒江 and 三门 name 台州 together).
   */
  private record Vote(Place place, double weight, boolean tentative, boolean title) {}

  public Result resolve(String title, String subtitle, List<Block> blocks, int titleBlock, String docNumber) {
    List<String[]> zones = new ArrayList<>(); // {text, zone}
    zones.add(new String[] {title, "title"});
    if (!subtitle.isEmpty()) zones.add(new String[] {subtitle, "head"});
    int head = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (i == titleBlock) continue;
      String t = blocks.get(i).text();
      if (t.equals(subtitle)) continue;
      zones.add(new String[] {t, head < HEAD_BLOCKS ? "head" : "body"});
      head++;
    }

    // Mentions, ambiguity kept for the second pass.
    List<Object[]> ambiguous = new ArrayList<>(); // {List<NameHit>, weight, zone}
    List<Vote> votes = new ArrayList<>();
    double national = 0;
    int provinceSelf = 0;
    int citySelf = 0;
    int countySelf = 0;
    Map<String, Double> bodyByPlace = new HashMap<>();
    for (String[] z : zones) {
      String text = z[0];
      double zoneWeight = switch (z[1]) {
        case "title" -> TITLE_WEIGHT;
        case "head" -> HEAD_WEIGHT;
        default -> BODY_WEIGHT;
      };
      for (PhraseTrie.Match<List<NameHit>> m : gazetteer.find(text)) {
        if (m.phrase().length() == 2 && m.end() < text.length()
            && NOT_AFTER_SHORT_FULL.indexOf(text.charAt(m.end())) >= 0
            && "县区市旗".indexOf(m.phrase().charAt(1)) >= 0) {
          continue;
        }
        double w = zoneWeight;
        if (ISSUER_AFTER.matcher(text.subSequence(m.end(), Math.min(text.length(), m.end() + 12))).find()) w *= ISSUER_FACTOR;
        List<NameHit> hits = m.value();
        if (hits.get(0).form() == Gazetteer.Form.SHORT && hits.stream().allMatch(h -> h.form() == Gazetteer.Form.SHORT)) {
          w *= SHORT_FORM_FACTOR;
        }
        if (hits.size() == 1) {
          Place p = hits.get(0).place();
          if (z[1].equals("body")) {
            double before = bodyByPlace.getOrDefault(p.code(), 0.0);
            bodyByPlace.put(p.code(), before + w);
            if (before >= BODY_CAP) w /= 10;
          }
          boolean tentative = p.level() == Level.COUNTY && !z[1].equals("title")
              && (z[1].equals("body") || hits.get(0).form() == Gazetteer.Form.SHORT);
          votes.add(new Vote(p, w, tentative, z[1].equals("title")));
        } else {
          ambiguous.add(new Object[] {hits, w, z[1]});
        }
      }
      int[] hits = Hints.count(text);
      boolean body = z[1].equals("body");
      if (body) {
        // Bodies are most of the text: literal phrases only, in one pass.
        national += hits[Hints.NATIONAL_BODY] * BODY_WEIGHT * 0.5 + hits[Hints.NATIONAL_SCOPE] * BODY_WEIGHT;
      } else {
        String uncited = CITATION.matcher(text).replaceAll("");
        Matcher nm = NATIONAL.matcher(uncited);
        while (nm.find()) national += zoneWeight;
        national += hits[Hints.NATIONAL_SCOPE] * zoneWeight;
        if (z[1].equals("title") && NATIONAL_TITLE.matcher(uncited).find()) national += 3 * TITLE_WEIGHT;
      }
      provinceSelf += hits[Hints.PROVINCE_SELF];
      citySelf += hits[Hints.CITY_SELF];
      countySelf += hits[Hints.COUNTY_SELF];
    }
    if (!docNumber.isEmpty()) {
      char c = docNumber.charAt(0);
      if (c == '国') {
        national += HEAD_WEIGHT;
      } else {
        gazetteer.docNumberPrefix(c).ifPresent(p -> votes.add(new Vote(p, HEAD_WEIGHT, false, false)));
      }
    }

    acceptTentative(votes);

    // Second pass: an ambiguous name goes to the candidate the unambiguous names support.
    Map<String, Double> provinceSupport = new HashMap<>();
    Map<String, Double> citySupport = new HashMap<>();
    for (Vote v : votes) {
      provinceSupport.merge(v.place().provinceCode(), v.weight(), Double::sum);
      Place city = gazetteer.cityOf(v.place());
      if (city != null) citySupport.merge(city.code(), v.weight(), Double::sum);
    }
    for (Object[] a : ambiguous) {
      @SuppressWarnings("unchecked")
      List<NameHit> hits = (List<NameHit>) a[0];
      Place best = null;
      double bestSupport = 0;
      boolean tie = false;
      for (NameHit h : hits) {
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
      if (best == null || tie) best = enclosing(hits);
      if (best != null) votes.add(new Vote(best, (double) a[1], false, "title".equals(a[2])));
    }

    // Province.
    Map<String, Double> byProvince = new LinkedHashMap<>();
    Map<String, Double> provinceOwn = new HashMap<>();
    for (Vote v : votes) {
      byProvince.merge(v.place().provinceCode(), v.weight(), Double::sum);
      if (v.place().level() == Level.PROVINCE) provinceOwn.merge(v.place().code(), v.weight(), Double::sum);
    }
    String bestProvince = null;
    double bestScore = 0;
    double total = 0;
    for (Map.Entry<String, Double> e : byProvince.entrySet()) {
      total += e.getValue();
      if (e.getValue() > bestScore) {
        bestScore = e.getValue();
        bestProvince = e.getKey();
      }
    }
    String hints = "hints 省" + provinceSelf + " 市" + citySelf + " 县区" + countySelf;
    if (NATIONAL_ISSUER_TITLE.matcher(CITATION.matcher(title).replaceAll("")).find()) {
      return new Result(RegionInfo.national(confidence(national, national + bestScoreOf(votes))),
          String.format(Locale.ROOT, "title names a national issuer; national %.1f", national));
    }
    double localSelf = Math.min(10, (provinceSelf + citySelf + countySelf) * 0.5);
    if (national > 0 && national >= NATIONAL_RATIO * (bestScore + localSelf)) {
      double conf = confidence(national, total + national);
      return new Result(RegionInfo.national(conf), String.format(Locale.ROOT, "national %.1f vs best province %.1f; %s",
          national, bestScore, hints));
    }
    if (bestProvince == null) {
      return new Result(RegionInfo.NONE, "no place named" + (national > 0 ? String.format(Locale.ROOT, "; national %.1f", national) : ""));
    }
    Place province = gazetteer.byCode(bestProvince).orElseThrow();
    boolean municipality = Gazetteer.isMunicipality(province);
    double own = provinceOwn.getOrDefault(bestProvince, 0.0);
    Place chosen = province;

    // City (not for municipalities: their districts sit right under them).
    Map<String, Double> byCity = new HashMap<>();
    Map<String, Double> cityOwn = new HashMap<>();
    Map<String, Double> byCounty = new HashMap<>();
    Map<String, Boolean> countyInTitle = new HashMap<>();
    for (Vote v : votes) {
      if (!v.place().provinceCode().equals(bestProvince)) continue;
      Place city = gazetteer.cityOf(v.place());
      if (city != null) byCity.merge(city.code(), v.weight(), Double::sum);
      if (v.place().level() == Level.CITY) cityOwn.merge(v.place().code(), v.weight(), Double::sum);
      if (v.place().level() == Level.COUNTY) {
        byCounty.merge(v.place().code(), v.weight(), Double::sum);
        if (v.title()) countyInTitle.put(v.place().code(), true);
      }
    }
    boolean subProvinceTalk = citySelf + countySelf > provinceSelf;
    Place city = null;
    double cityScore = 0;
    if (!municipality) {
      for (Map.Entry<String, Double> e : byCity.entrySet()) {
        if (e.getValue() > cityScore) {
          cityScore = e.getValue();
          city = gazetteer.byCode(e.getKey()).orElseThrow();
        }
      }
      if (city != null && (cityScore >= SHARE_TO_DESCEND * own || (subProvinceTalk && cityScore >= MIN_SUB_SCORE))) {
        chosen = city;
      } else {
        city = null;
      }
    }

    // County: under the chosen city, or right under a municipality (or province: 仙桃市).
    if (city != null || municipality || chosen == province) {
      Place county = null;
      double countyScore = 0;
      for (Map.Entry<String, Double> e : byCounty.entrySet()) {
        Place k = gazetteer.byCode(e.getKey()).orElseThrow();
        boolean under = city != null ? city.code().equals(k.cityCode()) : k.cityCode().isEmpty();
        if (under && e.getValue() > countyScore) {
          countyScore = e.getValue();
          county = k;
        }
      }
      if (county != null) {
        // Votes for the level above other than this county's own.
        double parent = city != null ? cityScore - countyScore : own;
        boolean countyTalk = countySelf > 0 && countySelf >= citySelf;
        boolean inTitle = countyInTitle.getOrDefault(county.code(), false);
        if (inTitle || (countyScore >= MIN_COUNTY_SCORE && countyScore >= SHARE_TO_DESCEND * parent && countyTalk)) {
          chosen = county;
        }
      }
    }
    double conf = confidence(bestScore, total + national);
    return new Result(gazetteer.region(chosen, conf), detail(votes, national, hints));
  }

  private static double bestScoreOf(List<Vote> votes) {
    Map<String, Double> byProvince = new HashMap<>();
    for (Vote v : votes) byProvince.merge(v.place().provinceCode(), v.weight(), Double::sum);
    return byProvince.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  /** Keeps the tentative county votes that other votes back up (see {@link Vote}), drops the rest. */
  private void acceptTentative(List<Vote> votes) {
    java.util.Set<String> provinces = new java.util.HashSet<>();
    java.util.Set<String> cities = new java.util.HashSet<>();
    Map<String, java.util.Set<String>> countiesByCity = new HashMap<>();
    for (Vote v : votes) {
      Place city = gazetteer.cityOf(v.place());
      String cityKey = city != null ? city.code() : v.place().provinceCode();
      if (v.tentative()) {
        countiesByCity.computeIfAbsent(cityKey, k -> new java.util.HashSet<>()).add(v.place().code());
      } else {
        provinces.add(v.place().provinceCode());
        cities.add(cityKey);
      }
    }
    votes.removeIf(v -> {
      if (!v.tentative()) return false;
      Place city = gazetteer.cityOf(v.place());
      String cityKey = city != null ? city.code() : v.place().provinceCode();
      boolean backed = provinces.contains(v.place().provinceCode()) || cities.contains(cityKey)
          || countiesByCity.get(cityKey).size() >= 2;
      return !backed;
    });
  }

  /** The candidate that contains all the others (广安 → 广安市 rather than its 广安区), or null. */
  private Place enclosing(List<NameHit> hits) {
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

  /** Share of the votes times how much evidence there is (5 weighted votes ≈ 63%, 15 ≈ 95%). */
  private static double confidence(double winner, double all) {
    if (winner <= 0 || all <= 0) return 0;
    double c = (winner / all) * (1 - Math.exp(-winner / 5));
    return Math.round(c * 100) / 100.0;
  }

  private String detail(List<Vote> votes, double national, String hints) {
    Map<String, double[]> byName = new LinkedHashMap<>();
    for (Vote v : votes) {
      double[] a = byName.computeIfAbsent(v.place().name(), k -> new double[2]);
      a[0] += v.weight();
      a[1]++;
    }
    StringBuilder sb = new StringBuilder();
    byName.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
        .limit(6)
        .forEach(e -> {
          if (!sb.isEmpty()) sb.append("; ");
          sb.append(e.getKey()).append(" ×").append((int) e.getValue()[1])
              .append(String.format(Locale.ROOT, " (%.1f)", e.getValue()[0]));
        });
    if (national > 0) sb.append(String.format(Locale.ROOT, "; national %.1f", national));
    sb.append("; ").append(hints);
    return sb.toString();
  }

}
