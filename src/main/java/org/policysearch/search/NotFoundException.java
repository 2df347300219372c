package org.policysearch.search;

/** The document (or paragraph) asked for does not exist. */
public class NotFoundException extends Exception {
  public NotFoundException(String message) {
    super(message);
  }
}
