package org.policysearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.policysearch.doc.RegionInfo;

/**
 * Real region paths to give generated documents, by level: 全国, provinces, cities and counties. From
 * the gazetteer (2023 division codes) when there is one, else the regions of the source corpus.
 */
final class Regions {
  private static final List<String> MUNICIPALITIES = List.of("11", "12", "31", "50");

  private final List<String> provinces;
  private final List<String> cities;
  private final List<String> counties;
  private final String origin;

  private Regions(List<String> provinces, List<String> cities, List<String> counties, String origin) {
    this.provinces = provinces;
    this.cities = cities;
    this.counties = counties;
    this.origin = origin;
  }

  /** Where the regions came from, for the report. */
  String origin() {
    return origin;
  }

  int size() {
    return provinces.size() + cities.size() + counties.size() + 1;
  }

  /** 全国 5%, a province 20%, a city 45%, a county 30% (a level without entries falls back to a province). */
  String pick(SplittableRandom r) {
    double x = r.nextDouble();
    if (x < 0.05 || provinces.isEmpty()) return RegionInfo.NATIONAL;
    if (x < 0.25 || cities.isEmpty() && counties.isEmpty()) return provinces.get(r.nextInt(provinces.size()));
    if (x < 0.70 && !cities.isEmpty() || counties.isEmpty()) return cities.get(r.nextInt(cities.size()));
    return counties.get(r.nextInt(counties.size()));
  }

  static Regions fromGazetteer(Path dir) throws IOException {
    Map<String, String> province = new HashMap<>();
    for (String[] row : csv(dir.resolve("provinces.csv"))) province.put(row[0], row[1]);
    Map<String, String> cityPath = new HashMap<>();
    List<String> cities = new ArrayList<>();
    for (String[] row : csv(dir.resolve("cities.csv"))) {
      String p = province.get(row[2]);
      if (p == null) continue;
      if (placeholder(row[1])) {
        cityPath.put(row[0], p); // a municipality's districts or directly governed counties sit under the province
      } else {
        cityPath.put(row[0], p + "/" + row[1]);
        cities.add(p + "/" + row[1]);
      }
    }
    List<String> counties = new ArrayList<>();
    for (String[] row : csv(dir.resolve("areas.csv"))) {
      String code = row[0];
      if (code.length() >= 3 && code.charAt(code.length() - 3) == '7') continue; // development zones
      String parent = cityPath.get(row[2]);
      if (parent == null || placeholder(row[1])) continue;
      counties.add(parent + "/" + row[1]);
    }
    List<String> provinces = new ArrayList<>(new TreeSet<>(province.values()));
    return new Regions(provinces, cities, counties, "the gazetteer in " + dir + " (" + provinces.size() + " provinces, "
        + cities.size() + " cities, " + counties.size() + " counties)");
  }

  /** The seeds' regions: what a corpus without any region metadata (the bundled one) is spread over. */
  static final List<String> FALLBACK = List.of("湖北省/鄂州市", "湖北省/鄂州市/华容区", "重庆市/潼南区", "山东省/聊城市",
      "浙江省/台州市", "内蒙古自治区/锡林郭勒盟");

  static Regions fromPaths(List<String> paths) {
    if (paths.stream().allMatch(x -> x.isEmpty() || x.equals(RegionInfo.NATIONAL))) {
      Regions r = fromPaths(FALLBACK);
      return new Regions(r.provinces, r.cities, r.counties, "the regions of the five seed documents (the source corpus gives none)");
    }
    TreeSet<String> p = new TreeSet<>();
    TreeSet<String> c = new TreeSet<>();
    TreeSet<String> k = new TreeSet<>();
    for (String path : paths) {
      if (path.isEmpty() || path.equals(RegionInfo.NATIONAL)) continue;
      String[] parts = path.split("/");
      p.add(parts[0]);
      if (parts.length == 2) c.add(path);
      if (parts.length >= 3) k.add(path);
    }
    return new Regions(List.copyOf(p), List.copyOf(c), List.copyOf(k), "the regions of the source corpus ("
        + p.size() + " provinces, " + c.size() + " cities, " + k.size() + " counties)");
  }

  private static boolean placeholder(String name) {
    return name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
  }

  /** Rows of a simple CSV with a header and optionally double-quoted fields (no embedded quotes or commas). */
  private static List<String[]> csv(Path f) throws IOException {
    List<String[]> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) continue;
      String[] parts = line.split(",", -1);
      for (int j = 0; j < parts.length; j++) parts[j] = parts[j].strip().replace("\"", "");
      out.add(parts);
    }
    return out;
  }
}
