package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.Fields;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;

/**
 * The embedded index as the similar-documents rules read it: term statistics from the reader, the ranking
 * term at a time ({@link BagOfTermsRanker}), documents and paragraphs from the blocks. A candidate's
 * {@link SimilarIndex.Candidate#order} is its global doc id.
 */
final class LuceneSimilarIndex implements SimilarIndex {
  private final SearchContext context;
  private final SearchService search;

  LuceneSimilarIndex(SearchContext context, SearchService search) {
    this.context = context;
    this.search = search;
  }

  @Override
  public DocumentView document(String id) throws NotFoundException, InvalidRequestException, IOException {
    return search.document(id, null);
  }

  @Override
  public View open() throws IOException {
    SearcherProvider.Lease lease = context.provider().acquire();
    return new LuceneView(lease, context.timed(lease.searcher()));
  }

  private final class LuceneView implements View {
    private final SearcherProvider.Lease lease;
    private final IndexSearcher s;
    private final Map<Integer, PolicyDocument> metas = new HashMap<>();
    private final Map<String, Integer> parents = new HashMap<>();
    private final Map<List<Object>, Paragraph> paragraphs = new HashMap<>();
    private final Map<Query, Weight> weights = new HashMap<>();

    LuceneView(SearcherProvider.Lease lease, IndexSearcher s) {
      this.lease = lease;
      this.s = s;
    }

    @Override
    public int docFreq(String field, String term) throws IOException {
      return s.getIndexReader().docFreq(new Term(field, term));
    }

    @Override
    public int docCount(String field) throws IOException {
      return s.getIndexReader().getDocCount(field);
    }

    @Override
    public List<Candidate> rank(List<Clause> clauses, int n, String excludedId) throws IOException {
      BagOfTermsRanker ranker = new BagOfTermsRanker(s);
      for (Clause c : clauses) ranker.add(c);
      int source = excludedId == null ? -1 : find(excludedId);
      List<Candidate> out = new ArrayList<>();
      for (ScoreDoc sd : ranker.top(n, (ctx, d) -> ctx.docBase + d == source || duplicate(ctx, d))) {
        out.add(new Candidate(metadata(sd.doc).id(), sd.score, sd.doc));
      }
      return out;
    }

    private boolean duplicate(LeafReaderContext ctx, int parent) throws IOException {
      NumericDocValues dup = ctx.reader().getNumericDocValues(Fields.DUPLICATE);
      return dup != null && dup.advanceExact(parent) && dup.longValue() != 0;
    }

    /** The global doc id of the document, or -1. */
    private int find(String id) throws IOException {
      ScoreDoc[] hit = s.search(new TermQuery(new Term(Fields.DOC_KEY, id)), 1).scoreDocs;
      return hit.length == 0 ? -1 : hit[0].doc;
    }

    private PolicyDocument metadata(int doc) throws IOException {
      PolicyDocument m = metas.get(doc);
      if (m == null) {
        LeafReaderContext ctx = DocumentReader.leaf(s, doc);
        m = DocumentReader.metadata(ctx, doc - ctx.docBase, List.of());
        metas.put(doc, m);
        parents.put(m.id(), doc);
      }
      return m;
    }

    @Override
    public PolicyDocument metadata(Candidate c) throws IOException {
      return metadata(c.order());
    }

    @Override
    public Optional<Candidate> eligible(String id, String excludedId) throws IOException {
      int doc = find(id);
      if (doc < 0 || id.equals(excludedId)) return Optional.empty();
      LeafReaderContext ctx = DocumentReader.leaf(s, doc);
      if (duplicate(ctx, doc - ctx.docBase)) return Optional.empty();
      return Optional.of(new Candidate(id, 0, doc));
    }

    @Override
    public List<Paragraph> bestParagraphs(Candidate c, Query paragraphQuery, int max) throws IOException {
      Weight w = weights.get(paragraphQuery);
      if (w == null) {
        w = s.createWeight(s.rewrite(paragraphQuery), ScoreMode.COMPLETE, 1f);
        weights.put(paragraphQuery, w);
      }
      LeafReaderContext ctx = DocumentReader.leaf(s, c.order());
      int parent = c.order() - ctx.docBase;
      int first = DocumentReader.firstChild(context.parents().getBitSet(ctx), parent);
      List<float[]> scored = new ArrayList<>(); // {doc, score}
      Scorer sc = w.scorer(ctx);
      if (sc != null) {
        DocIdSetIterator it = sc.iterator();
        for (int d = it.advance(first); d < parent; d = it.nextDoc()) scored.add(new float[] {d, sc.score()});
      }
      scored.sort(Comparator.comparingDouble((float[] a) -> -a[1])); // stable: the earlier paragraph on a tie
      var sf = ctx.reader().storedFields();
      List<Paragraph> out = new ArrayList<>();
      for (int i = 0; i < Math.min(max, scored.size()); i++) out.add(DocumentReader.paragraph(sf, (int) scored.get(i)[0]));
      return out;
    }

    @Override
    public Optional<Paragraph> paragraph(Candidate c, int number) throws IOException {
      LeafReaderContext ctx = DocumentReader.leaf(s, c.order());
      int parent = c.order() - ctx.docBase;
      int first = DocumentReader.firstChild(context.parents().getBitSet(ctx), parent);
      // paragraph N is the N-th child of the block
      if (number < 1 || first + number - 1 >= parent) return Optional.empty();
      return Optional.of(DocumentReader.paragraph(ctx.reader().storedFields(), first + number - 1));
    }

    @Override
    public List<ParagraphHit> topParagraphs(Query paragraphQuery, int n) throws IOException {
      Query q = new BooleanQuery.Builder()
          .add(paragraphQuery, Occur.MUST)
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PARAGRAPH)), Occur.FILTER)
          .build();
      List<ParagraphHit> out = new ArrayList<>();
      for (ScoreDoc sd : s.search(q, n).scoreDocs) {
        LeafReaderContext ctx = DocumentReader.leaf(s, sd.doc);
        int local = sd.doc - ctx.docBase;
        int parent = context.parents().getBitSet(ctx).nextSetBit(local);
        PolicyDocument meta = metadata(ctx.docBase + parent);
        Paragraph p = DocumentReader.paragraph(ctx.reader().storedFields(), local);
        paragraphs.put(List.of(meta.id(), p.number()), p);
        out.add(new ParagraphHit(meta.id(), p.number(), sd.score, duplicate(ctx, parent)));
      }
      return out;
    }

    @Override
    public PolicyDocument metadata(ParagraphHit h) throws IOException {
      return metadata(parents.get(h.document()));
    }

    @Override
    public Paragraph paragraph(ParagraphHit h) {
      return paragraphs.get(List.of(h.document(), h.number()));
    }

    @Override
    public void close() throws IOException {
      lease.close();
    }
  }
}
