/**
 * The files a client downloads ({@link org.policysearch.search.download.Downloads}): phrase occurrences
 * as CSV, the export of a search as CSV or JSON Lines, with the CSV quoting in one place
 * ({@link org.policysearch.search.download.Csv}). Written through any
 * {@link org.policysearch.search.api.SearchBackend}, so the HTTP server only sends the bytes.
 *
 * <p>Imports {@code search.api} and {@code search.json} only (tested): it writes what any backend answers.
 * Never {@code web} or {@code cli}, which may import it.
 */
package org.policysearch.search.download;
