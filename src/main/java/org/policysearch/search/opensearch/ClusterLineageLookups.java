package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.DocumentLineage;
import org.policysearch.index.Fields;
import org.policysearch.index.StoredReferences;
import org.policysearch.search.LineageLookups;

/**
 * The term lookups of lineage on the cluster: {@code term} queries on the keyword fields the embedded index
 * has as terms ({@link IndexDesign}), each document's metadata, repost mark and references read from its
 * {@code _source}. An alias that does not exist yet is an index with nothing in it.
 */
final class ClusterLineageLookups implements LineageLookups {
  /** Documents read per request when a lookup has to read them all (search_after by id). */
  static final int PAGE = 1000;

  private final Cluster cluster;
  private final String alias;

  ClusterLineageLookups(Cluster cluster, String alias) {
    this.cluster = cluster;
    this.alias = alias;
  }

  @Override
  public Optional<Entry> document(String id) throws IOException {
    List<JsonObject> hits = page(term(Fields.ID, id), 1, null);
    return hits.isEmpty() ? Optional.empty() : Optional.of(entry(hits.get(0)));
  }

  @Override
  public List<PolicyDocument> owners(String key, int limit) throws IOException {
    List<PolicyDocument> out = new ArrayList<>();
    for (JsonObject h : page(term(Fields.LINEAGE_KEY, key), Math.max(1, limit), null)) out.add(entry(h).meta());
    return out;
  }

  /** Searches sent in one {@code _msearch} request at most. */
  static final int BATCH = 200;

  /** One {@code _msearch} request per {@link #BATCH} keys: the same search per key as {@link #owners(String, int)}. */
  @Override
  public Map<String, List<PolicyDocument>> owners(Collection<String> keys, int limit) throws IOException {
    Map<String, List<PolicyDocument>> out = new LinkedHashMap<>();
    List<String> all = List.copyOf(keys);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      StringBuilder lines = new StringBuilder();
      for (String key : batch) lines.append("{}\n").append(body(term(Fields.LINEAGE_KEY, key), Math.max(1, limit), null)).append('\n');
      Cluster.Answer a = cluster.ndjson("/" + alias + "/_msearch", Map.of(), lines.toString());
      if (a.status() == 404) {
        for (String key : batch) out.put(key, List.of());
        continue;
      }
      JsonArray responses = Cluster.ok(a, "look up lineage keys").getAsJsonArray("responses");
      for (int i = 0; i < batch.size(); i++) {
        // the alias that does not exist yet holds nothing, as for one lookup; any other error is not an empty answer
        JsonObject r = Cluster.item(responses.get(i).getAsJsonObject(), "look up lineage keys");
        List<PolicyDocument> owners = new ArrayList<>();
        if (r == null) {
          out.put(batch.get(i), owners);
          continue;
        }
        for (JsonElement h : r.getAsJsonObject("hits").getAsJsonArray("hits")) owners.add(entry(h.getAsJsonObject()).meta());
        out.put(batch.get(i), owners);
      }
    }
    return out;
  }

  @Override
  public List<Entry> citing(String key) throws IOException {
    return all(term(Fields.CITES_KEY, key));
  }

  @Override
  public List<Entry> repealingOthers() throws IOException {
    return all(term(Fields.REPEALS_OTHERS, DocumentLineage.REPEALS));
  }

  private List<Entry> all(JsonObject query) throws IOException {
    List<Entry> out = new ArrayList<>();
    JsonElement after = null;
    while (true) {
      List<JsonObject> hits = page(query, PAGE, after);
      for (JsonObject h : hits) out.add(entry(h));
      if (hits.size() < PAGE) return out;
      after = hits.get(hits.size() - 1).get("sort");
    }
  }

  /** One page of hits in id order (ids are unique: search_after pages without a gap or a repeat). */
  private List<JsonObject> page(JsonObject query, int size, JsonElement after) throws IOException {
    JsonObject body = body(query, size, after);
    Cluster.Answer a = cluster.json("POST", "/" + alias + "/_search", body);
    if (a.status() == 404) return List.of();
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement h : Cluster.ok(a, "look up lineage keys").getAsJsonObject("hits").getAsJsonArray("hits")) out.add(h.getAsJsonObject());
    return out;
  }

  /** The search of one page of a lookup: the documents' metadata, repost marks and references, in id order. */
  private static JsonObject body(JsonObject query, int size, JsonElement after) {
    JsonObject body = new JsonObject();
    body.add("query", query);
    body.addProperty("size", size);
    JsonArray source = new JsonArray();
    for (String f : List.of(Fields.ID, Fields.META, Fields.DUPLICATE_OF, Fields.REFERENCES)) source.add(f);
    body.add("_source", source);
    JsonArray sort = new JsonArray();
    sort.add(Fields.ID);
    body.add("sort", sort);
    if (after != null) body.add("search_after", after);
    return body;
  }

  private static Entry entry(JsonObject hit) {
    JsonObject src = hit.getAsJsonObject("_source");
    String refs = src.has(Fields.REFERENCES) ? src.get(Fields.REFERENCES).getAsString() : "";
    return new Entry(ClusterIndexer.fromSource(src), StoredReferences.decode(refs));
  }

  private static JsonObject term(String field, String value) {
    JsonObject o = new JsonObject();
    o.addProperty(field, value);
    return QueryTranslator.wrap("term", o);
  }
}
