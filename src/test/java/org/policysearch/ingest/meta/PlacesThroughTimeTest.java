package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.RegionInfo;

/**
 * Former names found under today's unit with the name as written (changes.tsv), and names that count only as
 * whole names: never the start of a town or street, never a one-character stem that a word runs into, and
 * a name several places bear left at the level the context makes sure.
 */
class PlacesThroughTimeTest {
  static Gazetteer gazetteer;
  static RegionResolver resolver;

  @BeforeAll
  static void load() {
    gazetteer = Gazetteer.load();
    resolver = new RegionResolver(gazetteer);
  }

  static RegionInfo resolve(String title, String... lines) {
    return resolver.resolve(title, "", new ParagraphSplitter().split(List.of(lines)), -1, "").region();
  }

  static List<String> names(String text) {
    return gazetteer.find(text).stream().map(PhraseTrie.Match::phrase).toList();
  }

  @Test
  void everyChangeOfAPrefectureLevelUnitSince2000IsListedWithItsUnitYearAndKind() {
    Set<String> old = new HashSet<>();
    for (Gazetteer.Change c : gazetteer.changes()) {
      old.add(c.oldName());
      assertTrue(c.year() >= 1999 && c.year() <= 2026, c.toString());
      assertTrue(!c.note().isEmpty(), c.oldName());
    }
    // 地区 and 盟 that became cities since 2000, one from each region of the country
    for (String name : List.of("思茅地区", "临沧地区", "铜仁地区", "毕节地区", "巴中地区", "吕梁地区", "伊克昭盟", "乌兰察布盟",
        "绥化地区", "池州地区", "巢湖地区", "宁德地区", "菏泽地区", "周口地区", "百色地区", "海东地区", "日喀则地区",
        "那曲地区", "吐鲁番地区", "哈密地区", "陇南地区", "中卫县")) {
      assertTrue(old.contains(name), name);
    }
    assertTrue(gazetteer.changes().size() >= 250, "changes: " + gazetteer.changes().size());
  }

  @Test
  void aFormerNameIsFoundUnderTodaysUnit() {
    assertEquals("河北省/保定市/徐水区", gazetteer.region(gazetteer.lookup("徐水县").get(0).place(), 1).path());
    assertEquals("云南省/普洱市", gazetteer.region(gazetteer.lookup("思茅地区").get(0).place(), 1).path());
    assertEquals("北京市/东城区", gazetteer.region(gazetteer.lookup("崇文区").get(0).place(), 1).path());
    assertEquals("重庆市/开州区", gazetteer.region(gazetteer.lookup("开县").get(0).place(), 1).path());
    assertEquals("内蒙古自治区/鄂尔多斯市", gazetteer.region(gazetteer.lookup("伊克昭盟").get(0).place(), 1).path());
    assertEquals(Gazetteer.Form.FORMER, gazetteer.lookup("徐水县").get(0).form());
  }

  @Test
  void aCountyReportUnderItsFormerNameLandsInTodaysDistrictAndKeepsTheNameAsWritten() {
    RegionInfo r = resolve("徐水县2008年政府工作报告", "——2008年1月10日在徐水县第十五届人民代表大会第一次会议上",
        "一、2007年工作回顾", "全县生产总值增长12%。", "徐水县各乡镇要抓好落实。", "全县人民团结奋斗。");
    assertEquals("河北省/保定市/徐水区", r.path());
    assertEquals("130609", r.code());
    assertEquals("徐水县", r.asWritten());
  }

  @Test
  void aPrefectureUnderItsFormerNameLandsInTodaysCity() {
    RegionInfo r = resolve("思茅地区2002年政府工作报告", "——2002年2月在思茅地区行政公署会议上", "全区各族人民团结奋斗。",
        "思茅地区要加快发展。");
    assertEquals("云南省/普洱市", r.path());
    assertEquals("思茅地区", r.asWritten());
    RegionInfo today = resolve("普洱市2024年政府工作报告", "全市经济稳中有进。", "普洱市要加快发展。");
    assertEquals("云南省/普洱市", today.path());
    assertEquals("", today.asWritten());
  }

  @Test
  void aNameInsideALongerPlaceNameNeverCounts() {
    assertEquals(List.of("安新县"), names("安新县新安镇召开会议"));
    assertEquals(List.of(), names("沿中山路、长安街和朝阳街道向东"));
    assertEquals(List.of("新安县"), names("新安县召开会议"));
    // the 安新县 report that names its town again and again stays in 河北省, never 河南省's 新安县
    RegionInfo r = resolve("安新县2024年政府工作报告", "新安镇、安新镇、大王镇协同推进。", "新安镇完成棚户区改造。",
        "新安镇社区服务中心投入使用。", "全县上下团结奋斗。", "新安镇、新安镇、新安镇、新安镇。");
    assertEquals("河北省/保定市/安新县", r.path());
  }

  @Test
  void aOneCharacterFormerNameNeedsABoundary() {
    assertEquals(List.of(), names("会议召开县委常委会"));
    assertEquals(List.of(), names("建设经济发达县"));
    assertEquals(List.of("重庆市", "开县"), names("重庆市开县人民政府"));
    assertEquals(List.of("开县"), names("开县人民政府"));
  }

  @Test
  void aNameSeveralPlacesBearIsDecidedByContextOrLeftAtTheSureLevel() {
    assertEquals("吉林省/长春市/朝阳区", resolve("长春市朝阳区2020年政府工作报告", "长春市朝阳区第十七届人民代表大会。",
        "全区经济稳中有进。", "朝阳区要加快发展。", "全区上下团结奋斗。").path());
    assertEquals("北京市/朝阳区", resolve("北京市朝阳区2020年政府工作报告", "北京市朝阳区第十五届人民代表大会。",
        "全区经济稳中有进。", "朝阳区要加快发展。", "全区上下团结奋斗。").path());
    // 朝阳区 alone, with nothing to tell Beijing from Changchun: no place is claimed rather than a guess
    assertEquals("", resolve("朝阳区2020年政府工作报告", "全区经济稳中有进。", "朝阳区要加快发展。", "全区上下团结奋斗。").path());
    // 鼓楼区 alone, with no city named: none of the four 鼓楼区 is sure, so no place is claimed
    assertEquals("", resolve("鼓楼区2020年政府工作报告", "全区经济稳中有进。", "全区上下团结奋斗。").path());
    // …and with its province named, only as far as the province when several 鼓楼区 are in it? 江苏 has two: 南京, 徐州
    RegionInfo jiangsu = resolve("江苏省鼓楼区工作会议", "江苏省鼓楼区召开会议。", "全区上下团结奋斗。");
    assertEquals("江苏省", jiangsu.path());
  }

  @Test
  void aFormerNameThatIsTodayAnotherUnitsNameIsRefused() {
    List<DataFiles.Row> change = DataFiles.parseTsv("changes.tsv", "东山区\t440104\t2005\tmerged\t东山区 merged into 越秀区\n");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Gazetteer.of(DataFiles.readCsv(Gazetteer.DIR + "provinces.csv"), DataFiles.readCsv(Gazetteer.DIR + "cities.csv"),
            DataFiles.readCsv(Gazetteer.DIR + "areas.csv"), List.of(), change));
    assertTrue(e.getMessage().contains("东山区"), e.getMessage());
  }

  @Test
  void aCountyLevelCitySpeaksOfItselfAsACityAndStaysACountyLevelUnit() {
    // 仙桃市-like cities under a prefecture: 全市 and 市委 are its own; here 义乌市 of 金华市
    RegionInfo r = resolve("政府工作报告", "——2019年1月在义乌市第十五届人民代表大会第四次会议上", "各位代表：",
        "2018年，在金华市委、市政府和市委的坚强领导下，全市实现生产总值1248亿元。", "义乌市国际商贸城五区市场改造完成。",
        "全市上下要团结奋斗。");
    assertEquals("浙江省/金华市/义乌市", r.path());
    // a prefecture's own report that names one county-level city of it stays the prefecture's
    RegionInfo city = resolve("金华市2019年政府工作报告", "——2019年1月在金华市第八届人民代表大会第四次会议上",
        "全市实现生产总值4559亿元，义乌市国际贸易综合改革试点深化。", "金华市区、兰溪市、东阳市协同发展。", "全市上下要团结奋斗。");
    assertEquals("浙江省/金华市", city.path());
  }

  @Test
  void aCountyNamedOnlyByItsShortFormIsKeptWhenItIsTheOnlyPlaceAndTheTextSpeaksAtCountyLevel() {
    RegionInfo r = resolve("在全县脱贫攻坚推进会上的讲话", "（2018年6月5日）", "同志们：", "今天召开全县脱贫攻坚推进会。",
        "近年来，平陆苹果、平陆花椒品牌越来越响。", "全县上下要把平陆脱贫攻坚工作抓紧抓实。");
    assertEquals("山西省/运城市/平陆县", r.path());
    // the same two passing mentions without county talk are not enough (资中 hides in 投资中)
    RegionInfo words = resolve("关于加强投资管理的意见", "在投资中要防范风险。", "投资中的问题要及时纠正。");
    assertEquals("", words.path());
  }
}
