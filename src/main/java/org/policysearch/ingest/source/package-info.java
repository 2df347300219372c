/**
 * File formats: bytes of one corpus file in, {@link org.policysearch.ingest.RawDocument}s out.
 *
 * <p>{@link org.policysearch.ingest.source.CorpusWalker} lists the corpus folder;
 * {@link org.policysearch.ingest.source.Readers} picks one
 * {@link org.policysearch.ingest.source.SourceReader} per extension (txt/md, html/htm, docx, doc, pdf,
 * jsonl); {@link org.policysearch.ingest.source.Sidecars} reads the {@code .meta.json} files that
 * override metadata. Readers throw {@link org.policysearch.ingest.IngestException} with a
 * {@link org.policysearch.ingest.SkipReasons} class for files they cannot use; they never return null
 * and hold no state between files. No cleaning or metadata extraction from the text happens here
 * (that is the {@link org.policysearch.ingest.DocumentBuilder}'s job), and no Lucene.
 *
 * <p>Imports {@code ingest} (the raw document, the skip reasons, the id rule) and {@code text}; never
 * {@code doc}'s finished documents, {@code index}, {@code search}, {@code web} or {@code cli}.
 */
package org.policysearch.ingest.source;
