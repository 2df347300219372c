package org.policysearch.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentJsonTest {
  static final PolicyDocument FULL = new PolicyDocument("000_a.txt", "000_a.txt", 0, "在全市教育工作会议上的讲话",
      "在2023年全市教育工作会议上", DateInfo.day(2023, 2, 12),
      new RegionInfo("湖北省", "鄂州市", "", "湖北省/鄂州市", "420700", 0.9), "讲话", "鄂州日报", "https://e.cn/1",
      "鄂州市教育局", "鄂教发〔2023〕1号", List.of(new Official("副市长", "邱实")), List.of("教育强市"),
      new Flags(true, true, "001_b.txt"),
      List.of(new Paragraph(1, "一、总体要求", true, List.of()), new Paragraph(2, "办好人民满意的教育。", false, List.of("教育强市"))),
      Map.of("撰稿", "张三", "来源", "鄂州日报"), List.of(new Evidence("region", "湖北省/鄂州市", "text", "鄂州市 ×3")),
      "UTF-8", "abc",
      List.of(new DatedEvent(DatedEvent.Kind.DELIVERED, DateInfo.day(2023, 2, 12), "2月12日上午,2023年全市教育工作会议召开"),
          new DatedEvent(DatedEvent.Kind.PUBLISHED, DateInfo.month(2023, 3), "发布日期: 2023年3月")),
      List.of(new ThemeScore("科技、教育/教育综合", 8.0, "title: 教育工作")));

  @Test
  void summaryHasEveryFieldInSnakeCase() {
    assertEquals("{\"file\":\"000_a.txt\",\"line\":0,\"id\":\"000_a.txt\",\"title\":\"在全市教育工作会议上的讲话\","
        + "\"subtitle\":\"在2023年全市教育工作会议上\",\"date\":\"2023-02-12\",\"date_precision\":\"day\",\"year\":2023,"
        + "\"dates\":[{\"kind\":\"delivered\",\"value\":\"2023-02-12\",\"precision\":\"day\",\"evidence\":\"2月12日上午,2023年全市教育工作会议召开\"},"
        + "{\"kind\":\"published\",\"value\":\"2023-03\",\"precision\":\"month\",\"evidence\":\"发布日期: 2023年3月\"}],"
        + "\"region\":{\"province\":\"湖北省\",\"city\":\"鄂州市\",\"county\":\"\",\"path\":\"湖北省/鄂州市\",\"code\":\"420700\","
        + "\"confidence\":0.9,\"as_written\":\"\"},\"type\":\"讲话\",\"source\":\"鄂州日报\",\"source_url\":\"https://e.cn/1\",\"issuer\":\"鄂州市教育局\","
        + "\"doc_number\":\"鄂教发〔2023〕1号\",\"officials\":[{\"role\":\"副市长\",\"name\":\"邱实\"}],\"themes\":[\"教育强市\"],\"theme_scores\":[{\"theme\":\"科技、教育/教育综合\",\"score\":8.0,\"evidence\":\"title: 教育工作\"}],"
        + "\"truncated\":true,\"redacted\":true,\"duplicate_of\":\"001_b.txt\",\"paragraphs\":2,\"encoding\":\"UTF-8\","
        + "\"evidence\":[{\"field\":\"region\",\"value\":\"湖北省/鄂州市\",\"origin\":\"text\",\"detail\":\"鄂州市 ×3\"}],"
        + "\"header\":{\"撰稿\":\"张三\",\"来源\":\"鄂州日报\"}}",
        DocumentJson.GSON.toJson(DocumentJson.summary(FULL)));
  }

  @Test
  void fullListsTheParagraphs() {
    String json = DocumentJson.GSON.toJson(DocumentJson.full(FULL));
    assertEquals(true, json.contains("\"paragraphs\":[{\"number\":1,\"text\":\"一、总体要求\",\"heading\":true,\"themes\":[],\"article\":null},"
        + "{\"number\":2,\"text\":\"办好人民满意的教育。\",\"heading\":false,\"themes\":[\"教育强市\"],\"article\":null}]"), json);
  }

  @Test
  void unknownValuesAreNullOrEmpty() {
    PolicyDocument bare = new PolicyDocument("x.jsonl#3", "x.jsonl", 3, null, null, null, null, null, null, null, null,
        null, null, null, null, List.of(new Paragraph(1, "正文", false, List.of())), null, null, null, null);
    assertEquals("{\"file\":\"x.jsonl\",\"line\":3,\"id\":\"x.jsonl#3\",\"title\":\"\",\"subtitle\":\"\",\"date\":null,"
        + "\"date_precision\":\"unknown\",\"year\":null,\"dates\":[],\"region\":{\"province\":\"\",\"city\":\"\",\"county\":\"\",\"path\":\"\","
        + "\"code\":\"\",\"confidence\":0.0,\"as_written\":\"\"},\"type\":\"\",\"source\":\"\",\"source_url\":\"\",\"issuer\":\"\",\"doc_number\":\"\","
        + "\"officials\":[],\"themes\":[],\"theme_scores\":[],\"truncated\":false,\"redacted\":false,\"duplicate_of\":null,\"paragraphs\":1,"
        + "\"encoding\":\"\",\"evidence\":[],\"header\":{}}", DocumentJson.GSON.toJson(DocumentJson.summary(bare)));
  }
}
