/**
 * The vector side of hybrid retrieval: paragraph embeddings in a Lucene index of their own beside the
 * text index ({@code index/vectors/}), built in the background after the text index, and nearest-neighbour
 * queries over them. No HTTP here; depends on the {@code doc} records and the text index's layout and fields.
 *
 * <p>In: the text index's committed paragraphs ({@link org.policysearch.index.vector.TextSnapshot}).
 * Pieces: an {@link org.policysearch.index.vector.Embedder} (the real
 * {@link org.policysearch.index.vector.BgeEmbedder}, or a fake in tests) turns the
 * {@link org.policysearch.index.vector.Windows} of each paragraph into unit vectors; the
 * {@link org.policysearch.index.vector.VectorBuilder} writes them through the
 * {@link org.policysearch.index.vector.VectorStore} incrementally (resuming after a crash, rebuilding when
 * the model changes, deleting removed documents). Out: {@link org.policysearch.index.vector.VectorSearcher}
 * answers nearest paragraphs and documents, or empty while not ready, and
 * {@link org.policysearch.index.vector.VectorStatus} says how far the build is.
 * {@link org.policysearch.index.vector.SemanticIndex} holds them together for the engine. See docs/semantic.md.
 *
 * <p>Imports {@code doc} and {@code index}; never {@code ingest}, {@code search}, {@code web} or {@code cli}.
 * Its embedding benchmark lives in the bench source set ({@code index.vector.bench}).
 */
package org.policysearch.index.vector;
