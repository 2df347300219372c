/**
 * Files of the corpus folder in, cleaned {@link org.policysearch.doc.PolicyDocument}s out; no
 * Lucene here.
 *
 * <p>The pipeline: {@link org.policysearch.ingest.Ingester#list} walks the folder into
 * {@link org.policysearch.ingest.SourceFile}s (size limits and hashes, no parsing);
 * {@link org.policysearch.ingest.Ingester#read} turns one file into
 * {@link org.policysearch.ingest.RawDocument}s with the format readers of
 * {@code org.policysearch.ingest.source}, applies its sidecar, and hands each to a
 * {@link org.policysearch.ingest.DocumentBuilder} (cleaning, metadata, paragraphs, themes);
 * {@link org.policysearch.ingest.Ingester#ingestAll} does both for the whole folder and runs the
 * corpus-wide {@link org.policysearch.ingest.DuplicateMarker}. Whatever cannot be used becomes a
 * {@link org.policysearch.ingest.Skip} with a reason from {@link org.policysearch.ingest.SkipReasons}
 * and a detail a user can act on; nothing is dropped silently, nothing bad in the input throws.
 *
 * <p>The document model it produces lives in {@code org.policysearch.doc}; this package keeps only the
 * pipeline. It may import {@code doc} and {@code text} (normalisation), never {@code index},
 * {@code search}, {@code web} or {@code cli}.
 */
package org.policysearch.ingest;
