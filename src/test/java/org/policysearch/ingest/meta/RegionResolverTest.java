package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.RegionInfo;

class RegionResolverTest {
  static Gazetteer gazetteer;
  static RegionResolver resolver;

  @BeforeAll
  static void load() {
    gazetteer = Gazetteer.load();
    resolver = new RegionResolver(gazetteer);
  }

  static RegionInfo resolve(String title, String... lines) {
    List<Block> blocks = new ParagraphSplitter().split(List.of(lines));
    return resolver.resolve(title, "", blocks, -1, "").region();
  }

  @Test
  void theGazetteerKnowsShortFormsAliasesAndHistoricalNames() {
    assertEquals("湖北省/鄂州市", gazetteer.region(gazetteer.lookup("鄂州").get(0).place(), 1).path());
    assertEquals("重庆市/潼南区", gazetteer.region(gazetteer.lookup("潼南").get(0).place(), 1).path());
    assertEquals("内蒙古自治区/锡林郭勒盟", gazetteer.region(gazetteer.lookup("锡盟").get(0).place(), 1).path());
    assertEquals("内蒙古自治区/呼和浩特市", gazetteer.region(gazetteer.lookup("呼市").get(0).place(), 1).path());
    assertEquals("湖北省/襄阳市", gazetteer.region(gazetteer.lookup("襄樊").get(0).place(), 1).path());
    assertEquals("湖北省/恩施土家族苗族自治州", gazetteer.region(gazetteer.lookup("恩施").get(0).place(), 1).path());
    assertEquals("湖北省/仙桃市", gazetteer.region(gazetteer.lookup("仙桃市").get(0).place(), 1).path());
    assertEquals("湖北省", gazetteer.docNumberPrefix('鄂').orElseThrow().name());
    assertEquals(List.of(), gazetteer.lookup("市辖区"));
    assertEquals(List.of(), gazetteer.lookup("和平")); // a common word
    assertEquals(1, gazetteer.lookup("吉林").size()); // the province; the city keeps its full name
    assertEquals(4, gazetteer.lookup("鼓楼区").size());
  }

  @Test
  void givenRegionsArePathsOrSingleNames() {
    assertEquals("湖北省/鄂州市", gazetteer.resolveGiven("湖北省/鄂州市", 1).orElseThrow().path());
    assertEquals("湖北省/鄂州市", gazetteer.resolveGiven("鄂州市", 1).orElseThrow().path());
    assertEquals("湖北省/鄂州市/华容区", gazetteer.resolveGiven("湖北省/鄂州市/华容区", 1).orElseThrow().path());
    assertEquals("420703", gazetteer.resolveGiven("湖北省/鄂州市/华容区", 1).orElseThrow().code());
    assertEquals("重庆市/潼南区", gazetteer.resolveGiven("重庆市/潼南区", 1).orElseThrow().path());
    assertEquals("北京市/朝阳区", gazetteer.resolveGiven("北京市/朝阳区", 1).orElseThrow().path());
    assertTrue(gazetteer.resolveGiven("中华人民共和国", 1).orElseThrow().national());
    assertTrue(gazetteer.resolveGiven("全国", 1).orElseThrow().national());
    assertTrue(gazetteer.resolveGiven("火星省/某市", 1).isEmpty());
  }

  @Test
  void aCityWhoseNameIsMaskedIsFoundFromItsDistricts() {
    RegionInfo r = resolve("讲话", "全市教育系统在市委市政府的坚强领导下取得新成绩。", "路桥入选省实验区，三门入选国家级信息化教学实验区。",
        "椒江被认定为青少年校园足球训练营。", "全市要努力建设教育强市。");
    assertEquals("浙江省/台州市", r.path());
  }

  @Test
  void aDistrictNamedAtTheTopWithCountyTalkIsKept() {
    RegionInfo r = resolve("潼南区召开2023年开学工作推进会", "2月2日,潼南区召开2023年开学工作推进会。",
        "全区教育系统要继续在教育提质上持续发力，努力在新重庆新潼南建设中交出答卷。", "全区各校要抓好落实。");
    assertEquals("重庆市/潼南区", r.path());
    assertEquals("500152", r.code());
  }

  @Test
  void aCityReportMentioningOneDistrictStaysACityReport() {
    RegionInfo r = resolve("2023年全市教育工作会议召开", "2023年全市教育工作会议召开，推动鄂州教育高质量发展。",
        "华容区教育局、市第八中学负责人作经验交流。", "全市教育系统要办好人民满意的教育。", "以实干实绩推进鄂州教育高质量发展。");
    assertEquals("湖北省/鄂州市", r.path());
  }

  @Test
  void ambiguousNamesFollowTheirContext() {
    assertEquals("北京市/朝阳区", resolve("北京市朝阳区教育工作会议", "北京市朝阳区召开教育工作会议。", "全区要抓好落实。", "朝阳区各校要抓好落实。").path());
    assertEquals("辽宁省/朝阳市", resolve("辽宁省朝阳市教育工作会议", "朝阳市召开教育工作会议。", "全市要抓好落实，辽宁全省都在看。").path());
  }

  @Test
  void everydayWordsAreNotPlaces() {
    RegionInfo r = resolve("关于加强校园安全的意见", "要统筹教育资源，推动乡村振兴，加强合作交流，确保金融安全。", "公路桥梁和投资中的风险要防范。");
    assertEquals(RegionInfo.NONE, r);
  }

  @Test
  void nationalBodiesMakeANationalDocument() {
    assertTrue(resolve("中华人民共和国海南自由贸易港法", "2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过",
        "第一条 为了建设高水平的中国特色海南自由贸易港，制定本法。", "海南自由贸易港建设坚持…海南省应当…").national());
    assertTrue(resolve("政府工作报告", "各位代表：", "现在，我代表国务院，向大会报告政府工作，请予审议。", "支持海南自由贸易港建设。").national());
    assertTrue(resolve("城市绿化条例", "第一条 为了促进城市绿化事业的发展，制定本条例。",
        "第四条 国务院设立全国绿化委员会。省、自治区、直辖市人民政府城市建设行政主管部门负责本行政区域内的城市绿化工作。").national());
  }

  @Test
  void aLocalRegulationCitingNationalLawsStaysLocal() {
    RegionInfo r = resolve("上海口岸服务条例", "2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过",
        "第一条 为了规范口岸开放，根据《中华人民共和国海关法》和国务院《物业管理条例》，结合本市实际，制定本条例。",
        "第四条 市人民政府在国家有关部门的指导下，加强对本市口岸工作的领导。");
    assertEquals("上海市", r.path());
    assertEquals("310000", r.code());
  }

  @Test
  void aMaskedCountyLeavesTheLeague() {
    RegionInfo r = resolve("2023年度教育局工作会议上讲话", "今天，我们召开2023年教育工作会议，落实全盟教育工作会议要求，部署全县重点工作。",
        "全县教育系统坚定不移地贯彻县委、政府的工作要求。", "共59名考生被锡盟重点中学录取。", "选派校长后备干部到锡市一中跟岗挂职锻炼。",
        "落实《锡林郭勒盟普通高中办学条件改善三年规划》，全县要抓好落实。", "县教育局荣获内蒙古自治区教育厅颁发的称号。");
    assertEquals("内蒙古自治区/锡林郭勒盟", r.path());
    assertEquals("", r.county());
  }

  @Test
  void nothingToTell() {
    RegionInfo r = resolve("同志们", "同志们，要把工作做好。");
    assertEquals(RegionInfo.NONE, r);
    assertEquals(0, r.confidence());
  }
}
