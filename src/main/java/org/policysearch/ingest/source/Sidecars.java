package org.policysearch.ingest.source;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.SkipReasons;

/**
 * Sidecar files: {@code NAME.meta.json} beside a document overrides the metadata taken from it.
 *
 * <p>For a document {@code foo.txt} two names are looked for, the more specific first:
 * {@code foo.txt.meta.json}, then {@code foo.meta.json}. The second form applies to every {@code foo.*}
 * document in the folder that has no sidecar of the first form. A sidecar beside a JSONL file applies
 * to each of its lines. Sidecars are never documents themselves.
 *
 * <p>Content: one JSON object with any of {@link #FIELDS}; {@code themes} is an array of strings or one
 * string with comma-separated themes. Strict JSON (no comments, no single quotes), UTF-8.
 */
public final class Sidecars {
  private Sidecars() {}

  public static final String SUFFIX = ".meta.json";

  /** Sidecars larger than this are not metadata; they are refused rather than parsed. */
  static final int MAX_SIDECAR_BYTES = 1024 * 1024;

  /** Accepted keys, each mapped to the {@link GivenMetadata} field it fills. */
  public static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("title", "title"), Map.entry("date", "date"), Map.entry("region", "region"),
      Map.entry("type", "type"), Map.entry("themes", "themes"), Map.entry("source", "source"),
      Map.entry("url", "sourceUrl"), Map.entry("sourceUrl", "sourceUrl"), Map.entry("source_url", "sourceUrl"),
      Map.entry("issuer", "issuer"), Map.entry("doc_number", "docNumber"), Map.entry("docNumber", "docNumber"));

  /** The metadata of a sidecar and warnings about parts of it that were ignored. */
  public record Parsed(GivenMetadata metadata, List<String> warnings) {}

  public static boolean isSidecarName(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
  }

  /** The two candidate sidecar names for a document file name, most specific first. */
  static List<String> candidateNames(String fileName) {
    List<String> names = new ArrayList<>(2);
    names.add(fileName + SUFFIX);
    int dot = fileName.lastIndexOf('.');
    if (dot > 0) names.add(fileName.substring(0, dot) + SUFFIX);
    return names;
  }

  /** The sidecar name that applies to {@code fileName} among the names present in its folder. */
  static Optional<String> pick(String fileName, Set<String> namesInFolder) {
    return candidateNames(fileName).stream().filter(namesInFolder::contains).findFirst();
  }

  /** The sidecar file that applies to a document file, looked up on disk now. */
  public static Optional<Path> find(Path file) {
    Path dir = file.getParent();
    String name = file.getFileName().toString();
    for (String candidate : candidateNames(name)) {
      Path p = dir == null ? Path.of(candidate) : dir.resolve(candidate);
      if (Files.isRegularFile(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** Reads a sidecar's bytes, refusing ones too large to be metadata. */
  public static byte[] readBytes(Path sidecar) throws IOException, IngestException {
    long size = Files.size(sidecar);
    if (size > MAX_SIDECAR_BYTES) {
      throw new IngestException(SkipReasons.BAD_SIDECAR, "the sidecar " + sidecar.getFileName() + " has " + size
          + " bytes, more than the " + MAX_SIDECAR_BYTES + " a metadata file may have; it is ignored");
    }
    return Files.readAllBytes(sidecar);
  }

  /**
   * @param name the sidecar's name for messages
   * @throws IngestException "bad-sidecar" when it is not a JSON object; unknown keys or values of the
   *                         wrong type are only warnings
   */
  public static Parsed parse(byte[] bytes, String name) throws IngestException {
    TextDecoder.Attempt text = TextDecoder.strict(bytes, hasUtf8Bom(bytes) ? 3 : 0, StandardCharsets.UTF_8);
    if (!text.ok()) {
      throw new IngestException(SkipReasons.BAD_SIDECAR, "the sidecar " + name + " is not UTF-8 (invalid at byte "
          + text.errorOffset() + "); it is ignored, the document's own metadata is used");
    }
    JsonElement root;
    try {
      JsonReader r = new JsonReader(new StringReader(text.text()));
      r.setStrictness(Strictness.STRICT);
      root = JsonParser.parseReader(r);
      if (r.peek() != JsonToken.END_DOCUMENT) throw new JsonParseException("text after the JSON object");
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new IngestException(SkipReasons.BAD_SIDECAR, "the sidecar " + name + " is not valid JSON ("
          + JsonMessages.of(e, false) + "); it is ignored, the document's own metadata is used", e);
    }
    if (!root.isJsonObject()) {
      throw new IngestException(SkipReasons.BAD_SIDECAR, "the sidecar " + name
          + " must hold one JSON object such as {\"title\": \"...\"}; it is ignored");
    }
    List<String> warnings = new ArrayList<>();
    Map<String, String> values = new java.util.HashMap<>();
    List<String> themes = null;
    for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
      String field = FIELDS.get(e.getKey());
      JsonElement v = e.getValue();
      if (field == null) {
        warnings.add("the sidecar " + name + " has the unknown key '" + e.getKey() + "' (ignored); known keys: "
            + String.join(", ", new java.util.TreeSet<>(FIELDS.keySet())));
      } else if (v.isJsonNull()) {
        // null means "not given", as in the JSONL format.
      } else if (field.equals("themes")) {
        themes = themes(v, name, warnings);
      } else if (v.isJsonPrimitive()) {
        values.put(field, v.getAsString());
      } else {
        warnings.add("the sidecar " + name + " gives '" + e.getKey() + "' as " + (v.isJsonArray() ? "an array" : "an object")
            + " where a string is needed (ignored)");
      }
    }
    GivenMetadata meta = new GivenMetadata("sidecar", "", values.get("title"), values.get("date"),
        values.get("region"), values.get("type"), themes, values.get("source"), values.get("sourceUrl"),
        values.get("issuer"), values.get("docNumber"));
    return new Parsed(meta, List.copyOf(warnings));
  }

  private static List<String> themes(JsonElement v, String name, List<String> warnings) {
    List<String> out = new ArrayList<>();
    if (v.isJsonPrimitive()) {
      for (String t : v.getAsString().split("[,，、;；]")) {
        if (!t.isBlank()) out.add(t.strip());
      }
      return out;
    }
    if (v.isJsonArray()) {
      JsonArray a = v.getAsJsonArray();
      for (JsonElement t : a) {
        if (t.isJsonPrimitive() && !t.getAsString().isBlank()) {
          out.add(t.getAsString().strip());
        } else {
          warnings.add("the sidecar " + name + " has a theme that is not a string: " + t + " (ignored)");
        }
      }
      return out;
    }
    warnings.add("the sidecar " + name + " gives 'themes' as an object; use an array of strings (ignored)");
    return null;
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }
}
