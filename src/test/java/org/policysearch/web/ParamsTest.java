package org.policysearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.Context;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policysearch.search.api.Filters;

/** The query parameters a script sends, read strictly: what is accepted, and what each refusal says. */
class ParamsTest {
  /** A request's query parameters and nothing else (all that {@link Params} reads of a context). */
  static Context query(String... nameValue) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
    }
    return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, m, args) ->
        switch (m.getName()) {
          case "queryParamMap" -> map;
          case "queryParams" -> map.getOrDefault((String) args[0], List.of());
          case "queryParam" -> map.containsKey((String) args[0]) ? map.get((String) args[0]).get(0) : null;
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  static Problem refusal(Runnable r) {
    return assertThrows(Problem.Exception.class, r::run).problem();
  }

  @Test
  void anUnknownParameterIsRefusedWithTheValidNames() {
    Problem p = refusal(() -> Params.of(query("q", "教育", "regoin", "湖北省"), Set.of("q", "region", "page")));
    assertEquals(400, p.status());
    assertEquals("regoin", p.parameter());
    assertEquals("unknown parameter 'regoin'", p.detail());
    assertEquals("未知的参数“regoin”", p.detailZh());
    assertEquals(List.of("page", "q", "region"), p.validValues());
  }

  @Test
  void stringsSplitOnCommasAndRepeatsAndDropBlanks() {
    Params p = Params.of(query("theme", "双减, 校园安全", "theme", "", "theme", "心理健康"), Set.of("theme"));
    assertEquals(List.of("双减", "校园安全", "心理健康"), p.strings("theme"));
    assertEquals(List.of(), p.strings("type"));
    assertEquals("默认", p.string("q", "默认"));
  }

  @Test
  void integersWithinTheirRangeOrARefusalNamingTheRange() {
    Params p = Params.of(query("page", " 3 ", "size", "500", "n", "x"), Set.of("page", "size", "n"));
    assertEquals(3, p.integer("page", 1, 1, 1000));
    assertEquals(10, p.integer("absent", 10, 0, 100));
    Problem tooBig = refusal(() -> p.integer("size", 10, 0, 100));
    assertEquals("'size' must be a whole number from 0 to 100, got '500'", tooBig.detail());
    assertEquals("参数 size 须是 0 到 100 之间的整数，收到的是“500”", tooBig.detailZh());
    assertEquals("n", refusal(() -> p.integer("n", 1, 1, 5)).parameter());
  }

  @Test
  void yearsAreFourDigits() {
    assertEquals(2023, Params.year("year", " 2023"));
    Problem p = refusal(() -> Params.year("from", "23"));
    assertEquals("'from' must be a four-digit year, got '23'", p.detail());
    assertNull(Params.of(query(), Set.of()).optionalYear("from"));
  }

  @Test
  void booleansAcceptTheUsualSpellingsOnly() {
    Params p = Params.of(query("a", "yes", "b", "0", "c", "maybe"), Set.of("a", "b", "c"));
    assertTrue(p.bool("a", false));
    assertFalse(p.bool("b", true));
    assertTrue(p.bool("absent", true));
    Problem bad = refusal(() -> p.bool("c", false));
    assertEquals("'c' must be true or false", bad.detail());
    assertEquals(List.of("true", "false"), bad.validValues());
  }

  @Test
  void filtersReadEveryFilterParameter() {
    Params p = Params.of(query("region", "湖北省/鄂州市,山东省", "year", "2023,2024", "from", "2020", "theme", "双减",
        "type", "讲话", "duplicates", "true"), Params.FILTER_NAMES);
    assertEquals(new Filters(List.of("湖北省/鄂州市", "山东省"), List.of(2023, 2024), 2020, null, List.of("双减"), List.of("讲话"), true),
        p.filters());
  }

  @Test
  void aRegionThatIsNotAPathIsRefused() {
    Problem p = refusal(() -> Params.of(query("region", "湖北省//鄂州市"), Params.FILTER_NAMES).filters());
    assertEquals("region", p.parameter());
    assertEquals("a region is a path such as 湖北省 or 湖北省/鄂州市, got '湖北省//鄂州市'", p.detail());
  }

  @Test
  void longValuesAreAbbreviatedInMessages() {
    String v = "一".repeat(50);
    assertEquals("一".repeat(40) + "…", Params.abbreviate(v));
    assertEquals(Set.of("a", "b", "c"), Params.with(Set.of("a"), "b", "c"));
  }

  @Test
  void pageFromOneAndSizeFromZeroToTheLimit() {
    Params p = Params.of(query("page", "2", "size", "0"), Set.of("page", "size"));
    assertEquals(2, p.page());
    assertEquals(0, p.size(10, 100));
    Params none = Params.of(query(), Set.of("page", "size"));
    assertEquals(1, none.page());
    assertEquals(10, none.size(10, 100));
    Problem page = refusal(() -> Params.of(query("page", "0"), Set.of("page")).page());
    assertEquals("'page' must be a whole number from 1 to 2147483647, got '0'", page.detail());
    Problem size = refusal(() -> Params.of(query("size", "101"), Set.of("size")).size(10, 100));
    assertEquals("'size' must be a whole number from 0 to 100, got '101'", size.detail());
  }

  @Test
  void yearsAreFourDigitsTheSameAsOnTheCommandLine() {
    assertEquals(2024, Filters.parseYear(" 2024 "));
    assertEquals(Filters.MIN_YEAR, Filters.parseYear("1000"));
    assertEquals(Filters.MAX_YEAR, Filters.parseYear("2999"));
    for (String bad : List.of("999", "3000", "20x", "", "二〇二四")) {
      assertThrows(NumberFormatException.class, () -> Filters.parseYear(bad), bad);
    }
  }
}
