package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.policysearch.search.query.ContainingWordQuery;

/**
 * The query compiler's Lucene queries ({@link org.policysearch.search.query.QueryCompiler}, the same one the
 * embedded backend runs) written as OpenSearch query DSL, node for node and term for term: the query
 * language, its synonyms, the exact guarantee and the word rules are decided once, in the compiler, and
 * this class only changes how the decision is written. Terms are sent as terms (span and term queries,
 * never re-analysed), so a quoted string matches its exact pairs on the cluster exactly as it does in the
 * embedded index.
 *
 * <ul>
 *   <li>BooleanQuery → {@code bool} (clauses and minimum should match as they are)
 *   <li>TermQuery → {@code term}; PhraseQuery (consecutive positions) → the plugin's {@code policy_search_phrase}, which is
 *       Lucene's PhraseQuery of the same terms: a {@code span_near} matches the same documents but weighs a repeated
 *       term once, so a quoted string holding a pair twice ranked otherwise (OpenSearchRankingTest)
 *   <li>BoostQuery → its query with {@code boost}; ConstantScoreQuery → {@code constant_score}
 *   <li>ToParentBlockJoinQuery (a paragraph-level query joined to its document) → {@code nested} over the paragraphs, max score
 *   <li>ContainingWordQuery (a word holding the text) → {@code term} on the field's {@code infix} sub-field (every
 *       substring of every word, up to {@link IndexDesign#INFIX_MAX} characters), or for a longer text
 *       {@code wildcard *text*} on the same field: the same set of words; on the title field the embedded index takes the words from the body's vocabulary, so a title word
 *       no body holds is found here and not there (docs/opensearch.md)
 * </ul>
 * Anything else is a compiler change this class has not followed: it fails loudly rather than answer differently.
 */
final class QueryTranslator {
  private QueryTranslator() {}

  static JsonObject translate(Query q) {
    return translate(q, false);
  }

  /** A query on paragraph fields (the compiler's paragraph query), to run inside a nested query on the paragraphs. */
  static JsonObject translateParagraph(Query q) {
    return translate(q, true);
  }

  private static JsonObject translate(Query q, boolean inParagraph) {
    return switch (q) {
      case BooleanQuery b -> bool(b, inParagraph);
      case TermQuery t -> term(t.getTerm(), inParagraph);
      case PhraseQuery p -> phrase(p, inParagraph);
      case BoostQuery b -> boosted(translate(b.getQuery(), inParagraph), b.getBoost());
      case ConstantScoreQuery c -> wrap("constant_score", "filter", translate(c.getQuery(), inParagraph));
      case MatchAllDocsQuery m -> wrap("match_all", new JsonObject());
      case MatchNoDocsQuery m -> wrap("match_none", new JsonObject());
      case ToParentBlockJoinQuery j -> nested(j);
      case ContainingWordQuery c -> containing(c, inParagraph);
      default -> throw new IllegalStateException("no OpenSearch form for the query " + q.getClass().getSimpleName() + ": " + q);
    };
  }

  private static JsonObject bool(BooleanQuery b, boolean inParagraph) {
    JsonObject o = new JsonObject();
    boolean positive = false;
    for (BooleanClause c : b.clauses()) {
      String occur = switch (c.occur()) {
        case MUST -> "must";
        case SHOULD -> "should";
        case FILTER -> "filter";
        case MUST_NOT -> "must_not";
      };
      positive |= c.occur() != BooleanClause.Occur.MUST_NOT;
      if (!o.has(occur)) o.add(occur, new JsonArray());
      o.getAsJsonArray(occur).add(translate(c.query(), inParagraph));
    }
    // Lucene matches nothing with only prohibited clauses; OpenSearch would match everything else.
    if (!positive) return wrap("match_none", new JsonObject());
    if (b.getMinimumNumberShouldMatch() > 0) o.addProperty("minimum_should_match", b.getMinimumNumberShouldMatch());
    return wrap("bool", o);
  }

  private static JsonObject term(Term t, boolean inParagraph) {
    JsonObject f = new JsonObject();
    f.addProperty(field(t.field(), inParagraph), t.text());
    return wrap("term", f);
  }

  private static JsonObject phrase(PhraseQuery p, boolean inParagraph) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    if (terms.length == 0) return wrap("match_none", new JsonObject());
    if (terms.length == 1) return term(terms[0], inParagraph);
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] != positions[i - 1] + 1 || p.getSlop() != 0) {
        throw new IllegalStateException("a phrase with gaps or slop has no form here: " + p);
      }
    }
    JsonArray texts = new JsonArray();
    for (Term t : terms) {
      texts.add(t.text());
    }
    JsonObject o = new JsonObject();
    o.addProperty("field", field(terms[0].field(), inParagraph));
    o.add("terms", texts);
    return wrap(PHRASE_QUERY, o);
  }

  /** The plugin's phrase query ({@code opensearch.PhraseQueryBuilder}). */
  static final String PHRASE_QUERY = "policy_search_phrase";

  private static JsonObject nested(ToParentBlockJoinQuery j) {
    JsonObject n = new JsonObject();
    n.addProperty("path", IndexDesign.PARAGRAPHS);
    n.add("query", translate(j.getChildQuery(), true));
    n.addProperty("score_mode", "max");
    return wrap("nested", n);
  }

  private static JsonObject containing(ContainingWordQuery c, boolean inParagraph) {
    String f0 = field(c.field(), inParagraph);
    if (c.text().codePointCount(0, c.text().length()) <= IndexDesign.INFIX_MAX && IndexDesign.WORDS_FIELDS.contains(c.field())) {
      // the words holding the text are the documents whose words' substrings include it (IndexDesign.INFIX_MAX);
      // constant score, as the wildcard's and the embedded TermInSetQuery's
      JsonObject t = new JsonObject();
      t.addProperty(f0 + "." + IndexDesign.INFIX_SUB, c.text());
      return wrap("constant_score", "filter", wrap("term", t));
    }
    JsonObject v = new JsonObject();
    v.addProperty("value", "*" + c.text().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?") + "*");
    JsonObject f = new JsonObject();
    f.add(f0, v);
    return wrap("wildcard", f);
  }

  /** The cluster's name of a field the compiler names; paragraph fields only inside a nested query. */
  static String field(String luceneField, boolean inParagraph) {
    String f = IndexDesign.FIELD.get(luceneField);
    if (f == null) throw new IllegalStateException("no OpenSearch field for " + luceneField);
    if (f.startsWith(IndexDesign.PARAGRAPHS + ".") != inParagraph) {
      throw new IllegalStateException("the field " + luceneField + (inParagraph ? " outside" : " inside") + " the paragraphs");
    }
    return f;
  }

  private static JsonObject boosted(JsonObject q, float boost) {
    JsonObject b = new JsonObject();
    JsonArray must = new JsonArray();
    must.add(q);
    b.add("must", must);
    b.addProperty("boost", boost);
    return wrap("bool", b);
  }

  static JsonObject wrap(String key, JsonObject value) {
    JsonObject o = new JsonObject();
    o.add(key, value);
    return o;
  }

  private static JsonObject wrap(String key, String inner, JsonObject value) {
    JsonObject o = new JsonObject();
    o.add(inner, value);
    return wrap(key, o);
  }
}
