package org.policysearch.search.api;

/**
 * One row of an export: a best passage of a document of the result set, with the fields needed to cite
 * it and a ready GB/T 7714 reference. {@link #HEADER} names the columns, {@link #values()} gives them in
 * that order.
 *
 * @param cites what the document cites, one entry per reference separated by "; ": the relation, the cited
 *              title or 文号, and "→ id" when resolved ({@link #cites(java.util.List)}); "" when none
 */
public record ExportRow(String id, String title, String issuer, String docNumber, String region, String date, int paragraph,
                        String text, String source, String sourceUrl, String type, boolean truncated, boolean redacted,
                        String citation, String reference, String cites) {
  /** Without the document's references. */
  public ExportRow(String id, String title, String issuer, String docNumber, String region, String date, int paragraph,
                   String text, String source, String sourceUrl, String type, boolean truncated, boolean redacted,
                   String citation, String reference) {
    this(id, title, issuer, docNumber, region, date, paragraph, text, source, sourceUrl, type, truncated, redacted, citation,
        reference, "");
  }

  /** The {@link #cites} column of a document's references: "rests_on 《中华人民共和国教育法》→ law-1; mentions 《某规定》". */
  public static String cites(java.util.List<CitedReference> refs) {
    StringBuilder sb = new StringBuilder();
    for (CitedReference r : refs) {
      if (!sb.isEmpty()) sb.append("; ");
      sb.append(r.relation()).append(' ');
      if (!r.title().isEmpty()) sb.append('《').append(r.title()).append('》');
      if (!r.docNumber().isEmpty()) sb.append(r.title().isEmpty() ? "" : "（").append(r.docNumber()).append(r.title().isEmpty() ? "" : "）");
      if (r.target() != null) sb.append(" → ").append(r.target().id());
    }
    return sb.toString();
  }

  /** Documents an export may contain. */
  public static final int MAX_DOCUMENTS = 10_000;

  public static final String[] HEADER = {"id", "title", "issuer", "doc_number", "region", "date", "paragraph", "text",
      "source", "source_url", "type", "truncated", "redacted", "citation", "reference", "cites"};

  public String[] values() {
    return new String[] {id, title, issuer, docNumber, region, date, Integer.toString(paragraph), text, source, sourceUrl,
        type, Boolean.toString(truncated), Boolean.toString(redacted), citation, reference, cites};
  }
}
