package org.policysearch.search.api;

/**
 * A document that cites another, with where and how.
 *
 * @param document  the citing document
 * @param relation  rests_on, implements, repeals, amends or mentions
 * @param paragraph the paragraph of the citing document the reference stands in
 * @param context   the words around the reference in that paragraph
 */
public record CitingDocument(CitedReference.DocumentRef document, String relation, int paragraph, String context) {}
