package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.Official;

class OfficialsExtractorTest {
  List<Official> extract(String... lines) {
    return new OfficialsExtractor().extract(new ParagraphSplitter().split(List.of(lines)));
  }

  @Test
  void rolesReachBackOverTheirOrganisation() {
    assertEquals(List.of(new Official("副市长", "邱实"), new Official("市教育局党组书记、局长", "范玉姣")),
        extract("市政府副市长邱实出席会议并讲话。", "市教育局党组书记、局长范玉姣作了题为《守正创新》的教育工作报告。"));
  }

  @Test
  void severalPeopleInOneSentenceStopAtTheirNeighbours() {
    assertEquals(List.of(new Official("区委常委、宣传部长", "何礼兵"), new Official("区人大常委会副主任", "陈默"),
            new Official("区政协副主席", "全冬")),
        extract("区委常委、宣传部长何礼兵,区人大常委会副主任陈默、区政协副主席全冬出席会议。"));
  }

  @Test
  void bylinesAndReports() {
    assertEquals(List.of(new Official("省长", "王予波")), extract("省长　王予波"));
    assertEquals(List.of(new Official("北京市市长", "殷勇")),
        extract("2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。"));
    assertEquals(List.of(new Official("国务院总理", "李强")), extract("会议听取和审议了国务院总理李强所作的政府工作报告。"));
  }

  @Test
  void wordsAfterAPostAreNotNames() {
    assertEquals(List.of(), extract("市委书记×给予充分肯定。", "组织好第五期名校长建设工程人选培训,专业领航校长成长;举办培训。",
        "实现全县中小学书记、校长全部“一肩挑”。", "×书记、×市长等市委市政府领导就教育工作多次作出批示。", "局长要高度重视。"));
  }
}
