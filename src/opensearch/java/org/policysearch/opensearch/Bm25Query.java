package org.policysearch.opensearch;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * A query scored by {@link BM25Similarity} with its own {@code k1} and {@code b}: its weight is made by a searcher over
 * the same reader context with that similarity, which asks the searcher of the request for every term and field
 * statistic. OpenSearch's searcher answers those with the whole index's under {@code dfs_query_then_fetch}, so the
 * scores are what the mapping's similarity would give with these parameters, on any number of shards.
 */
final class Bm25Query extends Query {
  private final Query in;
  private final float k1;
  private final float b;

  Bm25Query(Query in, float k1, float b) {
    check(k1, b);
    this.in = Objects.requireNonNull(in);
    this.k1 = k1;
    this.b = b;
  }

  /** BM25's own bounds, said in the query's terms (BM25Similarity would throw with its own words). */
  static void check(float k1, float b) {
    if (!(k1 >= 0) || Float.isInfinite(k1)) throw new IllegalArgumentException("[k1] must be a finite number of 0 or more, got " + k1);
    if (!(b >= 0 && b <= 1)) throw new IllegalArgumentException("[b] must be between 0 and 1, got " + b);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query r = in.rewrite(searcher);
    return r == in ? this : new Bm25Query(r, k1, b);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    IndexSearcher view = new IndexSearcher(searcher.getTopReaderContext()) {
      @Override
      public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        return searcher.termStatistics(term, docFreq, totalTermFreq);
      }

      @Override
      public CollectionStatistics collectionStatistics(String field) throws IOException {
        return searcher.collectionStatistics(field);
      }
    };
    view.setSimilarity(new BM25Similarity(k1, b));
    view.setQueryCache(null); // the request's searcher caches what it runs; this one only makes the weight
    return view.createWeight(in, scoreMode, boost);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "bm25(k1=" + k1 + ", b=" + b + ")(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && in.equals(((Bm25Query) o).in) && k1 == ((Bm25Query) o).k1 && b == ((Bm25Query) o).b;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, k1, b);
  }
}
