package org.policysearch.ingest;

/**
 * The one rule for document ids, shared by the readers and every {@link DocumentBuilder}: the id given
 * with the text when there is one, else the file's path relative to the corpus folder.
 *
 * <p>JSONL readers always fill {@link GivenMetadata#id()}: with the line's {@code id}, or with
 * {@code FILE#LINE} when the line has none, so a builder never needs to know the format.
 */
public final class DocumentIds {
  private DocumentIds() {}

  public static String of(RawDocument raw) {
    return raw.given().id().isEmpty() ? raw.file() : raw.given().id();
  }

  /** Id of a JSONL line without an {@code id} field, e.g. {@code laws/local.jsonl#17}. */
  public static String forLine(String file, int line) {
    return file + "#" + line;
  }
}
