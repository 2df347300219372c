package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorLookup;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.CompiledQuery;

/**
 * How a search with {@code semantic=true} ranks, on either backend: when it applies, which documents the
 * vectors bring, and the one order of both sides (reciprocal rank fusion). Each backend finds the words' ranking,
 * which of the documents near by meaning pass the filters and which of them hold the words; the rest is here,
 * so both rank alike.
 */
public final class SemanticRanking {
  private SemanticRanking() {}

  /** Documents each side brings to the fusion. */
  public static final int FUSION_DEPTH = 100;
  /** Nearest paragraphs read (several may be of one document). */
  static final int NEAREST_PARAGRAPHS = 300;
  /**
   * Weight of the meaning side's 1/(60 + rank) against the words' 1/(60 + rank). Tuned on the judged
   * search set (docs/relevance/changes.md): 0.3 / 0.5 / 1.0 gave 0.868 / 0.872 / 0.868 against 0.835
   * for the words alone.
   */
  static final double MEANING_WEIGHT = 0.5;
  static final int RRF_K = 60;

  /**
   * Semantic ranking applies to unquoted queries ordered by relevance, once asked for and with semantic search on;
   * a quoted string asks for exactly that string: the exact guarantee is never widened by meaning.
   */
  public static boolean applies(SearchRequest r, CompiledQuery cq, SemanticIndex semantic) {
    if (!r.semantic() || r.sort() != SortOrder.RELEVANCE || r.query().isBlank() || !semantic.enabled()) return false;
    return cq.interpretation().clauses().stream().noneMatch(c -> c.kind().equals("exact") || c.excluded());
  }

  /** The documents nearest to the query by meaning, best first, at most {@link #FUSION_DEPTH}; empty when the vectors cannot answer. */
  public static Optional<List<VectorLookup.DocumentHit>> nearest(SemanticIndex semantic, String query) throws IOException {
    if (!semantic.vectors().searchable()) return Optional.empty();
    Optional<float[]> q = semantic.embedQuery(query);
    if (q.isEmpty()) return Optional.empty();
    Optional<List<VectorLookup.ParagraphHit>> hits = semantic.vectors().nearestParagraphs(q.get(), NEAREST_PARAGRAPHS);
    if (hits.isEmpty()) return Optional.empty();
    Map<String, VectorLookup.DocumentHit> byDoc = new LinkedHashMap<>(); // best first already
    for (VectorLookup.ParagraphHit h : hits.get()) {
      if (byDoc.size() >= FUSION_DEPTH) break;
      byDoc.putIfAbsent(h.documentId(), new VectorLookup.DocumentHit(h.documentId(), h.paragraph(), h.score()));
    }
    return Optional.of(List.copyOf(byDoc.values()));
  }

  /** A document of the fused order with its fused score. */
  public record Ranked<K>(K key, float score) {}

  /** The fused order, and how many of its documents do not hold the words (not yet in the total). */
  public record Fusion<K>(List<Ranked<K>> ranked, long added) {}

  /**
   * The words' ranking and the nearest by meaning in one order: each document scores 1/(60 + rank) for its place
   * among the words' and {@link #MEANING_WEIGHT}/(60 + rank) for its place among the documents near by meaning that
   * pass the filters; best first, equal scores by {@code tie}.
   *
   * @param lexical    the words' ranking, best first (a backend's keys: doc numbers, ids)
   * @param passing    the key of a document near by meaning that passes the filters, or null when it does not
   * @param holdsWords whether such a document matches the words (it is in the total already)
   * @param tie        the order of documents of equal score: by document id on both backends
   */
  public static <K> Fusion<K> fuse(List<K> lexical, List<VectorLookup.DocumentHit> nearest, Function<String, K> passing,
                                   Predicate<K> holdsWords, Comparator<K> tie) {
    Map<K, Double> score = new HashMap<>();
    for (int i = 0; i < lexical.size(); i++) score.merge(lexical.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
    int rank = 0;
    long added = 0;
    for (VectorLookup.DocumentHit h : nearest) {
      K key = passing.apply(h.documentId());
      if (key == null) continue;
      rank++;
      if (!holdsWords.test(key)) added++;
      score.merge(key, MEANING_WEIGHT / (RRF_K + rank), Double::sum);
    }
    List<Ranked<K>> out = new ArrayList<>(score.size());
    score.forEach((k, v) -> out.add(new Ranked<>(k, v.floatValue())));
    out.sort(Comparator.comparingDouble((Ranked<K> r) -> -r.score()).thenComparing(Ranked::key, tie));
    return new Fusion<>(out, added);
  }
}
