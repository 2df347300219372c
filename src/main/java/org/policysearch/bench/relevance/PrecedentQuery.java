package org.policysearch.bench.relevance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    List<PrecedentQuery> out = new ArrayList<>();
    int line = 0;
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line++;
      if (l.isBlank()) continue;
      try {
        JsonObject o = JsonParser.parseString(l).getAsJsonObject();
        Set<String> rel = new LinkedHashSet<>();
        o.getAsJsonArray("relevant").forEach(e -> rel.add(e.getAsString()));
        out.add(new PrecedentQuery(o.get("query_id").getAsString(), o.get("group").getAsString(),
            o.get("source_id").getAsString(), o.get("source_region").getAsString(), o.get("text").getAsString(), rel));
      } catch (RuntimeException e) {
        throw new IOException(file + " line " + line + " is not a precedent query: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
