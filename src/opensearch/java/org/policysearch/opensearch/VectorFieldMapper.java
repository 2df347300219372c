package org.policysearch.opensearch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Query;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.MapperParsingException;
import org.opensearch.index.mapper.ParametrizedFieldMapper;
import org.opensearch.index.mapper.ParseContext;
import org.opensearch.index.mapper.SourceValueFetcher;
import org.opensearch.index.mapper.TextSearchInfo;
import org.opensearch.index.mapper.ValueFetcher;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.index.query.QueryShardException;
import org.opensearch.search.lookup.SearchLookup;

/**
 * A paragraph embedding: the field type {@value #CONTENT_TYPE} ({@code "dimension": N}), what the embedded
 * vector index holds (docs/semantic.md), so semantic search runs on a cluster without the k-NN plugin (not
 * served for OpenSearch 3.8 where these builds resolve their packages, docs/opensearch.md).
 *
 * <p>A value is the vector's floats, little-endian, in base64: a third of the JSON a list of 512 decimal
 * floats takes, and read back bit for bit from {@code _source} ("similar to this paragraph" reads the vector
 * instead of embedding the paragraph again; kept there, not as a stored field, so that a partial update of the
 * document keeps it). It is indexed as Lucene's {@link KnnFloatVectorField} (HNSW, dot product: the model's
 * vectors are unit length, so the dot product is their cosine).
 */
public final class VectorFieldMapper extends ParametrizedFieldMapper {
  public static final String CONTENT_TYPE = "policy_search_vector";
  /** Lucene's own bound for a float vector field. */
  static final int MAX_DIMENSION = 4096;

  private static VectorFieldMapper toType(org.opensearch.index.mapper.FieldMapper in) {
    return (VectorFieldMapper) in;
  }

  public static final class Builder extends ParametrizedFieldMapper.Builder {
    private final Parameter<Integer> dimension = Parameter.intParam("dimension", false, m -> toType(m).dimension, 0)
        .setValidator(d -> {
          if (d < 1 || d > MAX_DIMENSION) throw new IllegalArgumentException("dimension must be 1 to " + MAX_DIMENSION + ", got " + d);
        });
    private final Parameter<Map<String, String>> meta = Parameter.metaParam();

    public Builder(String name) {
      super(name);
    }

    @Override
    protected List<Parameter<?>> getParameters() {
      return List.of(dimension, meta);
    }

    @Override
    public VectorFieldMapper build(BuilderContext context) {
      return new VectorFieldMapper(name, new VectorFieldType(buildFullName(context), dimension.getValue(), meta.getValue()),
          multiFieldsBuilder.build(this, context), copyTo.build(), dimension.getValue());
    }
  }

  public static final TypeParser PARSER = new TypeParser((n, c) -> new Builder(n));

  public static final class VectorFieldType extends MappedFieldType {
    private final int dimension;

    VectorFieldType(String name, int dimension, Map<String, String> meta) {
      super(name, true, false, false, TextSearchInfo.NONE, meta);
      this.dimension = dimension;
    }

    public int dimension() {
      return dimension;
    }

    @Override
    public String typeName() {
      return CONTENT_TYPE;
    }

    @Override
    public ValueFetcher valueFetcher(QueryShardContext context, SearchLookup searchLookup, String format) {
      return SourceValueFetcher.identity(name(), context, format);
    }

    @Override
    public Query termQuery(Object value, QueryShardContext context) {
      throw new QueryShardException(context, "a " + CONTENT_TYPE + " field [" + name() + "] is searched with the "
          + VectorQueryBuilder.NAME + " query, not by value");
    }
  }

  private final int dimension;

  private VectorFieldMapper(String simpleName, MappedFieldType type, MultiFields multiFields, CopyTo copyTo, int dimension) {
    super(simpleName, type, multiFields, copyTo);
    this.dimension = dimension;
  }

  @Override
  protected void parseCreateField(ParseContext context) throws IOException {
    XContentParser p = context.parser();
    if (p.currentToken() == XContentParser.Token.VALUE_NULL) return;
    byte[] bytes = p.binaryValue();
    if (bytes == null || bytes.length != dimension * Float.BYTES) {
      throw new MapperParsingException("field [" + name() + "] takes " + dimension + " floats (" + dimension * Float.BYTES
          + " bytes in base64), got " + (bytes == null ? 0 : bytes.length) + " bytes");
    }
    context.doc().add(new KnnFloatVectorField(fieldType().name(), floats(bytes), VectorSimilarityFunction.DOT_PRODUCT));
  }

  /** The floats of a value (little-endian), as both the mapper and the query read them. */
  static float[] floats(byte[] bytes) {
    float[] v = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  @Override
  public ParametrizedFieldMapper.Builder getMergeBuilder() {
    return new Builder(simpleName()).init(this);
  }

  @Override
  protected String contentType() {
    return CONTENT_TYPE;
  }
}
