package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionDetectorTest {
  final RedactionDetector detector = new RedactionDetector();

  RedactionDetector.Result detect(String... lines) {
    return detector.detect(new ParagraphSplitter().split(List.of(lines)));
  }

  @Test
  void maskedNamesAndBodies() {
    assertTrue(detect("市委书记×给予充分肯定，×个单位作了典型发言。").redacted());
    assertTrue(detect("全面_的_和__、_、_、_全会以及省委×届×次全会精神。").redacted());
    assertTrue(detect("站在推进…………教育事业高质量跨越发展的历史坐标上，开创…………教育更加美好的未来！").redacted());
    assertTrue(detect("发放补贴共……万元，惠及……人。").redacted());
    assertEquals("× ×2", detect("市委书记×给予充分肯定，×个单位作了典型发言。").detail());
  }

  @Test
  void arithmeticEllipsesAndFormsAreNotMasking() {
    assertFalse(detect("篮球场按28×15米建设，教室面积为8 × 9平方米，3×4=12。").redacted());
    assertFalse(detect("长×宽×高不超过规定尺寸。").redacted());
    assertFalse(detect("销项税额＝销售额×税率", "应纳税额＝组成计税价格×税率").redacted());
    assertFalse(detect("实施“数据要素×”行动，获全国“数据要素×”总决赛一等奖。").redacted());
    assertFalse(detect("×××人民法院", "（××××）……执……号", "冻结期限自××××年××月××日起至××××年××月××日止；",
        "代表机构的名称应当为“××律师事务所驻××代表处”。").redacted());
    assertFalse(detect("成绩来之不易……我们要倍加珍惜。发展中还有许多问题……", "学校、家庭、社会……等各方面要形成合力。").redacted());
    assertFalse(detect("姓名：________  联系电话：________", "file_name_2023 见附件。").redacted());
  }

  @Test
  void oneStraySignIsNotEnough() {
    assertFalse(detect("市委书记×给予充分肯定。").redacted());
  }
}
