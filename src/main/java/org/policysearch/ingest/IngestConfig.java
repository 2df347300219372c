package org.policysearch.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that keep one bad file from stalling or exhausting a run. Immutable; start from
 * {@link #DEFAULTS} and change one value with the {@code with...} methods.
 *
 * @param maxFileBytes      largest .txt/.md/.html/.docx/.doc/.pdf file read; checked from the file size
 *                          before anything is read, because these formats are parsed in memory; for a
 *                          compressed one (.txt.gz, an entry of a .zip), the most it may unpack to
 * @param maxJsonlFileBytes largest .jsonl file, .zip archive, or .jsonl.gz unpacked; larger because these
 *                          are streamed (a line, an entry at a time)
 * @param maxJsonlLineBytes largest single JSONL line (one document), which is held in memory
 * @param maxTextChars      most characters of text one document may have after extraction
 * @param maxParseTime      how long a file may go without progress (a whole file, or one JSONL line)
 *                          before it is abandoned as "timeout"
 */
public record IngestConfig(
    long maxFileBytes, long maxJsonlFileBytes, long maxJsonlLineBytes, long maxTextChars, Duration maxParseTime) {

  /** 20 MB: policy documents are far smaller; a larger docx/pdf is mostly images we cannot use. */
  public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;
  /** 512 MB: the largest shared bulk file is 60 MB; streaming keeps memory flat regardless. */
  public static final long DEFAULT_MAX_JSONL_FILE_BYTES = 512L * 1024 * 1024;
  /** 48 MB: room for {@link #DEFAULT_MAX_TEXT_CHARS} Chinese characters (3 bytes each) plus JSON. */
  public static final long DEFAULT_MAX_JSONL_LINE_BYTES = 48L * 1024 * 1024;
  /** 10 M characters: the whole 3,475-law bulk file is 20 M; one document beyond 10 M is not a policy. */
  public static final long DEFAULT_MAX_TEXT_CHARS = 10_000_000L;
  /** 30 s: PDFBox/POI read a 20 MB file in a few seconds; far longer means a parser is stuck. */
  public static final Duration DEFAULT_MAX_PARSE_TIME = Duration.ofSeconds(30);

  public static final IngestConfig DEFAULTS = new IngestConfig(
      DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_JSONL_FILE_BYTES, DEFAULT_MAX_JSONL_LINE_BYTES,
      DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_PARSE_TIME);

  public IngestConfig {
    positive("maxFileBytes", maxFileBytes);
    positive("maxJsonlFileBytes", maxJsonlFileBytes);
    positive("maxJsonlLineBytes", maxJsonlLineBytes);
    positive("maxTextChars", maxTextChars);
    Objects.requireNonNull(maxParseTime, "maxParseTime");
    if (maxParseTime.isNegative() || maxParseTime.isZero()) {
      throw new IllegalArgumentException("maxParseTime must be positive, got " + maxParseTime);
    }
  }

  private static void positive(String name, long v) {
    if (v <= 0) throw new IllegalArgumentException(name + " must be positive, got " + v);
  }

  /** The size limit for a file with this (lower-case, dot-less) extension: bulk formats are streamed. */
  public long maxBytesFor(String extension) {
    return "jsonl".equals(extension) || "zip".equals(extension) ? maxJsonlFileBytes : maxFileBytes;
  }

  public IngestConfig withMaxFileBytes(long v) {
    return new IngestConfig(v, maxJsonlFileBytes, maxJsonlLineBytes, maxTextChars, maxParseTime);
  }

  public IngestConfig withMaxJsonlFileBytes(long v) {
    return new IngestConfig(maxFileBytes, v, maxJsonlLineBytes, maxTextChars, maxParseTime);
  }

  public IngestConfig withMaxJsonlLineBytes(long v) {
    return new IngestConfig(maxFileBytes, maxJsonlFileBytes, v, maxTextChars, maxParseTime);
  }

  public IngestConfig withMaxTextChars(long v) {
    return new IngestConfig(maxFileBytes, maxJsonlFileBytes, maxJsonlLineBytes, v, maxParseTime);
  }

  public IngestConfig withMaxParseTime(Duration v) {
    return new IngestConfig(maxFileBytes, maxJsonlFileBytes, maxJsonlLineBytes, maxTextChars, v);
  }
}
