package org.policysearch.bench.relevance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One query of a precedent set ({@code precedents-*.jsonl}): a stretch of one region's document, and the
 * same-subject documents of other provinces that should come up.
 */
record PrecedentQuery(String queryId, String group, String sourceId, String sourceRegion, String text, Set<String> relevant) {
  PrecedentQuery {
    relevant = Set.copyOf(relevant);
  }

  static List<PrecedentQuery> load(Path file) throws IOException {
    return JsonLines.read(file, "a precedent query", o -> {
      Set<String> rel = new LinkedHashSet<>();
      o.getAsJsonArray("relevant").forEach(e -> rel.add(e.getAsString()));
      return new PrecedentQuery(o.get("query_id").getAsString(), o.get("group").getAsString(),
          o.get("source_id").getAsString(), o.get("source_region").getAsString(), o.get("text").getAsString(), rel);
    });
  }
}
