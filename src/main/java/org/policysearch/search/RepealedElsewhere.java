package org.policysearch.search;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.policysearch.doc.InForce;
import org.policysearch.doc.Reference;
import org.policysearch.index.DocumentMapper;
import org.policysearch.index.Fields;

/**
 * The documents that other documents of the corpus repeal ("《某办法》同时废止"), with the day the repeal
 * takes effect: the day the repealing document comes into force (its own 施行, else its publication …, as
 * {@link InForce} reads it). Read by the {@code effective_on} filter beside each document's own 废止 date,
 * so "in force as far as the corpus knows" includes what other documents say.
 *
 * <p>A repeal counts only when its reference resolves ({@link LineageResolver}: by 文号, or by title within
 * the repealing document's region chain and its date, never a guess), and only when the repealing
 * document's day is known. Worked out once per reader (the marked documents are few: 745 references in
 * the 3,625 documents of the shared corpus) and kept while that reader serves.
 */
final class RepealedElsewhere {
  private static final Map<IndexReader.CacheKey, Map<Integer, Long>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  private RepealedElsewhere() {}

  /** Global doc id of each repealed document → the epoch day its repeal takes effect (the earliest, if several). */
  static Map<Integer, Long> of(IndexReader top) throws IOException {
    IndexReader.CacheHelper helper = top.getReaderCacheHelper();
    if (helper == null) return compute(top);
    Map<Integer, Long> cached = CACHE.get(helper.getKey());
    if (cached != null) return cached;
    synchronized (RepealedElsewhere.class) {
      cached = CACHE.get(helper.getKey());
      if (cached == null) {
        cached = compute(top);
        CACHE.put(helper.getKey(), cached);
      }
      return cached;
    }
  }

  private static Map<Integer, Long> compute(IndexReader top) throws IOException {
    IndexSearcher s = new IndexSearcher(top);
    Map<Integer, Long> out = new HashMap<>();
    for (Map.Entry<String, Long> e : byId(new LineageResolver(new LuceneLineageLookups(s))).entrySet()) {
      TopDocs target = s.search(new TermQuery(new Term(Fields.DOC_KEY, e.getKey())), 1);
      if (target.scoreDocs.length == 1) out.put(target.scoreDocs[0].doc, e.getValue());
    }
    return Map.copyOf(out);
  }

  /**
   * The rule, over any backend's index: the id of each repealed document → the epoch day its repeal takes
   * effect (the earliest, if several).
   */
  static Map<String, Long> byId(LineageResolver resolver) throws IOException {
    Map<String, Long> out = new HashMap<>();
    List<LineageResolver.Citer> citers = resolver.repealingOthers();
    List<Reference> repeals = new java.util.ArrayList<>();
    for (LineageResolver.Citer c : citers) for (Reference r : c.references()) if (r.relation() == Reference.Relation.REPEALS) repeals.add(r);
    resolver.prefetch(repeals);
    for (LineageResolver.Citer c : citers) {
      if (c.self().meta().flags().duplicate()) continue; // a repost says nothing its original does not
      Long day = InForce.from(c.self().meta()).map(d -> DocumentMapper.epochDay(d.value())).orElse(null);
      if (day == null) continue;
      for (Reference r : c.references()) {
        if (r.relation() != Reference.Relation.REPEALS) continue;
        LineageResolver.Resolution res = resolver.resolve(c.self(), r);
        if (res.target() != null) out.merge(res.target().id(), day, Math::min);
      }
    }
    return Map.copyOf(out);
  }
}
