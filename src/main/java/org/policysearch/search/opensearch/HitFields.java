package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.policysearch.index.Fields;

/**
 * What a search reads of its hits, and from where. A policy document's own stored data is never read by a search:
 * besides its {@code _source} it holds the cluster's {@code _recovery_source}, the whole document as it was sent
 * (every paragraph, twice), which the node keeps for replicas to catch up from (the source leaves the text out) until
 * merges prune it; Lucene decompresses a document's stored data up to the field it reads, so reading any field of a
 * hit, its {@code _id} included, decompressed its whole text: about 2 ms of a search's 4 to 10 on the node
 * (docs/opensearch.md, "Latency"). A document's fields come from doc values instead ({@link #askDocValues}; its
 * metadata from {@link IndexDesign#HIT_META}), and a paragraph's from its own (nested) document's stored fields
 * ({@link #askStored}), which hold only the paragraph. Both are read into the shape a source has, so the readers of a
 * source ({@link ClusterIndexer#fromSource}) read them unchanged.
 */
final class HitFields {
  private HitFields() {}

  /** Asks, in a request or an inner hits definition, for these stored fields and no source (paragraphs). */
  static void askStored(JsonObject body, List<String> fields) {
    body.addProperty("_source", false);
    JsonArray a = new JsonArray();
    fields.forEach(a::add);
    body.add("stored_fields", a);
  }

  /**
   * Asks for these fields' doc values and nothing of the documents' stored data: no source, no stored field, not
   * even {@code _id} (read the id with {@link #id}).
   */
  static void askDocValues(JsonObject body, List<String> fields) {
    body.addProperty("_source", false);
    body.addProperty("stored_fields", "_none_");
    JsonArray a = new JsonArray();
    fields.forEach(a::add);
    body.add("docvalue_fields", a);
  }

  /** The id of a hit asked for with {@link #askDocValues} (the {@link Fields#ID} among its fields). */
  static String id(JsonObject hit) {
    return hit.getAsJsonObject("fields").getAsJsonArray(Fields.ID).get(0).getAsString();
  }

  /**
   * A hit's fields as a source would have them: single values as values, {@code lists} as arrays; names
   * without {@code prefix} (an inner hit's fields are named by their full path); the metadata's doc values
   * ({@link IndexDesign#HIT_META}, deflated, in base64) as the source's {@link Fields#META}. A field the document
   * lacks is absent.
   */
  static JsonObject of(JsonObject hit, String prefix, List<String> lists) throws IOException {
    JsonObject out = new JsonObject();
    if (!hit.has("fields")) return out;
    for (Map.Entry<String, JsonElement> e : hit.getAsJsonObject("fields").entrySet()) {
      String name = e.getKey().startsWith(prefix) ? e.getKey().substring(prefix.length()) : e.getKey();
      JsonArray values = e.getValue().getAsJsonArray();
      if (name.equals(IndexDesign.PASSAGES_EXT)) {
        continue; // the hit's passages (ClusterDocuments.passages), not a field of its document
      } else if (name.equals(IndexDesign.HIT_META)) {
        out.addProperty(Fields.META, IndexDesign.unpackMeta(values.get(0).getAsString()));
      } else if (lists.contains(name)) {
        out.add(name, values);
      } else if (!values.isEmpty()) {
        out.add(name, values.get(0));
      }
    }
    return out;
  }

  /** A hit's document fields ({@link IndexDesign#HIT_FIELDS}) as a source. */
  static JsonObject of(JsonObject hit) throws IOException {
    return of(hit, "", List.of());
  }

  /** An inner hit's paragraph fields ({@link IndexDesign#PARAGRAPH_FIELDS}) as the paragraph's source. */
  static JsonObject paragraph(JsonObject innerHit) throws IOException {
    return of(innerHit, IndexDesign.PARAGRAPHS + ".", List.of());
  }
}
