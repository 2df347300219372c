package org.policysearch.doc;

import java.util.List;
import java.util.Optional;

/**
 * When a document is in force, as far as the corpus knows: the rule behind the {@code effective_on}
 * filter, written once for the index and for anyone who explains it.
 *
 * <p>A document is in force on a day when it took effect on or before that day and was not repealed on or
 * before it. It takes effect on the earliest {@code effective} date it states (本条例自…起施行); a document
 * that states none (自公布之日起施行, a notice, a report) counts from its publication, else its adoption, else
 * its approval, else the date it is dated by, because that is when it began to apply or was said. A
 * document with no date at all is never in force by this rule: the corpus does not know. It is repealed on
 * the earliest {@code repealed} date it states about itself; a repeal stated by another document needs the
 * index to resolve the reference, so the search adds it (search.RepealedElsewhere, from the day the
 * repealing document comes into force by this same rule). A date known to the month or the year counts
 * from its first day.
 */
public final class InForce {
  private InForce() {}

  /** The first day the document is in force, or empty when the corpus does not know. */
  public static Optional<DateInfo> from(PolicyDocument d) {
    for (DatedEvent.Kind kind : List.of(DatedEvent.Kind.EFFECTIVE, DatedEvent.Kind.PUBLISHED, DatedEvent.Kind.ADOPTED,
        DatedEvent.Kind.APPROVED)) {
      Optional<DateInfo> first = earliest(d.dates(), kind);
      if (first.isPresent()) return first;
    }
    return d.date().known() ? Optional.of(d.date()) : Optional.empty();
  }

  /** The day the document stops being in force by its own statement, or empty when none is known. */
  public static Optional<DateInfo> repealed(PolicyDocument d) {
    return earliest(d.dates(), DatedEvent.Kind.REPEALED);
  }

  private static Optional<DateInfo> earliest(List<DatedEvent> events, DatedEvent.Kind kind) {
    DateInfo best = null;
    for (DatedEvent e : events) {
      if (e.kind() != kind || !e.date().known()) continue;
      // ISO values of any precision compare as text: "2017" < "2017-07" < "2017-07-01" and a year before the next
      if (best == null || e.date().value().compareTo(best.value()) < 0) best = e.date();
    }
    return Optional.ofNullable(best);
  }
}
