package org.policysearch.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;
import org.policysearch.Config;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.ReindexException;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.json.ResultJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server, built without being started (tests start it on port 0). Routes are declared once, each
 * with its handler, in {@link #ROUTES}; the OpenAPI document is tested against that list. Errors of every kind are rendered
 * here as problem details; a stack trace never reaches a client.
 */
public final class WebApp {
  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

  /** Content-Security-Policy of every response: no inline script, nothing from elsewhere. */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  /**
   * Headers of every response, Jetty's own error answers included: the CSP above, no MIME sniffing, no
   * referrer, no framing.
   */
  static final java.util.Map<String, String> SECURITY_HEADERS = java.util.Map.of(
      "Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  /**
   * An API route: its method and path as Javalin writes them, the path as the OpenAPI document writes it,
   * and the handler that answers it.
   */
  record Route(HandlerType method, String path, String openApiPath, Function<ApiHandlers, Handler> handler) {
    Route(HandlerType method, String path, Function<ApiHandlers, Handler> handler) {
      this(method, path, path, handler);
    }
  }

  /** Every API route, declared once: registered from this list, and tested against {@code openapi.json}. */
  static final List<Route> ROUTES = List.of(
      new Route(HandlerType.GET, "/api/search", h -> h::search),
      // before the document route: ids may hold '/', and <id> would take "…/cited-by" as part of one
      new Route(HandlerType.GET, "/api/documents/<id>/cited-by", "/api/documents/{id}/cited-by", h -> h::citedBy),
      new Route(HandlerType.GET, "/api/documents/<id>", "/api/documents/{id}", h -> h::document),
      new Route(HandlerType.GET, "/api/similar", h -> h::similarGet),
      new Route(HandlerType.POST, "/api/similar", h -> h::similarPost),
      new Route(HandlerType.GET, "/api/phrase", h -> h::phrase),
      new Route(HandlerType.GET, "/api/export", h -> h::export),
      new Route(HandlerType.GET, "/api/suggest", h -> h::suggest),
      new Route(HandlerType.GET, "/api/facets", h -> h::facets),
      new Route(HandlerType.GET, "/api/stats", h -> h::stats),
      new Route(HandlerType.GET, "/api/health", h -> h::health),
      new Route(HandlerType.POST, "/api/admin/reindex", h -> h::reindex),
      new Route(HandlerType.GET, "/openapi.json", h -> h::openApi));

  private WebApp() {}

  public static Javalin create(SearchBackend backend, Config cfg) {
    ApiHandlers h = new ApiHandlers(backend, cfg.adminToken(), openApi());
    return Javalin.create(config -> {
      config.jetty.host = cfg.host();
      config.jetty.port = cfg.port();
      config.http.maxRequestSize = cfg.maxBodyBytes();
      config.http.prefer405over404 = true;
      config.http.compressionStrategy = CompressionStrategy.GZIP;
      config.http.defaultContentType = "application/json; charset=utf-8";
      config.startup.showJavalinBanner = false;
      config.router.ignoreTrailingSlashes = true;
      config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
      // Jetty answers 414 above this many bytes of request line and headers (an 8 KiB default).
      config.jetty.modifyHttpConfiguration(http -> {
        http.setRequestHeaderSize(16 * 1024);
        // No per-connection header cache: Jetty's matches values ignoring case and rebuilds a value from a
        // cached prefix, so "Bearer ABC…" could reach the token check as a lower-case token sent earlier.
        // Handlers must see exactly the bytes the client sent.
        http.setHeaderCacheSize(0);
        http.setHeaderCacheCaseSensitive(true);
      });
      if (Files.isDirectory(cfg.web())) {
        config.staticFiles.add(sf -> {
          sf.hostedPath = "/";
          sf.directory = cfg.web().toAbsolutePath().toString();
          sf.location = Location.EXTERNAL;
        });
      }
      config.routes.before(ctx -> {
        SECURITY_HEADERS.forEach(ctx::header);
        RequestBodies.refuseOversize(ctx, cfg.maxBodyBytes());
        cors(ctx, cfg.corsOrigins());
        if (cfg.logQueries()) LOG.info("{} {}?{}", ctx.method(), ctx.path(), ctx.queryString());
      });
      for (Route r : ROUTES) {
        Handler handler = r.handler().apply(h);
        if (r.method() == HandlerType.GET) config.routes.get(r.path(), handler);
        else config.routes.post(r.path(), handler);
      }
      if (!cfg.corsOrigins().isEmpty()) {
        config.routes.options("/api/*", ctx -> ctx.status(204));
      }
      config.routes.get("/api/docs", ctx -> ctx.redirect("/api.html"));
      config.routes.after(ctx -> RequestBodies.drainUnread(ctx, cfg.maxBodyBytes()));

      config.routes.exception(Problem.Exception.class, (e, ctx) -> problem(ctx, e.problem()));
      config.routes.exception(InvalidRequestException.class,
          (e, ctx) -> problem(ctx, Problem.badRequest(e.parameter(), e.getMessage(), e.messageZh(), e.validValues())));
      config.routes.exception(NotFoundException.class,
          (e, ctx) -> problem(ctx, Problem.of(404, "Not found", e.getMessage(), e.messageZh())));
      config.routes.exception(ReindexException.class, (e, ctx) -> problem(ctx, reindexProblem(e)));
      config.routes.exception(BackendUnavailableException.class,
          (e, ctx) -> problem(ctx, Problem.of(503, "Search backend unavailable", e.getMessage(), e.messageZh())));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, fromStatus(e.getStatus(), e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        // Logged with the class and path only: no query text (journalists' searches are confidential).
        LOG.error("internal error on {} {}: {}", ctx.method(), ctx.path(), e.toString());
        problem(ctx, Problem.of(500, "Internal error", "the server could not answer this request; it has been logged",
            "服务器无法回答这个请求，已记录在日志中"));
      });
      for (int status : new int[] {404, 405, 413, 414, 400}) {
        config.routes.error(status, "*", ctx -> {
          String type = ctx.res().getContentType();
          if (type == null || !type.startsWith("application/problem+json")) {
            problem(ctx, fromStatus(status, null));
          }
        });
      }
    });
  }

  static Problem fromStatus(int status, String message) {
    return switch (status) {
      case 404 -> Problem.of(404, "Not found", "no such page or endpoint; the API is described at /openapi.json",
          "没有这个页面或接口；接口说明见 /openapi.json");
      case 405 -> Problem.of(405, "Method not allowed", "this endpoint does not accept that method; see /openapi.json",
          "这个接口不接受这种请求方法；见 /openapi.json");
      case 413 -> Problem.of(413, "Request too large", "the request body is too large", "请求内容太大");
      case 414 -> Problem.of(414, "URI too long", "the request URI is too long; send long text with POST", "请求地址太长；长文本请用 POST 发送");
      case 431 -> Problem.of(431, "Request headers too large", "the request headers are too large", "请求头太大");
      case 500 -> Problem.of(500, "Internal error", "the server could not answer this request", "服务器无法回答这个请求");
      // Jetty's and Javalin's own messages are English only: the Chinese says what a person can do.
      default -> Problem.of(status, "Bad request", message == null || message.isBlank() ? "the request could not be read" : message,
          "请求无法读取，请检查地址和参数");
    };
  }

  /** 409 while another run holds the index (try again later), 503 when this server cannot or could not reindex. */
  static Problem reindexProblem(ReindexException e) {
    return switch (e.reason()) {
      case BUSY, LOCKED -> Problem.of(409, "Conflict", e.getMessage(), e.messageZh());
      case UNSUPPORTED -> Problem.of(503, "Unavailable", e.getMessage(), e.messageZh());
      case NOT_WRITABLE -> Problem.of(503, "Index not writable", e.getMessage(), e.messageZh());
      case FAILED -> Problem.of(503, "Reindex failed", e.getMessage(), e.messageZh());
    };
  }

  static void problem(Context ctx, Problem p) {
    ctx.status(p.status());
    ctx.contentType("application/problem+json; charset=utf-8");
    ctx.result(ResultJson.toJson(p.json(ctx.path())));
  }

  private static void cors(Context ctx, List<String> origins) {
    if (origins.isEmpty()) return;
    String origin = ctx.header("Origin");
    if (origin != null && (origins.contains("*") || origins.contains(origin))) {
      ctx.header("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
      ctx.header("Vary", "Origin");
      ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
    }
  }

  static byte[] openApi() {
    try (InputStream in = WebApp.class.getResourceAsStream("/org/policysearch/web/openapi.json")) {
      if (in == null) throw new IllegalStateException("missing openapi.json");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
