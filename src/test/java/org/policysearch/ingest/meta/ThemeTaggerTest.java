package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeTaggerTest {
  static final ThemeTaxonomy TAXONOMY = ThemeTaxonomy.parse("test.tsv",
      "# theme\tkeywords\tcontext\tcomment\n校园安全\t防溺水|溺水|欺凌|食品安全\t学校|学生|幼儿园\tsafety\n"
          + "双减\t双减|校外培训|课后服务\t\tdouble reduction\n学前教育\t幼儿园|学前教育\t\tpre-school\n");

  @Test
  void paragraphsGetEveryThemeTheyMentionAndTheDocumentTheRepeatedOnes() {
    ThemeTagger.Result r = new ThemeTagger(TAXONOMY).tag("关于做好暑期工作的通知", List.of(
        "加强防溺水教育，严防学生溺水事故。", "落实“双减”政策，规范校外培训。", "幼儿园要做好食品安全工作。", "其他工作。",
        "课后服务要提质增效。", "生产经营者对食品安全负责。"));
    // The last paragraph says 食品安全 without a school: not campus safety.
    assertEquals(List.of(List.of("校园安全"), List.of("双减"), List.of("校园安全", "学前教育"), List.of(), List.of("双减"), List.of()),
        r.paragraphThemes());
    // 校园安全: 3 hits in 2 paragraphs; 双减: 3 hits in 2; 学前教育: once only.
    assertEquals(List.of("校园安全", "双减"), r.documentThemes());
  }

  @Test
  void aThemeInTheTitleCountsForTheDocument() {
    ThemeTagger.Result r = new ThemeTagger(TAXONOMY).tag("幼儿园安全管理办法", List.of("第一条 为了规范管理，制定本办法。",
        "第二条 本办法适用于本市。", "第三条 各校要落实。", "第四条 本办法自公布之日起施行。"));
    assertEquals(List.of("学前教育"), r.documentThemes());
  }

  @Test
  void theShippedTaxonomyFollowsTheStateCouncilSubjectClassification() {
    ThemeTaxonomy t = ThemeTaxonomy.load();
    // The 21 top levels of the 主题分类 but 其他, which is given when no theme fits (no keywords).
    assertEquals(List.of("综合政务", "国民经济管理", "财政、金融、审计", "国土资源、能源", "农业、林业、水利", "工业、交通", "商贸、海关、旅游",
        "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作",
        "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防"), t.topLevels());
    // The education topics of the seed speeches are second levels of 科技、教育.
    assertTrue(t.themes().stream().anyMatch(x -> x.name().equals("科技、教育/学前教育")));
    assertTrue(t.themes().stream().allMatch(x -> x.name().split("/").length == 2));
  }

  @Test
  void theTitleDecidesFirstAndABodyThemeMustBeAsStrong() {
    ThemeTagger tagger = new ThemeTagger(ThemeTaxonomy.load());
    List<String> body = List.of("第一条 为了防治大气污染，保护和改善环境，制定本条例。", "第二条 机动车排放污染物的防治，适用本条例。",
        "第三条 机动车所有人应当保证机动车排放符合标准。", "第四条 禁止焚烧秸秆，防治扬尘污染。", "第五条 本条例自公布之日起施行。");
    ThemeTagger.Result r = tagger.tag("大气污染防治条例", body);
    // 机动车 (transport) is named in 2 paragraphs, but less often than the title's theme is in the body.
    assertEquals(List.of("城乡建设、环境保护/生态环境"), r.documentThemes());
    assertEquals("城乡建设、环境保护/生态环境", r.scores().get(0).theme());
    assertEquals(15.0, r.scores().get(0).score()); // title: 大气, 污染 (2 hits × 5); body: 大气, 污染 ×3, 扬尘
    assertEquals("title: 大气, 污染; body: 污染×3, 大气, 扬尘 in 3 paragraphs", r.scores().get(0).evidence());
  }

  @Test
  void everyKindOfPolicyGetsAThemeAndAWorkReportIsNotHigherEducation() {
    ThemeTagger tagger = new ThemeTagger(ThemeTaxonomy.load());
    assertEquals(List.of("公安、安全、司法/公安与社会治安"), tagger.tag("养犬管理条例", List.of("第一条 为了规范养犬行为，制定本条例。")).documentThemes());
    assertEquals(List.of("国民经济管理/营商环境"), tagger.tag("优化营商环境条例", List.of("第一条 为了优化营商环境，制定本条例。")).documentThemes());
    List<String> report = List.of("各位代表：", "过去一年，全省经济持续恢复，地区生产总值增长5%，农业生产稳定，粮食产量创新高。",
        "支持高校建设，新增大学一所。", "推进农业现代化，发展特色农业，促进农民增收。", "深化农村改革，建设宜居宜业和美乡村，农业强省建设迈出新步伐。");
    List<String> themes = tagger.tag("政府工作报告", report).documentThemes();
    assertEquals(List.of("综合政务/政府工作报告", "农业、林业、水利/农业农村"), themes);
  }

  @Test
  void aDocumentNoThemeFitsIsOther() {
    ThemeTagger.Result r = new ThemeTagger(TAXONOMY).tag("通知", List.of("请按时参加。"));
    assertEquals(List.of(ThemeTagger.OTHER), r.documentThemes());
    assertEquals(0.0, r.scores().get(0).score());
  }

  @Test
  void badLinesAreReported() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThemeTaxonomy.parse("t.tsv", "主题\t\t\tcomment\n"));
    assertEquals("t.tsv:1: expected theme <TAB> keywords|…", e.getMessage());
    IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
        () -> ThemeTaxonomy.parse("t.tsv", "科技、教育/教育/学前\t幼儿园\t\tcomment\n"));
    assertEquals("t.tsv:1: theme '科技、教育/教育/学前': write a top level, or top level/second level (科技、教育/学前教育)", deep.getMessage());
  }
}
