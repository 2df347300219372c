package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Official;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.RawDocument;

/** Exact expectations on the five seed documents, debris intact (src/test/resources/seeds/). */
class SeedGoldenTest {
  static final String S0 = "000_64eeac01db686175.txt";
  static final String S1 = "001_c64f190a103f523b.txt";
  static final String S2 = "002_5844abc75884d999.txt";
  static final String S3 = "003_b4075a6b7c439fa0.txt";
  static final String S4 = "004_727ffb95bee0db86.txt";

  static StandardDocumentBuilder builder;

  @BeforeAll
  static void load() {
    builder = StandardDocumentBuilder.load();
  }

  static String seed(String name) {
    try (InputStream in = SeedGoldenTest.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static PolicyDocument build(String name) throws Exception {
    return builder.build(new RawDocument(name, 0, seed(name), "UTF-8", GivenMetadata.EMPTY, "hash-" + name));
  }

  static Paragraph p(PolicyDocument d, int number) {
    Paragraph p = d.paragraphs().get(number - 1);
    assertEquals(number, p.number());
    return p;
  }

  static void assertGone(PolicyDocument d, String... debris) {
    String body = d.bodyText();
    for (String s : debris) assertFalse(body.contains(s), "debris still in the body: " + s);
  }

  static void assertKept(PolicyDocument d, String... sentences) {
    String body = d.bodyText();
    for (String s : sentences) assertTrue(body.contains(s), "real text lost: " + s);
  }

  static List<Integer> headings(PolicyDocument d) {
    return d.paragraphs().stream().filter(Paragraph::heading).map(Paragraph::number).toList();
  }

  @Test
  void seed000MeetingReportFromEzhou() throws Exception {
    PolicyDocument d = build(S0);
    assertEquals(S0, d.id());
    assertEquals(S0, d.file());
    assertEquals("hash-" + S0, d.contentHash());
    assertEquals("UTF-8", d.encoding());
    // No title line: the meeting clause of the first sentence.
    assertEquals("2023年全市教育工作会议召开", d.title());
    assertEquals("", d.subtitle());
    assertEquals(DateInfo.day(2023, 2, 12), d.date());
    assertEquals(2023, d.year());
    assertEquals("湖北省/鄂州市", d.region().path());
    assertEquals("420700", d.region().code());
    assertEquals("会议报道", d.type());
    assertEquals(Flags.NONE, d.flags());
    assertEquals("鄂州市教育局", d.issuer());
    assertEquals("", d.source());
    assertEquals(Map.of(), d.header());
    assertEquals(List.of(new Official("副市长", "邱实"), new Official("市教育局党组书记、局长", "范玉姣")), d.officials());
    assertEquals(32, d.paragraphs().size());
    assertEquals(List.of(8, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29), headings(d));
    assertEquals("鄂州教育十大行动:", p(d, 8).text());
    assertEquals("1.万个公办园学位扩充", p(d, 20).text());
    assertTrue(p(d, 25).themes().contains("科技、教育/校园安全"), "6.中小学校防欺凌防溺水");
    assertTrue(p(d, 17).themes().containsAll(List.of("科技、教育/校园安全", "科技、教育/心理健康", "科技、教育/家校社协同")));
    assertTrue(p(d, 16).themes().contains("科技、教育/教育数字化"));
    assertEquals(List.of("科技、教育/学前教育"), p(d, 20).themes());
    assertKept(d, "市政府副市长邱实出席会议并讲话。", "300余人以视频直播形式收看收听会议。");
    assertEquals(List.of("科技、教育/教育综合", "科技、教育/教师队伍与师德师风", "科技、教育/义务教育均衡"), d.themes());
  }

  @Test
  void seed001DistrictMeetingInChongqing() throws Exception {
    PolicyDocument d = build(S1);
    assertEquals("潼南区召开2023年开学暨“五心强校”党建工作推进会", d.title());
    assertEquals(DateInfo.day(2023, 2, 2), d.date());
    assertEquals("重庆市/潼南区", d.region().path());
    assertEquals("", d.region().city());
    assertEquals("潼南区", d.region().county());
    assertEquals("会议报道", d.type());
    assertEquals(Flags.NONE, d.flags());
    assertEquals("潼南区教委", d.issuer());
    assertEquals(Map.of("撰稿", "石珊", "编辑", "夏长春", "审核", "李毅"), d.header());
    assertEquals(List.of(
        new Official("区委常委、宣传部长", "何礼兵"),
        new Official("区人大常委会副主任", "陈默"),
        new Official("区政协副主席", "全冬"),
        new Official("区委教育工委委员、区教委副主任", "唐军"),
        new Official("区委教育工委委员、区教委副主任", "李淑芬")), d.officials());
    assertEquals(24, d.paragraphs().size());
    assertEquals(List.of(3, 10, 12, 14, 16, 19), headings(d));
    assertEquals("何礼兵要求", p(d, 3).text());
    assertEquals("一要抓好一个统领,大力加强党对教育工作的全面领导", p(d, 14).text());
    assertGone(d, "展开全文", "关注教育新动态", "标签", "评论列表", "撰稿", "夏长春");
    assertKept(d, "会议还传达学习了2023年全国教育工作会议精神。", "会议强调",
        "校园安全持续巩固,推动出台预防少年儿童溺水举报奖励制度");
    assertTrue(p(d, 23).themes().contains("科技、教育/校园安全"), "防溺水 paragraph");
    assertTrue(p(d, 8).themes().containsAll(List.of("科技、教育/双减", "科技、教育/教育评价改革")));
  }

  @Test
  void seed002SignedArticleInAJournal() throws Exception {
    PolicyDocument d = build(S2);
    assertEquals("局长笔谈:全力打造水城人民满意、高质量有内涵的聊城教育", d.title());
    assertEquals(DateInfo.day(2023, 6, 16), d.date());
    assertEquals("山东省/聊城市", d.region().path());
    assertEquals("署名文章", d.type());
    assertEquals("《山东教育》中学刊", d.source());
    assertEquals(Flags.NONE, d.flags());
    assertEquals("聊城市教育和体育局", d.issuer());
    assertEquals(Map.of("发布日期", "2023-06-16", "来源", "《山东教育》中学刊", "出处", "《山东教育》20236月第17期"), d.header());
    assertEquals(List.of(), d.officials()); // the byline lost its name
    assertEquals(17, d.paragraphs().size());
    assertEquals(List.of(1, 4, 6, 8, 10, 12, 14, 16), headings(d));
    assertEquals("一、加强党对教育工作的全面领导,引领教育高质量发展方向", p(d, 4).text());
    assertGone(d, "发布日期", "点击次数", "20236月第17期");
    assertKept(d, "聊城市委教育工委常务副书记,市教育和体育局党组书记、局长",
        "依托“国培计划”做好省级培训的组织实施工作");
    assertTrue(p(d, 14).themes().contains("科技、教育/校园安全"));
    assertTrue(p(d, 15).themes().contains("科技、教育/校园安全"), "交通、消防、食品卫生、校园欺凌");
  }

  @Test
  void seed003TruncatedRedactedSpeech() throws Exception {
    PolicyDocument d = build(S3);
    assertEquals("共建共享幸福教育奋力开启X教育现代化新征程", d.title());
    assertEquals("在2021年全市教育系统工作会议上的讲话", d.subtitle());
    assertEquals(DateInfo.day(2021, 3, 4), d.date());
    assertEquals(2021, d.year());
    // The city is masked; its districts 椒江, 三门 name it.
    assertEquals("浙江省/台州市", d.region().path());
    assertEquals("讲话", d.type());
    assertEquals("文鼎文库", d.source());
    assertEquals(new Flags(true, true, ""), d.flags());
    assertEquals("台州市教育局", d.issuer());
    assertEquals(Map.of("发布时间", "2021/3/4 21:08:46", "字数", "15501"), d.header());
    assertEquals(List.of(), d.officials()); // every name is masked
    assertEquals(24, d.paragraphs().size());
    assertEquals(List.of(1, 3, 4), headings(d));
    assertTrue(p(d, 2).text().startsWith("【提纲】(一)校园疫情防控取得重要阶段性胜利。"), "the outline is real content");
    assertEquals("——在2021年全市教育系统工作会议上的讲话", p(d, 4).text());
    assertGone(d, "栏目导航", "文鼎文库", "此处省略", "点击下载全文", "预览结束", "本文15", "下载全文", "发布时间");
    assertKept(d, "(二)党对教育工作的全面领导得到新加强。市委市政府高度重视教育工作。",
        "驻市云图书馆学校比例全省领先。", "三大治理短板主要指公民办比例不够协调、五育并举落实不够到位、教育生态不够优化。破解这些短板,时不我待。");
    assertTrue(p(d, 10).themes().contains("科技、教育/疫情防控"));
  }

  @Test
  void seed004CountySpeechWithMaskedCounty() throws Exception {
    PolicyDocument d = build(S4);
    assertEquals("2023年度教育局教育局工作会议上讲话", d.title());
    assertEquals(DateInfo.day(2023, 11, 29), d.date());
    assertEquals(2023, d.year());
    assertEquals("内蒙古自治区/锡林郭勒盟", d.region().path());
    assertEquals("", d.region().county());
    assertEquals("讲话", d.type());
    assertEquals("网友投稿", d.source());
    assertEquals(new Flags(false, true, ""), d.flags());
    assertEquals("", d.issuer()); // 县教育局, but the county is masked
    assertEquals(Map.of("时间", "2023-11-29 14:13:01", "来源", "网友投稿"), d.header());
    assertEquals(74, d.paragraphs().size());
    assertEquals(1, d.paragraphs().stream().filter(p -> p.text().equals(d.title())).count(), "title line once");
    assertEquals("同志们:", p(d, 2).text());
    assertFalse(p(d, 2).heading());
    assertTrue(p(d, 6).heading());
    assertEquals("(一)教育党建工作呈现新气象", p(d, 6).text());
    // Line 85 of the file is over 1,000 characters: split at a sentence end into paragraphs 44 and 45.
    assertTrue(p(d, 44).text().startsWith("3.实施教师素质提升工程。"));
    assertTrue(p(d, 45).text().startsWith("继续与盟蒙中、盟二中、锡市一中等盟内学校建立手拉手结对关系"));
    assertTrue(p(d, 44).text().length() <= ParagraphSplitter.MAX_PARAGRAPH_CHARS);
    assertGone(d, "下面是小编", "推荐访问", "时间:2023-11-29");
    assertKept(d, "站在推进…………教育事业高质量跨越发展的历史坐标上", "抓课堂教学主阵地,打牢思想基础;");
    assertTrue(p(d, 15).themes().contains("科技、教育/校园安全"));
    assertTrue(p(d, 56).themes().contains("科技、教育/双减"));
    // the title's theme, then the leading topics of its body (at most ThemeTagger.DOC_MAX_THEMES); 民族团结 is a paragraph theme
    assertEquals(List.of("科技、教育/教育综合", "科技、教育/党建与思政", "科技、教育/教师队伍与师德师风"), d.themes());
    assertTrue(d.paragraphs().stream().anyMatch(x -> x.themes().contains("科技、教育/民族团结与语言文字")));
  }

  @Test
  void evidenceNamesTheWordsThatDecided() throws Exception {
    PolicyDocument d = build(S1);
    assertTrue(d.evidence().stream().anyMatch(e -> e.field().equals("date") && e.origin().equals("text")
        && e.detail().contains("2月2日,潼南区召开")));
    assertTrue(d.evidence().stream().anyMatch(e -> e.field().equals("region") && e.detail().contains("潼南区")));
  }

  @Test
  void buildsTheSameFromManyThreads() throws Exception {
    List<String> names = List.of(S0, S1, S2, S3, S4);
    List<PolicyDocument> sequential = new ArrayList<>();
    for (String n : names) sequential.add(build(n));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<PolicyDocument>> futures = new ArrayList<>();
      for (int round = 0; round < 6; round++) {
        for (String n : names) futures.add(pool.submit(() -> build(n)));
      }
      for (int i = 0; i < futures.size(); i++) assertEquals(sequential.get(i % names.size()), futures.get(i).get());
    } finally {
      pool.shutdownNow();
    }
  }
}
