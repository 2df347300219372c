package org.policysearch.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.policysearch.BuildInfo;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.download.Downloads;
import org.policysearch.search.json.ResultJson;

/**
 * Thin handlers: read and check parameters, call the backend, write JSON. Errors leave as exceptions and
 * are rendered in one place ({@link WebApp}).
 */
final class ApiHandlers {
  private static final Set<String> SEARCH = Params.with(Params.FILTER_NAMES, "q", "sort", "page", "size", "passages", "semantic");
  private static final Set<String> PHRASE = Params.with(Params.FILTER_NAMES, "q", "page", "size", "context", "format");
  private static final Set<String> CITED_BY = Params.with(Set.of("region", "year", "from", "to", "theme", "type", "duplicates"), "page", "size");
  private static final Set<String> EXPORT = Params.with(Params.FILTER_NAMES, "q", "sort", "format", "limit", "passages");

  private final SearchBackend backend;
  private final Downloads downloads;
  private final byte[] adminToken;
  private final byte[] openApi;
  private final ReentrantLock reindexing = new ReentrantLock();

  ApiHandlers(SearchBackend backend, String adminToken, byte[] openApi) {
    this.backend = backend;
    this.downloads = new Downloads(backend);
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.openApi = openApi;
  }

  static void json(Context ctx, JsonElement body) {
    ctx.contentType("application/json; charset=utf-8").result(ResultJson.toJson(body));
  }

  private SearchRequest searchRequest(Params p, int defaultSize) {
    return new SearchRequest(p.string("q", ""), p.filters(), sort(p), p.page(), p.size(defaultSize, backend.limits().maxPageSize()),
        p.integer("passages", SearchRequest.DEFAULT_PASSAGES, 0, backend.limits().maxPassages()), p.bool("semantic", false));
  }

  private static SortOrder sort(Params p) {
    try {
      return SortOrder.parse(p.string("sort", "relevance"));
    } catch (InvalidRequestException e) {
      throw new Problem.Exception(Problem.badRequest("sort", e.getMessage(), e.messageZh(), e.validValues()));
    }
  }

  void search(Context ctx) throws Exception {
    Params p = Params.of(ctx, SEARCH);
    json(ctx, ResultJson.search(backend.search(searchRequest(p, SearchRequest.DEFAULT_SIZE))));
  }

  void document(Context ctx) throws Exception {
    Params p = Params.of(ctx, Set.of("q", "article"));
    String id = ctx.pathParam("id");
    JsonObject o = ResultJson.documentView(backend.document(id, p.string("q", null), p.string("article", null)));
    try {
      o = ResultJson.withLineage(o, backend.cites(id), backend.citedBy(id, Filters.NONE, 1, CITED_BY_FIRST_PAGE));
    } catch (BackendUnavailableException e) {
      // The document was read; only its lineage cannot be given by this backend now: the document is still worth showing.
      o = ResultJson.withoutLineage(o);
    }
    json(ctx, o);
  }

  /** Citing documents listed in a document's own answer; the rest are paged at {@code /api/documents/{id}/cited-by}. */
  static final int CITED_BY_FIRST_PAGE = 10;

  void citedBy(Context ctx) throws Exception {
    Params p = Params.of(ctx, CITED_BY);
    String id = ctx.pathParam("id");
    json(ctx, ResultJson.citedBy(backend.citedBy(id, p.filters(), p.page(), p.size(SearchRequest.DEFAULT_SIZE, backend.limits().maxPageSize()))));
  }

  void similarGet(Context ctx) throws Exception {
    Params p = Params.of(ctx, Set.of("id", "paragraph", "size", "mode", "semantic"));
    String id = p.string("id", null);
    if (id == null || id.isBlank()) throw new Problem.Exception(Problem.badRequest("id", "give the document id: /api/similar?id=…&paragraph=N", "请给出文件编号：/api/similar?id=…&paragraph=N"));
    int para = p.integer("paragraph", 0, 1, Integer.MAX_VALUE);
    if (para == 0) throw new Problem.Exception(Problem.badRequest("paragraph", "give the paragraph number (from 1)", "请给出段落序号（从 1 开始）"));
    SimilarMode mode = SimilarMode.parse(p.string("mode", null));
    json(ctx, ResultJson.similar(backend.similarTo(id, para, p.integer("size", 10, 1, backend.limits().maxPageSize()), mode,
        p.bool("semantic", false))));
  }

  void similarPost(Context ctx) throws Exception {
    Params.of(ctx, Set.of());
    JsonObject body;
    try {
      JsonElement e = JsonParser.parseString(ctx.body());
      if (!e.isJsonObject()) throw new JsonParseException("not an object");
      body = e.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new Problem.Exception(Problem.badRequest("body", "the body must be a JSON object such as {\"text\": \"…\", \"size\": 10}",
          "请求内容须是 JSON 对象，例如 {\"text\": \"…\", \"size\": 10}"));
    }
    JsonElement text = body.get("text");
    if (text == null || !text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
      throw new Problem.Exception(Problem.badRequest("text", "the body needs a string field \"text\"", "请求内容须有字符串字段 \"text\""));
    }
    int size = 10;
    JsonElement s = body.get("size");
    if (s != null) {
      try {
        size = s.getAsInt();
        if (s.getAsDouble() != size) throw new NumberFormatException();
      } catch (RuntimeException e) {
        throw new Problem.Exception(Problem.badRequest("size", "\"size\" must be a whole number", "\"size\" 须是整数"));
      }
    }
    JsonElement m = body.get("mode");
    if (m != null && !(m.isJsonPrimitive() && m.getAsJsonPrimitive().isString())) {
      throw new Problem.Exception(Problem.badRequest("mode", "\"mode\" must be \"documents\" or \"paragraphs\"",
          "\"mode\" 须是 \"documents\" 或 \"paragraphs\""));
    }
    SimilarMode mode = SimilarMode.parse(m == null ? null : m.getAsString());
    JsonElement sem = body.get("semantic");
    if (sem != null && !(sem.isJsonPrimitive() && sem.getAsJsonPrimitive().isBoolean())) {
      throw new Problem.Exception(Problem.badRequest("semantic", "\"semantic\" must be true or false", "\"semantic\" 须是 true 或 false"));
    }
    json(ctx, ResultJson.similar(backend.similarToText(text.getAsString(), size, mode, sem != null && sem.getAsBoolean())));
  }

  void phrase(Context ctx) throws Exception {
    Params p = Params.of(ctx, PHRASE);
    String format = format(p, "json", "json", "csv");
    if (format.equals("csv")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      downloads.phraseCsv(p.string("q", ""), p.filters(), context(p), out);
      ctx.header("Content-Disposition", "attachment; filename=\"phrase.csv\"");
      ctx.contentType("text/csv; charset=utf-8").result(out.toByteArray());
      return;
    }
    json(ctx, ResultJson.phrase(backend.phrase(new PhraseRequest(p.string("q", ""), p.filters(),
        p.page(), p.size(PhraseRequest.DEFAULT_SIZE, backend.limits().maxPageSize()), context(p)))));
  }

  private static int context(Params p) {
    return p.integer("context", PhraseRequest.DEFAULT_CONTEXT, 0, PhraseRequest.MAX_CONTEXT);
  }

  void export(Context ctx) throws Exception {
    Params p = Params.of(ctx, EXPORT);
    String format = format(p, "csv", "csv", "jsonl");
    SearchRequest r = searchRequest(p, 0);
    int limit = p.integer("limit", 1000, 1, ExportRow.MAX_DOCUMENTS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (format.equals("csv")) {
      downloads.exportCsv(r, limit, out);
      ctx.header("Content-Disposition", "attachment; filename=\"policy-search-export.csv\"");
      ctx.contentType("text/csv; charset=utf-8");
    } else {
      downloads.exportJsonl(r, limit, out);
      ctx.header("Content-Disposition", "attachment; filename=\"policy-search-export.jsonl\"");
      ctx.contentType("application/x-ndjson; charset=utf-8");
    }
    ctx.result(out.toByteArray());
  }

  private static String format(Params p, String def, String... valid) {
    String f = p.string("format", def);
    for (String v : valid) if (v.equals(f)) return f;
    throw new Problem.Exception(Problem.badRequest("format", "unknown format '" + Params.abbreviate(f) + "'",
        "未知的格式“" + Params.abbreviate(f) + "”，可用：" + String.join("、", valid), List.of(valid)));
  }

  void suggest(Context ctx) throws Exception {
    Params p = Params.of(ctx, Set.of("q", "size"));
    String q = p.string("q", "");
    json(ctx, ResultJson.suggestions(q, backend.suggest(q, p.integer("size", 10, 1, 50))));
  }

  void facets(Context ctx) throws Exception {
    Params.of(ctx, Set.of());
    json(ctx, ResultJson.facets(backend.facets()));
  }

  void stats(Context ctx) throws Exception {
    Params.of(ctx, Set.of());
    JsonObject o = ResultJson.stats(backend.stats());
    o.add("semantic", ResultJson.semantic(backend.semanticStatus()));
    o.addProperty("backend", backend.kind());
    json(ctx, o);
  }

  void health(Context ctx) throws Exception {
    Params.of(ctx, Set.of());
    JsonObject o = new JsonObject();
    long documents;
    try {
      documents = backend.documentCount();
    } catch (BackendUnavailableException e) {
      // A search server out of reach: the server itself is up and says what is wrong, with 503 so a load balancer
      // takes it out of rotation until the cluster answers again (each request asks anew).
      o.addProperty("status", "unavailable");
      o.addProperty("backend", backend.kind());
      o.addProperty("detail", e.getMessage());
      ctx.status(503);
      json(ctx, o);
      return;
    }
    o.addProperty("status", "ok");
    o.addProperty("documents", documents);
    BuildInfo build = BuildInfo.current();
    o.addProperty("version", build.version());
    o.addProperty("commit", build.commit());
    o.addProperty("lucene", build.lucene());
    // Semantic search failing (the model, the vector index) is reported, never a failed health check: searches are lexical then.
    o.add("semantic", ResultJson.semantic(backend.semanticStatus()));
    o.addProperty("backend", backend.kind());
    json(ctx, o);
  }

  void reindex(Context ctx) throws Exception {
    Params p = Params.of(ctx, Set.of("rebuild"));
    String auth = ctx.header("Authorization");
    String given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : "";
    // Constant-time comparison: the time taken says nothing about how much of the token was right.
    if (adminToken.length == 0 || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), adminToken)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new Problem.Exception(Problem.of(401, "Unauthorized",
          "admin endpoints need the header 'Authorization: Bearer <token>' with the token from the server's configuration",
          "管理接口需要请求头 'Authorization: Bearer <令牌>'，令牌见服务器配置"));
    }
    if (!reindexing.tryLock()) {
      throw new Problem.Exception(Problem.of(409, "Conflict", "a reindex is already running; try again when it has finished",
          "重新索引正在进行，请等它结束后再试"));
    }
    try {
      json(ctx, ResultJson.indexRun(backend.reindex(p.bool("rebuild", false))));
    } finally {
      reindexing.unlock();
    }
  }

  /** The OpenAPI document, as written (src/main/resources/org/policysearch/web/openapi.json). */
  void openApi(Context ctx) {
    ctx.contentType("application/json; charset=utf-8").result(openApi);
  }
}
