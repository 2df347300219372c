package org.policysearch.search.api;

import java.util.List;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.Interpretation;

/**
 * A whole document for reading.
 *
 * @param document       metadata and paragraphs
 * @param paragraphs     every paragraph, with the query's matches marked (none without a query)
 * @param matches        number of marked ranges
 * @param interpretation how the query was understood, or null without a query
 */
public record DocumentView(PolicyDocument document, List<Passage> paragraphs, int matches, Interpretation interpretation) {}
