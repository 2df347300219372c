package org.policysearch.ingest.source;

/** Gson's parse errors, made readable in one line for a skip detail. */
final class JsonMessages {
  private JsonMessages() {}

  /** @param oneLine the JSON was a single line (JSONL): "at line 1 column 7" becomes "at column 7" */
  static String of(Throwable e, boolean oneLine) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause().getMessage() != null) t = t.getCause();
    String m = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    m = m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON")
        .replaceAll(" path \\$\\S*", "");
    if (oneLine) m = m.replace("at line 1 column ", "at column ");
    return m;
  }
}
