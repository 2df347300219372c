package org.policysearch.search.api;

import java.util.List;

/**
 * A facet value with the number of matching documents.
 *
 * @param value    the filter value to send back (region path, year, theme, type)
 * @param label    what to show (the last level of a region path)
 * @param count    documents that match the query and every other selected dimension
 * @param selected whether this value is among the current filters
 * @param children the next level of a region (empty for other dimensions)
 */
public record FacetValue(String value, String label, long count, boolean selected, List<FacetValue> children) {}
