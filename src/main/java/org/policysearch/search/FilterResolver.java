package org.policysearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.policysearch.doc.RegionInfo;
import org.policysearch.ingest.meta.Gazetteer;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Interpretation.FilterReading;
import org.policysearch.search.api.InvalidRequestException;

/**
 * Reads facet filter values as people type them, against the values the index holds: a region as a
 * path (湖北省/鄂州市), a place's name (青岛市), its short form (青岛, 鄂州, 山东), an alias (锡盟), a
 * province's one-character abbreviation (鲁), or 全国 / 中华人民共和国 / 中央 for national documents.
 *
 * <p>Why against the index and not the gazetteer alone: a filter must match the documents' stored paths,
 * and those may hold places the gazetteer does not list (a path given in a sidecar); 青岛 finds
 * 山东省/青岛市 because the index holds that path, whether or not the gazetteer lists the short form. The
 * gazetteer adds the names the paths do not show (aliases, abbreviations) and, for a real place the
 * index has nothing from, says it is a place rather than a typo.
 *
 * <p>A value that could be several places is refused with the candidates; a value that names nothing is
 * refused with the closest values, never answered with a silent empty result. One instance per index
 * reader (the values change with commits); immutable.
 */
public final class FilterResolver {
  /** Names people use for the national level; 全国 is the index's value. */
  static final Set<String> NATIONAL_NAMES = Set.of(RegionInfo.NATIONAL, "中华人民共和国", "中国", "中央", "国家", "national");
  /** What may separate the levels of a typed path: /, ›, >, |, a full-width slash, or spaces. */
  private static final Pattern SEPARATORS = Pattern.compile("\\s*[/›>|／]\\s*|\\s+");
  /** Administrative suffixes: what is left without one is a short form (青岛市 → 青岛, 恩施土家族苗族自治州 → 恩施). */
  private static final Pattern SUFFIX = Pattern.compile("(?:\\p{IsHan}{1,6}族)*自治(?:区|州|县|旗)|省|市|地区|盟|新区|特区|林区|区|县|旗");
  private static final int CLOSEST = 10;

  private final Map<String, Long> regions;
  private final Map<String, Long> themes;
  private final Map<String, Long> types;

  /**
   * @param regions region paths of every level with their document counts
   * @param themes  themes with their counts
   * @param types   types with their counts
   */
  public FilterResolver(Map<String, Long> regions, Map<String, Long> themes, Map<String, Long> types) {
    this.regions = Map.copyOf(regions);
    this.themes = Map.copyOf(themes);
    this.types = Map.copyOf(types);
  }

  /** Filters as applied, and how each value was read. */
  public record Resolved(Filters filters, List<FilterReading> readings) {}

  public Resolved resolve(Filters f) throws InvalidRequestException {
    List<FilterReading> readings = new ArrayList<>();
    Set<String> regionValues = new LinkedHashSet<>();
    for (String r : f.regions()) {
      FilterReading reading = region(r);
      readings.add(reading);
      regionValues.add(reading.value());
    }
    List<String> themeValues = flat("theme", "主题", f.themes(), themes, readings);
    List<String> typeValues = flat("type", "类型", f.types(), types, readings);
    Filters applied = new Filters(List.copyOf(regionValues), f.years(), f.yearFrom(), f.yearTo(), themeValues, typeValues,
        f.includeDuplicates(), f.effectiveOn(), f.cites());
    return new Resolved(applied, readings);
  }

  /** Themes and types: the index's values as they are, nothing else (their lists are short: all are offered). */
  private static List<String> flat(String facet, String facetZh, List<String> given, Map<String, Long> values,
                                   List<FilterReading> readings) throws InvalidRequestException {
    List<String> out = new ArrayList<>();
    for (String g : given) {
      String v = g.strip();
      String how = "exact";
      // A theme's second level alone (学前教育) stands for its path (科技、教育/学前教育) when only one path ends so.
      String leaf = "/" + v;
      List<String> byLeaf = values.keySet().stream().filter(p -> p.endsWith(leaf)).toList();
      if (!values.containsKey(v) && byLeaf.size() == 1) {
        v = byLeaf.get(0);
        how = "name";
      }
      if (!values.containsKey(v)) {
        List<String> valid = byCount(values.keySet(), values);
        throw new InvalidRequestException(facet, "no document has the " + facet + " '" + abbreviate(g) + "'; valid values: "
            + String.join(", ", valid),
            "没有" + facetZh + "为“" + abbreviate(g) + "”的文件，可选的" + facetZh + "：" + String.join("、", valid), valid);
      }
      readings.add(new FilterReading(facet, g, v, how, values.get(v)));
      if (!out.contains(v)) out.add(v);
    }
    return out;
  }

  /** One region value, read as described in the class comment; refused when ambiguous or unknown. */
  FilterReading region(String given) throws InvalidRequestException {
    String g = given.strip();
    if (NATIONAL_NAMES.contains(g)) {
      return reading(given, RegionInfo.NATIONAL, g.equals(RegionInfo.NATIONAL) ? "exact" : "national");
    }
    if (regions.containsKey(g)) return reading(given, g, "exact");
    String[] parts = SEPARATORS.split(g);
    List<String> cleaned = new ArrayList<>();
    for (String p : parts) if (!p.isBlank()) cleaned.add(p);
    if (cleaned.isEmpty()) throw unknown(given, List.of());
    String path = String.join("/", cleaned);
    if (regions.containsKey(path)) return reading(given, path, "path");

    // Level by level: each part narrows to the places under the previous part's.
    Map<String, String> candidates = null; // path → how
    for (String part : cleaned) {
      Map<String, String> found = candidates(part);
      if (candidates != null) {
        Map<String, String> under = new LinkedHashMap<>();
        for (var e : found.entrySet()) {
          for (String parent : candidates.keySet()) {
            if (e.getKey().startsWith(parent + "/")) under.put(e.getKey(), e.getValue());
          }
        }
        found = under;
      }
      candidates = found;
      if (candidates.isEmpty()) break;
    }
    if (candidates.size() == 1) {
      var only = candidates.entrySet().iterator().next();
      return reading(given, only.getKey(), cleaned.size() > 1 ? "path" : only.getValue());
    }
    if (candidates.size() > 1) throw ambiguous(given, byCount(candidates.keySet(), regions));
    // Nothing in the index: a real place it has no documents from is still a place (0 results, said so).
    Map<String, String> places = gazetteerPlaces(cleaned);
    if (places.size() == 1) {
      var only = places.entrySet().iterator().next();
      return reading(given, only.getKey(), cleaned.size() > 1 ? "path" : only.getValue());
    }
    if (places.size() > 1) throw ambiguous(given, List.copyOf(places.keySet()));
    throw unknown(given, closest(cleaned.get(cleaned.size() - 1)));
  }

  private FilterReading reading(String given, String value, String how) {
    return new FilterReading("region", given, value, how, regions.getOrDefault(value, 0L));
  }

  /**
   * Index paths a single name stands for, with how it was read; the first way that finds any wins: the
   * last level named in full, then the gazetteer's names (short forms, aliases), then a short form of
   * the last level, then a province's one-character abbreviation.
   */
  private Map<String, String> candidates(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : regions.keySet()) if (last(p).equals(name)) out.put(p, "name");
    if (!out.isEmpty()) return out;
    for (Gazetteer.NameHit h : gazetteer().lookup(name)) {
      String p = gazetteer().region(h.place(), 1).path();
      if (regions.containsKey(p)) out.put(p, h.form() == Gazetteer.Form.ALIAS ? "alias" : h.form() == Gazetteer.Form.FORMER ? "former_name" : h.form() == Gazetteer.Form.SHORT ? "short_name" : "name");
    }
    if (!out.isEmpty()) return out;
    if (name.length() >= 2) {
      for (String p : regions.keySet()) {
        String l = last(p);
        if (l.length() > name.length() && l.startsWith(name) && SUFFIX.matcher(l.substring(name.length())).matches()) {
          out.put(p, "short_name");
        }
      }
      if (!out.isEmpty()) return out;
    }
    if (name.length() == 1) {
      gazetteer().docNumberPrefix(name.charAt(0)).ifPresent(pl -> {
        String p = gazetteer().region(pl, 1).path();
        if (regions.containsKey(p)) out.put(p, "province_abbreviation");
      });
    }
    return out;
  }

  /** Paths of the gazetteer's places for a name (or a path of names), for places the index has nothing from. */
  private static Map<String, String> gazetteerPlaces(List<String> parts) {
    Map<String, String> out = new LinkedHashMap<>();
    if (parts.size() > 1) {
      gazetteer().resolveGiven(String.join("/", parts), 1).ifPresent(r -> out.put(r.path(), "path"));
      return out;
    }
    String name = parts.get(0);
    for (Gazetteer.NameHit h : gazetteer().lookup(name)) {
      out.put(gazetteer().region(h.place(), 1).path(),
          h.form() == Gazetteer.Form.ALIAS ? "alias" : h.form() == Gazetteer.Form.FORMER ? "former_name" : h.form() == Gazetteer.Form.SHORT ? "short_name" : "name");
    }
    if (out.isEmpty() && name.length() == 1) {
      gazetteer().docNumberPrefix(name.charAt(0)).ifPresent(pl -> out.put(gazetteer().region(pl, 1).path(), "province_abbreviation"));
    }
    return out;
  }

  /** Index paths whose last level shares the most characters with a name that matched nothing (at most 10). */
  private List<String> closest(String name) {
    record Scored(String path, int shared) {}
    List<Scored> scored = new ArrayList<>();
    for (String p : regions.keySet()) {
      String l = last(p);
      int shared = 0;
      for (int i = 0; i < name.length(); i++) if (l.indexOf(name.charAt(i)) >= 0) shared++;
      if (shared > 0) scored.add(new Scored(p, shared));
    }
    scored.sort(Comparator.comparingInt(Scored::shared).reversed()
        .thenComparing(s -> -regions.get(s.path())).thenComparing(Scored::path));
    List<String> out = new ArrayList<>();
    for (Scored s : scored) {
      if (out.size() == CLOSEST) break;
      out.add(s.path());
    }
    if (out.isEmpty()) {
      // nothing alike: the top level, so the answer still says what can be asked for
      List<String> top = regions.keySet().stream().filter(p -> p.indexOf('/') < 0).toList();
      out = byCount(top, regions);
    }
    return out;
  }

  private static InvalidRequestException ambiguous(String given, List<String> paths) {
    return new InvalidRequestException("region", "the region '" + abbreviate(given) + "' could be any of " + String.join(", ", paths)
        + "; give the whole path, e.g. region=" + paths.get(0),
        "地区“" + abbreviate(given) + "”有多个：" + String.join("、", paths) + "。请写出完整路径，例如 " + paths.get(0), paths);
  }

  private static InvalidRequestException unknown(String given, List<String> closest) {
    return new InvalidRequestException("region", "no region '" + abbreviate(given) + "' in the index or the gazetteer"
        + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest)),
        "找不到地区“" + abbreviate(given) + "”" + (closest.isEmpty() ? "" : "，相近的有：" + String.join("、", closest)), closest);
  }

  private static List<String> byCount(java.util.Collection<String> values, Map<String, Long> counts) {
    List<String> out = new ArrayList<>(values);
    out.sort(Comparator.comparingLong((String v) -> -counts.getOrDefault(v, 0L)).thenComparing(v -> v));
    return out;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }

  /** Loaded on first need: most filters are index paths clicked on the page and never need it (about 0.3 s). */
  private static Gazetteer gazetteer() {
    return GazetteerHolder.GAZETTEER;
  }

  private static final class GazetteerHolder {
    static final Gazetteer GAZETTEER = Gazetteer.load();
  }
}
