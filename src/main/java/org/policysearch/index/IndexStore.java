package org.policysearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.meta.DuplicateResolver;
import org.policysearch.ingest.meta.Fingerprint;

/**
 * The writing side of the index: one {@link IndexWriter} on the current generation (or a fresh one when
 * a rebuild is needed), under the indexing lock. Changes become visible in one atomic commit; closing
 * without {@link #commit} leaves the last committed index exactly as it was.
 */
public final class IndexStore implements Closeable {
  /** One parent document as the store sees it when deciding what changed. */
  public record IndexedDocument(String id, String file, String fileHash, String date, Fingerprint fingerprint,
                                String duplicateOf) {}

  private final IndexLayout layout;
  private final IndexLayout.Lock lock;
  private final Path generation;
  private final boolean rebuilding;
  private final String rebuildReason;
  private final Directory dir;
  private final IndexWriter writer;
  private final String analyzerVersion;
  private final List<Path> abandoned;
  private final Analyzers analyzers;
  private boolean published;

  private IndexStore(IndexLayout layout, IndexLayout.Lock lock, Path generation, boolean rebuilding, String reason,
                     Directory dir, IndexWriter writer, String analyzerVersion, List<Path> abandoned, Analyzers analyzers) {
    this.layout = layout;
    this.lock = lock;
    this.generation = generation;
    this.rebuilding = rebuilding;
    this.rebuildReason = reason;
    this.dir = dir;
    this.writer = writer;
    this.analyzerVersion = analyzerVersion;
    this.abandoned = List.copyOf(abandoned);
    this.analyzers = analyzers;
  }

  /**
   * Opens the index for writing. A new generation is started when there is none, when {@code rebuild}
   * is asked for, or when the current one was built with another schema or analyzer.
   */
  public static IndexStore open(IndexLayout layout, Analyzers analyzers, boolean rebuild, double ramBufferMb)
      throws IOException {
    return open(layout, analyzers, rebuild, ramBufferMb, DirectoryFactory.FILE_SYSTEM);
  }

  /** As above, writing through {@code directories} (tests inject failing ones). */
  static IndexStore open(IndexLayout layout, Analyzers analyzers, boolean rebuild, double ramBufferMb,
                         DirectoryFactory directories) throws IOException {
    IndexLayout.Lock lock = layout.lock();
    try {
      List<Path> abandoned = layout.removeAbandoned();
      String analyzerVersion = Analyzers.VERSION;
      var current = layout.current();
      String reason = null;
      if (current.isEmpty()) {
        reason = "no index yet";
      } else if (rebuild) {
        reason = "rebuild requested";
      } else {
        try (Directory d = FSDirectory.open(current.get())) {
          if (!DirectoryReader.indexExists(d)) {
            reason = "the current index has no commit";
          } else {
            var commits = DirectoryReader.listCommits(d);
            reason = IndexSchema.incompatibility(commits.get(commits.size() - 1).getUserData(), analyzerVersion);
          }
        }
      }
      boolean fresh = reason != null;
      Path gen = fresh ? layout.newGeneration() : current.get();
      Directory dir = null;
      try {
        dir = directories.open(gen);
        IndexWriterConfig cfg = new IndexWriterConfig(analyzers.perField());
        cfg.setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
        cfg.setRAMBufferSizeMB(ramBufferMb);
        // Children must stay directly before their parent: block adds keep them together; no index sorting.
        cfg.setCommitOnClose(false);
        IndexWriter w = new IndexWriter(dir, cfg);
        return new IndexStore(layout, lock, gen, fresh, reason, dir, w, analyzerVersion, abandoned, analyzers);
      } catch (IOException | RuntimeException e) {
        // A writer that could not start (a full disk, say) leaves no half-made generation behind.
        try {
          if (dir != null) dir.close();
          if (fresh) IndexLayout.deleteTree(gen);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Generation folders of an interrupted rebuild that were found and removed when this store opened. */
  public List<Path> removedAbandoned() {
    return abandoned;
  }

  /** True when this run writes a new generation (everything is re-added). */
  public boolean rebuilding() {
    return rebuilding;
  }

  /** Why a new generation is being written ("no index yet", "rebuild requested", a version change), or null. */
  public String rebuildReason() {
    return rebuildReason;
  }

  /** Every document of the last commit (empty when rebuilding). */
  public List<IndexedDocument> indexedDocuments() throws IOException {
    List<IndexedDocument> out = new ArrayList<>();
    if (rebuilding) return out;
    try (DirectoryReader r = DirectoryReader.open(writer)) {
      collectParents(r, out);
    }
    return out;
  }

  private static final java.util.Set<String> PARENT_FIELDS = java.util.Set.of(Fields.ID, Fields.FILE, Fields.FILE_HASH, Fields.FINGERPRINT);

  private static void collectParents(DirectoryReader r, List<IndexedDocument> out) throws IOException {
    IndexSearcher s = new IndexSearcher(r);
    Weight w = s.createWeight(s.rewrite(parentsQuery()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext ctx : r.leaves()) {
      Scorer sc = w.scorer(ctx);
      if (sc == null) continue;
      StoredFields sf = ctx.reader().storedFields();
      BinaryDocValues dupOf = ctx.reader().getBinaryDocValues(Fields.DUPLICATE_OF);
      // The date from doc values, not the stored metadata: decoding every document's JSON showed in profiles.
      SortedNumericDocValues dates = ctx.reader().getSortedNumericDocValues(Fields.DATE);
      var live = ctx.reader().getLiveDocs();
      DocIdSetIterator it = sc.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        Document d = sf.document(doc, PARENT_FIELDS);
        String dup = "";
        if (dupOf != null && dupOf.advanceExact(doc)) dup = dupOf.binaryValue().utf8ToString();
        String date = dates != null && dates.advanceExact(doc) ? LocalDate.ofEpochDay(dates.nextValue()).toString() : "";
        out.add(new IndexedDocument(d.get(Fields.ID), d.get(Fields.FILE), d.get(Fields.FILE_HASH), date,
            DocumentMapper.decodeFingerprint(d.getBinaryValue(Fields.FINGERPRINT)), dup));
      }
    }
  }

  /** A document as indexed: its stored metadata with its paragraphs from the children, in order. */
  static PolicyDocument document(IndexSearcher s, String id) throws IOException {
    TopDocs parent = s.search(new TermQuery(new Term(Fields.DOC_KEY, id)), 1);
    if (parent.scoreDocs.length == 0) throw new IOException("document '" + id + "' vanished from the index while it was read");
    String meta = s.storedFields().document(parent.scoreDocs[0].doc, java.util.Set.of(Fields.META)).get(Fields.META);
    BooleanQuery children = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PARAGRAPH)), BooleanClause.Occur.FILTER)
        .build();
    List<Paragraph> paragraphs = new ArrayList<>();
    // Walked, not collected into top docs: a top-n collector would size its queue by the whole index.
    Weight w = s.createWeight(s.rewrite(children), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(ctx);
      if (sc == null) continue;
      StoredFields sf = ctx.reader().storedFields();
      var live = ctx.reader().getLiveDocs();
      DocIdSetIterator it = sc.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        Document c = sf.document(doc, PARAGRAPH_FIELDS);
        paragraphs.add(new Paragraph(c.getField(Fields.PARA_NUMBER).numericValue().intValue(), c.get(Fields.PARA_TEXT),
            c.getField(Fields.PARA_HEADING).numericValue().intValue() == 1, List.of(), StoredMeta.decodeArticle(c.get(Fields.PARA_ARTICLE))));
      }
    }
    paragraphs.sort(java.util.Comparator.comparingInt(Paragraph::number));
    return StoredMeta.decode(meta, paragraphs);
  }

  private static final java.util.Set<String> PARAGRAPH_FIELDS = java.util.Set.of(Fields.PARA_NUMBER, Fields.PARA_TEXT, Fields.PARA_HEADING,
      Fields.PARA_ARTICLE);

  static Query parentsQuery() {
    return new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT));
  }

  /** Removes every document read from {@code file}. Thread-safe. */
  public void deleteFile(String file) throws IOException {
    writer.deleteDocuments(new Term(Fields.FILE, file));
  }

  /** Adds (or replaces, by id) one document. Thread-safe; analysis runs in the calling thread. */
  public void put(PolicyDocument d) throws IOException {
    put(d, d.contentHash());
  }

  /** As above, remembering {@code fileHash}, the listed hash of the file it came from (see {@link Fields#FILE_HASH}). */
  public void put(PolicyDocument d, String fileHash) throws IOException {
    writer.updateDocuments(new Term(Fields.ID, d.id()), DocumentMapper.toBlock(d, fileHash, analyzers));
  }

  /**
   * Applies corpus-wide duplicate marks over every indexed document (the earliest copy of a text is the
   * original, see {@link DuplicateResolver}); the doc values of those whose mark changed are updated, so
   * a repost indexed in an earlier run can become the original when that one leaves, and vice versa.
   * The fingerprints of all documents pick the pairs; only the documents in those pairs are read back
   * (paragraphs and metadata) for the check on their full texts.
   *
   * @return the number of documents whose mark changed
   */
  public int applyDuplicates() throws IOException {
    List<IndexedDocument> all = new ArrayList<>();
    Map<String, String> marks;
    try (DirectoryReader r = DirectoryReader.open(writer)) {
      collectParents(r, all);
      List<DuplicateResolver.Candidate> candidates = new ArrayList<>(all.size());
      for (IndexedDocument d : all) candidates.add(new DuplicateResolver.Candidate(d.id(), d.date(), d.fingerprint()));
      IndexSearcher s = new IndexSearcher(r);
      marks = DuplicateResolver.resolve(candidates, id -> document(s, id));
    }
    int changed = 0;
    for (IndexedDocument d : all) {
      String want = marks.getOrDefault(d.id(), "");
      if (!want.equals(d.duplicateOf())) {
        writer.updateDocValues(new Term(Fields.DOC_KEY, d.id()),
            new NumericDocValuesField(Fields.DUPLICATE, want.isEmpty() ? 0 : 1),
            new BinaryDocValuesField(Fields.DUPLICATE_OF, new BytesRef(want)));
        changed++;
      }
    }
    return changed;
  }

  /** Number of documents (parents) as of now, including uncommitted changes. */
  public long documentCount() throws IOException {
    try (DirectoryReader r = DirectoryReader.open(writer)) {
      return new IndexSearcher(r).count(parentsQuery());
    }
  }

  /**
   * Makes every change durable and visible in one atomic commit; a rebuilt generation then becomes the
   * serving one.
   */
  public void commit() throws IOException {
    Map<String, String> data = new HashMap<>(IndexSchema.userData(analyzerVersion, documentCount()));
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    if (rebuilding && !published) {
      layout.publish(generation);
      published = true;
    }
  }

  /** Closes without committing what was not committed; a rebuild that was never committed is removed. */
  @Override
  public void close() throws IOException {
    try {
      writer.rollback(); // discards uncommitted changes and closes; committed data stays
    } finally {
      try {
        dir.close();
        if (rebuilding && !published) IndexLayout.deleteTree(generation);
      } finally {
        lock.close();
      }
    }
  }
}
