/**
 * The Lucene backend: {@link org.policysearch.search.LuceneBackend} implements
 * {@link org.policysearch.search.api.SearchBackend} over a Lucene index with package-private services for
 * search ({@code SearchService}), similar documents ({@code SimilarService}), phrase statistics
 * ({@code PhraseService}) and export ({@code ExportService}), which share one {@code SearchContext} (the
 * searchers, the query compiler, the block parents, the analyzers, limits and vectors, and the steps every
 * service takes with them); suggestions ({@code Suggester}); facets counted drill-sideways in one pass
 * ({@code FacetHitCollector}); passages and highlight offsets ({@code PassageFinder}, {@code Highlighter});
 * filter values as people type them ({@code FilterResolver}). Nothing here knows HTTP or the terminal.
 *
 * <p>Imports {@code doc}, {@code text}, {@code index} (fields, layout, analyzers, vectors), its own
 * {@code api} and {@code query}; from {@code ingest} only the gazetteer ({@code ingest.meta.Gazetteer}) to
 * resolve the regions users type. Never {@code web} or {@code cli}.
 */
package org.policysearch.search;
