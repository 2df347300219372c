package org.policysearch.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A file of the corpus folder that {@link Ingester#list} accepted for reading.
 *
 * @param relPath path relative to the corpus folder with '/' separators: the document id of whole-file
 *                documents
 * @param path    where to read it (inside the corpus folder; links not resolved)
 * @param size    bytes when listed
 * @param hash    hex SHA-256 of the file bytes, followed (when a {@code .meta.json} sidecar belongs to
 *                it) by a separator and the sidecar bytes, so that editing only the sidecar changes the
 *                hash and the indexer re-reads the file. Without a sidecar it is plain SHA-256 of the file.
 */
public record SourceFile(String relPath, Path path, long size, String hash) {
  public SourceFile {
    Objects.requireNonNull(relPath, "relPath");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hash, "hash");
  }

  /** Lower-case extension without the dot ("pdf"), or "" when the name has none. */
  public String extension() {
    return extensionOf(relPath);
  }

  public static String extensionOf(String name) {
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
