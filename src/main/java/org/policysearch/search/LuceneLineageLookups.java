package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.DocumentLineage;
import org.policysearch.index.Fields;
import org.policysearch.index.StoredReferences;

/** {@link LineageLookups} over one searcher of the embedded index: term queries, stored fields, doc values. */
final class LuceneLineageLookups implements LineageLookups {
  private final IndexSearcher searcher;
  private final SearcherProvider.Lease held;

  /** Lookups over a searcher its caller keeps open. */
  LuceneLineageLookups(IndexSearcher searcher) {
    this(searcher, null);
  }

  /** Lookups that give back {@code held} (the lease of {@code searcher}) when closed. */
  LuceneLineageLookups(IndexSearcher searcher, SearcherProvider.Lease held) {
    this.searcher = searcher;
    this.held = held;
  }

  @Override
  public Optional<Entry> document(String id) throws IOException {
    TopDocs td = searcher.search(new TermQuery(new Term(Fields.DOC_KEY, id)), 1);
    return td.scoreDocs.length == 0 ? Optional.empty() : Optional.of(entry(td.scoreDocs[0].doc));
  }

  @Override
  public List<PolicyDocument> owners(String key, int limit) throws IOException {
    List<PolicyDocument> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(new TermQuery(new Term(Fields.LINEAGE_KEY, key)), Math.max(1, limit)).scoreDocs) {
      LeafReaderContext leaf = DocumentReader.leaf(searcher, sd.doc);
      out.add(DocumentReader.metadata(leaf, sd.doc - leaf.docBase, List.of()));
    }
    return out;
  }

  @Override
  public List<Entry> citing(String key) throws IOException {
    return all(new TermQuery(new Term(Fields.CITES_KEY, key)));
  }

  @Override
  public List<Entry> repealingOthers() throws IOException {
    return all(new TermQuery(new Term(Fields.REPEALS_OTHERS, DocumentLineage.REPEALS)));
  }

  private List<Entry> all(Query q) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(q, Math.max(1, searcher.count(q))).scoreDocs) out.add(entry(sd.doc));
    return out;
  }

  private Entry entry(int globalDoc) throws IOException {
    LeafReaderContext leaf = DocumentReader.leaf(searcher, globalDoc);
    int local = globalDoc - leaf.docBase;
    Document stored = leaf.reader().storedFields().document(local, Set.of(Fields.REFERENCES));
    return new Entry(DocumentReader.metadata(leaf, local, List.of()), StoredReferences.decode(stored.get(Fields.REFERENCES)));
  }

  @Override
  public void close() throws IOException {
    if (held != null) held.close();
  }
}
