package org.policysearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policysearch.doc.Paragraph;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.query.CompiledQuery;
import org.policysearch.search.query.HighlightTerm;
import org.policysearch.search.query.QueryCompiler;
import org.policysearch.search.query.QueryNode;
import org.policysearch.search.query.QueryParser;
import org.policysearch.search.query.QuerySyntaxException;

/**
 * The rules of an answer that do not depend on where the index is kept, opened to a second backend (the
 * OpenSearch one, {@code search.opensearch}) so that both answer by the same code: the checks of a request,
 * how facet counts become the lists and trees of {@link org.policysearch.search.api.Facets}, and how a
 * paragraph becomes a passage with its highlights. (Filter values as typed are read by the public
 * {@link FilterResolver}.) Each method is the Lucene backend's own, not a copy.
 */
public final class BackendRules {
  private BackendRules() {}

  public static void validate(SearchRequest r, SearchLimits limits) throws InvalidRequestException {
    SearchService.validate(r, limits);
  }

  /** Values by count (years by value, newest first); selected values listed even at 0. */
  public static List<FacetValue> flat(Map<String, Long> counts, List<String> selected, boolean byValueDesc) {
    return SearchService.flat(counts, selected, byValueDesc);
  }

  /**
   * Parses and compiles a query under the length limit, translating syntax errors into request errors on
   * {@code param}: the one reading of a query for every backend.
   */
  public static CompiledQuery compile(QueryCompiler compiler, SearchLimits limits, String query, String param)
      throws InvalidRequestException {
    if (query != null && query.length() > limits.maxQueryLength()) {
      throw new InvalidRequestException(param, "the query is " + query.length() + " characters long; the limit is "
          + limits.maxQueryLength(), "检索式长 " + query.length() + " 个字符，超过了 " + limits.maxQueryLength() + " 个字符的上限");
    }
    try {
      QueryNode node = QueryParser.parse(query);
      return compiler.compile(query, node);
    } catch (QuerySyntaxException e) {
      throw new InvalidRequestException(param, e.getMessage(), e.messageZh(), e.position());
    }
  }

  /** Paths of every level folded into a tree (regions, themes). */
  public static List<FacetValue> tree(Map<String, Long> counts, List<String> selected) {
    return SearchService.regionTree(counts, selected);
  }

  /** A paragraph with every highlight term marked. */
  public static Passage passage(Paragraph p, List<HighlightTerm> highlights) {
    return PassageFinder.passage(p, highlights);
  }

  /**
   * The export rows of a search through any backend's search, paged as the Lucene backend pages them, with
   * the cites column from that backend's {@code lineage}.
   */
  public static long export(ExportSearcher search, SearchLimits limits, LineageService lineage, SearchRequest r, int limit,
                            java.util.function.Consumer<org.policysearch.search.api.ExportRow> sink)
      throws InvalidRequestException, java.io.IOException {
    return new ExportService(search::search, limits, lineage::cites).export(r, limit, sink);
  }

  /** A backend's search, for {@link #export}. */
  @FunctionalInterface
  public interface ExportSearcher {
    org.policysearch.search.api.SearchResult search(SearchRequest r) throws InvalidRequestException, java.io.IOException;
  }

  /** The phrase of a phrase-statistics request without its quotation marks, or the reason it is refused. */
  public static String validPhrase(org.policysearch.search.api.PhraseRequest r, SearchLimits limits) throws InvalidRequestException {
    return PhraseService.validPhrase(r, limits);
  }

  /** Non-overlapping occurrences of a normalised phrase in a paragraph's text, as source ranges [start, end). */
  public static List<int[]> occurrences(String text, String normalizedPhrase) {
    return PhraseService.occurrences(text, normalizedPhrase);
  }

  /**
   * The passages of a document without body terms (or none of whose paragraphs match), as {@link PassageFinder}
   * chooses them: its first paragraphs that say something (not headings, at least this many characters), or its first
   * paragraph when none does. The cluster's plugin applies the same rule, with this length, where the paragraphs are.
   */
  public static final int LEAD_MIN_CHARS = PassageFinder.LEAD_MIN_CHARS;
}
