package org.policysearch.index;

import java.util.List;
import org.policysearch.ingest.Skip;

/**
 * What an indexing run did.
 *
 * @param added             documents from new files
 * @param updated           documents from changed files (re-read)
 * @param removed           documents of files that left the corpus
 * @param unchangedFiles    files whose content hash had not changed (not re-read)
 * @param keptFiles         changed files that could not be read now: their previous version was kept
 * @param skipped           files and lines not indexed, with reasons
 * @param documents         documents in the index after the run
 * @param duplicatesChanged documents whose repost mark changed
 * @param rebuilt           whether a new index generation was written
 * @param rebuildReason     why (null when not rebuilt)
 * @param recovered         what was found left by an interrupted earlier run (null when nothing)
 * @param bytesRead         bytes of source files read
 * @param tookMs            wall time
 */
public record IndexSummary(long added, long updated, long removed, long unchangedFiles, long keptFiles, List<Skip> skipped,
                           long documents, int duplicatesChanged, boolean rebuilt, String rebuildReason, String recovered,
                           long bytesRead, long tookMs) {
  public IndexSummary {
    skipped = List.copyOf(skipped);
  }

  /** Warnings (a bad sidecar) do not count as skipped input. */
  public long skippedCount() {
    return skipped.stream().filter(s -> !s.reason().equals("bad-sidecar")).count();
  }
}
