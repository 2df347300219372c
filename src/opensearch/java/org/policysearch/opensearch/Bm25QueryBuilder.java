package org.policysearch.opensearch;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.InnerHitContextBuilder;
import org.opensearch.index.query.MatchNoneQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilderVisitor;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;

/**
 * A query scored with BM25 of the given {@code k1} and {@code b} whatever the similarity its fields are mapped with
 * ({@link Bm25Query}): the term statistics are still the search's (the shard's, or the whole index's under
 * {@code dfs_query_then_fetch}).
 *
 * <pre>{"policy_search_bm25": {"query": {...}, "k1": 1.2, "b": 0.9}}</pre>
 *
 * Why: a field has one similarity in a mapping, and policy-search ranks the same field two ways. A search ranks the
 * document-level fields with weak length normalisation (b 0.3: a report that treats a subject at length is as much
 * an answer as a short notice), similar documents rank a pasted text's pairs on the same fields with strong
 * normalisation (b 0.9: a long law shares many pairs with any text by chance). The mapping carries the search's,
 * and the similar-documents ranking asks for its own with this query, as the embedded index does with two scorers.
 */
public final class Bm25QueryBuilder extends AbstractQueryBuilder<Bm25QueryBuilder> {
  public static final String NAME = "policy_search_bm25";
  private static final ParseField QUERY = new ParseField("query");
  private static final ParseField K1 = new ParseField("k1");
  private static final ParseField B = new ParseField("b");

  private final QueryBuilder query;
  private final float k1;
  private final float b;

  public Bm25QueryBuilder(QueryBuilder query, float k1, float b) {
    if (query == null) throw new IllegalArgumentException("[" + NAME + "] needs a query");
    Bm25Query.check(k1, b);
    this.query = query;
    this.k1 = k1;
    this.b = b;
  }

  public Bm25QueryBuilder(StreamInput in) throws IOException {
    super(in);
    query = in.readNamedWriteable(QueryBuilder.class);
    k1 = in.readFloat();
    b = in.readFloat();
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeNamedWriteable(query);
    out.writeFloat(k1);
    out.writeFloat(b);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.field(QUERY.getPreferredName());
    query.toXContent(builder, params);
    builder.field(K1.getPreferredName(), k1);
    builder.field(B.getPreferredName(), b);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  public static Bm25QueryBuilder fromXContent(XContentParser parser) throws IOException {
    QueryBuilder query = null;
    Float k1 = null;
    Float b = null;
    float boost = DEFAULT_BOOST;
    String queryName = null;
    String current = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        current = parser.currentName();
      } else if (token == XContentParser.Token.START_OBJECT && QUERY.match(current, parser.getDeprecationHandler())) {
        query = parseInnerQueryBuilder(parser);
      } else if (token.isValue()) {
        if (K1.match(current, parser.getDeprecationHandler())) k1 = parser.floatValue();
        else if (B.match(current, parser.getDeprecationHandler())) b = parser.floatValue();
        else if (BOOST_FIELD.match(current, parser.getDeprecationHandler())) boost = parser.floatValue();
        else if (NAME_FIELD.match(current, parser.getDeprecationHandler())) queryName = parser.text();
        else throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] does not know [" + current + "]");
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] takes only query, k1, b, boost and _name");
      }
    }
    if (query == null || k1 == null || b == null) throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] needs query, k1 and b");
    try {
      return new Bm25QueryBuilder(query, k1, b).boost(boost).queryName(queryName);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage());
    }
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    return new Bm25Query(query.toQuery(context), k1, b);
  }

  @Override
  protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
    QueryBuilder rewritten = query.rewrite(context);
    if (rewritten instanceof MatchNoneQueryBuilder) return rewritten;
    if (rewritten != query) return new Bm25QueryBuilder(rewritten, k1, b).boost(boost()).queryName(queryName());
    return this;
  }

  @Override
  protected void extractInnerHitBuilders(Map<String, InnerHitContextBuilder> innerHits) {
    InnerHitContextBuilder.extractInnerHits(query, innerHits);
  }

  @Override
  public void visit(QueryBuilderVisitor visitor) {
    visitor.accept(this);
    visitor.getChildVisitor(BooleanClause.Occur.MUST).accept(query);
  }

  @Override
  protected boolean doEquals(Bm25QueryBuilder other) {
    return query.equals(other.query) && k1 == other.k1 && b == other.b;
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(query, k1, b);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
