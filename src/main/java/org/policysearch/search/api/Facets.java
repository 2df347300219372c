package org.policysearch.search.api;

import java.util.List;

/**
 * Facet counts of a result set, computed drill-sideways.
 *
 * @param yearUnknown documents counted in the year dimension whose date is unknown: counted apart, never
 *                    under an invented year, and not a value one can filter by
 */
public record Facets(List<FacetValue> region, List<FacetValue> year, List<FacetValue> theme, List<FacetValue> type,
                     long yearUnknown) {}
