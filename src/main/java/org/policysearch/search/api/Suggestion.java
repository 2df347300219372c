package org.policysearch.search.api;

/**
 * A completion for what the user is typing.
 *
 * @param text  what to put in the search box (or the filter value for regions, themes and types)
 * @param kind  "title", "region", "theme", "type" or "term"
 * @param label what to show (for regions, the full path)
 * @param count documents behind it
 */
public record Suggestion(String text, String kind, String label, long count) {}
