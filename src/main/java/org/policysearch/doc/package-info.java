/**
 * The document vocabulary every layer shares: {@link org.policysearch.doc.PolicyDocument} (one cleaned
 * document, numbered {@link org.policysearch.doc.Paragraph}s, its {@link org.policysearch.doc.DateInfo},
 * {@link org.policysearch.doc.RegionInfo}, {@link org.policysearch.doc.Flags},
 * {@link org.policysearch.doc.Official}s and the {@link org.policysearch.doc.Evidence} behind each field)
 * and {@link org.policysearch.doc.DocumentJson}, its JSON form shared by {@code inspect --json} and the
 * HTTP API.
 *
 * <p>Plain immutable records and their JSON mapping, nothing else: ingest produces them, index stores
 * them, search reads them back, web and cli print them. This package imports only the JDK and Gson;
 * it must not import any other {@code org.policysearch} package, so that depending on the vocabulary
 * never means depending on a pipeline.
 */
package org.policysearch.doc;
