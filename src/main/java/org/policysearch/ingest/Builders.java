package org.policysearch.ingest;

import org.policysearch.ingest.meta.StandardDocumentBuilder;

/**
 * Where commands get their {@link DocumentBuilder}, so that switching the implementation is one line.
 */
public final class Builders {
  private Builders() {}

  /** The builder the commands use: cleaning, metadata extraction, paragraphs, themes (loaded once). */
  public static DocumentBuilder standard() {
    return Holder.STANDARD;
  }

  /** Loaded on first use: the gazetteer, rules and taxonomy are read once per JVM. */
  private static final class Holder {
    static final DocumentBuilder STANDARD = StandardDocumentBuilder.load();
  }
}
