package org.policysearch.search;

import java.util.Collection;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;

/**
 * One collector for the whole search, for {@code IndexSearcher.search(Query, CollectorManager)} in place of
 * the deprecated {@code search(Query, Collector)}. The searchers here have no executor, so Lucene searches
 * every segment as one slice and asks for a single collector; the collectors passed here (facets, doc sets)
 * keep their state in one place and are read by the caller afterwards, so there is nothing to reduce.
 */
final class SingleCollectorManager<C extends Collector> implements CollectorManager<C, C> {
  private final C collector;
  private boolean given;

  SingleCollectorManager(C collector) {
    this.collector = collector;
  }

  @Override
  public C newCollector() {
    if (given) {
      throw new IllegalStateException("a second collector was asked for: this search must run on a searcher without an executor");
    }
    given = true;
    return collector;
  }

  @Override
  public C reduce(Collection<C> collectors) {
    return collector;
  }
}
