package org.policysearch.index.vector;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * The writing side of the vector index, a Lucene index of its own in {@code index/vectors/} (see
 * {@link VectorFields} for its layout). Why its own index rather than fields of the text index: vectors
 * are built long after the text (minutes to hours), by another thread, and must survive a rebuild of the
 * text index; the text index's atomic commits and generations stay exactly as they were.
 *
 * <p>Each commit records the model, dimension and {@link #FORMAT}; an index made with anything else is
 * stale and is emptied when opened (its vectors could not be compared with this model's queries).
 */
final class VectorStore implements VectorSink {
  /** Bump when the layout or what is embedded changes (fields, {@link Windows}). */
  static final String FORMAT = "1";

  /** HNSW graph: Lucene's defaults (16 neighbours, beam 100). */
  static final int MAX_CONN = 16;
  static final int BEAM_WIDTH = 100;

  /**
   * Vectors quantised to one unsigned byte per dimension (Lucene 10.4+'s scalar quantisation; the
   * Lucene99 int7 format is read-only in 10.5): a quarter of the memory the graph search touches, with
   * recall close to float. The raw floats are kept beside them for merges and {@link VectorSearcher#paragraphVector}.
   */
  static final KnnVectorsFormat VECTORS_FORMAT = new Lucene104HnswScalarQuantizedVectorsFormat(
      QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE, MAX_CONN, BEAM_WIDTH);

  /** The default codec with the quantised format for the vector field. */
  static Codec codec() {
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return VECTORS_FORMAT;
      }
    };
  }

  private final Directory dir;
  private final IndexWriter writer;
  private final String modelId;
  private final int dimension;
  private final String rebuildReason;
  private boolean searchable;

  private VectorStore(Directory dir, IndexWriter writer, String modelId, int dimension, String rebuildReason, boolean searchable) {
    this.dir = dir;
    this.writer = writer;
    this.modelId = modelId;
    this.dimension = dimension;
    this.rebuildReason = rebuildReason;
    this.searchable = searchable;
  }

  /**
   * Opens {@code folder} for writing; an index that is missing, or was built with another model, dimension
   * or format, is started afresh (and that empty start committed at once, so readers stop using stale vectors).
   *
   * @throws VectorIndexLockedException when another process is writing the vectors
   */
  static VectorStore open(Path folder, String modelId, int dimension) throws IOException {
    Files.createDirectories(folder);
    Directory dir = FSDirectory.open(folder);
    try {
      String reason;
      boolean searchable = false;
      if (!DirectoryReader.indexExists(dir)) {
        reason = "no vector index yet";
      } else {
        var commits = DirectoryReader.listCommits(dir);
        Map<String, String> data = commits.get(commits.size() - 1).getUserData();
        reason = incompatibility(data, modelId, dimension);
        searchable = reason == null && "true".equals(data.get(KEY_SEARCHABLE));
      }
      IndexWriterConfig cfg = new IndexWriterConfig();
      cfg.setCodec(codec());
      cfg.setOpenMode(reason == null ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
      cfg.setCommitOnClose(false);
      cfg.setRAMBufferSizeMB(64);
      IndexWriter w;
      try {
        w = new IndexWriter(dir, cfg);
      } catch (LockObtainFailedException e) {
        throw new VectorIndexLockedException("another process is already building the vectors in " + folder
            + "; the vectors are built by one process at a time");
      }
      VectorStore s = new VectorStore(dir, w, modelId, dimension, reason, searchable);
      if (reason != null) s.commit(false, 0, 0);
      return s;
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** Why an index with this commit data cannot be used with this model, or null when it can. */
  static String incompatibility(Map<String, String> data, String modelId, int dimension) {
    return VectorSink.incompatibility(data, FORMAT, modelId, dimension);
  }

  @Override
  public String rebuildReason() {
    return rebuildReason;
  }

  @Override
  public boolean searchable() {
    return searchable;
  }

  @Override
  public Map<String, Marker> markers() throws IOException {
    Map<String, Marker> out = new HashMap<>();
    try (DirectoryReader r = DirectoryReader.open(writer)) {
      for (LeafReaderContext ctx : r.leaves()) {
        PostingsEnum pe = ctx.reader().postings(new Term(VectorFields.KIND, VectorFields.KIND_DONE));
        if (pe == null) continue;
        StoredFields sf = ctx.reader().storedFields();
        BinaryDocValues fileHashes = ctx.reader().getBinaryDocValues(VectorFields.FILE_HASH);
        BinaryDocValues generations = ctx.reader().getBinaryDocValues(VectorFields.GENERATION);
        var live = ctx.reader().getLiveDocs();
        for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
          if (live != null && !live.get(doc)) continue;
          Document d = sf.document(doc);
          String fh = fileHashes != null && fileHashes.advanceExact(doc) ? fileHashes.binaryValue().utf8ToString() : "";
          String gen = generations != null && generations.advanceExact(doc) ? generations.binaryValue().utf8ToString() : "";
          String id = d.get(VectorFields.ID);
          out.put(id, new Marker(id, d.getField(VectorFields.TEXT_HASH).numericValue().longValue(),
              d.getField(VectorFields.PARAGRAPHS).numericValue().intValue(), fh, gen));
        }
      }
    }
    return out;
  }

  @Override
  public void put(Marker m, List<Windows.Window> windows, List<float[]> vectors) throws IOException {
    List<float[]> unit = VectorSink.unitVectors(m, windows, vectors, dimension);
    List<Document> block = new ArrayList<>(windows.size() + 1);
    for (int i = 0; i < windows.size(); i++) {
      Document d = new Document();
      d.add(new StringField(VectorFields.KIND, VectorFields.KIND_VECTOR, Field.Store.NO));
      d.add(new StringField(VectorFields.ID, m.id(), Field.Store.YES));
      d.add(new IntField(VectorFields.PARAGRAPH, windows.get(i).paragraph(), Field.Store.YES));
      d.add(new KnnFloatVectorField(VectorFields.VECTOR, unit.get(i), VectorSimilarityFunction.DOT_PRODUCT));
      block.add(d);
    }
    Document marker = new Document();
    marker.add(new StringField(VectorFields.KIND, VectorFields.KIND_DONE, Field.Store.NO));
    marker.add(new StringField(VectorFields.ID, m.id(), Field.Store.YES));
    marker.add(new StringField(VectorFields.MARKER_KEY, m.id(), Field.Store.NO));
    marker.add(new StoredField(VectorFields.TEXT_HASH, m.textHash()));
    marker.add(new StoredField(VectorFields.PARAGRAPHS, m.paragraphs()));
    marker.add(new BinaryDocValuesField(VectorFields.FILE_HASH, new BytesRef(m.fileHash())));
    marker.add(new BinaryDocValuesField(VectorFields.GENERATION, new BytesRef(m.generation())));
    block.add(marker);
    writer.updateDocuments(new Term(VectorFields.ID, m.id()), block);
  }

  @Override
  public void touch(String id, String fileHash, String generation) throws IOException {
    writer.updateDocValues(new Term(VectorFields.MARKER_KEY, id),
        new BinaryDocValuesField(VectorFields.FILE_HASH, new BytesRef(fileHash)),
        new BinaryDocValuesField(VectorFields.GENERATION, new BytesRef(generation)));
  }

  @Override
  public void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(VectorFields.ID, id));
  }

  @Override
  public void commit(boolean complete, long paragraphs, long documents) throws IOException {
    if (complete) searchable = true;
    Map<String, String> data = VectorSink.state(FORMAT, modelId, dimension, complete, searchable, paragraphs, documents);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /** Closes without committing what was not committed. */
  @Override
  public void close() throws IOException {
    try {
      writer.rollback();
    } finally {
      dir.close();
    }
  }

  /** Thrown when a second process tries to write the same vector index. */
  static final class VectorIndexLockedException extends IOException {
    VectorIndexLockedException(String message) {
      super(message);
    }
  }
}
