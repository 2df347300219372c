package org.policysearch.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.NumericDocValues;
import org.policysearch.index.Fields;
import org.policysearch.ingest.Paragraph;
import org.policysearch.ingest.PolicyDocument;
import org.policysearch.ingest.RegionInfo;

/**
 * Precedents across cities: the paragraphs most like a given paragraph (or pasted text), from other
 * regions. "More like this" over the smartcn words (what the paragraph is about) and the exact pairs
 * (which also catch words smartcn does not know, such as 教联体), scored with BM25.
 */
public final class SimilarService {
  /** Candidates examined per requested result: room for skipping same-region and repeated documents. */
  static final int CANDIDATES_PER_RESULT = 20;
  public static final int MAX_TEXT = 5000;

  private final SearchService service;

  public SimilarService(SearchService service) {
    this.service = service;
  }

  public SimilarResult similarTo(String id, int paragraph, int size) throws InvalidRequestException, NotFoundException, IOException {
    checkSize(size);
    DocumentView v = service.document(id, null);
    Paragraph p = v.document().paragraphs().stream().filter(x -> x.number() == paragraph).findFirst()
        .orElseThrow(() -> new NotFoundException("document '" + id + "' has no paragraph " + paragraph
            + " (it has " + v.document().paragraphs().size() + ")",
            "文件“" + id + "”没有第 " + paragraph + " 段（共 " + v.document().paragraphs().size() + " 段）"));
    return run(p.text(), id, paragraph, v.document().region(), size);
  }

  public SimilarResult similarToText(String text, int size) throws InvalidRequestException, IOException {
    checkSize(size);
    if (text == null || text.isBlank()) throw new InvalidRequestException("text", "give the text to compare with", "请输入要比较的文字");
    if (text.length() > MAX_TEXT) {
      throw new InvalidRequestException("text", "the text is " + text.length() + " characters; the limit is " + MAX_TEXT,
          "文字长 " + text.length() + " 个字符，超过了 " + MAX_TEXT + " 个字符的上限");
    }
    return run(text, null, 0, RegionInfo.NONE, size);
  }

  private void checkSize(int size) throws InvalidRequestException {
    if (size < 1 || size > service.limits().maxPageSize()) {
      throw new InvalidRequestException("size", "size must be between 1 and " + service.limits().maxPageSize(),
          "条数须在 1 到 " + service.limits().maxPageSize() + " 之间");
    }
  }

  private SimilarResult run(String text, String sourceId, int sourcePara, RegionInfo sourceRegion, int size) throws IOException {
    long t0 = System.nanoTime();
    try (SearcherProvider.Lease lease = service.provider().acquire()) {
      IndexSearcher s = service.timed(lease.searcher());
      MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
      mlt.setAnalyzer(service.analyzers().perField());
      mlt.setFieldNames(new String[] {Fields.BODY_WORDS, Fields.BODY_PAIRS});
      mlt.setMinTermFreq(1);
      mlt.setMinDocFreq(2);
      mlt.setMinWordLen(1);
      mlt.setMaxQueryTerms(40);
      mlt.setMaxDocFreqPct(20); // words in a fifth of all paragraphs say nothing about this one
      mlt.setBoost(true);
      Map<String, Collection<Object>> like = new HashMap<>();
      like.put(Fields.BODY_WORDS, List.of(text));
      like.put(Fields.BODY_PAIRS, List.of(text));
      Query q = mlt.like(like);
      Query children = new BooleanQuery.Builder()
          .add(q, Occur.MUST)
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PARAGRAPH)), Occur.FILTER)
          .build();
      TopDocs td = s.search(children, size * CANDIDATES_PER_RESULT);
      List<SimilarResult.Item> items = new ArrayList<>();
      Map<Integer, PolicyDocument> metas = new HashMap<>();
      Map<Integer, Integer> perDoc = new HashMap<>();
      for (ScoreDoc sd : td.scoreDocs) {
        if (items.size() >= size) break;
        LeafReaderContext ctx = DocumentReader.leaf(s, sd.doc);
        int local = sd.doc - ctx.docBase;
        int parent = service.parents().getBitSet(ctx).nextSetBit(local);
        int parentGlobal = ctx.docBase + parent;
        NumericDocValues dup = ctx.reader().getNumericDocValues(Fields.DUPLICATE);
        if (dup != null && dup.advanceExact(parent) && dup.longValue() != 0) continue;
        PolicyDocument meta = metas.get(parentGlobal);
        if (meta == null) {
          meta = DocumentReader.metadata(ctx, parent, List.of());
          metas.put(parentGlobal, meta);
        }
        if (meta.id().equals(sourceId) || meta.flags().duplicateOf().equals(sourceId)) continue;
        if (sameArea(sourceRegion, meta.region())) continue;
        // One or two paragraphs per document, so that the list shows several places.
        if (perDoc.merge(parentGlobal, 1, Integer::sum) > 2) continue;
        Paragraph p = DocumentReader.paragraph(ctx.reader().storedFields(), local);
        items.add(new SimilarResult.Item(meta.id(), meta.title(), meta.date().value(), meta.region(), meta.type(),
            p.number(), p.text(), sd.score, Citation.paragraph(meta, p.number())));
      }
      return new SimilarResult(sourceId, sourcePara, sourceRegion, items, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  /**
   * Whether a candidate is from the source's own area: the same city (or the same province when the
   * source names no city). National documents are their own area.
   */
  static boolean sameArea(RegionInfo source, RegionInfo candidate) {
    if (!source.known() || !candidate.known()) return false;
    if (source.national() || candidate.national()) return source.national() && candidate.national();
    if (!source.province().equals(candidate.province())) return false;
    if (source.city().isEmpty() || candidate.city().isEmpty()) {
      // a municipality's districts (重庆市/潼南区) have no city: compare the county then
      if (!source.county().isEmpty() && !candidate.county().isEmpty()) return source.county().equals(candidate.county());
      return source.city().isEmpty() && candidate.city().isEmpty() && source.county().isEmpty() == candidate.county().isEmpty();
    }
    return source.city().equals(candidate.city());
  }
}
