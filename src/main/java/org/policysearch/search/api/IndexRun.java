package org.policysearch.search.api;

import java.util.List;

/**
 * What a reindex did, as its caller sees it (the admin endpoint, the index command's {@code --json}).
 *
 * @param added             documents from new files
 * @param updated           documents from changed files (re-read)
 * @param removed           documents of files that left the corpus
 * @param unchangedFiles    files whose content had not changed (not re-read)
 * @param keptFiles         changed files that could not be read now: their previous version was kept
 * @param skipped           files and lines not indexed, with reasons
 * @param documents         documents in the index after the run
 * @param duplicatesChanged documents whose repost mark changed
 * @param rebuilt           whether a whole new index was written
 * @param rebuildReason     why (null when not rebuilt)
 * @param recovered         what was found left by an interrupted earlier run (null when nothing)
 * @param bytesRead         bytes of source files read
 * @param tookMs            wall time
 */
public record IndexRun(long added, long updated, long removed, long unchangedFiles, long keptFiles, List<SkippedInput> skipped,
                       long documents, int duplicatesChanged, boolean rebuilt, String rebuildReason, String recovered,
                       long bytesRead, long tookMs) {
  public IndexRun {
    skipped = List.copyOf(skipped);
  }

  /**
   * A file or a line of one that was not indexed.
   *
   * @param file   the file, relative to the corpus folder
   * @param line   the line of a JSON Lines file, else 0
   * @param reason a short code ("unreadable", "duplicate-id", …)
   * @param detail what was wrong, in words
   */
  public record SkippedInput(String file, int line, String reason, String detail) {
    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + ": " + reason + " (" + detail + ")";
    }
  }
}
