package org.policysearch.search.api;

import java.io.IOException;

/**
 * The search server behind a backend cannot be reached or cannot answer now (connection refused, no node
 * available, cluster red, timeouts). The message says what is wrong in words a user may read: no host, no
 * address, no stack trace (those go to the server's log). The faces answer 503; the next request tries
 * again, so service comes back by itself when the cluster does.
 */
public final class BackendUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String messageZh;

  public BackendUnavailableException(String message, String messageZh, Throwable cause) {
    super(message, cause);
    this.messageZh = messageZh;
  }

  public String messageZh() {
    return messageZh;
  }
}
