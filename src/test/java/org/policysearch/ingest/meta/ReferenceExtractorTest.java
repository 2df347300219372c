package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.Reference;
import org.policysearch.doc.Reference.Relation;
import org.policysearch.text.CitationKeys;

class ReferenceExtractorTest {
  private static List<Reference> refs(String... paragraphs) {
    List<Paragraph> ps = new ArrayList<>();
    for (String p : paragraphs) ps.add(new Paragraph(ps.size() + 1, p, false, List.of()));
    return ReferenceExtractor.extract(ps, "");
  }

  private static Reference only(String text) {
    List<Reference> r = refs(text);
    assertEquals(1, r.size(), () -> "one reference expected in " + text + ": " + r);
    return r.get(0);
  }

  @Test
  void titleWithAndWithoutTheStatePrefixHaveOneKey() {
    assertEquals(CitationKeys.title("中华人民共和国教育法").key(), CitationKeys.title("教育法").key());
    assertEquals("教育法", CitationKeys.title("中華人民共和國教育法").key());
    assertEquals(CitationKeys.title("关于修改〈上海市供水管理条例〉的决定").key(), CitationKeys.title("关于修改《上海市供水管理条例》的决定").key());
    // a bracket that is part of the name stays; a version goes apart
    assertEquals("最高人民法院关于适用国家赔偿法若干问题的解释(一)", CitationKeys.title("最高人民法院关于适用〈国家赔偿法〉若干问题的解释（一）").key());
    assertEquals(new CitationKeys.Title("公司法", "2018年修正"), CitationKeys.title("中华人民共和国公司法（2018年修正）"));
    // the name of a kind of document names no document
    assertEquals("", CitationKeys.title("实施细则").key());
    assertEquals("宪法", CitationKeys.title("中华人民共和国宪法").key());
  }

  @Test
  void documentNumbersInAnyBracketsHaveOneKey() {
    String key = CitationKeys.docNumber("国发〔2021〕16号");
    assertEquals("国发[2021]16号", key);
    for (String v : List.of("国发[2021]16号", "国发(2021)16号", "国发（2021）16号", "国发［2021］16号", "国发〔2021〕第16号", "国发〔2021〕016号")) {
      assertEquals(key, CitationKeys.docNumber(v), v);
    }
    assertEquals("", CitationKeys.docNumber("2021年16号"));
  }

  @Test
  void aVersionAndADocumentNumberAfterTheTitleAreKeptApart() {
    Reference r = only("依据《中华人民共和国公司法》（2018年修正）第十条");
    assertEquals("中华人民共和国公司法", r.title());
    assertEquals("2018年修正", r.version());
    assertEquals(Relation.RESTS_ON, r.relation());
    Reference n = only("按照《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号）要求，结合本省实际");
    assertEquals("国务院关于加强数字政府建设的指导意见", n.title());
    assertEquals("国发〔2022〕14号", n.docNumber());
  }

  @Test
  void anAbbreviationInBracketsIsNoVersion() {
    List<Reference> r = refs("根据《中华人民共和国刑法修正案（三）》（以下简称《修正案（三）》），统一认定罪名。");
    assertEquals("中华人民共和国刑法修正案（三）", r.get(0).title());
    assertEquals("", r.get(0).version());
  }

  @Test
  void aDocumentNumberCitedAloneIsAReferenceWithoutTheWordsBeforeIt() {
    List<Reference> r = refs("各地要严格执行鄂政办发[2023]5号和国办发（2021）36号文件精神。");
    assertEquals(List.of("鄂政办发[2023]5号", "国办发（2021）36号"), r.stream().map(Reference::docNumber).toList());
    assertEquals("", r.get(0).title());
    assertEquals(Relation.IMPLEMENTS, r.get(0).relation());
  }

  @Test
  void theDocumentsOwnNumberIsNoReference() {
    List<Paragraph> ps = List.of(new Paragraph(1, "国发〔2023〕5号", false, List.of()),
        new Paragraph(2, "根据国发〔2021〕16号文件，现通知如下。", false, List.of()));
    List<Reference> r = ReferenceExtractor.extract(ps, "国发〔2023〕5号");
    assertEquals(1, r.size());
    assertEquals("国发〔2021〕16号", r.get(0).docNumber());
    assertEquals(2, r.get(0).paragraph());
  }

  @Test
  void relationsFromTheWordsAround() {
    assertEquals(Relation.RESTS_ON, only("根据《中华人民共和国教育法》，制定本条例。").relation());
    assertEquals(Relation.IMPLEMENTS, only("为了贯彻落实《中华人民共和国教师法》，结合本市实际").relation());
    assertEquals(Relation.IMPLEMENTS, only("上海市实施《中华人民共和国义务教育法》办法").relation());
    assertEquals(Relation.REPEALS, only("本条例自2020年1月1日起施行。1997年公布的《上海市供水管理条例》同时废止。").relation());
    assertEquals(Relation.REPEALS, only("决定废止《上海市供水管理条例》。").relation());
    List<Reference> history = refs("本办法自2004年10月1日起施行。1987年6月23日通过、1997年10月16日修改的《北京市文物保护管理条例》以及1993年5月4日市人民政府批准、"
        + "1993年10月23日市文物事业管理局发布、1997年12月31日市政府第十二号令修改的《北京市馆藏文物管理规定》同时废止。");
    assertEquals(List.of(Relation.REPEALS, Relation.REPEALS), history.stream().map(Reference::relation).toList());
    List<Reference> repealed = refs("《最高人民法院关于人民法院认可台湾地区有关法院民事判决的规定》（法释〔1998〕11号）、最高人民法院《关于当事人持台湾地区"
        + "有关法院支付命令向人民法院申请认可人民法院应否受理的批复》（法释〔2001〕13号）和最高人民法院《关于人民法院认可台湾地区有关法院民事判决的补充规定》"
        + "（法释〔2009〕4号）同时废止。");
    assertEquals(List.of(Relation.REPEALS, Relation.REPEALS, Relation.REPEALS), repealed.stream().map(Reference::relation).toList());
    assertEquals(Relation.AMENDS, only("决定对《上海市供水管理条例》作如下修改：").relation());
    assertEquals(Relation.MENTIONS, only("违反本条例规定的，依照《中华人民共和国行政处罚法》处罚。").relation());
    // the decision named in a law's header amended that law: not a relation of the law to the decision
    assertEquals(Relation.MENTIONS,
        only("根据2013年11月29日山东省第十二届人民代表大会常务委员会第五次会议《关于修改〈山东省农业环境保护条例〉等四件地方性法规的决定》第一次修正").relation());
    // the sentence that enacts the document names its basis, whatever the verb
    List<Reference> basis = refs("为正确审理海上保险纠纷案件，依照《中华人民共和国海商法》《中华人民共和国保险法》的相关规定，制定本规定。");
    assertEquals(List.of(Relation.RESTS_ON, Relation.RESTS_ON), basis.stream().map(Reference::relation).toList());
    // a cue in an earlier sentence does not reach
    assertEquals(Relation.MENTIONS, only("根据实际情况作出安排。各单位应学习《中华人民共和国宪法》。").relation());
    // one cue governs a list of titles
    List<Reference> list = refs("根据《中华人民共和国特种设备安全法》《特种设备安全监察条例》等法律、行政法规，制定本办法。");
    assertEquals(List.of(Relation.RESTS_ON, Relation.RESTS_ON), list.stream().map(Reference::relation).toList());
  }

  @Test
  void certificatesAndFormsAreNoDocuments() {
    assertEquals(List.of(), refs("持有《医疗机构执业许可证》和《营业执照》的单位"));
  }

  @Test
  void oneReferencePerCitedTitleWithTheFirstStatedRelation() {
    List<Reference> r = refs("各地学习《中华人民共和国教育法》。", "根据《教育法》第十条，制定本办法。", "依照《中华人民共和国教育法》处理。");
    assertEquals(1, r.size(), r::toString);
    assertEquals(1, r.get(0).paragraph());
    assertEquals(Relation.RESTS_ON, r.get(0).relation());
  }

  @Test
  void unbalancedMarksLoseNothingAfterThem() {
    Reference r = only("《关于进一步加强 这一段没有书名号的结尾，" + "很长的文字".repeat(40) + "。根据《中华人民共和国教育法》，制定本条例。");
    assertEquals("中华人民共和国教育法", r.title());
    assertEquals(Relation.RESTS_ON, r.relation());
    // an unclosed 〔 is no number; the number after it is
    List<Reference> n = refs("见国发〔2021 年的文件及国办发〔2022〕3号");
    assertEquals(List.of("国办发〔2022〕3号"), n.stream().map(Reference::docNumber).toList());
    // 》 without 《, and 《 at the very end
    assertEquals(List.of(), refs("》》这是《"));
  }

  @Test
  void aTitleHundredsOfCharactersLongIsNoTitleAndCostsLittle() {
    String longTitle = "关于" + "进一步加强和改进".repeat(60) + "的意见";
    assertTrue(longTitle.length() > ReferenceExtractor.MAX_TITLE);
    assertEquals(List.of(), refs("根据《" + longTitle + "》，制定本办法。"));
    // a paragraph of nothing but opening marks: bounded work, no reference
    assertEquals(List.of(), refs("《".repeat(200_000)));
    // a title just within the bound is kept whole, its context cut to size
    String within = "关于" + "加".repeat(ReferenceExtractor.MAX_TITLE - 5) + "的意见";
    Reference r = only("根据《" + within + "》，制定本办法。");
    assertEquals(within, r.title());
    assertTrue(r.context().length() <= Reference.MAX_CONTEXT + 2, r.context());
  }

  @Test
  void aTitleWithinAnotherTitleCutByAParagraphBreakIsNoReference() {
    assertEquals(List.of(), refs("乡两级人民代表大会代表选举实施细则〉〈浙江省实施《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》办法〉的决定》第六次修正"));
  }

  @Test
  void nestedTitleMarksBelongToTheOuterTitle() {
    Reference r = only("根据《关于修改《上海市供水管理条例》的决定》执行。");
    assertEquals("关于修改《上海市供水管理条例》的决定", r.title());
  }

  @Test
  void referencesPerDocumentAreBounded() {
    List<String> ps = new ArrayList<>();
    for (int i = 0; i < ReferenceExtractor.MAX_REFERENCES + 50; i++) ps.add("根据《第" + i + "号示范管理条例》执行。");
    assertEquals(ReferenceExtractor.MAX_REFERENCES, refs(ps.toArray(new String[0])).size());
  }
}
