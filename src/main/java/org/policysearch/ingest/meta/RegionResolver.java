package org.policysearch.ingest.meta;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.policysearch.doc.RegionInfo;
import org.policysearch.ingest.meta.Gazetteer.Level;
import org.policysearch.ingest.meta.Gazetteer.Place;
import org.policysearch.ingest.meta.RegionVotes.Vote;

/**
 * Decides where a document comes from: province › city › county, national, or unknown.
 *
 * <p>Every place name in the text is a vote ({@link RegionVotes}), weighted by where it stands (title,
 * subtitle and first paragraphs, body), by how it is written (a generated short form such as 鄂州 counts
 * less than 鄂州市), and tripled when the place is the issuer or host ("潼南区召开", "鄂州市委", "上海市第十五届
 * 人民代表大会"). A name shared by several places (鼓楼区, 朝阳区) goes to the candidate whose province or city
 * the other names support. National bodies (全国人民代表大会, 国务院, 最高人民法院, ministries issuing
 * decrees) and the way national rules speak ("省、自治区、直辖市", "国家实行") vote for "national"; names
 * inside 《…》 do not, since local texts cite national laws.
 *
 * <p>A title starting with a national issuer (中华人民共和国…, 国务院关于…, 最高人民法院关于…) makes the
 * document national whatever place it is about. Otherwise national wins when its votes reach those of
 * the best province plus the text's references to its own level (本市, 全省). The province with most
 * votes wins. Its city is kept when the city's votes are at least {@link #SHARE_TO_DESCEND} of those
 * naming the province itself, or when the text speaks of its city or county ("全市", "全盟", "全县",
 * "市委") more than of its province ("全省", "省委"). The county is kept only when named in the title, or
 * when it holds that share of its city's votes, {@link #MIN_COUNTY_SCORE} votes at least, and the text
 * speaks at county level (全县, 全区, 区委) at least as often as at city level — so a city report that
 * mentions one district stays a city report, and a city can be inferred from its districts when its own
 * name is masked (椒江, 三门 → 台州市). Thread-safe.
 */
public final class RegionResolver {
  static final double SHARE_TO_DESCEND = 0.5;
  /** A city needs this many votes before context hints alone can select it. */
  static final double MIN_SUB_SCORE = 2;
  /**
   * A county not in the title needs this many votes: a county-level text names its own county in its
   * first lines or again and again, while two passing mentions are other places (a masked county's
   * speech that mentions schools in 锡市 is not from 锡林浩特市).
   */
  static final double MIN_COUNTY_SCORE = 4;
  /** Each reference of a text to its own level (本市, 全省) weighs this much against national, up to {@link #SELF_CAP}. */
  static final double SELF_WEIGHT = 0.5;
  static final double SELF_CAP = 10;

  /** A title that starts with one of these names its national issuer. */
  private static final Pattern NATIONAL_ISSUER_TITLE =
      Pattern.compile("^(\\d{4}年)?(中华人民共和国|全国人民代表大会|全国人大|国务院|最高人民法院|最高人民检察院|中共中央)");

  private final Gazetteer gazetteer;

  public RegionResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The region decided and the votes that decided it. */
  public record Result(RegionInfo region, String detail) {}

  public Result resolve(String title, String subtitle, List<Block> blocks, int titleBlock, String docNumber) {
    RegionVotes v = RegionVotes.collect(gazetteer, title, subtitle, blocks, titleBlock, docNumber);
    Map<String, Double> byProvince = v.byProvince();
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
    if (NATIONAL_ISSUER_TITLE.matcher(RegionVotes.CITATION.matcher(title).replaceAll("")).find()) {
      return new Result(RegionInfo.national(confidence(v.national, v.national + bestScore)),
          String.format(Locale.ROOT, "title names a national issuer; national %.1f", v.national));
    }
    double localSelf = Math.min(SELF_CAP, (v.provinceSelf + v.citySelf + v.countySelf) * SELF_WEIGHT);
    if (v.national > 0 && v.national >= bestScore + localSelf) {
      return new Result(RegionInfo.national(confidence(v.national, total + v.national)),
          String.format(Locale.ROOT, "national %.1f vs best province %.1f; %s", v.national, bestScore, v.hints()));
    }
    if (bestProvince == null) {
      return new Result(RegionInfo.NONE,
          "no place named" + (v.national > 0 ? String.format(Locale.ROOT, "; national %.1f", v.national) : ""));
    }
    Place chosen = chooseWithin(gazetteer.byCode(bestProvince).orElseThrow(), v);
    RegionInfo region = gazetteer.region(chosen, confidence(bestScore, total + v.national)).withAsWritten(formerName(chosen, v));
    return new Result(region, detail(v) + (region.asWritten().isEmpty() ? "" : "; written " + region.asWritten()));
  }

  /**
   * The former name the text calls the chosen place by (徐水县 for 徐水区), when its votes under former names
   * weigh at least those under today's names; "" otherwise.
   */
  private static String formerName(Place chosen, RegionVotes v) {
    Map<String, Double> former = new LinkedHashMap<>();
    double current = 0;
    for (Vote vote : v.votes) {
      if (!vote.place().equals(chosen)) continue;
      if (vote.former().isEmpty()) current += vote.weight();
      else former.merge(vote.former(), vote.weight(), Double::sum);
    }
    String best = "";
    double bestWeight = 0;
    for (Map.Entry<String, Double> e : former.entrySet()) {
      if (e.getValue() > bestWeight) {
        best = e.getKey();
        bestWeight = e.getValue();
      }
    }
    return bestWeight > 0 && bestWeight >= current ? best : "";
  }

  /** The province itself, or the city or county the votes and the text's level point to. */
  private Place chooseWithin(Place province, RegionVotes v) {
    boolean municipality = Gazetteer.isMunicipality(province);
    double own = 0;
    Map<String, Double> byCity = new HashMap<>();
    Map<String, Double> byCounty = new HashMap<>();
    Map<String, Boolean> countyInTitle = new HashMap<>();
    Map<String, Boolean> countyAsCity = new HashMap<>();
    for (Vote vote : v.votes) {
      Place p = vote.place();
      if (!p.provinceCode().equals(province.code())) continue;
      if (p.level() == Level.PROVINCE) own += vote.weight();
      Place city = gazetteer.cityOf(p);
      if (city != null) byCity.merge(city.code(), vote.weight(), Double::sum);
      if (p.level() == Level.COUNTY) {
        byCounty.merge(p.code(), vote.weight(), Double::sum);
        if (vote.title()) countyInTitle.put(p.code(), true);
        String written = vote.former().isEmpty() ? p.name() : vote.former();
        if (written.endsWith("市")) countyAsCity.put(p.code(), true);
      }
    }
    // City: not for 北京, 天津, 上海, 重庆, whose districts sit right under them.
    Place city = null;
    double cityScore = 0;
    if (!municipality) {
      for (Map.Entry<String, Double> e : byCity.entrySet()) {
        if (e.getValue() > cityScore) {
          cityScore = e.getValue();
          city = gazetteer.byCode(e.getKey()).orElseThrow();
        }
      }
      boolean subProvinceTalk = v.citySelf + v.countySelf > v.provinceSelf;
      if (city != null && !(cityScore >= SHARE_TO_DESCEND * own || (subProvinceTalk && cityScore >= MIN_SUB_SCORE))) {
        city = null;
      }
    }
    // County: under the chosen city, or right under the province (districts of a municipality, 仙桃市).
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
      double parent = city != null ? cityScore - countyScore : own; // votes for the level above, other than this county's
      // A county-level city (章丘市, 仙桃市) speaks of itself as 全市, 市委: then city talk is its own, when its
      // votes outweigh those of its prefecture itself.
      boolean countyTalk = (v.countySelf > 0 && v.countySelf >= v.citySelf)
          || (countyAsCity.getOrDefault(county.code(), false) && v.citySelf > 0 && countyScore > parent);
      // The county was the only place named (every vote of the province is its own): the province is known
      // only through it, so the county is as sure as the province.
      boolean onlyEvidence = own == 0 && parent == 0 && countyTalk;
      if (countyInTitle.getOrDefault(county.code(), false) || onlyEvidence
          || (countyScore >= MIN_COUNTY_SCORE && countyScore >= SHARE_TO_DESCEND * parent && countyTalk)) {
        return county;
      }
    }
    return city != null ? city : province;
  }

  /** Share of the votes times how much evidence there is (5 weighted votes ≈ 63%, 15 ≈ 95%). */
  private static double confidence(double winner, double all) {
    if (winner <= 0 || all <= 0) return 0;
    double c = (winner / all) * (1 - Math.exp(-winner / 5));
    return Math.round(c * 100) / 100.0;
  }

  private static String detail(RegionVotes v) {
    Map<String, double[]> byName = new LinkedHashMap<>();
    for (Vote vote : v.votes) {
      double[] a = byName.computeIfAbsent(vote.place().name(), k -> new double[2]);
      a[0] += vote.weight();
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
    if (v.national > 0) sb.append(String.format(Locale.ROOT, "; national %.1f", v.national));
    sb.append("; ").append(v.hints());
    return sb.toString();
  }
}
