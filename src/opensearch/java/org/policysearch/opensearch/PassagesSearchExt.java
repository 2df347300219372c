package org.policysearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.search.SearchExtBuilder;

/**
 * What {@link PassagesFetchSubPhase} is asked for, in a search's {@code ext}: for each hit, the {@code size} nested
 * documents of {@code path} that {@code query} scores best (best first; on a tie the lower {@code order}); where none
 * matches, or without a query, its lead: the first {@code size} by {@code order} that open it (whose boolean
 * {@code lead.skip} is not true and whose {@code lead.text} has at least {@code lead.min_chars} characters), or its
 * first when none does. Of each, the stored {@code fields}.
 *
 * <pre>{"ext": {"policy_search_passages": {"path": "paragraphs", "query": {…}, "size": 3, "order": "paragraphs.para_no",
 *   "lead": {"skip": "paragraphs.para_heading", "text": "paragraphs.para_text", "min_chars": 20},
 *   "fields": ["paragraphs.para_text", …]}}}</pre>
 */
public final class PassagesSearchExt extends SearchExtBuilder {
  public static final String NAME = "policy_search_passages";
  private static final ParseField PATH = new ParseField("path");
  private static final ParseField QUERY = new ParseField("query");
  private static final ParseField SIZE = new ParseField("size");
  private static final ParseField LEAD = new ParseField("lead");
  private static final ParseField LEAD_SKIP = new ParseField("skip");
  private static final ParseField LEAD_TEXT = new ParseField("text");
  private static final ParseField LEAD_MIN_CHARS = new ParseField("min_chars");
  private static final ParseField ORDER = new ParseField("order");
  private static final ParseField FIELDS = new ParseField("fields");
  /** As many nested documents per hit as a nested query's inner hits may return (OpenSearch's default limit). */
  static final int MAX_SIZE = 100;

  final String path;
  /** Null: no query, the lead alone. */
  final QueryBuilder query;
  final int size;
  final String order;
  /** The lead's rule: a boolean field that rules a paragraph out when true, and a text field with its least length (code points); null: none. */
  final String leadSkip;
  final String leadText;
  final int leadMinChars;
  final List<String> fields;

  public PassagesSearchExt(String path, QueryBuilder query, int size, String order, String leadSkip, String leadText, int leadMinChars,
                           List<String> fields) {
    if (path == null || path.isEmpty()) throw new IllegalArgumentException("[" + NAME + "] needs a path");
    if (order == null || order.isEmpty()) throw new IllegalArgumentException("[" + NAME + "] needs an order field");
    if (size < 0 || size > MAX_SIZE) throw new IllegalArgumentException("[" + NAME + "] size must be between 0 and " + MAX_SIZE);
    if (leadMinChars < 0) throw new IllegalArgumentException("[" + NAME + "] lead.min_chars must not be negative");
    this.path = path;
    this.query = query;
    this.size = size;
    this.order = order;
    this.leadSkip = leadSkip;
    this.leadText = leadText;
    this.leadMinChars = leadMinChars;
    this.fields = List.copyOf(fields);
  }

  public PassagesSearchExt(StreamInput in) throws IOException {
    path = in.readString();
    query = in.readOptionalNamedWriteable(QueryBuilder.class);
    size = in.readVInt();
    order = in.readString();
    leadSkip = in.readOptionalString();
    leadText = in.readOptionalString();
    leadMinChars = in.readVInt();
    fields = List.copyOf(in.readStringList());
  }

  @Override
  public void writeTo(StreamOutput out) throws IOException {
    out.writeString(path);
    out.writeOptionalNamedWriteable(query);
    out.writeVInt(size);
    out.writeString(order);
    out.writeOptionalString(leadSkip);
    out.writeOptionalString(leadText);
    out.writeVInt(leadMinChars);
    out.writeStringCollection(fields);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }

  @Override
  public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.field(PATH.getPreferredName(), path);
    if (query != null) builder.field(QUERY.getPreferredName(), query);
    builder.field(SIZE.getPreferredName(), size);
    builder.field(ORDER.getPreferredName(), order);
    builder.startObject(LEAD.getPreferredName());
    if (leadSkip != null) builder.field(LEAD_SKIP.getPreferredName(), leadSkip);
    if (leadText != null) builder.field(LEAD_TEXT.getPreferredName(), leadText);
    builder.field(LEAD_MIN_CHARS.getPreferredName(), leadMinChars);
    builder.endObject();
    builder.field(FIELDS.getPreferredName(), fields);
    builder.endObject();
    return builder;
  }

  /** Parses the object that follows the ext's name (the parser is on its start). */
  public static PassagesSearchExt fromXContent(XContentParser parser) throws IOException {
    if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] takes an object");
    }
    String path = null;
    QueryBuilder query = null;
    int size = 0;
    String order = null;
    String leadSkip = null;
    String leadText = null;
    int leadMinChars = 0;
    List<String> fields = new ArrayList<>();
    String current = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        current = parser.currentName();
      } else if (token == XContentParser.Token.START_OBJECT && QUERY.match(current, parser.getDeprecationHandler())) {
        query = AbstractQueryBuilder.parseInnerQueryBuilder(parser);
      } else if (token == XContentParser.Token.START_ARRAY && FIELDS.match(current, parser.getDeprecationHandler())) {
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) fields.add(parser.text());
      } else if (token.isValue() && PATH.match(current, parser.getDeprecationHandler())) {
        path = parser.text();
      } else if (token.isValue() && ORDER.match(current, parser.getDeprecationHandler())) {
        order = parser.text();
      } else if (token.isValue() && SIZE.match(current, parser.getDeprecationHandler())) {
        size = parser.intValue();
      } else if (token == XContentParser.Token.START_OBJECT && LEAD.match(current, parser.getDeprecationHandler())) {
        String inLead = null;
        while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
          if (token == XContentParser.Token.FIELD_NAME) {
            inLead = parser.currentName();
          } else if (token.isValue() && LEAD_SKIP.match(inLead, parser.getDeprecationHandler())) {
            leadSkip = parser.text();
          } else if (token.isValue() && LEAD_TEXT.match(inLead, parser.getDeprecationHandler())) {
            leadText = parser.text();
          } else if (token.isValue() && LEAD_MIN_CHARS.match(inLead, parser.getDeprecationHandler())) {
            leadMinChars = parser.intValue();
          } else {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] lead does not take [" + inLead + "]");
          }
        }
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] does not take [" + current + "]");
      }
    }
    try {
      return new PassagesSearchExt(path, query, size, order, leadSkip, leadText, leadMinChars, fields);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PassagesSearchExt p && path.equals(p.path) && Objects.equals(query, p.query) && size == p.size
        && order.equals(p.order) && Objects.equals(leadSkip, p.leadSkip) && Objects.equals(leadText, p.leadText)
        && leadMinChars == p.leadMinChars && fields.equals(p.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, query, size, order, leadSkip, leadText, leadMinChars, fields);
  }
}
