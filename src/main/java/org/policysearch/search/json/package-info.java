/**
 * The JSON of every result record, written once ({@link org.policysearch.search.json.ResultJson}) and used
 * by both the HTTP API and the command line's {@code --json}, so the two always print the same bytes.
 *
 * <p>Imports {@code search.api} (the records) and {@code doc} ({@link org.policysearch.doc.DocumentJson} for
 * the document's own fields) only (tested): it writes what any backend answers. Never {@code web} or
 * {@code cli}, which both import it.
 */
package org.policysearch.search.json;
