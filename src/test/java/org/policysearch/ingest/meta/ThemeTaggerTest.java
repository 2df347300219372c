package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void theShippedTaxonomyHasAboutTwentyThemes() {
    ThemeTaxonomy t = ThemeTaxonomy.load();
    assertEquals(23, t.themes().size());
    assertEquals("党建与思政", t.themes().get(0).name());
  }

  @Test
  void badLinesAreReported() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThemeTaxonomy.parse("t.tsv", "主题\t\t\tcomment\n"));
    assertEquals("t.tsv:1: expected theme <TAB> keywords|…", e.getMessage());
  }
}
