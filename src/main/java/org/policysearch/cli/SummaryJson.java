package org.policysearch.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.policysearch.index.IndexSummary;
import org.policysearch.ingest.Skip;

/** JSON of an indexing summary (the index command's --json and the admin reindex endpoint). */
public final class SummaryJson {
  private SummaryJson() {}

  public static JsonObject of(IndexSummary s) {
    JsonObject o = new JsonObject();
    o.addProperty("added", s.added());
    o.addProperty("updated", s.updated());
    o.addProperty("removed", s.removed());
    o.addProperty("unchanged", s.unchangedFiles());
    o.addProperty("kept", s.keptFiles());
    JsonArray sk = new JsonArray();
    for (Skip k : s.skipped()) {
      JsonObject x = new JsonObject();
      x.addProperty("file", k.file());
      x.addProperty("line", k.line());
      x.addProperty("reason", k.reason());
      x.addProperty("detail", k.detail());
      sk.add(x);
    }
    o.add("skipped", sk);
    o.addProperty("documents", s.documents());
    o.addProperty("duplicates_changed", s.duplicatesChanged());
    o.addProperty("rebuilt", s.rebuilt());
    o.addProperty("rebuild_reason", s.rebuildReason());
    o.addProperty("recovered", s.recovered());
    o.addProperty("took_ms", s.tookMs());
    return o;
  }
}
