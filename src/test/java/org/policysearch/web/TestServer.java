package org.policysearch.web;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.policysearch.Config;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;

/** A server over an index folder on a random loopback port, and the ways the reliability tests talk to it. */
public final class TestServer implements AutoCloseable {
  public static final String TOKEN = "test-admin-token-0123456789";

  public final LuceneBackend engine;
  public final Javalin app;
  public final String base;
  public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public TestServer(Path index, Path web, SearchLimits limits, StubReindex.Action admin) throws IOException {
    engine = LuceneBackend.open(index, TestIndex.ANALYZERS, Synonyms.load(null), limits);
    app = WebApp.create(new StubReindex(engine, admin), config(index.getParent(), index, web, limits)).start();
    base = "http://127.0.0.1:" + app.port();
  }

  /** The defaults with the given folders, a fixed admin token and port 0. */
  public static Config config(Path home, Path index, Path web, SearchLimits limits) {
    Config d = Config.defaults(home);
    return new Config(home, home.resolve("corpus"), index, web, d.host(), 0, TOKEN, List.of(), false, false, null, false,
        limits, Config.DEFAULT_MAX_BODY_BYTES, false, 1);
  }

  public int port() {
    return app.port();
  }

  public HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, null);
  }

  /**
   * Sends the request line and headers exactly as given (no client-side normalisation or encoding): for
   * dot segments, raw bytes and malformed escapes that an HTTP client library would refuse or rewrite.
   */
  public RawResponse raw(byte[] requestTarget, String method) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port())) {
      s.setSoTimeout(30_000);
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      req.write((method + " ").getBytes(StandardCharsets.US_ASCII));
      req.write(requestTarget);
      req.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      out.write(req.toByteArray());
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return RawResponse.parse(all.toByteArray());
    }
  }

  public RawResponse raw(String requestTarget) throws IOException {
    return raw(requestTarget.getBytes(StandardCharsets.ISO_8859_1), "GET");
  }

  /** Status, headers (lower-cased names) and body of a raw exchange; chunked bodies are de-chunked. */
  public record RawResponse(int status, String head, String body) {
    static RawResponse parse(byte[] bytes) {
      String all = new String(bytes, StandardCharsets.ISO_8859_1);
      int end = all.indexOf("\r\n\r\n");
      String head = end < 0 ? all : all.substring(0, end);
      byte[] bodyBytes = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) bodyBytes = dechunk(bodyBytes);
      String[] statusLine = head.split("\r\n", 2)[0].split(" ");
      int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
      return new RawResponse(status, head, new String(bodyBytes, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] b) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int i = 0;
      while (i < b.length) {
        int eol = i;
        while (eol + 1 < b.length && !(b[eol] == '\r' && b[eol + 1] == '\n')) eol++;
        String sizeLine = new String(b, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].strip();
        if (sizeLine.isEmpty()) break;
        int n = Integer.parseInt(sizeLine, 16);
        if (n == 0) break;
        out.write(b, eol + 2, n);
        i = eol + 2 + n + 2;
      }
      return out.toByteArray();
    }

    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int c = line.indexOf(':');
        if (c > 0 && line.substring(0, c).strip().equalsIgnoreCase(name)) return line.substring(c + 1).strip();
      }
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    app.stop();
    engine.close();
  }
}
