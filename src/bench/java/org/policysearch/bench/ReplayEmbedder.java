package org.policysearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.vector.Embedder;
import org.policysearch.index.vector.EmbedderException;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorFields;
import org.policysearch.index.vector.Windows;
import org.policysearch.index.IndexLayout;

/**
 * The real model's vectors of the real corpus, replayed by text: a passage that the model has embedded
 * before (in an index built with it) gets the same vector again without running the model, so that a
 * million-paragraph corpus made of the real paragraphs (the generated corpus) gets a vector index in
 * minutes instead of hours. Queries, and any passage not seen before, go to the real model, so that what a
 * search costs (embedding the query on the CPU) is measured as users pay it.
 *
 * <p>Vectors are held as half-precision floats (512 dimensions × 2 bytes a window) and widened on use:
 * the vector index quantises them to bytes anyway.
 */
public final class ReplayEmbedder implements Embedder {
  private final Embedder model;
  private final Map<String, short[]> byText;
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong embedded = new AtomicLong();

  private ReplayEmbedder(Embedder model, Map<String, short[]> byText) {
    this.model = model;
    this.byText = byText;
  }

  /**
   * The vectors of {@code seedIndex}'s vector index, keyed by the text of each window of {@code docs} (the
   * same corpus, ingested the same way). A document whose windows no longer match its vectors in number is
   * left out (its passages go to the model).
   */
  public static ReplayEmbedder fromIndex(Path seedIndex, List<PolicyDocument> docs, Embedder model) throws IOException {
    Path folder = SemanticIndex.folder(new IndexLayout(seedIndex));
    if (!Files.isDirectory(folder)) throw new IOException("no vector index in " + folder + " to replay (build one with eval or serve)");
    Map<String, List<short[]>> byDoc = new HashMap<>();
    try (FSDirectory dir = FSDirectory.open(folder); DirectoryReader r = DirectoryReader.open(dir)) {
      for (LeafReaderContext ctx : r.leaves()) {
        FloatVectorValues fv = ctx.reader().getFloatVectorValues(VectorFields.VECTOR);
        if (fv == null) continue;
        Bits live = ctx.reader().getLiveDocs();
        StoredFields sf = ctx.reader().storedFields();
        KnnVectorValues.DocIndexIterator it = fv.iterator();
        // vectors of a document are one block, in window order: doc order keeps them in order
        for (int d = it.nextDoc(); d != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (live != null && !live.get(d)) continue;
          String id = sf.document(d, java.util.Set.of(VectorFields.ID)).get(VectorFields.ID);
          byDoc.computeIfAbsent(id, k -> new ArrayList<>()).add(half(fv.vectorValue(it.index())));
        }
      }
    }
    Map<String, short[]> byText = new HashMap<>();
    for (PolicyDocument d : docs) {
      List<short[]> vs = byDoc.get(d.id());
      List<Windows.Window> ws = Windows.of(d.paragraphs());
      if (vs == null || vs.size() != ws.size()) continue;
      for (int i = 0; i < ws.size(); i++) byText.putIfAbsent(ws.get(i).text(), vs.get(i));
    }
    return new ReplayEmbedder(model, byText);
  }

  public int known() {
    return byText.size();
  }

  public long replayed() {
    return replayed.get();
  }

  /** Passages the model had to embed (not in the seed). */
  public long embedded() {
    return embedded.get();
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public void load() throws EmbedderException {
    model.load();
  }

  @Override
  public float[] embedQuery(String text) throws EmbedderException {
    return model.embedQuery(text);
  }

  /** One passage is a query (a pasted text's paragraph): the model embeds it, as for a user. */
  @Override
  public float[] embedPassage(String text) throws EmbedderException {
    return model.embedPassages(List.of(text)).get(0);
  }

  /** Batches are what the vector builder sends: replayed where known. */
  @Override
  public List<float[]> embedPassages(List<String> texts) throws EmbedderException {
    Map<Integer, String> missing = new LinkedHashMap<>();
    List<float[]> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      short[] h = byText.get(texts.get(i));
      if (h == null) missing.put(i, texts.get(i));
      out.add(h == null ? null : wide(h));
    }
    if (!missing.isEmpty()) {
      List<float[]> got = model.embedPassages(new ArrayList<>(missing.values()));
      int k = 0;
      for (int i : missing.keySet()) out.set(i, got.get(k++));
      embedded.addAndGet(missing.size());
    }
    replayed.addAndGet(texts.size() - missing.size());
    return out;
  }

  @Override
  public void close() {
    model.close();
  }

  private static short[] half(float[] v) {
    short[] h = new short[v.length];
    for (int i = 0; i < v.length; i++) h[i] = Float.floatToFloat16(v[i]);
    return h;
  }

  private static float[] wide(short[] h) {
    float[] v = new float[h.length];
    for (int i = 0; i < h.length; i++) v[i] = Float.float16ToFloat(h[i]);
    return v;
  }
}
