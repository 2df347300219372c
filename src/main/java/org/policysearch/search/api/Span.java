package org.policysearch.search.api;

/** A highlighted range [start, end) in UTF-16 code units of a paragraph's text (JavaScript string indices). */
public record Span(int start, int end) {}
