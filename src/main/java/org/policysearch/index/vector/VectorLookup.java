package org.policysearch.index.vector;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The nearest-neighbour side of semantic search as the search layer asks it, wherever the vectors live: the
 * vector index beside the embedded text index ({@link VectorSearcher}) or the vectors index of a cluster
 * (the OpenSearch backend's). Every answer is empty (not an error) while the vectors are not searchable, so
 * callers answer lexically.
 */
public interface VectorLookup extends Closeable {
  /** A paragraph near the query. @param score cosine similarity */
  record ParagraphHit(String documentId, int paragraph, float score) {}

  /** A document near the query, by its best paragraph. @param score that paragraph's cosine similarity */
  record DocumentHit(String documentId, int paragraph, float score) {}

  /** Whether queries answer now: a completed build with this model is there. */
  boolean searchable();

  /** Paragraphs with vectors as last seen (0 when none, or made by another model). */
  long paragraphs();

  /** Picks up the builder's latest commit. Cheap when nothing changed. */
  void refresh() throws IOException;

  /** The {@code k} paragraphs nearest to {@code query} (a unit vector from the same model), best first, a paragraph once. */
  Optional<List<ParagraphHit>> nearestParagraphs(float[] query, int k) throws IOException;

  /** The {@code k} documents with the paragraphs nearest to {@code query}, each by its best paragraph, best first. */
  Optional<List<DocumentHit>> nearestDocuments(float[] query, int k) throws IOException;

  /**
   * The stored vector of one paragraph (the mean of its windows, unit length), for "similar to this
   * paragraph" without embedding it again. Empty when not searchable, or when the paragraph has no vector
   * (a heading, a very short paragraph, a document not embedded yet).
   */
  Optional<float[]> paragraphVector(String documentId, int paragraph) throws IOException;
}
