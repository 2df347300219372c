package org.policysearch.search.api;

import java.time.Duration;

/**
 * Bounds on what one request may ask for, so that no request can exhaust the server.
 *
 * @param maxQueryLength  characters of a query
 * @param maxClauses      words and quoted strings in a query
 * @param maxPageSize     hits per page
 * @param maxResultWindow page × size: deeper pages are refused (use filters or export)
 * @param maxPassages     passages per hit
 * @param timeout         time a search may take before it returns what it has, flagged as timed out
 */
public record SearchLimits(int maxQueryLength, int maxClauses, int maxPageSize, int maxResultWindow,
                           int maxPassages, Duration timeout) {
  public static final SearchLimits DEFAULTS = new SearchLimits(1000, 64, 100, 10_000, 10, Duration.ofSeconds(5));
}
