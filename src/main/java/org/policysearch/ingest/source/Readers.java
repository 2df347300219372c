package org.policysearch.ingest.source;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The reader for each supported extension (lower-case, without the dot). */
public final class Readers {
  private final Map<String, SourceReader> byExtension;

  public Readers(Map<String, SourceReader> byExtension) {
    this.byExtension = Map.copyOf(byExtension);
  }

  /**
   * Every format the corpus folder accepts: the document formats, and the same gzip-compressed
   * ({@code .jsonl.gz}, {@code .txt.gz}, ...) or collected in a {@code .zip}, read as if it were a folder.
   */
  public static Readers standard() {
    TextReader text = new TextReader();
    Map<String, SourceReader> documents = Map.of(
        "txt", text,
        "md", text,
        "jsonl", new JsonlReader(),
        "html", new HtmlReader(),
        "htm", new HtmlReader(),
        "docx", new DocxReader(),
        "doc", new DocReader(),
        "pdf", new PdfReader());
    Map<String, SourceReader> all = new HashMap<>(documents);
    all.put("gz", new GzipReader(documents));
    all.put("zip", new ZipReader(documents));
    return new Readers(all);
  }

  public Optional<SourceReader> forExtension(String extension) {
    return Optional.ofNullable(byExtension.get(extension));
  }

  public Set<String> extensions() {
    return byExtension.keySet();
  }
}
