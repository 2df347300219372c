package org.policysearch.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.policysearch.index.Fields;

/**
 * How searches score: BM25 everywhere, with a weaker length normalisation on the document-level body
 * fields that rank whole documents.
 *
 * <p>Why b = 0.3 there: the corpus mixes one-paragraph notices with work reports of 30,000 characters,
 * and a report that treats a subject at length is as much an answer as a short regulation on it. With
 * Lucene's default b = 0.75 a long report pays for its length so much that a short text mentioning the
 * words once outranks it. On the judged search set (docs/relevance/changes.md) b = 0.75 / 0.5 / 0.3 / 0.2 / 0.1
 * gave nDCG@10 0.864 / 0.879 / 0.892 / 0.897 / 0.904; 0.3 is taken rather than the best of this one set (lower
 * still drifts toward ranking by length, and the set was pooled from a ranker that favoured short texts). Norms do not depend on b, so this needs no reindex. Title and paragraph
 * fields keep the default: titles are short, and a paragraph is scored only against other paragraphs.
 *
 * <p>The parameters are declared here once for both backends: the cluster's mapping gives each field the similarity
 * {@link #search} names, and asks for {@link #SIMILAR} where similar documents rank (docs/opensearch.md).
 */
public final class Ranking {
  /** BM25's parameters. */
  public record Bm25(float k1, float b) {}

  static final float K1 = 1.2f;
  static final float DOCUMENT_B = 0.3f;

  /** Lucene's defaults: title and paragraph fields. */
  public static final Bm25 DEFAULT = new Bm25(K1, 0.75f);
  /** The document-level body fields (the reason for b above). */
  public static final Bm25 DOCUMENT = new Bm25(K1, DOCUMENT_B);
  /** The similar documents' ranking of a text's pairs ({@link BagOfTermsRanker}, where b is argued). */
  public static final Bm25 SIMILAR = new Bm25(BagOfTermsRanker.K1, BagOfTermsRanker.B);

  /** How a search scores {@code field} (a field of {@link Fields}). */
  public static Bm25 search(String field) {
    return field.equals(Fields.DOC_WORDS) || field.equals(Fields.DOC_PAIRS) || field.equals(Fields.DOC_UNITS) ? DOCUMENT : DEFAULT;
  }

  private static final Similarity DEFAULT_SIMILARITY = new BM25Similarity(DEFAULT.k1(), DEFAULT.b());
  private static final Similarity DOCUMENT_SIMILARITY = new BM25Similarity(DOCUMENT.k1(), DOCUMENT.b());

  /** The similarity every searcher of the serving index uses. */
  static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
    @Override
    public Similarity get(String field) {
      return search(field) == DOCUMENT ? DOCUMENT_SIMILARITY : DEFAULT_SIMILARITY;
    }
  };

  private Ranking() {}
}
