package org.policysearch.index.vector;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where the vector builder writes: the vector index beside the embedded text index ({@link VectorStore}) or
 * a cluster's vectors index. A document's vectors and its marker land together or not at all; a
 * {@link #commit} makes what was put durable and visible to searches.
 */
public interface VectorSink extends Closeable {
  /**
   * Another builder holds the right to write these vectors (a server of the same cluster): this one waits, and reads
   * the vectors as the other commits them. Thrown by {@code openVectors}, or by a write when the right was lost.
   */
  final class HeldElsewhere extends IOException {
    public HeldElsewhere(String message) {
      super(message);
    }
  }

  /** Keys of what a vector index records with each commit (commit data, or a cluster index's {@code _meta}). */
  String KEY_MODEL = "model";
  String KEY_DIMENSION = "dimension";
  String KEY_FORMAT = "format";
  /** "true" when, at this commit, every document of the text index had its vectors. */
  String KEY_COMPLETE = "complete";
  /**
   * "true" once a build with this model was complete in this index. It stays true while later catch-ups
   * (a few changed documents) run, so searches keep their vectors then; only a new, empty index is not
   * searchable until its first build completes.
   */
  String KEY_SEARCHABLE = "searchable";
  String KEY_PARAGRAPHS = "paragraphs";
  String KEY_DOCUMENTS = "documents";
  String KEY_COMMITTED = "committed_at";

  /** What a commit records (the embedded index's commit data, a cluster index's {@code _meta}), under the keys above. */
  static Map<String, String> state(String format, String modelId, int dimension, boolean complete, boolean searchable,
                                   long paragraphs, long documents) {
    Map<String, String> data = new java.util.LinkedHashMap<>();
    data.put(KEY_FORMAT, format);
    data.put(KEY_MODEL, modelId);
    data.put(KEY_DIMENSION, Integer.toString(dimension));
    data.put(KEY_COMPLETE, Boolean.toString(complete));
    data.put(KEY_SEARCHABLE, Boolean.toString(searchable));
    data.put(KEY_PARAGRAPHS, Long.toString(paragraphs));
    data.put(KEY_DOCUMENTS, Long.toString(documents));
    data.put(KEY_COMMITTED, java.time.Instant.now().toString());
    return data;
  }

  /**
   * Why vectors recorded with {@code data} ({@link #KEY_FORMAT}, {@link #KEY_MODEL}, {@link #KEY_DIMENSION}) cannot
   * answer the queries of this model in layout {@code format}, or null when they can.
   */
  static String incompatibility(Map<String, String> data, String format, String modelId, int dimension) {
    if (!format.equals(data.get(KEY_FORMAT))) {
      return "the vector index has format " + data.get(KEY_FORMAT) + ", this program writes format " + format;
    }
    if (!modelId.equals(data.get(KEY_MODEL)) || !Integer.toString(dimension).equals(data.get(KEY_DIMENSION))) {
      return "the vectors were made by " + data.get(KEY_MODEL) + " (" + data.get(KEY_DIMENSION) + " dimensions), this program embeds with "
          + modelId + " (" + dimension + ")";
    }
    return null;
  }

  /**
   * What a sink's {@link #put} checks before writing anything: a vector per window, each of the index's dimension.
   *
   * @return the vectors at unit length (copies), as both sinks store them (dot product = cosine)
   */
  static List<float[]> unitVectors(Marker m, List<Windows.Window> windows, List<float[]> vectors, int dimension) {
    if (windows.size() != vectors.size()) {
      throw new IllegalArgumentException(windows.size() + " windows but " + vectors.size() + " vectors for " + m.id());
    }
    List<float[]> out = new java.util.ArrayList<>(vectors.size());
    for (float[] v : vectors) {
      if (v.length != dimension) throw new IllegalArgumentException("the model gave " + v.length + " dimensions, the index holds " + dimension);
      out.add(org.apache.lucene.util.VectorUtil.l2normalize(v.clone(), false));
    }
    return out;
  }

  /** What a marker says about one embedded document. */
  record Marker(String id, long textHash, int paragraphs, String fileHash, String generation) {}

  /** Why the vectors were started afresh when opened ("no vector index yet", another model), or null. */
  String rebuildReason();

  /** Whether the last commit is searchable: a complete build with this model happened in this index. */
  boolean searchable();

  /** The markers of every embedded document, by id. */
  Map<String, Marker> markers() throws IOException;

  /**
   * Adds or replaces the vectors of one document with its marker, at once.
   *
   * @param vectors one per window, same order; normalised to unit length by the sink (dot product = cosine)
   */
  void put(Marker marker, List<Windows.Window> windows, List<float[]> vectors) throws IOException;

  /** Records that a document's text is unchanged under a new file hash or text generation (no re-embedding). */
  void touch(String id, String fileHash, String generation) throws IOException;

  /** Removes a document's vectors and marker. */
  void delete(String id) throws IOException;

  /**
   * Makes the changes durable and visible.
   *
   * @param complete   every document of the text index is embedded
   * @param paragraphs paragraphs with vectors, for status without reading the vectors
   * @param documents  documents with a marker
   */
  void commit(boolean complete, long paragraphs, long documents) throws IOException;
}
