package org.policysearch.ingest;

/** A source could not be read; carries the {@link Skip#reason()} class and a user-facing detail. */
public class IngestException extends Exception {
  private final String reason;

  public IngestException(String reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public IngestException(String reason, String detail, Throwable cause) {
    super(detail, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
