package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policysearch.index.Fields;
import org.policysearch.search.LineageService;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.InvalidRequestException;

/**
 * Lineage and the {@code effective_on} filter on the cluster: the embedded backend's {@link LineageService}
 * over {@link ClusterLineageLookups}, and the two filters as query DSL. Both narrow a search as the embedded
 * backend narrows it, like the query and not like a facet: before reposts are folded, in every facet count,
 * in the partial matches and in the denominators of phrase statistics.
 *
 * <p>effective_on: in force from a day on or before it ({@code in_force_from}), not repealed on or before it by
 * its own statement ({@code repealed_on}), nor by another document of the index from the day that one comes
 * into force ({@link LineageService#repealedElsewhere}). That last list resolves every repeal of the index, a
 * request per key looked up: it is kept a minute, like the filter values, and dropped after every reindex of
 * this server ({@link #forget}).
 */
final class ClusterLineage {
  private final LineageService service;
  private volatile Repealed repealed;

  /** The documents other documents repeal (id → first day out of force), with when it was read. */
  private record Repealed(Map<String, Long> byId, long at) {}

  ClusterLineage(Cluster cluster, String alias, LineageService.Searcher search) {
    this.service = new LineageService(() -> new ClusterLineageLookups(cluster, alias), search);
  }

  /** Who cites what, answered as the embedded backend answers. */
  LineageService service() {
    return service;
  }

  /** The {@code cites=} and {@code effective_on} filters of one request, worked out once (the citers looked up). */
  Narrowing narrowing(Filters f) throws InvalidRequestException, IOException {
    JsonArray filter = new JsonArray();
    JsonArray not = new JsonArray();
    if (!f.cites().isEmpty()) {
      Set<String> citing = service.citing(f.cites());
      filter.add(citing.isEmpty() ? QueryTranslator.wrap("match_none", new JsonObject()) : ids(citing));
    }
    if (f.effectiveOn() != null) {
      long day = f.effectiveOn().toEpochDay();
      filter.add(range(Fields.IN_FORCE_FROM, day));
      not.add(range(Fields.REPEALED_ON, day));
      List<String> gone = repealedElsewhere().entrySet().stream().filter(e -> e.getValue() <= day).map(Map.Entry::getKey).toList();
      if (!gone.isEmpty()) not.add(ids(gone));
    }
    return new Narrowing(filter, not);
  }

  /** Drops what was read of the index (after a reindex): the next effective_on reads it again. */
  void forget() {
    repealed = null;
  }

  private Map<String, Long> repealedElsewhere() throws IOException {
    Repealed cur = repealed;
    if (cur != null && System.currentTimeMillis() - cur.at() <= OpenSearchBackend.FILTER_VALUES_MS) return cur.byId();
    Map<String, Long> byId = service.repealedElsewhere();
    repealed = new Repealed(byId, System.currentTimeMillis());
    return byId;
  }

  /** The filters of one request as clauses around a query. */
  static final class Narrowing {
    private final JsonArray filter;
    private final JsonArray not;

    private Narrowing(JsonArray filter, JsonArray not) {
      this.filter = filter;
      this.not = not;
    }

    /** {@code query} narrowed to the documents the filters keep (its scores unchanged). */
    JsonObject apply(JsonObject query) {
      if (filter.isEmpty() && not.isEmpty()) return query;
      JsonObject b = new JsonObject();
      JsonArray must = new JsonArray();
      must.add(query);
      b.add("must", must);
      if (!filter.isEmpty()) b.add("filter", filter.deepCopy());
      if (!not.isEmpty()) b.add("must_not", not.deepCopy());
      return QueryTranslator.wrap("bool", b);
    }
  }

  private static JsonObject range(String field, long lte) {
    JsonObject r = new JsonObject();
    r.addProperty("lte", lte);
    return QueryTranslator.wrap("range", QueryTranslator.wrap(field, r));
  }

  private static JsonObject ids(java.util.Collection<String> ids) {
    JsonObject v = new JsonObject();
    JsonArray a = new JsonArray();
    ids.forEach(a::add);
    v.add("values", a);
    return QueryTranslator.wrap("ids", v);
  }
}
