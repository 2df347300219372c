package org.policysearch.search.api;

/**
 * One row of an export: a best passage of a document of the result set, with the fields needed to cite
 * it and a ready GB/T 7714 reference. {@link #HEADER} names the columns, {@link #values()} gives them in
 * that order.
 */
public record ExportRow(String id, String title, String issuer, String docNumber, String region, String date, int paragraph,
                        String text, String source, String sourceUrl, String type, boolean truncated, boolean redacted,
                        String citation, String reference) {
  /** Documents an export may contain. */
  public static final int MAX_DOCUMENTS = 10_000;

  public static final String[] HEADER = {"id", "title", "issuer", "doc_number", "region", "date", "paragraph", "text",
      "source", "source_url", "type", "truncated", "redacted", "citation", "reference"};

  public String[] values() {
    return new String[] {id, title, issuer, docNumber, region, date, Integer.toString(paragraph), text, source, sourceUrl,
        type, Boolean.toString(truncated), Boolean.toString(redacted), citation, reference};
  }
}
