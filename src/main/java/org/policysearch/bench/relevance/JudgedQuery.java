package org.policysearch.bench.relevance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    List<JudgedQuery> out = new ArrayList<>();
    int line = 0;
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line++;
      if (l.isBlank()) continue;
      try {
        JsonObject o = JsonParser.parseString(l).getAsJsonObject();
        Map<String, Integer> grades = new LinkedHashMap<>();
        o.getAsJsonArray("judgments").forEach(e -> {
          JsonObject j = e.getAsJsonObject();
          int g = j.get("grade").getAsInt();
          if (g < 0 || g > 2) throw new IllegalArgumentException("grade " + g + " is not 0, 1 or 2");
          grades.put(j.get("id").getAsString(), g);
        });
        out.add(new JudgedQuery(o.get("query_id").getAsString(), o.get("query").getAsString(), grades));
      } catch (RuntimeException e) {
        throw new IOException(file + " line " + line + " is not a judged query: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
