package org.policysearch.index.vector;

/** The embedding model could not be loaded or could not embed; the message says why in words. */
public final class EmbedderException extends Exception {
  public EmbedderException(String message, Throwable cause) {
    super(message, cause);
  }

  public EmbedderException(String message) {
    super(message);
  }
}
