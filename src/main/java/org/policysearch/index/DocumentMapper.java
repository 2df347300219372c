package org.policysearch.index;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.analysis.ExactStream;
import org.policysearch.index.analysis.ExactTokenizer;
import org.policysearch.index.analysis.WordTokens;
import org.policysearch.ingest.meta.Fingerprint;
import org.policysearch.text.TextNormalizer;

/** The one mapping from our {@link PolicyDocument} to a Lucene block (paragraph children, then the parent). */
public final class DocumentMapper {
  /** Exact pairs: positions for phrases, no norms (never scored by length), no offsets (highlights come from the stored text). */
  static final FieldType EXACT_PAIRS = new FieldType();
  /**
   * Exact pairs of whole documents and of titles: as {@link #EXACT_PAIRS}, with length norms. Similar
   * documents are ranked by BM25 of every pair of the pasted text over these fields, and without norms a
   * long regulation wins by length alone (measured: nDCG@10 on the precedent set, see RELEVANCE.md). One
   * byte per document; quoted searches are scored with the same BM25 and now prefer a shorter document
   * among those that contain the string, which is what the words field already did.
   */
  static final FieldType NORMED_EXACT_PAIRS = new FieldType();
  /** Exact units: only whether a paragraph contains the unit, which is all a one-unit quoted string needs. */
  static final FieldType EXACT_UNITS = new FieldType();

  static {
    EXACT_PAIRS.setTokenized(true);
    EXACT_PAIRS.setOmitNorms(true);
    EXACT_PAIRS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    EXACT_PAIRS.freeze();
    NORMED_EXACT_PAIRS.setTokenized(true);
    NORMED_EXACT_PAIRS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    NORMED_EXACT_PAIRS.freeze();
    EXACT_UNITS.setTokenized(true);
    EXACT_UNITS.setOmitNorms(true);
    EXACT_UNITS.setIndexOptions(IndexOptions.DOCS);
    EXACT_UNITS.freeze();
  }

  private DocumentMapper() {}

  /**
   * The block to pass to IndexWriter.updateDocuments: children first, parent last. The body is
   * normalised and segmented here, once per paragraph, and the tokens are replayed into the paragraph
   * fields and the document-level fields (see {@link Fields#DOC_WORDS}); this runs in the calling thread.
   *
   * @param fileHash the hash of the whole source file as listed. Why not the document's own hash: a JSONL
   *                 line's document carries the hash of its line, which never equals the file's, so the
   *                 next run would read every JSONL file again.
   */
  public static List<Document> toBlock(PolicyDocument d, String fileHash, Analyzers analyzers) {
    List<Document> block = new ArrayList<>(d.paragraphs().size() + 1);
    List<String> normalized = new ArrayList<>(d.paragraphs().size());
    for (Paragraph p : d.paragraphs()) normalized.add(TextNormalizer.normalizeToString(p.text()));
    WordTokens words = WordTokens.analyse(analyzers.wordsOfNormalized(), Fields.BODY_WORDS, normalized);
    for (int i = 0; i < d.paragraphs().size(); i++) {
      Paragraph p = d.paragraphs().get(i);
      List<String> one = List.of(normalized.get(i));
      Document c = new Document();
      c.add(new StringField(Fields.KIND, Fields.KIND_PARAGRAPH, Field.Store.NO));
      c.add(new StringField(Fields.ID, d.id(), Field.Store.NO));
      c.add(new StringField(Fields.FILE, d.file(), Field.Store.NO));
      c.add(new Field(Fields.BODY_WORDS, words.paragraph(i), TextField.TYPE_NOT_STORED));
      c.add(new Field(Fields.BODY_PAIRS, new ExactStream(ExactTokenizer.Mode.PAIRS, one, 0), EXACT_PAIRS));
      c.add(new Field(Fields.BODY_UNITS, new ExactStream(ExactTokenizer.Mode.UNITS, one, 0), EXACT_UNITS));
      c.add(new StoredField(Fields.PARA_NUMBER, p.number()));
      c.add(new NumericDocValuesField(Fields.PARA_NUMBER, p.number()));
      c.add(new StoredField(Fields.PARA_TEXT, p.text()));
      c.add(new StoredField(Fields.PARA_HEADING, p.heading() ? 1 : 0));
      c.add(new StoredField(Fields.PARA_THEMES, String.join("|", p.themes())));
      if (!p.article().equals(org.policysearch.doc.ArticlePosition.NONE)) {
        c.add(new StoredField(Fields.PARA_ARTICLE, StoredMeta.encodeArticle(p.article())));
      }
      block.add(c);
    }
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_DOCUMENT, Field.Store.NO));
    doc.add(new StringField(Fields.ID, d.id(), Field.Store.YES));
    doc.add(new StringField(Fields.DOC_KEY, d.id(), Field.Store.NO));
    doc.add(new StringField(Fields.FILE, d.file(), Field.Store.YES));
    doc.add(new StoredField(Fields.FILE_HASH, fileHash));
    doc.add(new StoredField(Fields.META, StoredMeta.encode(d)));
    String title = d.subtitle().isEmpty() ? d.title() : d.title() + "\n" + d.subtitle();
    doc.add(new TextField(Fields.TITLE_WORDS, title, Field.Store.NO));
    doc.add(new Field(Fields.TITLE_PAIRS, title, NORMED_EXACT_PAIRS));
    doc.add(new Field(Fields.TITLE_UNITS, title, EXACT_UNITS));
    doc.add(new Field(Fields.DOC_WORDS, words.all(Fields.PARAGRAPH_GAP), TextField.TYPE_NOT_STORED));
    doc.add(new Field(Fields.DOC_PAIRS, new ExactStream(ExactTokenizer.Mode.PAIRS, normalized, Fields.PARAGRAPH_GAP), NORMED_EXACT_PAIRS));
    doc.add(new Field(Fields.DOC_UNITS, new ExactStream(ExactTokenizer.Mode.UNITS, normalized, Fields.PARAGRAPH_GAP), EXACT_UNITS));
    for (String path : regionPaths(d.region().path())) {
      doc.add(new StringField(Fields.REGION, path, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(Fields.REGION, new BytesRef(path)));
    }
    if (d.year() != null) {
      doc.add(new IntField(Fields.YEAR, d.year(), Field.Store.NO));
    }
    // Theme paths of every level, like regions: a filter on 科技、教育 finds 科技、教育/学前教育, and the facet folds into a tree.
    java.util.Set<String> themePaths = new java.util.LinkedHashSet<>();
    for (String theme : d.themes()) themePaths.addAll(regionPaths(theme));
    for (String theme : themePaths) {
      doc.add(new StringField(Fields.THEME, theme, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(Fields.THEME, new BytesRef(theme)));
    }
    if (!d.type().isEmpty()) {
      doc.add(new StringField(Fields.TYPE, d.type(), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(Fields.TYPE, new BytesRef(d.type())));
    }
    Long epochDay = epochDay(d.date().value());
    if (epochDay != null) {
      doc.add(new LongField(Fields.DATE, epochDay, Field.Store.NO));
    }
    DocumentLineage lineage = DocumentLineage.of(d);
    // In force: read per hit by the effective_on filter, like the facets, so doc values and no points.
    if (lineage.inForceFrom() != null) doc.add(new NumericDocValuesField(Fields.IN_FORCE_FROM, lineage.inForceFrom()));
    if (lineage.repealedOn() != null) doc.add(new NumericDocValuesField(Fields.REPEALED_ON, lineage.repealedOn()));
    doc.add(new NumericDocValuesField(Fields.DUPLICATE, d.flags().duplicate() ? 1 : 0));
    doc.add(new BinaryDocValuesField(Fields.DUPLICATE_OF, new BytesRef(d.flags().duplicateOf())));
    doc.add(new StoredField(Fields.FINGERPRINT, encode(Fingerprint.of(d))));
    addLineage(doc, lineage);
    block.add(doc);
    return block;
  }

  /** The document's own keys, its references (extracted from the paragraphs) and their keys. */
  private static void addLineage(Document doc, DocumentLineage lineage) {
    for (String key : lineage.ownKeys()) doc.add(new StringField(Fields.LINEAGE_KEY, key, Field.Store.NO));
    for (String key : lineage.citesKeys()) doc.add(new StringField(Fields.CITES_KEY, key, Field.Store.NO));
    if (lineage.repealsOthers()) doc.add(new StringField(Fields.REPEALS_OTHERS, DocumentLineage.REPEALS, Field.Store.NO));
    doc.add(new StoredField(Fields.REFERENCES, lineage.encodedReferences()));
  }

  /** "湖北省/鄂州市/华容区" → ["湖北省", "湖北省/鄂州市", "湖北省/鄂州市/华容区"]. */
  public static List<String> regionPaths(String path) {
    List<String> out = new ArrayList<>();
    if (path == null || path.isEmpty()) return out;
    int from = 0;
    while (true) {
      int slash = path.indexOf('/', from);
      if (slash < 0) {
        out.add(path);
        return out;
      }
      out.add(path.substring(0, slash));
      from = slash + 1;
    }
  }

  /** Epoch day of an ISO date cut to any precision (a year or month counts from its first day), or null. */
  public static Long epochDay(String isoDate) {
    if (isoDate == null || isoDate.isEmpty()) return null;
    String[] p = isoDate.split("-");
    int y = Integer.parseInt(p[0]);
    int m = p.length > 1 ? Integer.parseInt(p[1]) : 1;
    int day = p.length > 2 ? Integer.parseInt(p[2]) : 1;
    return LocalDate.of(y, m, day).toEpochDay();
  }

  /** Exact hash, shingle count, then the sketch's bins: 524 bytes, stored because every run compares them all. */
  static byte[] encode(Fingerprint f) {
    ByteBuffer b = ByteBuffer.allocate(12 + 4 * Fingerprint.BINS);
    b.putLong(f.exact()).putInt(f.shingles());
    for (int i = 0; i < Fingerprint.BINS; i++) b.putInt(f.bin(i));
    return b.array();
  }

  static Fingerprint decodeFingerprint(BytesRef bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
    long exact = b.getLong();
    int shingles = b.getInt();
    int[] sketch = new int[Fingerprint.BINS];
    for (int i = 0; i < sketch.length; i++) sketch[i] = b.getInt();
    return new Fingerprint(exact, shingles, sketch);
  }
}
