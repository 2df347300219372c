package org.policysearch.search.api;

/**
 * How far semantic search is, for {@code stats}, {@code /api/stats} and {@code /api/health}.
 *
 * @param state       off, waiting, loading, building, ready or failed
 * @param embedded    paragraphs with vectors
 * @param total       paragraphs to embed in all (embedded ones included); 0 while unknown
 * @param model       the embedding model, or "" when semantic search is off
 * @param searchable  whether searches that ask for meaning get it now (else they answer lexically)
 * @param detail      why it failed, or what it waits for; "" otherwise
 * @param description the same in a line for the terminal ("ready: 2014 paragraphs embedded with …")
 */
public record SemanticStatus(String state, long embedded, long total, String model, boolean searchable, String detail,
                             String description) {}
