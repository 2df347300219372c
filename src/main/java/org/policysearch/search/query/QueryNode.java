package org.policysearch.search.query;

import java.util.List;

/** The parsed form of a query, before any analysis. */
public sealed interface QueryNode {
  /** Where a term is looked for. */
  enum Scope { BODY, TITLE }

  /** Unquoted text between spaces: every word of it must match; ranked by smartcn words. */
  record Words(String text, Scope scope, int position) implements QueryNode {}

  /** A quoted string: matched exactly (after normalisation). */
  record Exact(String text, Scope scope, int position) implements QueryNode {}

  /** All must match (implicit between terms, or explicit AND). */
  record And(List<QueryNode> children) implements QueryNode {}

  /** At least one must match. */
  record Or(List<QueryNode> children) implements QueryNode {}

  /** Must not match ("-term", "NOT term"). */
  record Not(QueryNode child) implements QueryNode {}
}
