package org.policysearch.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies of one run of the query mix: per class and per request, and what each request found. */
final class MixResult {
  final Map<QueryMix.Kind, Latencies> byKind = new EnumMap<>(QueryMix.Kind.class);
  final Map<String, Latencies> byRequest = new LinkedHashMap<>();
  final Map<String, Long> found = new LinkedHashMap<>();

  MixResult(List<QueryMix.Request> requests) {
    for (QueryMix.Kind k : QueryMix.Kind.values()) byKind.put(k, new Latencies());
    for (QueryMix.Request r : requests) byRequest.put(key(r), new Latencies());
  }

  static String key(QueryMix.Request r) {
    return r.kind().name() + " " + r.label();
  }

  void add(QueryMix.Request r, long nanos) {
    byKind.get(r.kind()).add(nanos);
    byRequest.get(key(r)).add(nanos);
  }

  void error(QueryMix.Request r) {
    byKind.get(r.kind()).error();
    byRequest.get(key(r)).error();
  }

  Latencies of(QueryMix.Request r) {
    return byRequest.get(key(r));
  }

  int errors() {
    return byKind.values().stream().mapToInt(Latencies::errors).sum();
  }

  /**
   * The same words quoted and unquoted: the ratio of the exact phrases' median latency to the word
   * queries' median, over the paired requests only, and the worst single pair.
   */
  record PairRatio(double ratioOfMedians, double worstPairRatio, String worstPair) {}

  PairRatio exactOverWords(QueryMix mix) {
    Latencies words = new Latencies();
    Latencies exact = new Latencies();
    double worst = 0;
    String worstPair = "";
    for (String w : QueryMix.PAIRED) {
      QueryMix.Request wr = find(mix, QueryMix.Kind.WORDS, w);
      QueryMix.Request er = find(mix, QueryMix.Kind.EXACT, "\"" + w + "\"");
      if (wr == null || er == null) continue;
      words.addAll(of(wr));
      exact.addAll(of(er));
      double r = of(er).p50() / of(wr).p50();
      if (r > worst) {
        worst = r;
        worstPair = w;
      }
    }
    return new PairRatio(exact.p50() / words.p50(), worst, worstPair);
  }

  private static QueryMix.Request find(QueryMix mix, QueryMix.Kind kind, String label) {
    for (QueryMix.Request r : mix.of(kind)) if (r.label().equals(label)) return r;
    return null;
  }
}
