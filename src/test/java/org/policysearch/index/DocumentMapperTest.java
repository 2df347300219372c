package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.Evidence;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Official;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.index.analysis.Analyzers;

/** The one mapping from our document to a Lucene block: what each field holds, read back as a user would need it. */
class DocumentMapperTest {
  static final Analyzers ANALYZERS = new Analyzers();

  static final PolicyDocument DOC = new PolicyDocument("hb/ezhou.txt", "hb/ezhou.txt", 0, "在全市教育工作会议上的讲话",
      "2023年2月12日", DateInfo.day(2023, 2, 12), new RegionInfo("湖北省", "鄂州市", "", "湖北省/鄂州市", "420700", 0.9), "讲话",
      "鄂州日报", "https://e.cn/1", "鄂州市教育局", "鄂教发〔2023〕1号", List.of(new Official("副市长", "邱实")),
      List.of("双减", "校园安全"), new Flags(false, true, "hb/original.txt"),
      List.of(new Paragraph(1, "一、总体要求", true, List.of()),
          new Paragraph(2, "落实“双减”政策，办好人民满意的教育。", false, List.of("双减", "校园安全"))),
      Map.of("来源", "鄂州日报"), List.of(new Evidence("region", "湖北省/鄂州市", "text", "鄂州市 ×3")), "UTF-8", "abc");

  /** The string values of a field (its doc-values twin, which has none, left out). */
  static List<String> values(Document d, String field) {
    return Arrays.stream(d.getFields(field)).map(IndexableField::stringValue).filter(java.util.Objects::nonNull).toList();
  }

  @Test
  void paragraphsComeFirstThenTheParent() {
    List<Document> block = DocumentMapper.toBlock(DOC, "filehash", ANALYZERS);
    assertEquals(3, block.size());
    assertEquals(List.of(Fields.KIND_PARAGRAPH), values(block.get(0), Fields.KIND));
    assertEquals(List.of(Fields.KIND_PARAGRAPH), values(block.get(1), Fields.KIND));
    assertEquals(List.of(Fields.KIND_DOCUMENT), values(block.get(2), Fields.KIND));
  }

  @Test
  void eachParagraphKeepsItsNumberTextHeadingAndThemes() {
    Document p2 = DocumentMapper.toBlock(DOC, "filehash", ANALYZERS).get(1);
    assertEquals(List.of("hb/ezhou.txt"), values(p2, Fields.ID));
    assertEquals(2, p2.getField(Fields.PARA_NUMBER).numericValue().intValue());
    // As written (quotation marks and all): highlights are offsets into this text.
    assertEquals("落实“双减”政策，办好人民满意的教育。", p2.get(Fields.PARA_TEXT));
    assertEquals(0, p2.getField(Fields.PARA_HEADING).numericValue().intValue());
    assertEquals("双减|校园安全", p2.get(Fields.PARA_THEMES));
    Document p1 = DocumentMapper.toBlock(DOC, "filehash", ANALYZERS).get(0);
    assertEquals(1, p1.getField(Fields.PARA_HEADING).numericValue().intValue());
    assertEquals("", p1.get(Fields.PARA_THEMES));
  }

  @Test
  void theParentCarriesTheFacetsAndTheStoredDocument() {
    Document parent = DocumentMapper.toBlock(DOC, "filehash", ANALYZERS).get(2);
    assertEquals("hb/ezhou.txt", parent.get(Fields.ID));
    assertEquals("filehash", parent.get(Fields.FILE_HASH));
    // Every level of the region, so 湖北省 finds the documents of its cities.
    assertEquals(List.of("湖北省", "湖北省/鄂州市"), values(parent, Fields.REGION));
    assertEquals(List.of("双减", "校园安全"), values(parent, Fields.THEME));
    assertEquals(List.of("讲话"), values(parent, Fields.TYPE));
    assertEquals(2023, parent.getField(Fields.YEAR).numericValue().intValue());
    assertEquals(LocalDate.of(2023, 2, 12).toEpochDay(), parent.getField(Fields.DATE).numericValue().longValue());
    assertEquals("hb/original.txt", parent.getBinaryValue(Fields.DUPLICATE_OF).utf8ToString());
    // The stored metadata gives the document back whole (its paragraphs live on the children).
    assertEquals(DOC, StoredMeta.decode(parent.get(Fields.META), DOC.paragraphs()));
  }

  @Test
  void aDocumentWithoutDateOrRegionHasNoSuchFields() {
    PolicyDocument bare = new PolicyDocument("a.txt", "a.txt", 0, "标题", "", null, null, "", "", "", "", "", null, null, null,
        List.of(new Paragraph(1, "正文。", false, List.of())), null, null, "UTF-8", "h");
    Document parent = DocumentMapper.toBlock(bare, "h", ANALYZERS).get(1);
    assertNull(parent.getField(Fields.YEAR));
    assertNull(parent.getField(Fields.DATE));
    assertEquals(List.of(), values(parent, Fields.REGION));
    assertEquals(List.of(), values(parent, Fields.TYPE));
  }

  @Test
  void regionPathsListEveryLevel() {
    assertEquals(List.of("湖北省", "湖北省/鄂州市", "湖北省/鄂州市/华容区"), DocumentMapper.regionPaths("湖北省/鄂州市/华容区"));
    assertEquals(List.of("全国"), DocumentMapper.regionPaths("全国"));
    assertEquals(List.of(), DocumentMapper.regionPaths(""));
  }

  @Test
  void datesOfAnyPrecisionCountFromTheirFirstDay() {
    assertEquals(LocalDate.of(2023, 1, 1).toEpochDay(), DocumentMapper.epochDay("2023"));
    assertEquals(LocalDate.of(2023, 2, 1).toEpochDay(), DocumentMapper.epochDay("2023-02"));
    assertEquals(LocalDate.of(2023, 2, 12).toEpochDay(), DocumentMapper.epochDay("2023-02-12"));
    assertNull(DocumentMapper.epochDay(""));
  }

  @Test
  void theFingerprintIsStoredAndReadBack() {
    Document parent = DocumentMapper.toBlock(DOC, "filehash", ANALYZERS).get(2);
    byte[] stored = parent.getBinaryValue(Fields.FINGERPRINT).bytes;
    assertArrayEquals(stored, DocumentMapper.encode(DocumentMapper.decodeFingerprint(parent.getBinaryValue(Fields.FINGERPRINT))));
  }
}
