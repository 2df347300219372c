package org.policysearch.ingest.meta;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of {@code cleaning-rules.tsv}: what to remove from scraped text and where it goes.
 *
 * @param name    unique name (for header-line rules: the header key the value goes under)
 * @param kind    what the rule does with a match
 * @param pattern the compiled regex
 * @param comment why the rule exists, with an example
 */
public record CleaningRule(String name, Kind kind, Pattern pattern, String comment) {

  /** What a rule does; the names are those written in the data file. */
  public enum Kind {
    DROP_LINE("drop-line"),
    DROP_TAIL_LINE("drop-tail-line"),
    DROP_INLINE("drop-inline"),
    TRUNCATION_MARKER("truncation-marker"),
    TRUNCATION_END("truncation-end"),
    HEADER_FIELD("header-field"),
    CREDIT_FIELD("credit-field"),
    HEADER_LINE("header-line");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Kind of(String label) {
      for (Kind k : values()) {
        if (k.label.equals(label)) return k;
      }
      throw new IllegalArgumentException("unknown rule kind '" + label + "'; valid kinds: "
          + Arrays.stream(values()).map(Kind::label).toList());
    }

    /** Kinds whose regex must match a whole line. */
    boolean wholeLine() {
      return this == DROP_LINE || this == DROP_TAIL_LINE || this == TRUNCATION_END || this == HEADER_LINE;
    }
  }

  public CleaningRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
    comment = comment == null ? "" : comment;
    if (kind == Kind.HEADER_LINE && !pattern.namedGroups().containsKey("value")) {
      throw new IllegalArgumentException("header-line rule '" + name + "' needs a (?<value>…) group");
    }
  }

  /** True when the rule names the site the text came from through a (?<source>…) group. */
  boolean namesSource() {
    return pattern.namedGroups().containsKey("source");
  }
}
