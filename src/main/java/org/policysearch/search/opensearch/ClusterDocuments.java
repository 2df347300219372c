package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policysearch.doc.ArticlePosition;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.Fields;
import org.policysearch.index.StoredMeta;

/**
 * Whole documents read back from the cluster: what a hit shows of them from doc values ({@link HitFields}: a
 * document's own stored data holds its whole text as the recovery source, decompressed to read any of it), their
 * {@code _source} only when asked ({@link #readWithSource}: the indexer's file hash and fingerprint), and their
 * paragraphs from their own stored fields, as the inner hits of a nested query over the document's paragraphs, in
 * number order, up to a window of them per document and request ({@link IndexDesign#INNER_WINDOW}, the most the index
 * gives): one request for any number of documents of ordinary length, one more per window for a document longer than
 * that.
 */
final class ClusterDocuments {
  /** A document as the cluster holds it: its source (metadata, file hash, fingerprint, repost mark …) and its paragraphs. */
  record Held(JsonObject source, List<Paragraph> paragraphs) {
    String id() {
      return source.get(Fields.ID).getAsString();
    }

    PolicyDocument document() {
      return ClusterIndexer.fromSource(source, paragraphs);
    }
  }

  private final Cluster cluster;
  private final int window;

  ClusterDocuments(Cluster cluster) {
    this(cluster, IndexDesign.INNER_WINDOW);
  }

  /** A reader of {@code window} paragraphs of a document per request (a test reads long documents with a small one). */
  ClusterDocuments(Cluster cluster, int window) {
    this.cluster = cluster;
    this.window = window;
  }

  /**
   * The documents of {@code ids} that {@code index} (an index or alias) holds, in the order given, with every paragraph;
   * their sources hold what a hit shows ({@link IndexDesign#HIT_FIELDS}).
   */
  List<Held> read(String index, List<String> ids) throws IOException {
    return read(index, ids, false);
  }

  /** As {@link #read(String, List)}, with each document's whole {@code _source}. */
  List<Held> readWithSource(String index, List<String> ids) throws IOException {
    return read(index, ids, true);
  }

  /** The documents of {@code ids} in the order given. An index that does not exist holds none. */
  private List<Held> read(String index, List<String> ids, boolean withSource) throws IOException {
    if (ids.isEmpty()) return List.of();
    JsonObject res = search(index, ids, -1, window, withSource);
    if (res == null) return List.of();
    Map<String, Held> byId = new HashMap<>();
    for (JsonElement e : res.getAsJsonObject("hits").getAsJsonArray("hits")) {
      JsonObject hit = e.getAsJsonObject();
      JsonObject source = withSource ? hit.getAsJsonObject("_source") : HitFields.of(hit);
      String id = source.get(Fields.ID).getAsString();
      List<Paragraph> paragraphs = paragraphs(hit);
      int want = source.get(IndexDesign.PARAGRAPH_COUNT).getAsInt();
      while (paragraphs.size() < want) {
        // a document longer than the window: the next window, after the last paragraph read
        int after = paragraphs.get(paragraphs.size() - 1).number();
        JsonObject more = search(index, List.of(id), after, Math.min(want - paragraphs.size(), window), false);
        JsonArray hits = more == null ? new JsonArray() : more.getAsJsonObject("hits").getAsJsonArray("hits");
        List<Paragraph> next = hits.isEmpty() ? List.of() : paragraphs(hits.get(0).getAsJsonObject());
        if (next.isEmpty()) {
          throw new IOException("document " + id + " has " + want + " paragraphs by its count, "
              + paragraphs.size() + " in the index");
        }
        paragraphs.addAll(next);
      }
      byId.put(id, new Held(source, List.copyOf(paragraphs)));
    }
    List<Held> out = new ArrayList<>(byId.size());
    for (String id : ids) {
      Held h = byId.get(id);
      if (h != null) out.add(h);
    }
    return out;
  }

  /**
   * The documents {@code ids} with up to {@code size} of their paragraphs numbered after {@code after} (-1: from the
   * first), with the first window what hits show of them, and their sources if {@code withSource}.
   */
  private JsonObject search(String index, List<String> ids, int after, int size, boolean withSource) throws IOException {
    JsonObject query;
    if (after < 0) {
      query = QueryTranslator.wrap("match_all", new JsonObject());
    } else {
      JsonObject gt = new JsonObject();
      gt.addProperty("gt", after);
      query = QueryTranslator.wrap("range", QueryTranslator.wrap(IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER, gt));
    }
    JsonObject nested = inOrder(query, size);
    JsonObject values = new JsonObject();
    JsonArray a = new JsonArray();
    ids.forEach(a::add);
    values.add("values", a);
    JsonObject b = new JsonObject();
    JsonArray filter = new JsonArray();
    filter.add(QueryTranslator.wrap("ids", values));
    b.add("filter", filter);
    // optional: a document without paragraphs is still read
    JsonArray should = new JsonArray();
    should.add(nested);
    b.add("should", should);
    JsonObject body = new JsonObject();
    body.add("query", QueryTranslator.wrap("bool", b));
    body.addProperty("size", ids.size());
    // a search answers with the source unless told otherwise; it holds all a whole document needs. A later window
    // reads paragraphs alone: the document's fields came with the first
    if (!withSource) HitFields.askDocValues(body, after < 0 ? IndexDesign.HIT_FIELDS : List.of());
    Cluster.Answer ans = cluster.json("POST", "/" + index + "/_search", body);
    if (ans.status() == 404) return null;
    return Cluster.ok(ans, "read documents");
  }

  /**
   * A nested query over the paragraphs {@code paragraphQuery} finds, whose inner hits are the first {@code size} of
   * a document's, by number, with their stored fields ({@link #paragraphs} reads them).
   */
  static JsonObject inOrder(JsonObject paragraphQuery, int size) {
    JsonObject inner = new JsonObject();
    inner.addProperty("size", size);
    JsonArray sort = new JsonArray();
    JsonObject byNumber = new JsonObject();
    byNumber.addProperty(IndexDesign.PARAGRAPHS + "." + Fields.PARA_NUMBER, "asc");
    sort.add(byNumber);
    inner.add("sort", sort);
    HitFields.askStored(inner, IndexDesign.PARAGRAPH_FIELDS);
    JsonObject nested = new JsonObject();
    nested.addProperty("path", IndexDesign.PARAGRAPHS);
    nested.add("query", paragraphQuery);
    nested.addProperty("score_mode", "none");
    nested.add("inner_hits", inner);
    return QueryTranslator.wrap("nested", nested);
  }

  /** A hit's paragraphs from its inner hits, in their order (none when it has no inner hits). */
  static List<Paragraph> paragraphs(JsonObject hit) throws IOException {
    List<Paragraph> out = new ArrayList<>();
    if (!hit.has("inner_hits")) return out;
    for (JsonElement ih : hit.getAsJsonObject("inner_hits").getAsJsonObject(IndexDesign.PARAGRAPHS).getAsJsonObject("hits")
        .getAsJsonArray("hits")) {
      out.add(paragraph(ih.getAsJsonObject()));
    }
    return out;
  }

  /**
   * A hit's passages as the plugin's fetch phase answers them ({@code OpenSearchBackend.askPassages}): the paragraphs
   * the paragraph query scores best, best first, or, when {@code lead}, the document's first paragraphs by number.
   */
  record Passages(boolean lead, List<Paragraph> paragraphs) {}

  /** The passages that came with a hit, or null when none came (the request did not ask, or no plugin answered). */
  static Passages passages(JsonObject hit) throws IOException {
    if (!hit.has("fields") || !hit.getAsJsonObject("fields").has(IndexDesign.PASSAGES_EXT)) return null;
    JsonObject p = hit.getAsJsonObject("fields").getAsJsonArray(IndexDesign.PASSAGES_EXT).get(0).getAsJsonObject();
    List<Paragraph> out = new ArrayList<>();
    for (JsonElement e : p.getAsJsonArray("hits")) {
      JsonObject fields = new JsonObject();
      fields.add("fields", e.getAsJsonObject());
      out.add(paragraph(fields));
    }
    return new Passages(p.get("lead").getAsBoolean(), List.copyOf(out));
  }

  /**
   * One paragraph from an inner hit's stored fields ({@link IndexDesign#PARAGRAPH_FIELDS}); a field without a value (no
   * themes, no place among articles) is absent there.
   */
  static Paragraph paragraph(JsonObject innerHit) throws IOException {
    JsonObject p = HitFields.paragraph(innerHit);
    String themes = p.has(Fields.PARA_THEMES) ? p.get(Fields.PARA_THEMES).getAsString() : "";
    ArticlePosition article = StoredMeta.decodeArticle(p.has(Fields.PARA_ARTICLE) ? p.get(Fields.PARA_ARTICLE).getAsString() : null);
    return new Paragraph(p.get(Fields.PARA_NUMBER).getAsInt(), p.get(Fields.PARA_TEXT).getAsString(),
        p.get(Fields.PARA_HEADING).getAsBoolean(), themes.isEmpty() ? List.of() : List.of(themes.split("\\|")), article);
  }
}
