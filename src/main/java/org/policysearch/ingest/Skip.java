package org.policysearch.ingest;

/**
 * A file (or JSONL line) that was not ingested, and why. Reported, counted, never silent.
 *
 * @param file   path relative to the corpus folder
 * @param line   1-based JSONL line, 0 for a whole file
 * @param reason a short class such as "empty", "binary", "unknown-extension", "undecodable",
 *               "corrupt", "too-large", "bad-json", "duplicate-id", "no-text", "io-error"
 * @param detail a sentence a user can act on
 */
public record Skip(String file, int line, String reason, String detail) {
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + reason + " (" + detail + ")";
  }
}
