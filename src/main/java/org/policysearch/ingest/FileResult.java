package org.policysearch.ingest;

import java.util.List;
import org.policysearch.doc.PolicyDocument;

/**
 * What reading one file gave: its documents (one for a whole file, one per good line of a JSONL file)
 * and what was skipped (the whole file, some JSONL lines, or warnings such as a bad sidecar).
 */
public record FileResult(SourceFile file, List<PolicyDocument> documents, List<Skip> skipped) {
  public FileResult {
    documents = List.copyOf(documents);
    skipped = List.copyOf(skipped);
  }

  public static FileResult skipped(SourceFile file, Skip skip) {
    return new FileResult(file, List.of(), List.of(skip));
  }
}
