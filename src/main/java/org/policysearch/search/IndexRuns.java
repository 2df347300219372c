package org.policysearch.search;

import org.policysearch.index.IndexSummary;
import org.policysearch.search.api.IndexRun;

/** The client's view of an indexing run: the same record whether the server or the index command ran it. */
public final class IndexRuns {
  private IndexRuns() {}

  public static IndexRun of(IndexSummary s) {
    return new IndexRun(s.added(), s.updated(), s.removed(), s.unchangedFiles(), s.keptFiles(),
        s.skipped().stream().map(k -> new IndexRun.SkippedInput(k.file(), k.line(), k.reason(), k.detail())).toList(), s.documents(), s.duplicatesChanged(), s.rebuilt(),
        s.rebuildReason(), s.recovered(), s.bytesRead(), s.tookMs());
  }
}
