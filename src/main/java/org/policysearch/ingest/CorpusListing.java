package org.policysearch.ingest;

import java.util.List;

/**
 * What {@link Ingester#list} found: the files to read, in a stable order (by path, names compared as
 * strings), and the files it refused with a reason each.
 */
public record CorpusListing(List<SourceFile> files, List<Skip> skipped) {
  public CorpusListing {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
  }
}
