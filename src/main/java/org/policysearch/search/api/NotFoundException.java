package org.policysearch.search.api;

/** The document (or paragraph) asked for does not exist; the message in English and in Chinese. */
public class NotFoundException extends Exception {
  private final String messageZh;

  public NotFoundException(String message, String messageZh) {
    super(message);
    this.messageZh = messageZh;
  }

  /** The same message in Chinese, for the web page. */
  public String messageZh() {
    return messageZh;
  }
}
