package org.policysearch.search;

import java.util.List;

/** Facet counts of a result set, computed drill-sideways. */
public record Facets(List<FacetValue> region, List<FacetValue> year, List<FacetValue> theme, List<FacetValue> type) {}
