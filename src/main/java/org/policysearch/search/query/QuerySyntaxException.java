package org.policysearch.search.query;

/** A query that cannot be parsed or run; the message says what is wrong, where, and how to fix it. */
public class QuerySyntaxException extends Exception {
  private final int position;

  public QuerySyntaxException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** 0-based character position in the query, or -1 when the problem is not at one place. */
  public int position() {
    return position;
  }
}
