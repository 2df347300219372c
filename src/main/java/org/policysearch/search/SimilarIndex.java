package org.policysearch.search;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;

/**
 * What the similar-documents rules ({@link SimilarService}) read from an index, so that the same rules run on
 * the embedded index and on the search cluster: term statistics, the BM25 ranking of a bag of weighted terms,
 * documents and their paragraphs. Field names are those of {@link org.policysearch.index.Fields}; the queries
 * are Lucene queries built by {@link SimilarityQuery} (the cluster translates them).
 */
public interface SimilarIndex {
  /** Terms of one field with their weights (a term's BM25 is multiplied by its weight). */
  record Clause(String field, Map<String, ? extends Number> terms) {
    /** The clause as a query: a SHOULD clause per term, boosted by its weight (what the cluster runs). */
    public Query query() {
      return SimilarityQuery.weighted(field, terms, 1);
    }
  }

  /** A view of the index for one request (the embedded index: one searcher lease). */
  View open() throws IOException;

  /** The document a paragraph is taken from (the source of "similar to this paragraph"). */
  DocumentView document(String id) throws NotFoundException, InvalidRequestException, IOException;

  /**
   * A document found by the ranking.
   *
   * @param id    the document's id
   * @param score its summed BM25
   * @param order the engine's own order of documents, the last tie-break of the fusion with the vectors
   */
  record Candidate(String id, float score, int order) {}

  /**
   * A paragraph found by a paragraph query.
   *
   * @param document  its document's id
   * @param number    its number in the document
   * @param score     its BM25
   * @param duplicate whether its document is a repost
   */
  record ParagraphHit(String document, int number, float score, boolean duplicate) {}

  interface View extends AutoCloseable {
    /** Documents (or paragraphs, for paragraph fields) holding the term; 0 when none. */
    int docFreq(String field, String term) throws IOException;

    /** {@link #docFreq} of many terms at once (the cluster answers them in one request). */
    default Map<String, Integer> docFreqs(String field, Collection<String> terms) throws IOException {
      Map<String, Integer> out = new LinkedHashMap<>();
      for (String t : terms) out.put(t, docFreq(field, t));
      return out;
    }

    /** Documents holding any term of the field. */
    int docCount(String field) throws IOException;

    /**
     * The {@code n} best documents by the BM25 ({@link BagOfTermsRanker#K1}, {@link BagOfTermsRanker#B}) of the
     * clauses' terms, each times its weight, summed; reposts and {@code excludedId} (null: none) left out; best
     * first.
     */
    List<Candidate> rank(List<Clause> clauses, int n, String excludedId) throws IOException;

    /** The candidate's metadata. */
    PolicyDocument metadata(Candidate c) throws IOException;

    /** The document by id as a candidate (score 0) unless it is a repost or {@code excludedId}; empty when not in the index. */
    Optional<Candidate> eligible(String id, String excludedId) throws IOException;

    /**
     * The document's paragraphs by the score of {@code paragraphQuery} (on paragraph fields), best first and
     * the earlier paragraph on a tie, at most {@code max}; only those it matches.
     */
    List<Paragraph> bestParagraphs(Candidate c, Query paragraphQuery, int max) throws IOException;

    /** The document's paragraph {@code number}, when it has it. */
    Optional<Paragraph> paragraph(Candidate c, int number) throws IOException;

    /** The {@code n} best paragraphs of the whole index by {@code paragraphQuery}, best first. */
    List<ParagraphHit> topParagraphs(Query paragraphQuery, int n) throws IOException;

    /** The metadata of a paragraph hit's document. */
    PolicyDocument metadata(ParagraphHit h) throws IOException;

    /** A paragraph hit's paragraph. */
    Paragraph paragraph(ParagraphHit h) throws IOException;

    @Override
    void close() throws IOException;
  }
}
