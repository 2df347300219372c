package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of cleaning-rules.tsv with the debris it removes (positive) and a real sentence that looks
 * like it and must survive (negative). Adding a rule to the file without a case here fails
 * {@link #everyRuleHasACase()}.
 */
class CleaningRulesTest {
  enum Zone { HEAD, MIDDLE, TAIL }

  /** A rule, where its debris sits, the debris line, and a real line that must be kept (in the middle). */
  record Case(String rule, Zone zone, String debris, String real) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static final Cleaner CLEANER = new Cleaner(CleaningRules.load());

  static final String BODY1 = "今天我们召开全市教育工作会议，主要任务是总结去年工作，部署今年工作，进一步统一思想、明确方向，推动教育高质量发展。";
  static final String BODY2 = "各级各类学校要坚持立德树人根本任务，落实五育并举，全面提高育人质量，办好人民满意的教育。";
  static final String BODY3 = "要加强教师队伍建设，强化师德师风，完善教师培训体系，让每一位教师都能在岗位上成长成才。";

  static Stream<Case> cases() {
    return Stream.of(
        new Case("expand-full-text", Zone.MIDDLE, "展开全文", "要把展开全文的学习作为重点工作。"),
        new Case("comment-list", Zone.TAIL, "评论列表", "评论列表中的意见要认真梳理并回应。"),
        new Case("download-full-text", Zone.MIDDLE, "下载全文", "请各单位下载全文并组织学习。"),
        new Case("tag-line", Zone.TAIL, "标签: #重庆潼南区潼南旅游债权项目", "要给每一所学校贴上“优质”的标签，必须靠实绩。"),
        new Case("recommended", Zone.TAIL, "推荐访问:教育局 讲话 工作", "推荐访问学校的专家要提前备案。"),
        new Case("column-nav", Zone.HEAD, "栏目导航 >到文鼎文库首页", "栏目设置要贴近学生。"),
        new Case("to-homepage", Zone.HEAD, "到文鼎文库首页", "我们要回到教育的初心，办好每一所学校。"),
        new Case("breadcrumb", Zone.HEAD, "您的位置: 首页 > 要闻", "我们所处的位置决定了肩负的责任。"),
        new Case("breadcrumb-home", Zone.HEAD, "首页 > 云南要闻", "首页展示的内容要经过审核。"),
        new Case("font-size-switch", Zone.HEAD, "【字体：大 中 小】", "字体设计课程要纳入美育。"),
        new Case("font-size-letter", Zone.HEAD, "中", "中小学要落实课后服务。"),
        new Case("share-line", Zone.TAIL, "分享到：", "要分享典型经验，推广先进做法。"),
        new Case("editor-intro", Zone.HEAD, "下面是小编为大家整理的2023年度教育局工作会议上讲话,供大家参考。",
            "下面是我为大家通报的几项重点工作，供大家参考。"),
        new Case("follow-teaser", Zone.TAIL, "关注教育新动态", "要关注学生的心理健康和身体健康。"),
        new Case("qr-code", Zone.TAIL, "扫一扫在手机上查看当前页面", "学校要开展扫黑除恶宣传。"),
        new Case("copyright", Zone.TAIL, "版权所有：某某市教育局", "要尊重知识产权，保护版权所有者的权益。"),
        new Case("inline-expand", Zone.MIDDLE, BODY3 + "展开全文", BODY3),
        new Case("inline-font-size", Zone.MIDDLE, "【字体：大 中 小】" + BODY3, BODY3),
        new Case("omitted-chars", Zone.MIDDLE, "……(文鼎文库www.wentop.com此处省略1358字。不往下看了,点击下载全文)……",
            "此处省略的部分由各校自行补充。"),
        new Case("omitted-chars-bare", Zone.MIDDLE, "此处省略1200字", "省略号要规范使用。"),
        new Case("preview-end", Zone.MIDDLE, "预览结束,全文15501字,当前显示4036字,还剩11465字", "活动预览结束后进入正式评审。"),
        new Case("shown-of-total", Zone.MIDDLE, "全文5000字，当前显示2000字", "当前显示的问题要立即整改。"),
        new Case("click-download-full-text", Zone.MIDDLE, "点击下载全文", "点击下载的课件要先经过审核。"),
        new Case("read-more-download", Zone.MIDDLE, "还剩3000字未读，点击下载阅读", "还剩三个月时间，要抓紧推进。"),
        new Case("published-date", Zone.HEAD, "发布日期 : 2023-06-16 点击次数 : 来源 : 《山东教育》中学刊",
            "发布日期：由各校自行确定，报教育局备案。请各校按要求做好准备，确保活动顺利进行。"),
        new Case("published-time", Zone.HEAD, "发布时间:2021/3/4 21:08:46 字数:15501", "发布时间：另行通知，请各单位提前做好准备工作并及时上报有关材料。"),
        new Case("issued-time", Zone.HEAD, "发表时间：2026-02-09 09:45:30", "发表时间不限，来稿请注明联系方式和作者单位，我们将择优刊登。"),
        new Case("issue-date", Zone.HEAD, "发文日期：2023年5月6日", "发文日期以系统记录为准，请各单位及时签收并落实，不得延误。"),
        new Case("written-date", Zone.HEAD, "成文日期：2023年5月6日", "成文日期与发布日期不一致的，以发布日期为准，各单位应当认真核对。"),
        new Case("updated", Zone.HEAD, "更新时间：2023-05-06", "更新时间表要报教育局备案，未经批准不得变更，确保教学秩序稳定。"),
        new Case("date", Zone.HEAD, "日期：2023-06-16", "日期：2023年5月6日上午9:00，地点：市教育局三楼会议室，请准时参加。"),
        new Case("time", Zone.HEAD, "时间:2023-11-29 14:13:01 来源:网友投稿", "时间：5月6日上午9:00，地点：市教育局三楼会议室，参会人员：各校校长。"),
        new Case("source", Zone.HEAD, "来源：北京日报", "来源：各校推荐、个人自荐，经教育局审核后确定名单，名单另行公布。"),
        new Case("article-source", Zone.HEAD, "文章来源：市教育局", "文章来源：本次征文面向全体教师，来稿须为原创作品，不得抄袭。"),
        new Case("clicks", Zone.HEAD, "点击次数：1024", "点击次数排名靠前的课程将被推荐到省平台，供全省师生共享使用。"),
        new Case("word-count", Zone.HEAD, "字数:15501", "字数：不少于三千字，要求观点鲜明、论据充分、结构严谨、语言规范。"),
        new Case("author", Zone.TAIL, "作者：张三", "作者：应为在职教师，每人限报一篇，合作作品不超过三人，逾期不予受理。"),
        new Case("publisher", Zone.HEAD, "发布机构：某某市教育局", "发布机构：应当在规定时间内公开信息，接受社会监督，及时回应公众关切。"),
        new Case("doc-number", Zone.HEAD, "文号：鄂教发〔2023〕5号", "文号：由办公室统一编排，任何科室不得自行编号，违者追究相关责任。"),
        new Case("index-number", Zone.HEAD, "索引号：11420700MB1234567X/2023-00123", "索引号：编制规则另行通知，各单位应当按照统一标准做好信息公开工作。"),
        new Case("subject-class", Zone.HEAD, "主题分类：教育", "主题分类：按照学段和学科两个维度进行，便于教师检索和使用教学资源。"),
        new Case("drafted-by", Zone.TAIL, "撰稿:石 珊", "撰稿：由宣传科负责，各科室提供素材，分管领导审定后按程序报送发布。"),
        new Case("responsible-editor", Zone.TAIL, "（责任编辑：王五）", "责任编辑：对稿件质量负责，发现问题要及时更正，并向分管领导报告。"),
        new Case("editor", Zone.TAIL, "编辑:夏长春", "编辑：要坚持正确导向，严格三审三校制度，确保出版物内容质量过关。"),
        new Case("reviewed-by", Zone.TAIL, "审核:李 毅", "审核：材料由区教育局初审、市教育局复审，复审通过后报省教育厅备案。"),
        new Case("proofread-by", Zone.TAIL, "校对：赵六", "校对：实行三校一读制度，责任到人，差错率不得超过万分之一，确保质量。"),
        new Case("photo-by", Zone.TAIL, "摄影：钱七", "摄影：作品须为本人原创，每人限报三幅，可为单幅或组照，不接受合成照片。"),
        new Case("correspondent", Zone.TAIL, "通讯员：孙八 记者：周九", "通讯员：各校确定一名，负责日常信息报送和宣传工作，名单于月底前上报。"),
        new Case("contributed-by", Zone.TAIL, "供稿：某某中学", "供稿：各校每月至少供稿两篇，稿件质量纳入年度宣传工作考核，择优采用。"),
        new Case("出处", Zone.TAIL, "(《山东教育》20236月第17期)", "(一)要学习《山东教育》2023年6月刊登的典型经验，结合实际抓好落实。"),
        new Case("时间", Zone.HEAD, "2026-02-03 09:02:33", "2026年2月3日，全市教育工作会议召开，会议部署了今年的重点任务和工作举措。"));
  }

  static String document(Case c, String line, Zone zone) {
    List<String> lines = new ArrayList<>();
    lines.add("全市教育工作会议讲话");
    if (zone == Zone.HEAD) lines.add(line);
    lines.add(BODY1);
    lines.add(BODY2);
    if (zone == Zone.MIDDLE) lines.add(line);
    lines.add(BODY3);
    for (int i = 0; i < 9; i++) lines.add(BODY2.replace("全面", "全面" + i)); // past the tail zone
    lines.add("同志们，让我们携手奋进，共同开创教育事业发展新局面！");
    if (zone == Zone.TAIL) lines.add(line);
    return String.join("\n", lines);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void removesItsDebris(Case c) {
    CleanedText out = CLEANER.clean(document(c, c.debris(), c.zone()));
    assertFalse(out.lines().contains(c.debris()), "debris kept: " + c.debris());
    assertTrue(out.removed().containsKey(c.rule()), "rule did not fire: " + out.removed());
    assertTrue(out.lines().containsAll(List.of(BODY1, BODY2, BODY3)), "real text lost: " + out.lines());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsTheRealSentenceThatLooksLikeIt(Case c) {
    Zone where = c.zone() == Zone.TAIL ? Zone.TAIL : Zone.MIDDLE;
    String text = document(c, c.real(), where);
    if (where == Zone.TAIL) text = text + "\n" + BODY3.replace("教师", "教师们"); // a real last line after it
    CleanedText out = CLEANER.clean(text);
    assertTrue(out.lines().contains(c.real()), "real sentence removed: " + c.real() + " by " + out.removed());
  }

  @Test
  void everyRuleHasACase() {
    Set<String> inFile = CleaningRules.load().rules().stream().map(CleaningRule::name).collect(Collectors.toCollection(TreeSet::new));
    Set<String> tested = cases().map(Case::rule).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(inFile, tested);
  }

  @Test
  void linesWithoutLettersAreDropped() {
    CleanedText out = CLEANER.clean(BODY1 + "\n>\n……\n——\n成绩来之不易……我们要倍加珍惜。");
    assertEquals(List.of(BODY1, "成绩来之不易……我们要倍加珍惜。"), out.lines());
  }

  @Test
  void headerFieldsGoIntoTheHeaderAsWritten() {
    CleanedText out = CLEANER.clean("标题\n发布日期 : 2023-06-16 点击次数 : 来源 : 《山东教育》中学刊\n" + BODY1 + "\n" + BODY2
        + "\n撰稿:石 珊\n编辑:夏长春\n审核:李 毅");
    assertEquals(Map.of("发布日期", "2023-06-16", "来源", "《山东教育》中学刊", "撰稿", "石珊", "编辑", "夏长春", "审核", "李毅"),
        out.header());
    assertEquals(List.of("标题", BODY1, BODY2), out.lines());
  }

  @Test
  void aLoneLabelTakesItsValueFromTheNextLine() {
    CleanedText out = CLEANER.clean("标题\n来源：\n宁夏日报客户端\n发表时间：\n2026-02-09 09:45:30\n" + BODY1);
    assertEquals(Map.of("来源", "宁夏日报客户端", "发表时间", "2026-02-09 09:45:30"), out.header());
    assertEquals(List.of("标题", BODY1), out.lines());
  }

  @Test
  void previewCutFlagsTruncatedAndDropsTheFragmentsAfterIt() {
    CleanedText out = CLEANER.clean(BODY1 + "\n……\n预览结束,全文15501字,当前显示4036字,还剩11465字\n本文15\n  下载全文");
    assertTrue(out.truncated());
    assertEquals("预览结束,全文15501字,当前显示4036字,还剩11465字", out.truncationDetail());
    assertEquals(List.of(BODY1), out.lines());
  }

  @Test
  void navigationLinesNameTheSite() {
    CleanedText out = CLEANER.clean("栏目导航 >到文鼎文库首页\n" + BODY1);
    assertEquals(List.of("文鼎文库"), out.sources());
  }

  @Test
  void theTitlePrintedTwiceAtTheTopIsKeptOnce() {
    CleanedText out = CLEANER.clean("2023年度工作会议上讲话\n时间:2023-11-29\n2023年度工作会议上讲话\n同志们:\n" + BODY1
        + "\n" + BODY2 + "\n2023年度工作会议上讲话");
    assertEquals(List.of("2023年度工作会议上讲话", "同志们:", BODY1, BODY2, "2023年度工作会议上讲话"), out.lines());
  }

  @Test
  void aUserRuleExtendsTheFile() {
    CleaningRules rules = CleaningRules.parse("extra.tsv", "site-footer\tdrop-line\t本站声明[:：].*\tour site's footer\n");
    CleanedText out = new Cleaner(rules).clean(BODY1 + "\n本站声明：转载请注明出处");
    assertEquals(List.of(BODY1), out.lines());
  }

  @Test
  void badRulesAreReportedWithTheirLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CleaningRules.parse("extra.tsv", "# c\nx\tdrop-everything\tabc\tcomment\n"));
    assertEquals("extra.tsv:2: unknown rule kind 'drop-everything'; valid kinds: [drop-line, drop-tail-line, drop-inline, "
        + "truncation-marker, truncation-end, header-field, credit-field, header-line]", e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> CleaningRules.parse("extra.tsv", "x\tdrop-line\t(abc\tcomment\n"));
    assertTrue(bad.getMessage().startsWith("extra.tsv:1: bad regex:"), bad.getMessage());
  }
}
