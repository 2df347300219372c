package org.policysearch.search.query;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.policysearch.search.api.Interpretation;

/**
 * A query ready to run.
 *
 * @param documentQuery  on parents: what documents match, scored (null: no text query, list all)
 * @param paragraphQuery on paragraphs: scores the paragraphs of a matching document to pick passages
 *                       (null when the query has no positive body terms)
 * @param highlights     what to mark in passages
 * @param interpretation how the query was understood
 * @param relaxed        the query with one of its unquoted words let go (documents that hold all but one),
 *                       when it requires two or more
 */
public record CompiledQuery(Query documentQuery, Query paragraphQuery, List<HighlightTerm> highlights,
                            Interpretation interpretation, Optional<Relaxed> relaxed) {}
