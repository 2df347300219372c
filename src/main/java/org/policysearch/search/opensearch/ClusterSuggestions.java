package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policysearch.index.Fields;
import org.policysearch.search.Suggester;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.Suggestion;

/**
 * Suggestions on the cluster: the embedded backend's own {@link Suggester} (its matching and order), built
 * from what the cluster counts by aggregations in place of the Lucene term dictionary and doc values: the
 * regions, themes and types of every document (reposts included), the titles of the documents that are not
 * reposts ({@link Fields#SUGGEST_TITLE}), and each suggestible word with the number of paragraphs holding it
 * ({@link Fields#PARA_SUGGEST_WORDS}, nested). Titles and words are read with composite aggregations, page by
 * page in the order of the term dictionary: the counts are exact on any number of shards, and the words come
 * in the order the embedded suggester reads them. Built on first use and kept as the filter values are
 * (counted again after {@link OpenSearchBackend#FILTER_VALUES_MS} and after every reindex of this server).
 */
final class ClusterSuggestions {
  /** Buckets per composite page. */
  static final int PAGE = 10_000;

  private final Cluster cluster;
  private final String alias;
  private final SearchLimits limits;
  private volatile Built built;

  private record Built(Suggester suggester, long at) {}

  ClusterSuggestions(Cluster cluster, String alias, SearchLimits limits) {
    this.cluster = cluster;
    this.alias = alias;
    this.limits = limits;
  }

  List<Suggestion> suggest(String prefix, int size) throws InvalidRequestException, IOException {
    if (!Suggester.wanted(prefix, size, limits)) return List.of();
    return suggester().suggest(prefix, size);
  }

  /** Forgets what was counted: the next suggestion counts again (after a reindex). */
  void drop() {
    built = null;
  }

  private Suggester suggester() throws IOException {
    Built cur = built;
    if (cur != null && System.currentTimeMillis() - cur.at() <= OpenSearchBackend.FILTER_VALUES_MS) return cur.suggester();
    synchronized (this) {
      cur = built;
      if (cur != null && System.currentTimeMillis() - cur.at() <= OpenSearchBackend.FILTER_VALUES_MS) return cur.suggester();
      Suggester s = build();
      built = new Built(s, System.currentTimeMillis());
      return s;
    }
  }

  private Suggester build() throws IOException {
    JsonObject aggs = new JsonObject();
    for (String f : List.of(Fields.REGION, Fields.THEME, Fields.TYPE)) {
      JsonObject terms = new JsonObject();
      terms.addProperty("field", f);
      terms.addProperty("size", OpenSearchBackend.ALL_VALUES);
      aggs.add(f, QueryTranslator.wrap("terms", terms));
    }
    JsonObject body = new JsonObject();
    body.addProperty("size", 0);
    body.add("aggs", aggs);
    JsonObject res = search(body);
    if (res == null) return Suggester.of(new Object(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    JsonObject a = res.getAsJsonObject("aggregations");
    JsonObject dup = new JsonObject();
    dup.addProperty(Fields.DUPLICATE, 0);
    JsonObject notRepost = QueryTranslator.wrap("term", dup);
    return Suggester.of(new Object(), values(a, Fields.REGION), values(a, Fields.THEME), values(a, Fields.TYPE),
        composite(notRepost, null, Fields.SUGGEST_TITLE), composite(null, IndexDesign.PARAGRAPHS,
            IndexDesign.PARAGRAPHS + "." + Fields.PARA_SUGGEST_WORDS));
  }

  private static Map<String, Long> values(JsonObject aggs, String field) throws IOException {
    JsonObject t = aggs.getAsJsonObject(field);
    if (t.get("sum_other_doc_count").getAsLong() != 0) {
      throw new IOException("the " + field + " values number more than " + OpenSearchBackend.ALL_VALUES + "; counts would not be exact");
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (JsonElement b : t.getAsJsonArray("buckets")) out.put(b.getAsJsonObject().get("key").getAsString(), b.getAsJsonObject().get("doc_count").getAsLong());
    return out;
  }

  /**
   * Every value of a keyword field with its count (of documents, or of paragraphs under {@code nestedPath}),
   * in the term dictionary's order, over the documents {@code query} finds (null: all).
   */
  private Map<String, Long> composite(JsonObject query, String nestedPath, String field) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    JsonElement after = null;
    while (true) {
      JsonObject terms = QueryTranslator.wrap("terms", fieldOf(field));
      JsonObject source = new JsonObject();
      source.add("v", terms);
      JsonArray sources = new JsonArray();
      sources.add(source);
      JsonObject comp = new JsonObject();
      comp.addProperty("size", PAGE);
      comp.add("sources", sources);
      if (after != null) comp.add("after", after);
      JsonObject values = QueryTranslator.wrap("composite", comp);
      JsonObject agg = values;
      if (nestedPath != null) {
        JsonObject nested = new JsonObject();
        nested.addProperty("path", nestedPath);
        agg = QueryTranslator.wrap("nested", nested);
        agg.add("aggs", QueryTranslator.wrap("values", values));
      }
      JsonObject body = new JsonObject();
      body.addProperty("size", 0);
      if (query != null) body.add("query", query);
      body.add("aggs", QueryTranslator.wrap("outer", agg));
      JsonObject res = search(body);
      if (res == null) return out;
      JsonObject c = res.getAsJsonObject("aggregations").getAsJsonObject("outer");
      if (nestedPath != null) c = c.getAsJsonObject("values");
      JsonArray buckets = c.getAsJsonArray("buckets");
      for (JsonElement b : buckets) {
        JsonObject o = b.getAsJsonObject();
        out.put(o.getAsJsonObject("key").get("v").getAsString(), o.get("doc_count").getAsLong());
      }
      if (buckets.size() < PAGE || !c.has("after_key")) return out;
      after = c.get("after_key");
    }
  }

  private static JsonObject fieldOf(String field) {
    JsonObject o = new JsonObject();
    o.addProperty("field", field);
    return o;
  }

  /** The answer of a search on the alias; null when the alias does not exist yet (nothing indexed). */
  private JsonObject search(JsonObject body) throws IOException {
    Cluster.Answer a = cluster.json("POST", "/" + alias + "/_search", body);
    if (a.status() == 404) return null;
    return Cluster.ok(a, "count the suggestions");
  }
}
