package org.policysearch.search.query;

/**
 * A query that cannot be parsed or run; the message says what is wrong, where, and how to fix it, in
 * English ({@link #getMessage()}) and in Chinese ({@link #messageZh()}), both written where it is thrown.
 */
public class QuerySyntaxException extends Exception {
  private final String messageZh;
  private final int position;

  public QuerySyntaxException(String message, String messageZh, int position) {
    super(message);
    this.messageZh = messageZh;
    this.position = position;
  }

  /** The same message in Chinese, for the web page. */
  public String messageZh() {
    return messageZh;
  }

  /** 0-based character position in the query, or -1 when the problem is not at one place. */
  public int position() {
    return position;
  }
}
