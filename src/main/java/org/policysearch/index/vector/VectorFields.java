package org.policysearch.index.vector;

/**
 * Every field name of the vector index ({@code index/vectors/}), declared once, with why it exists.
 *
 * <p>Layout: each text-index document that was embedded is one Lucene block: a document per window of
 * each embedded paragraph ({@link #KIND} = {@link #KIND_VECTOR}), then a marker ({@link #KIND_DONE})
 * saying the document is embedded as of which text. A block is added or replaced atomically, so after a
 * crash a document either has all its vectors and its marker or none of them; the marker is also the
 * parent of the block, which lets {@link VectorSearcher#nearestDocuments} keep one paragraph per document
 * inside the HNSW search (Lucene's diversifying child query) instead of over-fetching paragraphs.
 */
public final class VectorFields {
  private VectorFields() {}

  /** "vec" or "done". */
  public static final String KIND = "kind";
  public static final String KIND_VECTOR = "vec";
  public static final String KIND_DONE = "done";
  /** Text-index document id, on vectors and marker, indexed and stored: one term replaces or deletes a block, and filters. */
  public static final String ID = "id";
  /** Paragraph number of a vector (point for lookups, stored for results). */
  public static final String PARAGRAPH = "para";
  /** The embedding, unit length, dot-product similarity, int8-quantised HNSW ({@link VectorStore#codec}). */
  public static final String VECTOR = "vector";

  // ---- marker only
  /** Id on the marker only: doc-values updates must touch the marker, not the vectors. */
  public static final String MARKER_KEY = "done_id";
  /** Hash of the document's paragraphs (numbers, heading flags, texts) that were embedded. */
  public static final String TEXT_HASH = "text_hash";
  /** Embedded paragraphs of the document (for progress without reading vectors). */
  public static final String PARAGRAPHS = "paragraphs";
  /**
   * The text index's file hash and generation when the marker was last checked (updatable binary doc
   * values): while both are unchanged the document's text is unchanged, so a pass skips reading it.
   */
  public static final String FILE_HASH = "file_hash";
  public static final String GENERATION = "generation";
}
