package org.policysearch.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Request bodies off the connection, whatever the route does with them. Why: a server that answers and
 * then finds body bytes still coming closes the connection, and the client sees a reset or a closed
 * kept-alive connection on its next request instead of an answer. So a body over the limit is read and
 * thrown away before its 413, and a body no handler wanted is read and thrown away after the answer is
 * made; only bodies beyond {@link #DRAIN_LIMIT} are left to Jetty, which closes those connections.
 */
final class RequestBodies {
  /** Bodies up to this size are read and thrown away rather than left on the connection. */
  static final long DRAIN_LIMIT = 4L << 20;

  private RequestBodies() {}

  /** Before any handler: refuses a body whose declared length is over {@code max}. */
  static void refuseOversize(Context ctx, long max) throws IOException {
    long length = ctx.req().getContentLengthLong();
    if (length <= max) return;
    if (length <= DRAIN_LIMIT) drain(ctx);
    throw new Problem.Exception(Problem.of(413, "Request too large", "the request body is " + length
        + " bytes; the limit is " + max + " bytes", "请求内容有 " + length + " 字节，超过了 " + max + " 字节的上限"));
  }

  /** After the handler: reads what it left of a body within the limit (a 404 or 405 reads nothing). */
  static void drainUnread(Context ctx, long max) throws IOException {
    long length = ctx.req().getContentLengthLong();
    if (length == 0 || length > max) return;
    drain(ctx);
  }

  /** Reads and discards up to {@link #DRAIN_LIMIT} bytes: a chunked body (no declared length) not forever. */
  private static void drain(Context ctx) throws IOException {
    InputStream in = ctx.req().getInputStream();
    byte[] buf = new byte[8192];
    long left = DRAIN_LIMIT;
    int n;
    while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) left -= n;
  }
}
