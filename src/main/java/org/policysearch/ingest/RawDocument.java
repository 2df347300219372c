package org.policysearch.ingest;

import java.util.Objects;

/**
 * Text decoded from a source before cleaning and extraction: the hand-off between the format readers
 * (txt, html, docx, pdf, jsonl) and {@link DocumentBuilder}.
 *
 * @param file        path relative to the corpus folder, '/' separated
 * @param line        1-based JSONL line, 0 for whole files
 * @param text        decoded text with line breaks; for PDF already repaired (no spaces or breaks
 *                    inside Chinese words); for HTML the main content only
 * @param encoding    the charset used (UTF-8, GB18030) or the format (docx, pdf, html/UTF-8, ...)
 * @param given       metadata given with the text (JSONL fields, HTML meta, sidecar); wins over extraction
 * @param contentHash hex SHA-256 of the source bytes (file, or JSONL line)
 */
public record RawDocument(String file, int line, String text, String encoding, GivenMetadata given, String contentHash) {
  public RawDocument {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
    encoding = encoding == null ? "" : encoding;
    given = given == null ? GivenMetadata.EMPTY : given;
    contentHash = contentHash == null ? "" : contentHash;
  }
}
