package org.policysearch.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.policysearch.search.api.Filters;

/**
 * Strict reading of query parameters: unknown names and malformed values are refused with a message
 * naming the parameter and what it accepts, so a script's typo is an error rather than a silently
 * ignored filter.
 */
final class Params {
  private final Context ctx;

  private Params(Context ctx) {
    this.ctx = ctx;
  }

  static Params of(Context ctx, Set<String> allowed) {
    Map<String, List<String>> all = ctx.queryParamMap();
    for (String name : all.keySet()) {
      if (!allowed.contains(name)) {
        throw new Problem.Exception(Problem.badRequest(name, "unknown parameter '" + name + "'",
            "未知的参数“" + abbreviate(name) + "”", List.copyOf(new TreeSet<>(allowed))));
      }
    }
    return new Params(ctx);
  }

  String string(String name, String def) {
    String v = ctx.queryParam(name);
    return v == null ? def : v;
  }

  List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    for (String v : ctx.queryParams(name)) {
      for (String part : v.split(",")) if (!part.isBlank()) out.add(part.strip());
    }
    return out;
  }

  int integer(String name, int def, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return def;
    try {
      int i = Integer.parseInt(v.strip());
      if (i < min || i > max) throw new NumberFormatException();
      return i;
    } catch (NumberFormatException e) {
      throw new Problem.Exception(Problem.badRequest(name, "'" + name + "' must be a whole number from " + min + " to " + max
          + ", got '" + abbreviate(v) + "'", "参数 " + name + " 须是 " + min + " 到 " + max + " 之间的整数，收到的是“" + abbreviate(v) + "”"));
    }
  }

  /** {@code page}: the page of results, from 1 (the first when absent). */
  int page() {
    return integer("page", 1, 1, Integer.MAX_VALUE);
  }

  /** {@code size}: results a page, from 0 (facets and counts only) to {@code max}. */
  int size(int def, int max) {
    return integer("size", def, 0, max);
  }

  Integer optionalYear(String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    return year(name, v);
  }

  static int year(String name, String v) {
    try {
      return Filters.parseYear(v);
    } catch (NumberFormatException e) {
      throw new Problem.Exception(Problem.badRequest(name, "'" + name + "' must be a four-digit year, got '" + abbreviate(v) + "'",
          "参数 " + name + " 须是四位数的年份，收到的是“" + abbreviate(v) + "”"));
    }
  }

  boolean bool(String name, boolean def) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return def;
    return switch (v.strip()) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new Problem.Exception(Problem.badRequest(name, "'" + name + "' must be true or false",
          "参数 " + name + " 须是 true 或 false", List.of("true", "false")));
    };
  }

  /** {@code effective_on}: a day YYYY-MM-DD, or null when absent. */
  java.time.LocalDate optionalDay(String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    try {
      return Filters.parseDay(v);
    } catch (IllegalArgumentException e) {
      throw new Problem.Exception(Problem.badRequest(name, "'" + name + "' must be a day written YYYY-MM-DD such as 2020-01-01, got '"
          + abbreviate(v) + "' (" + e.getMessage() + ")", "参数 " + name + " 须是 YYYY-MM-DD 形式的日期，如 2020-01-01，收到的是“" + abbreviate(v) + "”"));
    }
  }

  /** region, year, from, to, theme, type, duplicates, effective_on. */
  Filters filters() {
    List<Integer> years = new ArrayList<>();
    for (String y : strings("year")) years.add(year("year", y));
    for (String r : strings("region")) {
      if (r.length() > 100 || r.startsWith("/") || r.endsWith("/") || r.contains("//")) {
        throw new Problem.Exception(Problem.badRequest("region", "a region is a path such as 湖北省 or 湖北省/鄂州市, got '"
            + abbreviate(r) + "'", "地区应写成 湖北省 或 湖北省/鄂州市 这样的路径，收到的是“" + abbreviate(r) + "”"));
      }
    }
    return new Filters(strings("region"), years, optionalYear("from"), optionalYear("to"), strings("theme"), strings("type"),
        bool("duplicates", false), optionalDay("effective_on"), cites());
  }

  /** The document id or 文号 of the {@code cites} filter ("" when not given). */
  private String cites() {
    List<String> all = strings("cites");
    if (all.size() > 1) {
      throw new Problem.Exception(Problem.badRequest("cites", "give one cites value (a document id or a 文号), got " + all.size(),
          "cites 只能给一个值（文件编号或文号），收到了 " + all.size() + " 个"));
    }
    String v = all.isEmpty() ? "" : all.get(0).strip();
    if (v.length() > 300) {
      throw new Problem.Exception(Problem.badRequest("cites", "cites is a document id or a 文号, at most 300 characters",
          "cites 应为文件编号或文号，最长 300 个字符"));
    }
    return v;
  }

  static final Set<String> FILTER_NAMES = Set.of("region", "year", "from", "to", "theme", "type", "duplicates", "effective_on", "cites");

  static Set<String> with(Set<String> base, String... more) {
    Set<String> s = new TreeSet<>(base);
    s.addAll(List.of(more));
    return s;
  }

  static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }
}
