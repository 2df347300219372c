package org.policysearch.bench.relevance;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.policysearch.doc.PolicyDocument;

/**
 * A reference ranker kept apart from the product: plain BM25 (k1 1.2, b 0.75) over whole documents
 * (title and body in one field) with one analyzer, in memory. The query is the analysed text, each
 * distinct term once with its count as weight (what a bag-of-words query parser does when a term repeats).
 * Built from the same ingested documents the product indexes, so both see the same cleaned text.
 */
final class BaselineIndex implements AutoCloseable {
  private static final String ID = "id";
  private static final String TEXT = "text";

  private final String name;
  private final Analyzer analyzer;
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  BaselineIndex(String name, Analyzer analyzer, List<PolicyDocument> docs) throws IOException {
    this.name = name;
    this.analyzer = analyzer;
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(1.2f, 0.75f))
        .setRAMBufferSizeMB(128);
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (PolicyDocument d : docs) {
        Document doc = new Document();
        doc.add(new StoredField(ID, d.id()));
        doc.add(new TextField(TEXT, d.title() + "\n" + d.bodyText(), Field.Store.NO));
        w.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity(1.2f, 0.75f));
  }

  String name() {
    return name;
  }

  /** Document ids, best first. */
  List<String> rank(String text, int n) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream ts = analyzer.tokenStream(TEXT, new StringReader(text))) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) counts.merge(t.toString(), 1, Integer::sum);
      ts.end();
    }
    if (counts.isEmpty()) return List.of();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    counts.forEach((term, c) -> b.add(new BoostQuery(new TermQuery(new Term(TEXT, term)), c), Occur.SHOULD));
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), counts.size() + 1));
    ScoreDoc[] top = searcher.search(b.build(), n).scoreDocs;
    StoredFields sf = searcher.storedFields();
    List<String> ids = new ArrayList<>(top.length);
    for (ScoreDoc sd : top) ids.add(sf.document(sd.doc).get(ID));
    return ids;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
