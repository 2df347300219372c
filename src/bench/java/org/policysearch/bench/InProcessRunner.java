package org.policysearch.bench;

import java.util.List;
import org.policysearch.search.LuceneBackend;

/**
 * Runs the query mix against the search services directly (no HTTP, no JSON): warm-up, then the
 * measured requests, classes interleaved (one request of each class in turn) so that a change in how
 * busy the machine is affects every class alike.
 */
final class InProcessRunner {
  private InProcessRunner() {}

  static MixResult run(LuceneBackend engine, QueryMix mix, int warmup, int iterations) {
    MixResult result = new MixResult(mix.requests());
    for (int i = 0; i < warmup; i++) {
      for (QueryMix.Kind k : QueryMix.Kind.values()) {
        List<QueryMix.Request> rs = mix.of(k);
        if (!rs.isEmpty()) once(engine, rs.get(i % rs.size()), null);
      }
    }
    for (int i = 0; i < iterations; i++) {
      for (QueryMix.Kind k : QueryMix.Kind.values()) {
        List<QueryMix.Request> rs = mix.of(k);
        if (!rs.isEmpty()) once(engine, rs.get(i % rs.size()), result);
      }
    }
    return result;
  }

  private static void once(LuceneBackend engine, QueryMix.Request r, MixResult into) {
    long t0 = System.nanoTime();
    try {
      long found = r.run(engine);
      long t = System.nanoTime() - t0;
      if (into != null) {
        into.add(r, t);
        into.found.put(MixResult.key(r), found);
      }
    } catch (Exception e) {
      if (into != null) into.error(r);
      else throw new IllegalStateException("request of the mix failed: " + r.label() + ": " + e, e);
    }
  }
}
