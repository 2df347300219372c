package org.policysearch.opensearch;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query that asks for its field's statistics whenever it is weighed for scores, then weighs as its inner query.
 *
 * <p>Why: under {@code dfs_query_then_fetch} OpenSearch learns which statistics a search needs by weighing the query on
 * each shard first, and sums what each shard was asked for. Lucene's phrase weight asks for its field's statistics only
 * on a shard that holds one of its terms, so for a rare phrase (a title's pairs held by one document) the sum counted
 * the field on one shard of three, and the phrase scored otherwise than on the embedded index (OpenSearchParityTest:
 * {@code 科技创新 -"人工智能"}, 18.2 against 21.0). A term query always asks; this makes a phrase do the same.
 */
final class FieldStatisticsQuery extends Query {
  private final Query in;
  private final String field;

  FieldStatisticsQuery(Query in, String field) {
    this.in = Objects.requireNonNull(in);
    this.field = Objects.requireNonNull(field);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query r = in.rewrite(searcher);
    return r == in ? this : new FieldStatisticsQuery(r, field);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    if (scoreMode.needsScores()) searcher.collectionStatistics(field);
    return in.createWeight(searcher, scoreMode, boost);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String f) {
    return in.toString(f);
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && in.equals(((FieldStatisticsQuery) o).in) && field.equals(((FieldStatisticsQuery) o).field);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, field);
  }
}
