/**
 * Queries in, records out: the {@link org.policysearch.search.Engine} facade over the index and its searchers, and
 * behind it the services for search ({@link org.policysearch.search.SearchService}), similar documents
 * ({@link org.policysearch.search.SimilarService}), phrase statistics
 * ({@link org.policysearch.search.PhraseService}), suggestions ({@link org.policysearch.search.Suggester})
 * and export ({@link org.policysearch.search.ExportService}); facets counted drill-sideways in one pass
 * ({@link org.policysearch.search.FacetHitCollector}); passages and highlight offsets
 * ({@link org.policysearch.search.PassageFinder}, {@link org.policysearch.search.Highlighter}); and the
 * request and result records a client sees ({@link org.policysearch.search.SearchRequest},
 * {@link org.policysearch.search.SearchResult}, {@link org.policysearch.search.Hit}, ...). Nothing here knows
 * HTTP or the terminal.
 *
 * <p>Imports {@code doc}, {@code text}, {@code index} (fields, layout, analyzers, vectors) and its own
 * {@code query}; from {@code ingest} only the gazetteer ({@code ingest.meta.Gazetteer}) to resolve the
 * regions users type. Never {@code web} or {@code cli}.
 */
package org.policysearch.search;
