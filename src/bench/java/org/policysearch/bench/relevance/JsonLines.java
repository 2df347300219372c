package org.policysearch.bench.relevance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A relevance file, one JSON object a line; a line that is not one of {@code what} names its file and number. */
final class JsonLines {
  private JsonLines() {}

  static <T> List<T> read(Path file, String what, Function<JsonObject, T> parse) throws IOException {
    List<T> out = new ArrayList<>();
    int line = 0;
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line++;
      if (l.isBlank()) continue;
      try {
        out.add(parse.apply(JsonParser.parseString(l).getAsJsonObject()));
      } catch (RuntimeException e) {
        throw new IOException(file + " line " + line + " is not " + what + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
