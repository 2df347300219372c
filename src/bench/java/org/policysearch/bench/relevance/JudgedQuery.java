package org.policysearch.bench.relevance;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One query of the judged search set ({@code docs/relevance/search-judgments.jsonl}): what a staff member
 * types, and the documents read and graded for it (2 answers the need, 1 partly, 0 not).
 */
record JudgedQuery(String queryId, String query, Map<String, Integer> grades) {
  JudgedQuery {
    grades = Map.copyOf(grades);
  }

  static List<JudgedQuery> load(Path file) throws IOException {
    return JsonLines.read(file, "a judged query", o -> {
      Map<String, Integer> grades = new LinkedHashMap<>();
      o.getAsJsonArray("judgments").forEach(e -> {
        JsonObject j = e.getAsJsonObject();
        int g = j.get("grade").getAsInt();
        if (g < 0 || g > 2) throw new IllegalArgumentException("grade " + g + " is not 0, 1 or 2");
        grades.put(j.get("id").getAsString(), g);
      });
      return new JudgedQuery(o.get("query_id").getAsString(), o.get("query").getAsString(), grades);
    });
  }
}
