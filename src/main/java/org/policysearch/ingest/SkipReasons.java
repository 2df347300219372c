package org.policysearch.ingest;

import java.util.Set;

/**
 * The classes of {@link Skip#reason()}, each declared once with what it means. Reports, tests and the
 * CLI refer to these constants rather than repeating the strings.
 */
public final class SkipReasons {
  private SkipReasons() {}

  /** The file has zero bytes. */
  public static final String EMPTY = "empty";
  /** A text file (.txt, .md, .html, .jsonl) holds NUL bytes near its start: it is not text. */
  public static final String BINARY = "binary";
  /** The extension is not one of the supported formats. */
  public static final String UNKNOWN_EXTENSION = "unknown-extension";
  /** Neither strict UTF-8 nor GB18030 decodes the bytes. */
  public static final String UNDECODABLE = "undecodable";
  /** A docx/doc/pdf that its parser rejects, or a .gz/.zip that cannot be unpacked: damaged, encrypted, or a bomb. */
  public static final String CORRUPT = "corrupt";
  /** Over a size limit of {@link IngestConfig}: file bytes, JSONL line bytes, or extracted characters. */
  public static final String TOO_LARGE = "too-large";
  /** A JSONL line that is not a JSON object. */
  public static final String BAD_JSON = "bad-json";
  /** A JSONL line without a non-empty string {@code text}. */
  public static final String MISSING_TEXT = "missing-text";
  /** An archive inside an archive (a .zip or .gz in a .zip, a .zip.gz): not opened. */
  public static final String NESTED_ARCHIVE = "nested-archive";
  /** A zip entry whose path leaves the archive ('../', an absolute path or a drive letter): not read. */
  public static final String UNSAFE_PATH = "unsafe-path";
  /** A document id already used earlier in the run (the later one is skipped). */
  public static final String DUPLICATE_ID = "duplicate-id";
  /** Nothing readable: a scanned PDF without a text layer, or a page whose body is empty. */
  public static final String NO_TEXT = "no-text";
  /** The file system refused: permissions, a broken link, not a regular file. */
  public static final String IO_ERROR = "io-error";
  /** Parsing made no progress within {@link IngestConfig#maxParseTime()}; the file was abandoned. */
  public static final String TIMEOUT = "timeout";
  /** A folder link that points back to one of its own ancestors. */
  public static final String SYMLINK_LOOP = "symlink-loop";
  /** A link to a file or folder already listed under another path; it is read once. */
  public static final String DUPLICATE_PATH = "duplicate-path";
  /** The file's bytes differ from when it was listed; the next run picks it up. */
  public static final String CHANGED_WHILE_READING = "changed-while-reading";
  /** Warning: a {@code .meta.json} sidecar could not be used; the file itself is still ingested. */
  public static final String BAD_SIDECAR = "bad-sidecar";
  /** The document builder failed on text that was read fine: a bug to report with the file. */
  public static final String BUILD_ERROR = "build-error";

  /** Reasons that are warnings: the file was still ingested. */
  public static final Set<String> WARNINGS = Set.of(BAD_SIDECAR);

  public static boolean isWarning(Skip s) {
    return WARNINGS.contains(s.reason());
  }
}
