package org.policysearch.search.api;

import java.util.List;
import org.policysearch.doc.PolicyDocument;

/**
 * One document of a result list.
 *
 * @param document   the document's metadata (its paragraphs are not included: see {@link #passages})
 * @param score      relevance score (0 when sorted by date without a query)
 * @param paragraphs number of paragraphs of the document
 * @param passages   its best paragraphs for the query, best first
 */
public record Hit(PolicyDocument document, float score, int paragraphs, List<Passage> passages) {}
