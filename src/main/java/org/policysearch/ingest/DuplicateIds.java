package org.policysearch.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The one rule for an id used twice: the first use keeps it, every later one is skipped with
 * {@link SkipReasons#DUPLICATE_ID} and a detail naming the id and where it was first used. Applied at
 * three depths with the same rule: within a JSONL file (by line), across the corpus when ingesting it
 * whole, and against what the index already holds when indexing incrementally.
 *
 * <p>The owner of an id is whatever says where it was first used: a line number, {@code file:line}, a
 * file. An owner claiming its own id again is not a duplicate (a re-indexed file keeps its ids).
 */
public final class DuplicateIds {
  private final Map<String, String> owners = new HashMap<>();

  /**
   * Gives {@code id} to {@code owner} unless another owner has it.
   *
   * @return null when the id is now (or already was) {@code owner}'s; else the owner that has it
   */
  public String claim(String id, String owner) {
    String first = owners.putIfAbsent(id, owner);
    return first == null || first.equals(owner) ? null : first;
  }

  /** Records that {@code owner} holds {@code id} (what an index already contains), replacing any other. */
  public void hold(String id, String owner) {
    owners.put(id, owner);
  }

  /** Frees every id of {@code owner} (a file deleted or about to be read again). */
  public void release(String owner) {
    owners.values().removeIf(owner::equals);
  }

  /** A line of a JSONL file repeating the id of an earlier line of the same file. */
  public static Skip repeatedOnLine(String file, int line, String id, String firstLine) {
    return skip(file, line, "the id '" + id + "' was already used on line " + firstLine
        + "; this line is skipped (give it another id)");
  }

  /** A document of the corpus repeating the id of an earlier one (in listing order). */
  public static Skip repeatedInCorpus(String file, int line, String id, String firstUse) {
    return skip(file, line, "the id '" + id + "' is already used by " + firstUse
        + "; this document is skipped (give it another id)");
  }

  /** A document repeating the id of one the index holds from another file. */
  public static Skip repeatedInIndex(String file, int line, String id, String owner) {
    return skip(file, line, "the id '" + id + "' is already used by " + owner + "; this document was not indexed");
  }

  private static Skip skip(String file, int line, String detail) {
    return new Skip(file, line, SkipReasons.DUPLICATE_ID, detail);
  }
}
