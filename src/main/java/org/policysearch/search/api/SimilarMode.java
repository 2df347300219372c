package org.policysearch.search.api;

import java.util.Locale;

/** How similar results are listed: one entry per document (the default) or per paragraph. */
public enum SimilarMode {
  DOCUMENTS, PARAGRAPHS;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SimilarMode parse(String s) throws InvalidRequestException {
    if (s == null || s.isBlank()) return DOCUMENTS;
    for (SimilarMode m : values()) if (m.label().equals(s.strip())) return m;
    throw new InvalidRequestException("mode", "mode is 'documents' (one entry per document, the default) or 'paragraphs', got '" + s + "'",
        "mode 须是 documents（每篇文件一条，默认）或 paragraphs（按段落列出）");
  }
}
