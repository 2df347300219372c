package org.policysearch.search.opensearch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.policysearch.search.api.BackendUnavailableException;

/**
 * The connection to the cluster through the official Java client (its transport: nodes, authentication,
 * TLS, connection pool), with request bodies written as JSON by the backend. Every failure to reach the
 * cluster, and every answer that says it cannot serve now (429, 502–504), becomes a
 * {@link BackendUnavailableException} whose message names no host: the faces show it to users. The cause,
 * with the address, stays attached for the log.
 */
final class Cluster implements AutoCloseable {
  /** An answer of the cluster: its status and its JSON (an empty object when it sent none). */
  record Answer(int status, JsonObject json) {}

  private final OpenSearchTransport transport;
  private final OpenSearchGenericClient client;
  /** Attempts of a read when the connection fails: one per node given, so a read can reach every node once. */
  private final int readAttempts;

  Cluster(List<URI> hosts, String user, String password, Path caCertificate) throws IOException {
    HttpHost[] hs = hosts.stream().map(h -> new HttpHost(h.getScheme(), h.getHost(), h.getPort() < 0
        ? ("https".equals(h.getScheme()) ? 443 : 80) : h.getPort())).toArray(HttpHost[]::new);
    SSLContext ssl = caCertificate == null ? null : sslTrusting(caCertificate);
    ApacheHttpClient5TransportBuilder b = ApacheHttpClient5TransportBuilder.builder(hs);
    b.setHttpClientConfigCallback(cb -> {
      if (!user.isEmpty()) {
        BasicCredentialsProvider creds = new BasicCredentialsProvider();
        for (HttpHost h : hs) creds.setCredentials(new AuthScope(h), new UsernamePasswordCredentials(user, password.toCharArray()));
        cb.setDefaultCredentialsProvider(creds);
      }
      if (ssl != null) {
        cb.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).buildAsync()).build());
      }
      return cb;
    });
    this.transport = b.build();
    this.client = new OpenSearchGenericClient(transport);
    this.readAttempts = Math.max(1, hs.length);
  }

  /** Trusts the JVM's authorities and the one in {@code pem} (a private CA, as self-managed clusters use). */
  private static SSLContext sslTrusting(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("ca" + i++, c);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("opensearch.tls.ca: cannot read the certificate in " + pem + ": " + e.getMessage(), e);
    }
  }

  Answer get(String endpoint) throws IOException {
    return call("GET", endpoint, Map.of(), null, null);
  }

  Answer json(String method, String endpoint, JsonElement body) throws IOException {
    return call(method, endpoint, Map.of(), body == null ? null : body.toString(), "application/json");
  }

  Answer json(String method, String endpoint, Map<String, String> params, JsonElement body) throws IOException {
    return call(method, endpoint, params, body == null ? null : body.toString(), "application/json");
  }

  Answer ndjson(String endpoint, Map<String, String> params, String lines) throws IOException {
    return call("POST", endpoint, params, lines, "application/x-ndjson");
  }

  /**
   * Sends a request; a read whose connection fails (a node stopping under it: the transport has already
   * marked the node and goes to the next) is sent again, up to once per node, so that a search never fails
   * for the loss of one node of several. Writes are not repeated here: the indexer retries whole bulk
   * requests, and an index creation or alias swap sent twice is not the same request.
   */
  private Answer call(String method, String endpoint, Map<String, String> params, String body, String type) throws IOException {
    boolean read = method.equals("GET") || endpoint.endsWith("_search") || endpoint.endsWith("_msearch") || endpoint.endsWith("_count")
        || endpoint.endsWith("_mget");
    for (int attempt = 1; ; attempt++) {
      try {
        return callOnce(method, endpoint, params, body, type);
      } catch (BackendUnavailableException e) {
        if (!read || attempt >= readAttempts || e.getCause() == null) throw e;
      }
    }
  }

  private Answer callOnce(String method, String endpoint, Map<String, String> params, String body, String type) throws IOException {
    Body b = body == null ? null : Body.from(body.getBytes(StandardCharsets.UTF_8), type);
    int status;
    String text;
    try (Response r = client.execute(Requests.create(method, endpoint, List.of(), params, b))) {
      status = r.getStatus();
      text = r.getBody().map(Body::bodyAsString).orElse("");
    } catch (ResponseException e) {
      // the transport throws, rather than returns, an answer it counts as the node failing (5xx): it was reached
      if (isOverloaded(e.status())) throw overloaded(e.status());
      if (e.status() >= 500) throw failed(e.status(), e);
      throw e;
    } catch (IOException | RuntimeException e) {
      if (e instanceof RuntimeException && !(e.getCause() instanceof IOException) && !isTransport(e)) throw e;
      throw new BackendUnavailableException("the search cluster cannot be reached (" + reason(e)
          + "); searches resume by themselves when it answers again",
          "无法连接检索集群（" + reason(e) + "），集群恢复后检索会自动恢复", e);
    }
    if (isOverloaded(status)) throw overloaded(status);
    if (status >= 500) throw failed(status, new IOException("HTTP " + status + " from the cluster: " + text));
    return new Answer(status, json(status, text));
  }

  /** Statuses that say the cluster cannot serve now but will (pushed back, not ready, a gateway without it). */
  private static boolean isOverloaded(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private static BackendUnavailableException overloaded(int status) {
    return new BackendUnavailableException("the search cluster is overloaded or not ready (HTTP " + status + "); try again shortly",
        "检索集群繁忙或尚未就绪（HTTP " + status + "），请稍后再试", null);
  }

  /**
   * The JSON of an answer that is not a failure (those are {@link #failed}). The cluster answers JSON; anything else
   * came from something between it and us (a login page): a failure of this program, logged, not "cannot be reached".
   */
  private static JsonObject json(int status, String text) throws IOException {
    if (text.isBlank()) return new JsonObject();
    try {
      return JsonParser.parseString(text).getAsJsonObject();
    } catch (RuntimeException e) { // Gson's syntax errors, and a JSON value that is not an object
      throw new IOException("the search cluster answered HTTP " + status + " with something other than a JSON object", e);
    }
  }

  /**
   * The cluster (or what stands before it) was reached and failed to answer (HTTP 5xx): unavailable for now, said with
   * its status and without an address; the answer stays attached for the log.
   */
  private static BackendUnavailableException failed(int status, Throwable cause) {
    return new BackendUnavailableException("the search cluster failed to answer (HTTP " + status + "); try again shortly",
        "检索集群未能回答（HTTP " + status + "），请稍后再试", cause);
  }

  private static boolean isTransport(Throwable e) {
    return e.getClass().getName().startsWith("org.opensearch.client.transport") || e.getClass().getName().startsWith("org.apache.hc");
  }

  /** What went wrong, in words without an address: the kind of failure, never the exception's message. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) return "connection refused";
      if (t instanceof java.net.UnknownHostException) return "unknown host name";
      if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) return "timed out";
      if (t instanceof javax.net.ssl.SSLException) return "TLS handshake failed";
      if (t instanceof org.apache.hc.core5.http.ConnectionClosedException) return "connection closed";
    }
    return "connection failed";
  }

  /**
   * One answer of an {@code _msearch}: the search's JSON, null when its index does not exist (404, as for a search
   * of its own), and otherwise what {@link #callOnce} and {@link #ok} make of the same status: the cluster
   * overloaded or failing is unavailable for now, a refusal of a request we built is an error with its reason.
   */
  static JsonObject item(JsonObject answer, String what) throws IOException {
    if (!answer.has("error")) return answer;
    int status = answer.has("status") ? answer.get("status").getAsInt() : 500;
    if (status == 404) return null;
    if (isOverloaded(status)) throw overloaded(status);
    if (status >= 500) throw failed(status, new IOException("HTTP " + status + " from the cluster: " + answer.get("error")));
    throw new IOException("the search cluster refused to " + what + ": " + answer.get("error"));
  }

  /** Throws unless {@code a} is a 2xx answer: a refusal of a request we built is a bug or a mapping conflict, said with the cluster's reason. */
  static JsonObject ok(Answer a, String what) throws IOException {
    if (a.status() / 100 == 2) return a.json();
    String reason = a.json().has("error") ? a.json().get("error").toString() : "HTTP " + a.status();
    throw new IOException("the search cluster refused to " + what + ": " + reason);
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
