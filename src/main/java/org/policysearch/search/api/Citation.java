package org.policysearch.search.api;

import org.policysearch.doc.ArticlePosition;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;

/** Citation strings. */
public final class Citation {
  private Citation() {}

  /**
   * Short form for a paragraph as lawyers cite it: 《title》（…），第十二条第二款 for a paragraph in an article,
   * otherwise by its number, 第7段.
   */
  public static String paragraph(PolicyDocument d, int paragraph, ArticlePosition article) {
    String head = paragraph(d, 0);
    if (article != null && article.inArticle()) return head + "，" + article.cite();
    return paragraph(d, paragraph);
  }

  /** Short form for a paragraph: 《title》（湖北省鄂州市，2023-02-12），第7段. */
  public static String paragraph(PolicyDocument d, int paragraph) {
    StringBuilder sb = new StringBuilder();
    sb.append('《').append(d.title().isEmpty() ? d.id() : d.title()).append('》');
    String where = region(d.region());
    String when = d.date().value();
    if (!where.isEmpty() || !when.isEmpty()) {
      sb.append('（').append(where);
      if (!where.isEmpty() && !when.isEmpty()) sb.append('，');
      sb.append(when).append('）');
    }
    if (paragraph > 0) sb.append("，第").append(paragraph).append("段");
    return sb.toString();
  }

  /**
   * GB/T 7714-2015 style reference for an electronic resource or a document:
   * {@code 鄂州市教育局. 标题[EB/OL]. (2023-02-12)[2026-11-25]. https://...}; the issuer (or region) stands in
   * for the author, [EB/OL] when there is a URL, [Z] otherwise.
   */
  public static String gbt7714(PolicyDocument d, String accessDate) {
    StringBuilder sb = new StringBuilder();
    String author = !d.issuer().isEmpty() ? d.issuer() : region(d.region());
    if (!author.isEmpty()) sb.append(author).append(". ");
    sb.append(d.title().isEmpty() ? d.id() : d.title());
    if (!d.docNumber().isEmpty()) sb.append(": ").append(d.docNumber());
    boolean online = !d.sourceUrl().isEmpty();
    sb.append(online ? "[EB/OL]" : "[Z]").append(". ");
    if (!d.source().isEmpty() && !online) sb.append(d.source()).append(", ");
    if (online) {
      if (!d.date().value().isEmpty()) sb.append('(').append(d.date().value()).append(')');
      sb.append('[').append(accessDate).append("]. ").append(d.sourceUrl());
    } else {
      sb.append(d.date().value().isEmpty() ? "" : d.date().value()).append('.');
    }
    return sb.toString().strip();
  }

  static String region(RegionInfo r) {
    if (!r.known()) return "";
    if (r.national()) return RegionInfo.NATIONAL;
    return r.province() + r.city() + r.county();
  }
}
