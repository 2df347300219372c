package org.policysearch.search.query;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * A query ready to run.
 *
 * @param documentQuery  on parents: what documents match, scored (null: no text query, list all)
 * @param paragraphQuery on paragraphs: scores the paragraphs of a matching document to pick passages
 *                       (null when the query has no positive body terms)
 * @param highlights     what to mark in passages
 * @param interpretation how the query was understood
 */
public record CompiledQuery(Query documentQuery, Query paragraphQuery, List<HighlightTerm> highlights,
                            Interpretation interpretation) {}
