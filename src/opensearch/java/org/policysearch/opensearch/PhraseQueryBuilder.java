package org.policysearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
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

/**
 * Terms at consecutive positions of one field, as given (never analysed again): Lucene's {@link PhraseQuery}, the
 * query the embedded index runs for a quoted string's exact pairs.
 *
 * <pre>{"policy_search_phrase": {"field": "doc_words.pairs", "terms": ["义务", "务教", "教育"]}}</pre>
 *
 * Why not the stock {@code span_near} of {@code span_term}s, which matches the same documents: it scores differently
 * when a term repeats (BM25's weight of a phrase sums the idf of every term; the span query's sums each distinct
 * term once, so a quoted string or synonym holding a pair twice ranked otherwise), and it cannot skip blocks of
 * documents that cannot reach the top hits as a phrase query's impacts let it. And not {@code match_phrase}: it
 * analyses its text again, and an exact pair may hold a space.
 */
public final class PhraseQueryBuilder extends AbstractQueryBuilder<PhraseQueryBuilder> {
  public static final String NAME = "policy_search_phrase";
  private static final ParseField FIELD = new ParseField("field");
  private static final ParseField TERMS = new ParseField("terms");
  /** As many terms as a query may have clauses (Lucene's default): a longer quoted string is refused before this. */
  static final int MAX_TERMS = 1024;

  private final String field;
  private final List<String> terms;

  public PhraseQueryBuilder(String field, List<String> terms) {
    if (field == null || field.isEmpty()) throw new IllegalArgumentException("[" + NAME + "] needs a field");
    if (terms == null || terms.isEmpty()) throw new IllegalArgumentException("[" + NAME + "] needs terms");
    if (terms.size() > MAX_TERMS) throw new IllegalArgumentException("[" + NAME + "] takes at most " + MAX_TERMS + " terms, got " + terms.size());
    this.field = field;
    this.terms = List.copyOf(terms);
  }

  public PhraseQueryBuilder(StreamInput in) throws IOException {
    super(in);
    field = in.readString();
    terms = List.copyOf(in.readStringList());
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeString(field);
    out.writeStringCollection(terms);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.field(FIELD.getPreferredName(), field);
    builder.field(TERMS.getPreferredName(), terms);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  public static PhraseQueryBuilder fromXContent(XContentParser parser) throws IOException {
    String field = null;
    List<String> terms = null;
    float boost = DEFAULT_BOOST;
    String queryName = null;
    String current = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        current = parser.currentName();
      } else if (token == XContentParser.Token.START_ARRAY && TERMS.match(current, parser.getDeprecationHandler())) {
        terms = new ArrayList<>();
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
          if (!parser.currentToken().isValue()) throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] terms are strings");
          terms.add(parser.text());
        }
      } else if (token.isValue()) {
        if (FIELD.match(current, parser.getDeprecationHandler())) field = parser.text();
        else if (BOOST_FIELD.match(current, parser.getDeprecationHandler())) boost = parser.floatValue();
        else if (NAME_FIELD.match(current, parser.getDeprecationHandler())) queryName = parser.text();
        else throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] does not know [" + current + "]");
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] takes only field, terms, boost and _name");
      }
    }
    if (field == null || terms == null) throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] needs field and terms");
    try {
      return new PhraseQueryBuilder(field, terms).boost(boost).queryName(queryName);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage());
    }
  }

  @Override
  protected Query doToQuery(QueryShardContext context) {
    MappedFieldType type = context.fieldMapper(field);
    // a field no document has (an empty index) matches nothing, as a term query on it would
    if (type == null) return new MatchNoDocsQuery("no field [" + field + "]");
    // the field's statistics asked for on every shard, so that a distributed frequency pass counts it whole
    return new FieldStatisticsQuery(new PhraseQuery(type.name(), terms.toArray(String[]::new)), type.name());
  }

  @Override
  protected boolean doEquals(PhraseQueryBuilder other) {
    return field.equals(other.field) && terms.equals(other.terms);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(field, terms);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
