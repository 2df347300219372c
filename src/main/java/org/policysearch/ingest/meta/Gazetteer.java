package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.policysearch.doc.RegionInfo;

/**
 * China's administrative divisions (provinces, prefecture-level cities, county-level areas; 2023 codes)
 * with every name a text may use for them: full names, generated short forms (鄂州市 → 鄂州), aliases and
 * historical names from {@code gazetteer/aliases.tsv}, the former names of units changed since 2000 from
 * {@code gazetteer/changes.tsv} (徐水县 → 徐水区, 思茅地区 → 普洱市), and the one-character province
 * abbreviations of document numbers (鄂政发 → 湖北省).
 *
 * <p>A name counts only as a whole name ({@link #find}): not when it is the start of a smaller place or a
 * street (新安 in 新安镇, 中山 in 中山路, 长安 in 长安街), and a former name whose stem is one character (开县,
 * 达县) not when a word runs into it (召开县委, 经济发达县). Immutable and thread-safe.
 */
public final class Gazetteer {
  public static final String DIR = "gazetteer/";

  public enum Level { PROVINCE, CITY, COUNTY }

  /**
   * How a name was written: full (鄂州市), generated short form (鄂州), listed alias (锡盟), or the former
   * name of a unit changed since (徐水县 for 徐水区; {@code changes.tsv}).
   */
  public enum Form { FULL, SHORT, ALIAS, FORMER }

  /**
   * One change of {@code changes.tsv}: a former name and today's unit it is found under.
   *
   * @param oldName the former full name (徐水县)
   * @param place   today's unit (徐水区)
   * @param year    the year of the change
   * @param kind    county-to-district, prefecture-to-city, merged, … (see the file's header)
   * @param note    what happened
   */
  public record Change(String oldName, Place place, int year, String kind, String note) {}

  /**
   * A place.
   *
   * @param code         its code as in the CSVs: 2 digits (province), 4 (city) or 6 (county)
   * @param name         full name
   * @param level        province, city or county
   * @param provinceCode 2-digit code of its province
   * @param cityCode     4-digit code of its city; "" for a province, a city, and a county directly under
   *                     its province (districts of 北京/天津/上海/重庆, 省直辖县级行政区划 such as 仙桃市)
   */
  public record Place(String code, String name, Level level, String provinceCode, String cityCode) {
    /** The 6-digit form of the code (42 → 420000). */
    public String code6() {
      return (code + "000000").substring(0, 6);
    }
  }

  /** One place a name may stand for, and how it was written. */
  public record NameHit(Place place, Form form) {}

  /** Placeholder rows of cities.csv: groupings, never names. */
  private static final Pattern PLACEHOLDER = Pattern.compile("市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划");
  /** The 56 ethnic groups as written in autonomous area names (恩施土家族苗族自治州). */
  private static final String ETHNIC = "(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|"
      + "高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|"
      + "俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各)族";
  private static final Pattern PROVINCE_SUFFIX = Pattern.compile("(?:" + ETHNIC + ")*自治区$|省$|市$");
  private static final Pattern CITY_SUFFIX = Pattern.compile("(?:" + ETHNIC + ")+自治州$|地区$|盟$|市$");
  private static final Pattern COUNTY_SUFFIX =
      Pattern.compile("(?:" + ETHNIC + ")+自治(?:县|旗)$|新区$|特区$|林区$|区$|县$|市$|旗$");

  private final Map<String, Place> byCode;
  private final Map<String, List<NameHit>> byName;
  private final PhraseTrie<List<NameHit>> trie;
  private final Map<Character, Place> docPrefixes;
  private final List<Change> changes;

  private Gazetteer(Map<String, Place> byCode, Map<String, List<NameHit>> byName, Map<Character, Place> docPrefixes,
      List<Change> changes) {
    this.changes = List.copyOf(changes);
    this.byCode = Map.copyOf(byCode);
    Map<String, List<NameHit>> names = new HashMap<>();
    byName.forEach((k, v) -> names.put(k, List.copyOf(v)));
    this.byName = Map.copyOf(names);
    this.trie = PhraseTrie.of(this.byName);
    this.docPrefixes = Map.copyOf(docPrefixes);
  }

  /** The gazetteer shipped in the resources (CSV files, aliases.tsv and changes.tsv). */
  public static Gazetteer load() {
    return of(DataFiles.readCsv(DIR + "provinces.csv"), DataFiles.readCsv(DIR + "cities.csv"),
        DataFiles.readCsv(DIR + "areas.csv"), DataFiles.readTsv(DIR + "aliases.tsv"), DataFiles.readTsv(DIR + "changes.tsv"));
  }

  static Gazetteer of(List<DataFiles.Row> provinces, List<DataFiles.Row> cities, List<DataFiles.Row> areas,
      List<DataFiles.Row> aliases) {
    return of(provinces, cities, areas, aliases, List.of());
  }

  static Gazetteer of(List<DataFiles.Row> provinces, List<DataFiles.Row> cities, List<DataFiles.Row> areas,
      List<DataFiles.Row> aliases, List<DataFiles.Row> changeRows) {
    Map<String, Place> byCode = new LinkedHashMap<>();
    for (DataFiles.Row r : provinces) {
      byCode.put(r.cell(0), new Place(r.cell(0), r.cell(1), Level.PROVINCE, r.cell(0), ""));
    }
    Set<String> placeholderCities = new HashSet<>();
    for (DataFiles.Row r : cities) {
      if (PLACEHOLDER.matcher(r.cell(1)).matches()) {
        placeholderCities.add(r.cell(0));
        continue;
      }
      if (!byCode.containsKey(r.cell(2))) throw r.error("unknown province code " + r.cell(2));
      byCode.put(r.cell(0), new Place(r.cell(0), r.cell(1), Level.CITY, r.cell(2), ""));
    }
    for (DataFiles.Row r : areas) {
      String city = placeholderCities.contains(r.cell(2)) ? "" : r.cell(2);
      if (!city.isEmpty() && !byCode.containsKey(city)) throw r.error("unknown city code " + city);
      // Cities without districts (东莞市, 中山市, 儋州市, 嘉峪关市) are listed again as their own county.
      if (!city.isEmpty() && byCode.get(city).name().equals(r.cell(1))) continue;
      byCode.put(r.cell(0), new Place(r.cell(0), r.cell(1), Level.COUNTY, r.cell(3), city));
    }

    Set<String> stop = new HashSet<>();
    for (DataFiles.Row r : aliases) {
      if ("stop".equals(r.cell(2))) stop.add(r.cell(0));
    }
    Map<String, List<NameHit>> byName = new HashMap<>();
    Set<String> provinceShorts = new HashSet<>();
    for (Place p : byCode.values()) {
      if (p.level() == Level.PROVINCE) provinceShorts.add(shortForm(p));
    }
    for (Place p : byCode.values()) {
      if (!stop.contains(p.name())) add(byName, p.name(), new NameHit(p, Form.FULL));
      // Development zones (7 as the third-from-last digit) are only named in full.
      boolean zone = p.level() == Level.COUNTY && p.code().charAt(4) == '7';
      String s = shortForm(p);
      if (zone || s.length() < 2 || s.equals(p.name()) || stop.contains(s)) continue;
      if (p.level() != Level.PROVINCE && provinceShorts.contains(s)) continue; // 吉林市 → 吉林 is the province
      add(byName, s, new NameHit(p, Form.SHORT));
    }
    Map<Character, Place> docPrefixes = new HashMap<>();
    for (DataFiles.Row r : aliases) {
      String kind = r.cell(2);
      if ("stop".equals(kind)) continue;
      Place target = resolveTarget(byCode, r);
      switch (kind) {
        case "alias" -> add(byName, r.cell(0), new NameHit(target, Form.ALIAS));
        case "historical" -> add(byName, r.cell(0), new NameHit(target, Form.FORMER));
        case "docno-prefix" -> {
          if (r.cell(0).length() != 1) throw r.error("a docno-prefix is one character: '" + r.cell(0) + "'");
          docPrefixes.put(r.cell(0).charAt(0), target);
        }
        default -> throw r.error("unknown kind '" + kind + "'; valid: alias, historical, docno-prefix, stop");
      }
    }
    List<Change> changes = new ArrayList<>();
    for (DataFiles.Row r : changeRows) {
      Change c = change(byCode, r);
      // A former name that is today another unit's full name would be read as that unit: refused, not guessed.
      for (NameHit h : byName.getOrDefault(c.oldName(), List.of())) {
        if (h.form() == Form.FULL) throw r.error("'" + c.oldName() + "' is today the name of " + h.place().name() + " (" + h.place().code6() + ")");
      }
      if (changes.stream().anyMatch(x -> x.oldName().equals(c.oldName()))) throw r.error("'" + c.oldName() + "' is listed twice");
      changes.add(c);
      add(byName, c.oldName(), new NameHit(c.place(), Form.FORMER));
    }
    return new Gazetteer(byCode, byName, docPrefixes, changes);
  }

  private static final Set<String> CHANGE_KINDS = Set.of("prefecture-to-city", "league-to-city", "county-to-district",
      "city-to-district", "county-to-city", "merged", "split");

  private static Change change(Map<String, Place> byCode, DataFiles.Row r) {
    String code = r.cell(1);
    if (!code.matches("\\d{6}")) throw r.error("the code is six digits, got '" + code + "'");
    Place p = code.endsWith("00") ? byCode.get(code.substring(0, 4)) : byCode.get(code);
    if (p == null) throw r.error("no unit with the code " + code + " in the gazetteer");
    int year;
    try {
      year = Integer.parseInt(r.cell(2));
    } catch (NumberFormatException e) {
      throw r.error("the year is four digits, got '" + r.cell(2) + "'");
    }
    if (!CHANGE_KINDS.contains(r.cell(3))) throw r.error("unknown kind '" + r.cell(3) + "'; valid: " + new java.util.TreeSet<>(CHANGE_KINDS));
    if (r.cell(0).length() < 2) throw r.error("an old name has at least two characters");
    return new Change(r.cell(0), p, year, r.cell(3), r.cell(4));
  }

  private static Place resolveTarget(Map<String, Place> byCode, DataFiles.Row r) {
    String[] parts = r.cell(1).split("/");
    Place cur = null;
    for (String part : parts) {
      Place found = null;
      for (Place p : byCode.values()) {
        if (!p.name().equals(part)) continue;
        if (cur != null && !isWithin(p, cur)) continue;
        if (found != null) throw r.error("'" + r.cell(1) + "' is ambiguous: write a path such as 北京市/朝阳区");
        found = p;
      }
      if (found == null) throw r.error("no place '" + part + "' in the gazetteer (target '" + r.cell(1) + "')");
      cur = found;
    }
    return cur;
  }

  private static boolean isWithin(Place p, Place parent) {
    return switch (parent.level()) {
      case PROVINCE -> p.provinceCode().equals(parent.code()) && p != parent;
      case CITY -> p.cityCode().equals(parent.code());
      case COUNTY -> false;
    };
  }

  private static void add(Map<String, List<NameHit>> byName, String name, NameHit hit) {
    List<NameHit> list = byName.computeIfAbsent(name, k -> new ArrayList<>());
    for (NameHit h : list) {
      if (h.place().equals(hit.place())) return;
    }
    list.add(hit);
  }

  /** The name without its administrative suffix (湖北省 → 湖北, 恩施土家族苗族自治州 → 恩施, 潼南区 → 潼南). */
  static String shortForm(Place p) {
    Pattern suffix = switch (p.level()) {
      case PROVINCE -> PROVINCE_SUFFIX;
      case CITY -> CITY_SUFFIX;
      case COUNTY -> COUNTY_SUFFIX;
    };
    return suffix.matcher(p.name()).replaceFirst("");
  }

  /**
   * Every whole name found in a text, leftmost-longest. A name that does not end in an administrative
   * suffix (a short form or alias: 新安, 中山, 长安, 朝阳) is left out when the text goes on with the suffix of a
   * smaller place or a street (新安镇, 中山路, 长安街, 朝阳街道, 江北新区): it is part of that longer name. A
   * former name of one character and its suffix (开县, 达县, 华县) counts only where no word runs into it:
   * at the start, after punctuation or a space, or after another unit's suffix (重庆市开县), never in 召开县委.
   */
  List<PhraseTrie.Match<List<NameHit>>> find(String text) {
    List<PhraseTrie.Match<List<NameHit>>> all = trie.findAll(text);
    List<PhraseTrie.Match<List<NameHit>>> out = new ArrayList<>(all.size());
    for (PhraseTrie.Match<List<NameHit>> m : all) {
      if (wholeName(text, m)) out.add(m);
    }
    return out;
  }

  /** Sub-county places and streets that begin with a name without its suffix (新安镇, 中山路, 朝阳街道). */
  private static final Pattern LONGER_PLACE = Pattern.compile(
      "^(?:镇(?![江村街级区域])|乡(?![村镇土亲愁])|村(?![民级委务庄镇])|街道|大街|街(?![头面上])|社区|路(?![网线径况程面基段口])|大道|巷|胡同|小区|苏木|嘎查|新区)");
  private static final String ADMIN_SUFFIXES = "省市县区州盟旗";

  private static boolean wholeName(String text, PhraseTrie.Match<List<NameHit>> m) {
    String name = m.phrase();
    boolean suffixed = ADMIN_SUFFIXES.indexOf(name.charAt(name.length() - 1)) >= 0 || name.endsWith("地区");
    if (!suffixed && LONGER_PLACE.matcher(text.subSequence(m.end(), Math.min(text.length(), m.end() + 3))).find()) {
      return false;
    }
    boolean formerOnly = m.value().stream().allMatch(h -> h.form() == Form.FORMER);
    if (formerOnly && name.length() == 2 && ADMIN_SUFFIXES.indexOf(name.charAt(1)) >= 0 && m.start() > 0) {
      char before = text.charAt(m.start() - 1);
      boolean han = Character.UnicodeScript.of(before) == Character.UnicodeScript.HAN;
      if (han && ADMIN_SUFFIXES.indexOf(before) < 0) return false;
    }
    return true;
  }

  /** The former names of {@code changes.tsv}, in the file's order. */
  public List<Change> changes() {
    return changes;
  }

  /**
   * The text with every place name taken out (leftmost-longest, full names, short forms and aliases):
   * "杭州市城市绿化管理条例" → "城市绿化管理条例". What a title says about its subject rather than its place.
   */
  public String withoutNames(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int at = 0;
    for (PhraseTrie.Match<List<NameHit>> m : find(text)) {
      sb.append(text, at, m.start());
      at = m.end();
    }
    return sb.append(text, at, text.length()).toString();
  }

  /** Places a name stands for (full name, short form or alias), or an empty list. */
  public List<NameHit> lookup(String name) {
    return byName.getOrDefault(name, List.of());
  }

  public Optional<Place> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The province a document number's first character stands for (鄂 → 湖北省), if any. */
  public Optional<Place> docNumberPrefix(char c) {
    return Optional.ofNullable(docPrefixes.get(c));
  }

  public Place provinceOf(Place p) {
    return byCode.get(p.provinceCode());
  }

  /** The city of a place (itself for a city), or null for a province or a county directly under one. */
  public Place cityOf(Place p) {
    return switch (p.level()) {
      case PROVINCE -> null;
      case CITY -> p;
      case COUNTY -> p.cityCode().isEmpty() ? null : byCode.get(p.cityCode());
    };
  }

  /** The region of a place: province › city › county, path joined with '/'. */
  public RegionInfo region(Place p, double confidence) {
    Place province = provinceOf(p);
    Place city = cityOf(p);
    String county = p.level() == Level.COUNTY ? p.name() : "";
    StringBuilder path = new StringBuilder(province.name());
    if (city != null) path.append('/').append(city.name());
    if (!county.isEmpty()) path.append('/').append(county);
    return new RegionInfo(province.name(), city == null ? "" : city.name(), county, path.toString(), p.code6(), confidence);
  }

  /**
   * A region given as text: a path ("湖北省/鄂州市"), one name ("鄂州市", "鄂州": the province is filled
   * in), or "全国"/"中华人民共和国" for national documents. Empty when a part names no known place.
   */
  public Optional<RegionInfo> resolveGiven(String given, double confidence) {
    String g = given.strip();
    if (g.isEmpty()) return Optional.empty();
    if (g.equals(RegionInfo.NATIONAL) || g.equals("中华人民共和国") || g.equals("中国") || g.equals("国家")) {
      return Optional.of(RegionInfo.national(confidence));
    }
    Place cur = null;
    for (String part : g.split("\\s*[/›>|]\\s*")) {
      if (part.isBlank()) continue;
      final Place parent = cur;
      Optional<Place> next = lookup(part).stream().map(NameHit::place)
          .filter(p -> parent == null || isWithin(p, parent))
          .min(Comparator.comparing(Place::level).thenComparing(Place::code));
      if (next.isEmpty()) return Optional.empty();
      cur = next.get();
    }
    return cur == null ? Optional.empty() : Optional.of(region(cur, confidence));
  }

  /** True for 北京, 天津, 上海, 重庆: their districts sit directly under them. */
  public static boolean isMunicipality(Place province) {
    return switch (province.code()) {
      case "11", "12", "31", "50" -> true;
      default -> false;
    };
  }

  int size() {
    return byCode.size();
  }
}
