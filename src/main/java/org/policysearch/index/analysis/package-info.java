/**
 * Analysis chains, one factory for index and query time ({@link org.policysearch.index.analysis.Analyzers}):
 * the exact-match units and pairs behind quoted phrases ({@link org.policysearch.index.analysis.ExactTokenizer},
 * {@link org.policysearch.index.analysis.ExactStream}), the smartcn words ({@code smartcn}), and the
 * normalising char filter in front of both, with offsets mapped back to the text as written.
 *
 * <p>Imports {@code text}, the field names of {@code index} and its own {@code smartcn}; never
 * {@code ingest}, {@code search}, {@code web} or {@code cli}.
 */
package org.policysearch.index.analysis;
