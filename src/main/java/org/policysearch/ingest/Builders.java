package org.policysearch.ingest;

/**
 * Where commands get their {@link DocumentBuilder}, so that switching the implementation is one line.
 */
public final class Builders {
  private Builders() {}

  /**
   * The builder the commands use. For now the {@link PlainDocumentBuilder} fallback (given metadata
   * only, no extraction); to be switched to the metadata-extracting StandardDocumentBuilder when that
   * lands.
   */
  public static DocumentBuilder standard() {
    return new PlainDocumentBuilder();
  }
}
