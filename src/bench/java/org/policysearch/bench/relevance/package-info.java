/**
 * The relevance evaluation behind {@code bin/policy-search eval}: the precedent sets and the judged search
 * set (read with {@link org.policysearch.bench.relevance.JsonLines}) through the code behind
 * {@code /api/similar} and {@code /api/search}, beside BM25 references built in the same run
 * ({@link org.policysearch.bench.relevance.BaselineIndex}, {@link org.policysearch.bench.relevance.CharBigramAnalyzer}),
 * scored with {@link org.policysearch.bench.relevance.Metrics} and written by
 * {@link org.policysearch.bench.relevance.RelevanceReport} to {@code RELEVANCE.md}.
 *
 * <p>Part of the bench source set: it imports the product ({@code search}, {@code index}, {@code ingest},
 * {@code doc}) and {@code bench}; no product code imports it.
 */
package org.policysearch.bench.relevance;
