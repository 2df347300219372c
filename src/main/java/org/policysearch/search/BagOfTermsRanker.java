package org.policysearch.search;

import java.io.IOException;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * BM25 of a long bag of weighted terms (hundreds of pairs of a pasted text), computed term at a time into
 * one score per document: the same scores as Lucene's {@code BM25Similarity} (k1 1.2, b {@link #B}) summed over
 * the terms, several times faster here than a BooleanQuery of hundreds of SHOULD clauses. Why: the
 * document-level fields live on the parents of paragraph blocks, so the query walks a doc-id space a
 * hundred times larger than the documents it scores, and the clause-at-a-time scorer re-sorts its
 * hundreds of clauses in every window of it (measured: a 600-character paste took about 150 ms a pass
 * on the shared corpus; term at a time reads each posting once).
 */
final class BagOfTermsRanker {
  static final float K1 = 1.2f;
  /**
   * Length normalisation, stronger than Lucene's 0.75: a pasted text shares many pairs with a long law or an
   * omnibus regulation by chance alone. On the precedent sets (docs/relevance/changes.md) b 0.5 / 0.75 / 0.9
   * / 1.0 gave drafts 0.835 / 0.853 / 0.860 / 0.856 and dev — / 0.927 / 0.934 / 0.936. (Search ranks with
   * weaker normalisation, {@code Ranking}: a few typed words are not a text that long documents match by chance.)
   */
  static final float B = 0.9f;

  /** Which documents may not be returned (reposts, the source): by leaf and leaf-local doc id. */
  interface Exclusion {
    boolean excluded(LeafReaderContext ctx, int doc) throws IOException;
  }

  private final IndexSearcher s;
  /**
   * Per leaf, each document's sum. In double, cast to float at the end, as Lucene's BooleanQuery sums its
   * clauses' float scores: the same score as the cluster's {@code bool} of the same terms, to the last bit.
   */
  private final double[][] perLeaf;

  BagOfTermsRanker(IndexSearcher s) {
    this.s = s;
    this.perLeaf = new double[s.getIndexReader().leaves().size()][];
  }

  /** Adds the BM25 of every term of the clause (times its weight) to each document's score. */
  BagOfTermsRanker add(SimilarIndex.Clause c) throws IOException {
    CollectionStatistics cs = s.collectionStatistics(c.field());
    if (cs == null) return this;
    float avgdl = (float) (cs.sumTotalTermFreq() / (double) cs.docCount());
    float[] normInverse = new float[256];
    for (int i = 0; i < 256; i++) normInverse[i] = 1f / (K1 * ((1 - B) + B * SmallFloat.byte4ToInt((byte) i) / avgdl));
    byte[][] norms = new byte[perLeaf.length][];
    for (Map.Entry<String, ? extends Number> t : c.terms().entrySet()) {
      BytesRef bytes = new BytesRef(t.getKey());
      int df = s.getIndexReader().docFreq(new Term(c.field(), bytes));
      if (df == 0) continue;
      float idf = (float) Math.log(1 + (cs.docCount() - df + 0.5D) / (df + 0.5D));
      float weight = t.getValue().floatValue() * idf;
      for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
        Terms terms = ctx.reader().terms(c.field());
        if (terms == null) continue;
        TermsEnum te = terms.iterator();
        if (!te.seekExact(bytes)) continue;
        double[] acc = perLeaf[ctx.ord];
        if (acc == null) acc = perLeaf[ctx.ord] = new double[ctx.reader().maxDoc()];
        byte[] nb = norms[ctx.ord];
        if (nb == null) nb = norms[ctx.ord] = norms(ctx.reader(), c.field());
        PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          float freqNorm = pe.freq() * normInverse[nb[d] & 0xFF];
          acc[d] += weight - weight / (1f + freqNorm);
        }
      }
    }
    return this;
  }

  /**
   * A leaf's length norms as one array: the field is on the block parents only, and reading the sparse
   * norms once in order is far cheaper than a sparse lookup per posting. A document without a norm counts
   * as length 1, as in Lucene.
   */
  private static byte[] norms(LeafReader r, String field) throws IOException {
    byte[] out = new byte[r.maxDoc()];
    java.util.Arrays.fill(out, (byte) 1);
    NumericDocValues n = r.getNormValues(field);
    if (n != null) for (int d = n.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = n.nextDoc()) out[d] = (byte) n.longValue();
    return out;
  }

  /** The best {@code n} documents by their summed scores, best first (global doc ids); ties go to the lower id. */
  ScoreDoc[] top(int n, Exclusion exclusion) throws IOException {
    PriorityQueue<ScoreDoc> best = new PriorityQueue<>(n + 1, (a, b) -> a.score != b.score ? Float.compare(a.score, b.score)
        : Integer.compare(b.doc, a.doc));
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      double[] acc = perLeaf[ctx.ord];
      if (acc == null) continue;
      Bits live = ctx.reader().getLiveDocs();
      for (int d = 0; d < acc.length; d++) {
        float score = (float) acc[d];
        if (score <= 0 || live != null && !live.get(d)) continue;
        if (best.size() == n && score <= best.peek().score) continue;
        if (exclusion.excluded(ctx, d)) continue;
        best.add(new ScoreDoc(ctx.docBase + d, score));
        if (best.size() > n) best.poll();
      }
    }
    ScoreDoc[] out = new ScoreDoc[best.size()];
    for (int i = out.length - 1; i >= 0; i--) out[i] = best.poll();
    return out;
  }
}
