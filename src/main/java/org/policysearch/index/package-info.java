/**
 * Documents in, a Lucene index out: every field name once ({@link org.policysearch.index.Fields}), the one
 * mapper from our {@link org.policysearch.doc.PolicyDocument} to a Lucene block
 * ({@link org.policysearch.index.DocumentMapper}), the index folder with its generations and lock
 * ({@link org.policysearch.index.IndexLayout}), the writing side ({@link org.policysearch.index.IndexStore})
 * and the incremental indexing run over a corpus folder ({@link org.policysearch.index.CorpusIndexer}, which
 * runs the ingest pipeline on new and changed files and reports what it skipped).
 *
 * <p>Imports {@code doc}, {@code text}, its sub-packages {@code analysis} and {@code vector}, and
 * {@code ingest} only where it really runs the pipeline or its corpus-wide rules (CorpusIndexer,
 * IndexSummary's skips, the repost fingerprints in IndexStore and DocumentMapper). Never {@code search},
 * {@code web} or {@code cli}.
 */
package org.policysearch.index;
