/**
 * The search seam: {@link org.policysearch.search.api.SearchBackend}, what the HTTP server and the
 * command line ask of a search backend, and the records a client sends and gets back (requests, results,
 * hits and passages, facets, phrase statistics, similar documents, suggestions, statistics, export rows,
 * the query's interpretation, the limits) with the two request errors
 * ({@link org.policysearch.search.api.InvalidRequestException}, {@link org.policysearch.search.api.NotFoundException}).
 *
 * <p>Plain records over the document vocabulary: imports {@code doc} only, never Lucene or the engine
 * (tested), so a second backend implements exactly this interface and the faces stay as they are.
 */
package org.policysearch.search.api;
