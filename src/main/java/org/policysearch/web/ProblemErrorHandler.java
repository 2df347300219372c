package org.policysearch.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.policysearch.search.json.ResultJson;

/**
 * Errors that Jetty answers before a request reaches Javalin (a URI or headers too long, a malformed
 * request line) as problem details too, instead of Jetty's HTML page with its version and stack, and with
 * the same security headers as every other answer.
 */
final class ProblemErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                  Callback callback) {
    Problem p = WebApp.fromStatus(code, null);
    byte[] body = ResultJson.toJson(p.json(null)).getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json; charset=utf-8");
    WebApp.SECURITY_HEADERS.forEach(response.getHeaders()::put);
    closeConnection(response.getHeaders());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json; charset=utf-8");
    WebApp.SECURITY_HEADERS.forEach(fields::put);
    closeConnection(fields);
    return ByteBuffer.wrap(ResultJson.toJson(WebApp.fromStatus(status, null).json(null)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Says that the connection ends here. Jetty closes it after a request it could not parse (a URI or
   * headers too long, a malformed line) but did not say so, and a client that reused the connection for
   * its next request got no answer at all.
   */
  private static void closeConnection(org.eclipse.jetty.http.HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONNECTION, "close");
  }
}
