package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;
import org.policysearch.doc.Paragraph;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.Span;
import org.policysearch.search.query.HighlightTerm;

/**
 * Picks the best paragraphs of a matching document: the paragraph query is scored only over that
 * document's children, which are the doc ids just before its parent, so this costs a few postings
 * advances per hit instead of a second search.
 */
final class PassageFinder {
  private final IndexSearcher searcher;
  private final Weight weight;
  private final BitSetProducer parents;
  private final List<HighlightTerm> highlights;
  private final DocumentReader.Reads reads;

  PassageFinder(IndexSearcher searcher, Query paragraphQuery, BitSetProducer parents, List<HighlightTerm> highlights,
                DocumentReader.Reads reads) throws IOException {
    this.reads = reads;
    this.searcher = searcher;
    this.weight = paragraphQuery == null ? null
        : searcher.createWeight(searcher.rewrite(paragraphQuery), ScoreMode.COMPLETE, 1f);
    this.parents = parents;
    this.highlights = highlights;
  }

  /** A lead paragraph shorter than this is a salutation or a label, not an opening. */
  static final int LEAD_MIN_CHARS = 20;

  /** Whether a paragraph can open a document's lead passages: it says something (not a heading, not a salutation). */
  static boolean opens(Paragraph p) {
    return !p.heading() && p.text().codePointCount(0, p.text().length()) >= LEAD_MIN_CHARS;
  }

  private record Scored(int doc, float score) {}

  /** Up to {@code k} passages of the document whose parent is global doc id {@code parentDoc}. */
  List<Passage> best(int parentDoc, int k) throws IOException {
    LeafReaderContext ctx = DocumentReader.leaf(searcher, parentDoc);
    int local = parentDoc - ctx.docBase;
    BitSet bits = parents.getBitSet(ctx);
    int first = DocumentReader.firstChild(bits, local);
    StoredFields sf = reads.of(ctx);
    List<Passage> out = new ArrayList<>();
    if (k <= 0 || first >= local) return out;
    List<Integer> chosen = new ArrayList<>();
    if (weight != null) {
      Scorer scorer = weight.scorer(ctx);
      if (scorer != null) {
        PriorityQueue<Scored> pq = new PriorityQueue<>((a, b) -> a.score != b.score ? Float.compare(a.score, b.score) : Integer.compare(b.doc, a.doc));
        DocIdSetIterator it = scorer.iterator();
        for (int d = it.advance(first); d < local; d = it.nextDoc()) {
          pq.add(new Scored(d, scorer.score()));
          if (pq.size() > k) pq.poll();
        }
        List<Scored> best = new ArrayList<>(pq);
        best.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        best.forEach(s -> chosen.add(s.doc));
      }
    }
    if (chosen.isEmpty()) {
      // No body terms (an empty query, title: only, exclusions only): lead with the opening paragraphs
      // that say something (not headings, not a salutation such as 同志们:).
      for (int d = first; d < local && chosen.size() < k; d++) {
        Paragraph p = DocumentReader.paragraph(sf, d);
        if (opens(p)) chosen.add(d);
      }
      if (chosen.isEmpty()) chosen.add(first);
    }
    for (int d : chosen) out.add(passage(DocumentReader.paragraph(sf, d), highlights));
    return out;
  }

  static Passage passage(Paragraph p, List<HighlightTerm> highlights) {
    List<Span> spans = Highlighter.spans(p.text(), highlights);
    return new Passage(p.number(), p.text(), p.heading(), spans, Highlighter.html(p.text(), spans), p.article());
  }
}
