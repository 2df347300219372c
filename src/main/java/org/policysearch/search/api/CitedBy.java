package org.policysearch.search.api;

import java.util.List;

/**
 * The documents that cite one document (resolved references only), first adopters first: oldest date
 * first, unknown dates last.
 *
 * @param id        the cited document
 * @param total     citing documents that pass the filters
 * @param page      1-based page
 * @param size      documents per page
 * @param documents this page
 * @param facets    region, year, type (and theme) counts of the citing documents, drill-sideways like a search
 * @param table     every citing document, filters aside, counted by province (or 全国) and year
 */
public record CitedBy(String id, long total, int page, int size, List<CitingDocument> documents, Facets facets,
                      List<RegionYear> table) {
  public CitedBy {
    documents = List.copyOf(documents);
    table = List.copyOf(table);
  }

  /** One cell of the region × year table; year null for documents without a date, region "" without a region. */
  public record RegionYear(String region, Integer year, long count) {}
}
