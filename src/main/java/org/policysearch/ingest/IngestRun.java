package org.policysearch.ingest;

import java.time.Duration;
import java.util.List;
import org.policysearch.doc.PolicyDocument;

/**
 * A whole-corpus ingest: the documents after the duplicate post-pass (in listing order, JSONL lines in
 * file order), everything skipped or warned about (sorted by file and line), and counts for the report.
 *
 * @param filesListed files that {@link Ingester#list} accepted
 * @param elapsed     wall time of the run
 */
public record IngestRun(List<PolicyDocument> documents, List<Skip> skipped, int filesListed, Duration elapsed) {
  public IngestRun {
    documents = List.copyOf(documents);
    skipped = List.copyOf(skipped);
  }

  /** Skips that are not mere warnings: input that did not make it into the documents. */
  public long skippedCount() {
    return skipped.stream().filter(s -> !SkipReasons.isWarning(s)).count();
  }

  public long warningCount() {
    return skipped.stream().filter(SkipReasons::isWarning).count();
  }
}
