/**
 * The document vocabulary every layer shares: {@link org.policysearch.doc.PolicyDocument} (one cleaned
 * document, numbered {@link org.policysearch.doc.Paragraph}s, its {@link org.policysearch.doc.DateInfo},
 * {@link org.policysearch.doc.RegionInfo}, {@link org.policysearch.doc.Flags},
 * {@link org.policysearch.doc.Official}s and the {@link org.policysearch.doc.Evidence} behind each field)
 * and {@link org.policysearch.doc.DocumentJson}, its JSON form shared by {@code inspect --json} and the
 * HTTP API.
 *
 * <p>Besides the records, two rules read from the records alone, kept here so that every layer applies
 * them alike: {@link org.policysearch.doc.Articles} (where a paragraph stands among 章/节/条/款/项, its
 * {@link org.policysearch.doc.ArticlePosition}; ingest locates, search jumps to an article) and
 * {@link org.policysearch.doc.InForce} (when a document is in force, for the {@code effective_on} filter
 * the index serves).
 *
 * <p>Plain immutable records and their JSON mapping, nothing else: ingest produces them, index stores
 * them, search reads them back, web and cli print them. This package imports only the JDK and Gson;
 * it must not import any other {@code org.policysearch} package, so that depending on the vocabulary
 * never means depending on a pipeline.
 */
package org.policysearch.doc;
