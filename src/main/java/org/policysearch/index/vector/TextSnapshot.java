package org.policysearch.index.vector;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.policysearch.doc.Paragraph;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexLayout;

/**
 * One commit of the text index, read for embedding: its documents (id, file hash) and, on demand, their
 * paragraphs. A reader of its own, held for a whole pass, so the pass sees one consistent commit while
 * the text index goes on changing (the next pass catches up).
 */
final class TextSnapshot implements TextSource {
  /** A document of the commit: where its block is. Children precede their parent, so its paragraphs are the docs before it. */
  record DocRef(String id, String fileHash, int leaf, int firstChild, int parent) implements TextSource.Ref {}

  private static final Set<String> PARENT_FIELDS = Set.of(Fields.ID, Fields.FILE_HASH);
  private static final Set<String> PARAGRAPH_FIELDS = Set.of(Fields.PARA_NUMBER, Fields.PARA_TEXT, Fields.PARA_HEADING);

  private final String generation;
  private final FSDirectory dir;
  private final DirectoryReader reader;

  private TextSnapshot(String generation, FSDirectory dir, DirectoryReader reader) {
    this.generation = generation;
    this.dir = dir;
    this.reader = reader;
  }

  /** The serving commit of the text index, or empty when there is none yet. */
  static Optional<TextSnapshot> open(IndexLayout layout) throws IOException {
    Optional<Path> gen = layout.current();
    if (gen.isEmpty()) return Optional.empty();
    FSDirectory d = FSDirectory.open(gen.get());
    try {
      if (!DirectoryReader.indexExists(d)) {
        d.close();
        return Optional.empty();
      }
      return Optional.of(new TextSnapshot(gen.get().getFileName().toString(), d, DirectoryReader.open(d)));
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** The generation folder's name. */
  @Override
  public String generation() {
    return generation;
  }

  /** Every live document of the commit, in index order. */
  @Override
  public List<DocRef> documents() throws IOException {
    List<DocRef> out = new ArrayList<>();
    for (int leaf = 0; leaf < reader.leaves().size(); leaf++) {
      LeafReader r = reader.leaves().get(leaf).reader();
      PostingsEnum parents = r.postings(new Term(Fields.KIND, Fields.KIND_DOCUMENT));
      if (parents == null) continue;
      Bits live = r.getLiveDocs();
      StoredFields sf = r.storedFields();
      int previous = -1;
      for (int doc = parents.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = parents.nextDoc()) {
        int first = previous + 1;
        previous = doc;
        if (live != null && !live.get(doc)) continue; // a replaced or deleted block: all of it is deleted
        Document d = sf.document(doc, PARENT_FIELDS);
        out.add(new DocRef(d.get(Fields.ID), d.get(Fields.FILE_HASH), leaf, first, doc));
      }
    }
    return out;
  }

  /** The paragraphs of one document, in order (themes are not read: embedding does not use them). */
  @Override
  public List<Paragraph> paragraphs(TextSource.Ref document) throws IOException {
    DocRef ref = (DocRef) document;
    LeafReader r = reader.leaves().get(ref.leaf()).reader();
    StoredFields sf = r.storedFields();
    List<Paragraph> out = new ArrayList<>(ref.parent() - ref.firstChild());
    for (int doc = ref.firstChild(); doc < ref.parent(); doc++) {
      Document d = sf.document(doc, PARAGRAPH_FIELDS);
      out.add(new Paragraph(d.getField(Fields.PARA_NUMBER).numericValue().intValue(), d.get(Fields.PARA_TEXT),
          d.getField(Fields.PARA_HEADING).numericValue().intValue() == 1, List.of()));
    }
    return out;
  }

  /** A 64-bit hash of what embedding reads from the paragraphs: numbers, heading flags and texts. */
  static long hash(List<Paragraph> paragraphs) {
    long h = 0xcbf29ce484222325L; // FNV-1a
    for (Paragraph p : paragraphs) {
      h = mix(h, p.number());
      h = mix(h, p.heading() ? 1 : 0);
      String t = p.text();
      for (int i = 0; i < t.length(); i++) h = mix(h, t.charAt(i));
      h = mix(h, 0x10000); // end of paragraph, outside the char range
    }
    return h;
  }

  private static long mix(long h, int v) {
    return (h ^ v) * 0x100000001b3L;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      dir.close();
    }
  }
}
