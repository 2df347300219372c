package org.policysearch.index.vector;

/**
 * How far the vectors are, for {@code stats}, {@code /api/health} and the progress line.
 *
 * @param state     where the vectors are (see {@link State})
 * @param embedded  paragraphs with vectors
 * @param total     paragraphs to embed in all (embedded ones included); 0 while unknown
 * @param model     the embedding model, or "" when semantic search is off
 * @param searchable whether nearest-neighbour queries answer now (a complete build exists for this model;
 *                  stays true while a later catch-up runs); callers fall back to lexical when false
 * @param detail    why it failed, or what it waits for; "" otherwise
 */
public record VectorStatus(State state, long embedded, long total, String model, boolean searchable, String detail) {
  /** The states of semantic search. */
  public enum State {
    /** {@code semantic=false}: no model, no vector folder. */
    OFF,
    /** Vectors are built once the text index is up to date (or never by this process: {@code serve --no-index}). */
    WAITING,
    /** The model is being loaded. */
    LOADING,
    /** Paragraphs are being embedded. */
    BUILDING,
    /** Every paragraph of the text index has its vectors. */
    READY,
    /** The model or the vector index failed; {@code detail} says why; searches are lexical. */
    FAILED;

    /** The lower-case name used in JSON and logs. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static final VectorStatus OFF = new VectorStatus(State.OFF, 0, 0, "", false, "semantic=false in the settings");

  /** For the terminal: "building 1200 / 38000 paragraphs", "failed: reason", "ready (38000 paragraphs)". */
  public String describe() {
    return switch (state) {
      case OFF -> "off";
      case WAITING -> "waiting" + (detail.isEmpty() ? "" : " (" + detail + ")");
      case LOADING -> "loading the model " + model;
      case BUILDING -> "building: " + embedded + " / " + total + " paragraphs embedded" + (searchable ? " (earlier vectors answer meanwhile)" : "");
      case READY -> "ready: " + embedded + " paragraphs embedded with " + model;
      case FAILED -> "failed: " + detail;
    };
  }
}
