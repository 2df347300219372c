package org.policysearch.search.api;

/**
 * A reindex that did not run or did not finish. Searches go on with the previous index in every case.
 * The message says what to do, in English and in Chinese, without paths (the server's log has those);
 * {@link #reason()} says which case it is, so a face can answer it in its own terms (HTTP: 409 for
 * {@link Reason#BUSY} and {@link Reason#LOCKED}, 503 otherwise).
 */
public class ReindexException extends Exception {
  /** Why the reindex did not happen. */
  public enum Reason {
    /** This backend has no corpus to index from, or cannot do what was asked (such as a rebuild). */
    UNSUPPORTED,
    /** A run of this server is already going. */
    BUSY,
    /** Another indexer (another process) holds the index. */
    LOCKED,
    /** The index could not be written (a full disk, a read-only folder). */
    NOT_WRITABLE,
    /** The run failed for another reason. */
    FAILED
  }

  private final Reason reason;
  private final String messageZh;

  public ReindexException(Reason reason, String message, String messageZh) {
    super(message);
    this.reason = reason;
    this.messageZh = messageZh;
  }

  public Reason reason() {
    return reason;
  }

  /** The same message in Chinese, for the web page. */
  public String messageZh() {
    return messageZh;
  }

  /** What a backend without a corpus answers. */
  public static ReindexException noCorpus() {
    return new ReindexException(Reason.UNSUPPORTED, "this server has no corpus to reindex", "这个服务没有可重新索引的文件库");
  }
}
