/**
 * The query language: {@link org.policysearch.search.query.QueryParser} turns the user's string into a
 * {@link org.policysearch.search.query.QueryNode} tree (or a
 * {@link org.policysearch.search.query.QuerySyntaxException} saying where and what to fix, in English and
 * Chinese); {@link org.policysearch.search.query.QueryCompiler} turns the tree into Lucene queries with
 * their {@link org.policysearch.search.api.Interpretation} and the terms to highlight, applying
 * {@link org.policysearch.search.query.Synonyms} at query time.
 *
 * <p>Imports {@code text}, the fields and analyzers of {@code index}, and the {@code Interpretation} record of
 * {@code search.api}; never the rest of {@code search}, nor {@code ingest}, {@code web} or {@code cli}.
 */
package org.policysearch.search.query;
