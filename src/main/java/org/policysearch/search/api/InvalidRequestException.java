package org.policysearch.search.api;

import java.util.List;

/**
 * A request the engine cannot answer as asked: a malformed query or a bad parameter. The message says
 * what to fix, written once in English ({@link #getMessage()}, for scripts and the terminal) and once in
 * Chinese ({@link #messageZh()}, for the page) at the place that throws, so the two never drift apart;
 * {@link #parameter()} names the offending parameter ("q", "size", "region", ...).
 */
public class InvalidRequestException extends Exception {
  private final String parameter;
  private final String messageZh;
  private final int position;
  private final List<String> validValues;

  public InvalidRequestException(String parameter, String message, String messageZh) {
    this(parameter, message, messageZh, -1, List.of());
  }

  public InvalidRequestException(String parameter, String message, String messageZh, int position) {
    this(parameter, message, messageZh, position, List.of());
  }

  public InvalidRequestException(String parameter, String message, String messageZh, List<String> validValues) {
    this(parameter, message, messageZh, -1, validValues);
  }

  private InvalidRequestException(String parameter, String message, String messageZh, int position, List<String> validValues) {
    super(message);
    this.parameter = parameter;
    this.messageZh = messageZh;
    this.position = position;
    this.validValues = List.copyOf(validValues);
  }

  public String parameter() {
    return parameter;
  }

  /** The same message in Chinese, for the web page. */
  public String messageZh() {
    return messageZh;
  }

  /** Character position in the query for query errors, else -1. */
  public int position() {
    return position;
  }

  /** The values that would be accepted (or the closest ones), when they can be listed; else empty. */
  public List<String> validValues() {
    return validValues;
  }
}
