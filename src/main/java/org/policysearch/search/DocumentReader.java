package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BitSet;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.Fields;
import org.policysearch.index.StoredMeta;

/** Reads documents and paragraphs back from a block: parent metadata, child paragraphs. */
final class DocumentReader {
  private static final Set<String> PARA_FIELDS = Set.of(Fields.PARA_NUMBER, Fields.PARA_TEXT, Fields.PARA_HEADING, Fields.PARA_THEMES,
      Fields.PARA_ARTICLE);

  private DocumentReader() {}

  /** First child doc id (leaf-local) of the parent at {@code parentDoc}. */
  static int firstChild(BitSet parents, int parentDoc) {
    return parentDoc == 0 ? 0 : parents.prevSetBit(parentDoc - 1) + 1;
  }

  /**
   * Stored-field readers of one request, one per segment: a reader keeps its last decompressed block,
   * so the paragraphs and the parent of one document (neighbours in the index) cost one decompression.
   */
  static final class Reads {
    private final java.util.Map<Integer, StoredFields> bySegment = new java.util.HashMap<>();

    StoredFields of(LeafReaderContext ctx) throws IOException {
      StoredFields sf = bySegment.get(ctx.ord);
      if (sf == null) {
        sf = ctx.reader().storedFields();
        bySegment.put(ctx.ord, sf);
      }
      return sf;
    }
  }

  /** The parent's metadata, with the duplicate mark from the (updatable) doc values. */
  static PolicyDocument metadata(LeafReaderContext ctx, int parentDoc, List<Paragraph> paragraphs) throws IOException {
    return metadata(ctx, ctx.reader().storedFields(), parentDoc, paragraphs);
  }

  static PolicyDocument metadata(LeafReaderContext ctx, StoredFields sf, int parentDoc, List<Paragraph> paragraphs)
      throws IOException {
    Document d = sf.document(parentDoc, Set.of(Fields.META));
    PolicyDocument pd = StoredMeta.decode(d.get(Fields.META), paragraphs);
    BinaryDocValues dup = ctx.reader().getBinaryDocValues(Fields.DUPLICATE_OF);
    String dupOf = "";
    if (dup != null && dup.advanceExact(parentDoc)) dupOf = dup.binaryValue().utf8ToString();
    if (!dupOf.equals(pd.flags().duplicateOf())) {
      pd = pd.withFlags(new Flags(pd.flags().truncated(), pd.flags().redacted(), dupOf));
    }
    return pd;
  }

  static Paragraph paragraph(StoredFields sf, int childDoc) throws IOException {
    Document c = sf.document(childDoc, PARA_FIELDS);
    String themes = c.get(Fields.PARA_THEMES);
    return new Paragraph(c.getField(Fields.PARA_NUMBER).numericValue().intValue(), c.get(Fields.PARA_TEXT),
        c.getField(Fields.PARA_HEADING).numericValue().intValue() == 1,
        themes == null || themes.isEmpty() ? List.of() : List.of(themes.split("\\|")),
        org.policysearch.index.StoredMeta.decodeArticle(c.get(Fields.PARA_ARTICLE)));
  }

  static List<Paragraph> paragraphs(LeafReaderContext ctx, int first, int parentDoc) throws IOException {
    StoredFields sf = ctx.reader().storedFields();
    List<Paragraph> out = new ArrayList<>(parentDoc - first);
    for (int c = first; c < parentDoc; c++) out.add(paragraph(sf, c));
    return out;
  }

  static LeafReaderContext leaf(IndexSearcher s, int globalDoc) {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    return leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(globalDoc, leaves));
  }
}
