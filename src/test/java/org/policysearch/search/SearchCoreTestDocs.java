package org.policysearch.search;

import java.util.List;
import org.policysearch.doc.PolicyDocument;

/** The small corpus of the search and HTTP tests: eight documents with known regions, years, types and themes. */
public final class SearchCoreTestDocs {
  private SearchCoreTestDocs() {}

  public static final List<PolicyDocument> DOCS = List.of(
      TestIndex.doc("ezhou", "鄂州市2023年全市教育工作会议", "2023-02-12", "湖北省/鄂州市", "会议报道", List.of("双减", "校园安全"),
          "鄂州市召开2023年全市教育工作会议。",
          "着重抓好“教联体”改革、师德师风建设、教育评价改革等工作。",
          "推动义务教育优质均衡发展，落实“双减”政策。",
          "中小学校防欺凌防溺水。"),
      TestIndex.doc("tongnan", "潼南区召开2023年开学暨党建工作推进会", "2023-02-02", "重庆市/潼南区", "会议报道", List.of("党建与思政", "校园安全"),
          "潼南区召开2023年开学暨党建工作推进会。",
          "深入推动学前教育普及普惠发展、义务教育优质均衡发展。",
          "继续坚持防溺水有奖举报等措施。"),
      TestIndex.doc("liaocheng", "全力打造人民满意的聊城教育", "2023-06-16", "山东省/聊城市", "署名文章", List.of("立德树人"),
          "加快构建全环境立德树人体系。",
          "年底前实现义务教育学生综合素质评价改革全覆盖。"),
      TestIndex.doc("taizhou", "在2021年全市教育系统工作会议上的讲话", "2021-03-04", "浙江省/台州市", "讲话", List.of("疫情防控"),
          "校园疫情防控取得重要阶段性胜利。",
          "实施学前教育扩容培优行动。"),
      TestIndex.doc("law", "中华人民共和国教育法", "2021-04-29", "全国", "法规", List.of(),
          "第一条 为了发展教育事业，提高全民族的素质，制定本法。",
          "教育會議在北京召開。"),
      TestIndex.doc("wuhan", "关于减轻学生负担的通知", "2022", "湖北省/武汉市", "通知", List.of("双减"),
          "切实减轻学生作业负担和校外培训负担。",
          "推进教师联系群体建设。"),
      TestIndex.doc("huarong", "华容区教育工作要点", "2024-01", "湖北省/鄂州市/华容区", "通知", List.of("校园安全"),
          "全面推动义务教育优质均衡发展，做好防溺水工作。"),
      TestIndex.doc("xss", "<script>alert(1)</script>标题", "", "", "", List.of(),
          "含有<script>alert('x')</script>和<img src=x onerror=alert(2)>的教育文字。"));

}
