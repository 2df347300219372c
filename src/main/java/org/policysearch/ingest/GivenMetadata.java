package org.policysearch.ingest;

import java.util.List;

/**
 * Metadata that came with a document rather than from its text: JSONL fields, HTML {@code <meta>}
 * tags, or a {@code NAME.meta.json} sidecar. Empty strings / nulls mean "not given". Given values win
 * over extracted ones; {@link #origin} is recorded as the evidence.
 *
 * @param origin    "given" (JSONL), "html-meta", or "sidecar"
 * @param id        explicit document id (JSONL only)
 * @param title     title
 * @param date      a date string as written: "2023-02-12", "2023-02", "2023", "2023年2月12日", ...
 * @param region    a path ("湖北省/鄂州市"), a single name ("鄂州市"), "全国" or "中华人民共和国"
 * @param type      document type
 * @param themes    themes, or null when not given
 * @param source    site or journal
 * @param sourceUrl URL
 * @param issuer    issuing body
 * @param docNumber 文号
 */
public record GivenMetadata(
    String origin, String id, String title, String date, String region, String type,
    List<String> themes, String source, String sourceUrl, String issuer, String docNumber) {

  public static final GivenMetadata EMPTY =
      new GivenMetadata("", "", "", "", "", "", null, "", "", "", "");

  public GivenMetadata {
    origin = nz(origin);
    id = nz(id);
    title = nz(title);
    date = nz(date);
    region = nz(region);
    type = nz(type);
    themes = themes == null ? null : List.copyOf(themes);
    source = nz(source);
    sourceUrl = nz(sourceUrl);
    issuer = nz(issuer);
    docNumber = nz(docNumber);
  }

  private static String nz(String s) {
    return s == null ? "" : s.strip();
  }

  /** Fields of {@code over} that are given replace those of this one (sidecar over HTML meta, say). */
  public GivenMetadata overriddenBy(GivenMetadata over) {
    return new GivenMetadata(
        over.origin.isEmpty() ? origin : over.origin,
        pick(over.id, id), pick(over.title, title), pick(over.date, date), pick(over.region, region),
        pick(over.type, type), over.themes != null ? over.themes : themes, pick(over.source, source),
        pick(over.sourceUrl, sourceUrl), pick(over.issuer, issuer), pick(over.docNumber, docNumber));
  }

  private static String pick(String a, String b) {
    return a.isEmpty() ? b : a;
  }
}
