package org.policysearch.doc;

import java.util.Locale;
import java.util.Objects;

/**
 * One dated event a document states about itself: when it was delivered, adopted, approved, published,
 * took effect, was amended or repealed, with the words that say so.
 *
 * @param kind     what happened on that date
 * @param date     the date to the precision written
 * @param evidence the line or sentence that states it (clipped)
 */
public record DatedEvent(Kind kind, DateInfo date, String evidence) {
  /** The kinds of dated events, in the order a reader meets them in a document's life. */
  public enum Kind {
    /** A report or speech delivered at a meeting (the meeting date, or the year of its title). */
    DELIVERED,
    /** Adopted (通过) by a congress, its standing committee or a government meeting. */
    ADOPTED,
    /** Approved (批准) by a higher congress (a city's regulation by its province). */
    APPROVED,
    /** Published (公布, 发布, 颁布, 印发), signed, or posted (发布日期). */
    PUBLISHED,
    /** Takes effect (施行, 生效). */
    EFFECTIVE,
    /** Amended or revised (修正, 修订, 修改). */
    AMENDED,
    /** Repealed (废止). */
    REPEALED;

    /** The lower-case name used in JSON: "delivered", "adopted", …. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DatedEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
    evidence = Objects.requireNonNullElse(evidence, "");
  }
}
