package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Hits read from their stored fields rather than their {@code _source}. The source of a policy document holds
 * its whole text; the cluster parses all of it for every hit that asks for a few fields of it, and once more
 * for every paragraph returned as an inner hit. The fields a page shows are stored apart
 * ({@link IndexDesign#HIT_FIELDS}, {@link IndexDesign#PARAGRAPH_FIELDS}), and read here into the same shape
 * the source had, so the readers of a source ({@link ClusterIndexer#fromSource}) read them unchanged.
 */
final class StoredFields {
  private StoredFields() {}

  /** Asks, in a request or an inner hits definition, for these stored fields and no source. */
  static void ask(JsonObject body, List<String> fields) {
    body.addProperty("_source", false);
    JsonArray a = new JsonArray();
    fields.forEach(a::add);
    body.add("stored_fields", a);
  }

  /** Asks for these fields' doc values too (a keyword's every value, as the source listed them). */
  static void askDocValues(JsonObject body, List<String> fields) {
    JsonArray a = new JsonArray();
    fields.forEach(a::add);
    body.add("docvalue_fields", a);
  }

  /**
   * A hit's fields as a source would have them: single values as values, {@code lists} as arrays; names
   * without {@code prefix} (an inner hit's fields are named by their full path). A field the document lacks is absent.
   */
  static JsonObject of(JsonObject hit, String prefix, List<String> lists) {
    JsonObject out = new JsonObject();
    if (!hit.has("fields")) return out;
    for (Map.Entry<String, JsonElement> e : hit.getAsJsonObject("fields").entrySet()) {
      String name = e.getKey().startsWith(prefix) ? e.getKey().substring(prefix.length()) : e.getKey();
      JsonArray values = e.getValue().getAsJsonArray();
      if (lists.contains(name)) out.add(name, values);
      else if (!values.isEmpty()) out.add(name, values.get(0));
    }
    return out;
  }

  /** A hit's top-level fields ({@link IndexDesign#HIT_FIELDS}) as a source. */
  static JsonObject of(JsonObject hit) {
    return of(hit, "", List.of());
  }

  /** An inner hit's paragraph fields ({@link IndexDesign#PARAGRAPH_FIELDS}) as the paragraph's source. */
  static JsonObject paragraph(JsonObject innerHit) {
    return of(innerHit, IndexDesign.PARAGRAPHS + ".", List.of());
  }
}
