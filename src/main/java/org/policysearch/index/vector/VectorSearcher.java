package org.policysearch.index.vector;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.join.DiversifyingChildrenFloatKnnVectorQuery;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * Nearest paragraphs and documents by meaning, over the vector index; thread-safe. One shared
 * {@link SearcherManager}, refreshed when the builder commits. Every query answers empty (cheaply, before
 * touching the index) while the vectors are not {@linkplain #searchable() searchable}: missing, made by
 * another model, or still on their first build; callers then answer lexically.
 *
 * <p>Scores are exact cosine similarities in [-1, 1]: the graph search runs on the int8-quantised vectors
 * and fetches at least {@link #CANDIDATES} candidates, which are then scored again on the float vectors
 * kept beside them. Why: on 2,014 paragraphs of the congress reports, asking the graph for 11 neighbours
 * missed a better paragraph that a wider search found (quantised scores differ in the third decimal,
 * which is where near neighbours differ too); 100 candidates cost a few milliseconds more.
 */
public final class VectorSearcher implements VectorLookup {
  private static final Set<String> HIT_FIELDS = Set.of(VectorFields.ID, VectorFields.PARAGRAPH);
  /**
   * Extra neighbours fetched so that a paragraph split into several windows (0.2% of paragraphs) still
   * leaves k distinct paragraphs after duplicates are folded.
   */
  private static final int WINDOW_SLACK = 8;
  /**
   * The markers, parents of their blocks: the graph search keeps one (the best) vector per document. Shared, as
   * it caches one bit set per segment (weakly, by the segment's core key).
   */
  private static final QueryBitSetProducer PARENTS =
      new QueryBitSetProducer(new TermQuery(new Term(VectorFields.KIND, VectorFields.KIND_DONE)));
  /**
   * Best first; equal scores (the same text in two documents, a repost) by document id and paragraph number, so
   * the order does not depend on where a document lies in the index, and is the cluster's ({@code ClusterVectorSearcher}).
   */
  static final java.util.Comparator<ParagraphHit> PARAGRAPH_ORDER = java.util.Comparator.comparingDouble((ParagraphHit h) -> -h.score())
      .thenComparing(ParagraphHit::documentId).thenComparingInt(ParagraphHit::paragraph);

  /** Candidates the graph search returns at least, before they are scored on the float vectors. */
  static final int CANDIDATES = 100;

  private final Path folder;
  private final String modelId;
  private final int dimension;
  private volatile State state; // null until an index exists in the folder

  private record State(FSDirectory dir, SearcherManager manager, boolean searchable, long paragraphs, long documents) {}

  /** A searcher that answers nothing, for {@code semantic=false}: it never looks at the disk. */
  static VectorSearcher off() {
    return new VectorSearcher(null, "", 0);
  }

  VectorSearcher(Path folder, String modelId, int dimension) {
    this.folder = folder;
    this.modelId = modelId;
    this.dimension = dimension;
  }

  @Override
  public boolean searchable() {
    State s = state;
    return s != null && s.searchable;
  }

  @Override
  public long paragraphs() {
    State s = state;
    return s == null ? 0 : s.paragraphs;
  }

  /** Picks up the builder's latest commit (and the index itself, once it appears). Cheap when nothing changed. */
  @Override
  public synchronized void refresh() throws IOException {
    if (folder == null) return;
    State s = state;
    if (s == null) {
      if (!Files.isDirectory(folder)) return;
      FSDirectory dir = FSDirectory.open(folder);
      if (!DirectoryReader.indexExists(dir)) {
        dir.close();
        return;
      }
      SearcherManager m = new SearcherManager(dir, null);
      state = measured(dir, m);
      return;
    }
    s.manager.maybeRefreshBlocking();
    state = measured(s.dir, s.manager);
  }

  private State measured(FSDirectory dir, SearcherManager m) throws IOException {
    IndexSearcher is = m.acquire();
    try {
      Map<String, String> data = ((DirectoryReader) is.getIndexReader()).getIndexCommit().getUserData();
      if (VectorStore.incompatibility(data, modelId, dimension) != null) return new State(dir, m, false, 0, 0); // stale: counts nothing
      return new State(dir, m, "true".equals(data.get(VectorSink.KEY_SEARCHABLE)), parse(data.get(VectorSink.KEY_PARAGRAPHS)),
          parse(data.get(VectorSink.KEY_DOCUMENTS)));
    } finally {
      m.release(is);
    }
  }

  private static long parse(String v) {
    return v == null ? 0 : Long.parseLong(v);
  }

  @Override
  public Optional<List<ParagraphHit>> nearestParagraphs(float[] query, int k) throws IOException {
    return nearestParagraphs(query, k, null);
  }

  /**
   * As above, among the vectors {@code filter} matches (for instance {@link #onlyDocuments}); the filter
   * is applied inside the graph search, so k hits come back whenever k exist. {@code filter} may be null: all.
   */
  public Optional<List<ParagraphHit>> nearestParagraphs(float[] query, int k, Query filter) throws IOException {
    State s = state;
    if (s == null || !s.searchable || k <= 0) return s != null && s.searchable ? Optional.of(List.of()) : Optional.empty();
    check(query);
    IndexSearcher is = s.manager.acquire();
    try {
      int fetch = Math.max(k + WINDOW_SLACK, CANDIDATES);
      ScoreDoc[] top = rescored(is, query, is.search(new KnnFloatVectorQuery(VectorFields.VECTOR, query, fetch, filter), fetch));
      Map<String, ParagraphHit> best = new java.util.HashMap<>(); // a paragraph scores as its best window
      var stored = is.storedFields();
      for (ScoreDoc sd : top) {
        Document d = stored.document(sd.doc, HIT_FIELDS);
        String id = d.get(VectorFields.ID);
        int para = d.getField(VectorFields.PARAGRAPH).numericValue().intValue();
        best.merge(id + '\u0000' + para, new ParagraphHit(id, para, sd.score), (x, y) -> x.score() >= y.score() ? x : y);
      }
      List<ParagraphHit> out = new ArrayList<>(best.values());
      out.sort(PARAGRAPH_ORDER);
      return Optional.of(List.copyOf(out.subList(0, Math.min(k, out.size()))));
    } finally {
      s.manager.release(is);
    }
  }

  @Override
  public Optional<List<DocumentHit>> nearestDocuments(float[] query, int k) throws IOException {
    State s = state;
    if (s == null || !s.searchable || k <= 0) return s != null && s.searchable ? Optional.of(List.of()) : Optional.empty();
    check(query);
    IndexSearcher is = s.manager.acquire();
    try {
      int fetch = Math.max(k, CANDIDATES);
      ScoreDoc[] top = rescored(is, query,
          is.search(new DiversifyingChildrenFloatKnnVectorQuery(VectorFields.VECTOR, query, null, fetch, PARENTS), fetch));
      List<DocumentHit> out = new ArrayList<>(top.length);
      var stored = is.storedFields();
      for (ScoreDoc sd : top) {
        Document d = stored.document(sd.doc, HIT_FIELDS);
        out.add(new DocumentHit(d.get(VectorFields.ID), d.getField(VectorFields.PARAGRAPH).numericValue().intValue(), sd.score));
      }
      // equal scores by document id, as paragraphs are
      out.sort(java.util.Comparator.comparingDouble((DocumentHit h) -> -h.score()).thenComparing(DocumentHit::documentId));
      out = out.subList(0, Math.min(k, out.size()));
      return Optional.of(List.copyOf(out));
    } finally {
      s.manager.release(is);
    }
  }

  @Override
  public Optional<float[]> paragraphVector(String documentId, int paragraph) throws IOException {
    State s = state;
    if (s == null || !s.searchable) return Optional.empty();
    IndexSearcher is = s.manager.acquire();
    try {
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(VectorFields.ID, documentId)), BooleanClause.Occur.FILTER)
          .add(IntField.newExactQuery(VectorFields.PARAGRAPH, paragraph), BooleanClause.Occur.FILTER).build();
      TopDocs top = is.search(q, Windows.MAX_WINDOWS);
      if (top.scoreDocs.length == 0) return Optional.empty();
      float[] sum = new float[dimension];
      List<LeafReaderContext> leaves = is.getIndexReader().leaves();
      for (ScoreDoc sd : top.scoreDocs) {
        float[] v = vector(leaves, sd.doc);
        for (int i = 0; i < dimension; i++) sum[i] += v[i];
      }
      return Optional.of(VectorUtil.l2normalize(sum, false));
    } finally {
      s.manager.release(is);
    }
  }

  /** A filter for {@link #nearestParagraphs(float[], int, Query)}: only these documents. */
  public static Query onlyDocuments(Collection<String> documentIds) {
    List<BytesRef> terms = new ArrayList<>(documentIds.size());
    for (String id : documentIds) terms.add(new BytesRef(id));
    return new TermInSetQuery(VectorFields.ID, terms);
  }

  /** A filter for {@link #nearestParagraphs(float[], int, Query)}: every document but these (the one a paragraph is from, say). */
  public static Query exceptDocuments(Collection<String> documentIds) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(VectorFields.KIND, VectorFields.KIND_VECTOR)), BooleanClause.Occur.FILTER)
        .add(onlyDocuments(documentIds), BooleanClause.Occur.MUST_NOT).build();
  }

  private void check(float[] query) {
    if (query.length != dimension) {
      throw new IllegalArgumentException("the query vector has " + query.length + " dimensions, the index holds " + dimension);
    }
  }

  /** The hits with their exact cosine from the float vectors, best first (ties by doc id, so the order is stable). */
  private static ScoreDoc[] rescored(IndexSearcher is, float[] query, TopDocs top) throws IOException {
    ScoreDoc[] out = top.scoreDocs.clone();
    List<LeafReaderContext> leaves = is.getIndexReader().leaves();
    for (int i = 0; i < out.length; i++) out[i] = new ScoreDoc(out[i].doc, VectorUtil.dotProduct(query, vector(leaves, out[i].doc)));
    java.util.Arrays.sort(out, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
    return out;
  }

  /** The float vector of a top-level doc id. */
  private static float[] vector(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(VectorFields.VECTOR);
    int local = doc - leaf.docBase;
    KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
    if (it == null || it.advance(local) != local) throw new IOException("the vector index is damaged: doc " + doc + " has no vector");
    // The array may be a buffer the next call overwrites: callers use it at once.
    return values.vectorValue(it.index());
  }

  @Override
  public synchronized void close() throws IOException {
    State s = state;
    state = null;
    if (s != null) {
      try {
        s.manager.close();
      } finally {
        s.dir.close();
      }
    }
  }
}
