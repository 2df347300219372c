package org.policysearch.index.vector;

import java.util.List;

/**
 * Turns text into unit-length vectors of {@link #dimension()} floats, so that a dot product is the cosine.
 * The product uses {@link BgeEmbedder}; tests use a small deterministic fake, so that only the few tests
 * about the model itself pay for loading it.
 *
 * <p>Two kinds of text, because some retrieval models are trained asymmetrically: a short query ("双减 作业")
 * may get an instruction prefix, a passage (a paragraph, or a paragraph used as a query for "similar
 * paragraphs") never does. bge-small-zh-v1.5 does as well without it, so for it the two are the same
 * (docs/semantic.md has the measurement); callers still say which they embed.
 */
public interface Embedder extends AutoCloseable {
  /**
   * Names the model and everything that decides its vectors (weights, pooling, prefix); recorded in the
   * vector index, where another value means the index is stale and is rebuilt.
   */
  String modelId();

  /** Length of every vector. */
  int dimension();

  /**
   * Readies the model (a no-op once done); the builder calls it first so that a model that cannot load
   * is reported once, as the reason of the failed state, instead of failing each embedding.
   *
   * @throws EmbedderException when the model cannot be loaded, with the reason in words
   */
  void load() throws EmbedderException;

  /** A short search query, prefixed if the model wants it (loads the model when needed). */
  float[] embedQuery(String text) throws EmbedderException;

  /**
   * Passages (paragraphs or windows of one, at most {@link Windows#WINDOW_CHARS} characters each),
   * in order, with no prefix. Implementations may embed them in parallel.
   */
  List<float[]> embedPassages(List<String> texts) throws EmbedderException;

  /** One passage. */
  default float[] embedPassage(String text) throws EmbedderException {
    return embedPassages(List.of(text)).get(0);
  }

  /** Frees the model's native memory; embedding afterwards fails. */
  @Override
  void close();
}
