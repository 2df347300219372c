package org.policysearch.search;

/**
 * A request the engine cannot answer as asked: a malformed query or a bad parameter. The message says
 * what to fix; {@link #parameter()} names the offending parameter ("q", "size", "region", ...).
 */
public class InvalidRequestException extends Exception {
  private final String parameter;
  private final int position;

  public InvalidRequestException(String parameter, String message) {
    this(parameter, message, -1);
  }

  public InvalidRequestException(String parameter, String message, int position) {
    super(message);
    this.parameter = parameter;
    this.position = position;
  }

  public String parameter() {
    return parameter;
  }

  /** Character position in the query for query errors, else -1. */
  public int position() {
    return position;
  }
}
