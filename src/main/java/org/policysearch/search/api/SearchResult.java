package org.policysearch.search.api;

import java.util.List;
import org.policysearch.search.api.Interpretation;

/**
 * A page of results.
 *
 * @param total          exact number of matching documents (reposts folded into their originals not counted)
 * @param foldedReposts  reposts that matched too but are left out because their original is among the hits
 *                       (0 when duplicates were asked for); a repost whose original is not a hit is a hit
 * @param page           1-based page
 * @param size           page size
 * @param tookMs         time spent in the engine
 * @param interpretation how the query was understood
 * @param filters        the filters applied
 * @param sort           the order
 * @param hits           this page's documents
 * @param facets         counts for region, year, theme, type
 * @param timedOut       true when the time limit cut the search short: counts may be incomplete
 * @param byMeaning      documents that do not hold the words and were added because they are among the nearest
 *                       by meaning ({@code semantic=true}); counted in {@code total}, not in the facets
 * @param answeredBy     {@code lexical}, or {@code hybrid} when the ranking fused in the nearest by meaning
 * @param partial        documents that hold all the words but one, when the page reaches past the last full
 *                       match of a query of two or more unquoted words ordered by relevance (lexical only);
 *                       null otherwise
 */
public record SearchResult(long total, long foldedReposts, int page, int size, long tookMs, Interpretation interpretation, Filters filters,
                           SortOrder sort, List<Hit> hits, Facets facets, boolean timedOut, long byMeaning, String answeredBy,
                           PartialMatches partial) {}
