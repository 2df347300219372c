package org.policysearch.search.query;

/**
 * A string to mark in passages.
 *
 * @param normalized the normalised text to find
 * @param exact      true for quoted strings: a letter/digit run must match whole and case must agree;
 *                   false for unquoted words: case-insensitive
 */
public record HighlightTerm(String normalized, boolean exact) {}
