package org.policysearch.opensearch;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.index.query.QueryShardException;

/**
 * The {@code k} nearest vectors of a {@value VectorFieldMapper#CONTENT_TYPE} field on each shard, as Lucene's
 * {@link KnnFloatVectorQuery} finds them (the graph search the embedded vector index runs), scored as Lucene
 * scores a dot product: {@code (1 + cosine) / 2}.
 *
 * <pre>{"policy_search_knn": {"field": "windows.vector", "vector": "base64 of little-endian floats", "k": 100}}</pre>
 *
 * Inside a {@code nested} query the hits are the nested documents, so the parents rank by their best vector.
 * A field no document has yet matches nothing (an index still being built), as a term query on it would.
 */
public final class VectorQueryBuilder extends AbstractQueryBuilder<VectorQueryBuilder> {
  public static final String NAME = "policy_search_knn";
  private static final ParseField FIELD = new ParseField("field");
  private static final ParseField VECTOR = new ParseField("vector");
  private static final ParseField K = new ParseField("k");
  /** Lucene's graph search keeps k candidates in memory per segment: a bound on what one request may ask. */
  static final int MAX_K = 10_000;

  private final String field;
  private final float[] vector;
  private final int k;

  public VectorQueryBuilder(String field, float[] vector, int k) {
    if (field == null || field.isEmpty()) throw new IllegalArgumentException("[" + NAME + "] needs a field");
    if (vector == null || vector.length == 0) throw new IllegalArgumentException("[" + NAME + "] needs a vector");
    if (k < 1 || k > MAX_K) throw new IllegalArgumentException("[" + NAME + "] k must be 1 to " + MAX_K + ", got " + k);
    this.field = field;
    this.vector = vector;
    this.k = k;
  }

  public VectorQueryBuilder(StreamInput in) throws IOException {
    super(in);
    field = in.readString();
    vector = in.readFloatArray();
    k = in.readVInt();
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeString(field);
    out.writeFloatArray(vector);
    out.writeVInt(k);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.field(FIELD.getPreferredName(), field);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(vector.length * Float.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(vector);
    builder.field(VECTOR.getPreferredName(), Base64.getEncoder().encodeToString(b.array()));
    builder.field(K.getPreferredName(), k);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  public static VectorQueryBuilder fromXContent(XContentParser parser) throws IOException {
    String field = null;
    byte[] vector = null;
    Integer k = null;
    float boost = DEFAULT_BOOST;
    String queryName = null;
    String current = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        current = parser.currentName();
      } else if (token.isValue()) {
        if (FIELD.match(current, parser.getDeprecationHandler())) field = parser.text();
        else if (VECTOR.match(current, parser.getDeprecationHandler())) vector = parser.binaryValue();
        else if (K.match(current, parser.getDeprecationHandler())) k = parser.intValue();
        else if (BOOST_FIELD.match(current, parser.getDeprecationHandler())) boost = parser.floatValue();
        else if (NAME_FIELD.match(current, parser.getDeprecationHandler())) queryName = parser.text();
        else throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] does not know [" + current + "]");
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] takes only field, vector, k, boost and _name");
      }
    }
    if (field == null || vector == null || k == null) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] needs field, vector and k");
    }
    if (vector.length == 0 || vector.length % Float.BYTES != 0) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] vector must be base64 of little-endian floats");
    }
    VectorQueryBuilder q;
    try {
      q = new VectorQueryBuilder(field, VectorFieldMapper.floats(vector), k);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage());
    }
    return q.boost(boost).queryName(queryName);
  }

  @Override
  protected Query doToQuery(QueryShardContext context) {
    MappedFieldType type = context.fieldMapper(field);
    if (type == null) return new MatchNoDocsQuery("no field [" + field + "] yet");
    if (!(type instanceof VectorFieldMapper.VectorFieldType v)) {
      throw new QueryShardException(context, "[" + NAME + "] field [" + field + "] is a " + type.typeName() + ", not a "
          + VectorFieldMapper.CONTENT_TYPE);
    }
    if (v.dimension() != vector.length) {
      throw new QueryShardException(context, "[" + NAME + "] the vector has " + vector.length + " dimensions, field [" + field
          + "] holds " + v.dimension());
    }
    return new KnnFloatVectorQuery(field, vector, k);
  }

  @Override
  protected boolean doEquals(VectorQueryBuilder other) {
    return field.equals(other.field) && k == other.k && Arrays.equals(vector, other.vector);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(field, k, Arrays.hashCode(vector));
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
