package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.index.Fields;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorSearcher;
import org.policysearch.ingest.meta.Gazetteer;
import org.policysearch.search.api.Citation;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.api.Span;
import org.policysearch.search.query.HighlightTerm;

/**
 * Precedents across regions: the documents most like a given paragraph or a pasted text, from other
 * areas, each with its best paragraphs and why it came up.
 *
 * <p>How documents are ranked, and why (every choice measured with {@code bin/policy-search eval}; the
 * figures and what was tried and dropped are in RELEVANCE.md):
 * <ol>
 *   <li>BM25 of every exact pair of the text against whole documents ({@link Fields#DOC_PAIRS}, with
 *       length norms), each pair weighted by its count in the text ({@link SimilarityQuery});
 *   <li>the subject, from titles: staff asking "how did other regions handle this" want the regulations
 *       on the same subject, and a title says the subject better than any stretch of body text. The title
 *       of the source document (when the paragraph comes from one) and of the best few matches, with place
 *       names taken out ("杭州市城市绿化管理条例" → "城市绿化管理条例"), weighted by how well each matched,
 *       is searched in the titles of all documents ({@link Fields#TITLE_PAIRS}) and added to the score
 *       (pseudo-relevance feedback);
 *   <li>once the paragraph vectors are built, the documents nearest by meaning are fused in by reciprocal
 *       rank: they bring up documents worded differently, which no count of shared pairs can.
 * </ol>
 * Both BM25 passes run term at a time ({@link BagOfTermsRanker}).
 * The same area as the source, reposts and the source document are left out; one entry per document.
 */
final class SimilarService {
  public static final int MAX_TEXT = 5000;
  /** Documents whose titles give the subject, besides the source's own. */
  static final int FEEDBACK_DOCS = 3;
  /**
   * Weight of the subject against the body, per 20 distinct pairs of the text (so that the subject keeps
   * its share whether the text is a sentence or a page). Tuned on the precedent dev set: 1 → 2 raised
   * the draft form a little and left the rest; 4 lowered both.
   */
  static final double SUBJECT_WEIGHT = 2.0;
  static final int SUBJECT_SCALE = 20;
  /** Most subject pairs used: titles hundreds of characters long cost no more than this. */
  static final int MAX_SUBJECT_TERMS = 200;
  /**
   * National documents listed apart from the other regions' precedents. On the precedent sets, national
   * laws on the same subject took 1.6 of the first 10 places (2.1 for drafts) and are never the answer to
   * "how did other places handle it" (docs/relevance/changes.md).
   */
  static final int NATIONAL_SHOWN = 3;
  /** Best paragraphs shown per document. */
  static final int SHOWN_PARAGRAPHS = 2;
  /** Candidates read per requested result: room for skipping the source's own area. */
  static final int CANDIDATES_PER_RESULT = 4;
  /** Documents each side brings to the fusion. */
  static final int FUSION_DEPTH = 100;
  /** Reciprocal rank fusion: a document scores 1/(K + rank) on each side (K = 60, the usual constant). */
  static final int RRF_K = 60;
  /**
   * Weight of the vector side's 1/(K + rank) against the lexical side's 1. Measured on the precedent sets
   * (docs/relevance/changes.md): the embeddings alone rank far below the lexical side (0.727 against 0.866
   * on dev), and every weight tried lowered dev a little (0.2: -0.004; 0.5: -0.015; 1: -0.037) while 0.2
   * left the draft form as it was, at six times the time (embedding the text: p50 234 against 37 ms).
   * So the vectors are asked for ({@code semantic=true}), not the default: for texts unlike regulations
   * (case facts, paraphrased drafts), where words alone say less and the sets here cannot tell.
   */
  static final double VECTOR_WEIGHT = 0.2;
  /** Nearest paragraphs read per query paragraph. */
  static final int PARAGRAPHS_PER_QUERY = 200;
  /** Shorter lines of a pasted text (headings, numbers) are no query of their own. */
  static final int MIN_QUERY_PARAGRAPH = 6;
  /** A document among this many nearest by meaning is marked as found by meaning too. */
  static final int SEMANTIC_MARK_DEPTH = 20;
  /** Words in more than this share of documents say nothing about the subject: never marked nor listed as shared. */
  static final double COMMON_WORD_SHARE = 0.2;
  static final int MIN_DOCS_FOR_SHARE = 50;
  static final int WHY_TERMS = 8;
  /** Share of the subject (by rarity) a title must hold to be on the same subject. */
  static final double SAME_SUBJECT_SHARE = 0.7;
  static final int WHY_PHRASES = 5;

  private final SearchContext context;
  private final SearchService search;
  private final SemanticIndex semantic;
  private volatile Gazetteer gazetteer;

  /** Hybrid once the context's vectors are searchable; lexical until then (and with them off). */
  SimilarService(SearchContext context, SearchService search) {
    this(context, search, context.semantic());
  }

  /** Over the context of {@code service}, lexical only (tests). */
  SimilarService(SearchService service) {
    this(service.context(), service, SemanticIndex.off());
  }

  /** Over the context of {@code service}, hybrid with {@code semantic} (tests). */
  SimilarService(SearchService service, SemanticIndex semantic) {
    this(service.context(), service, semantic);
  }

  private SimilarService(SearchContext context, SearchService search, SemanticIndex semantic) {
    this.context = context;
    this.search = search;
    this.semantic = semantic;
  }

  /** Documents like a paragraph, lexically. */
  SimilarResult similarTo(String id, int paragraph, int size) throws InvalidRequestException, NotFoundException, IOException {
    return similarTo(id, paragraph, size, SimilarMode.DOCUMENTS, false);
  }

  /**
   * @param semantic fuse in the documents nearest by meaning when the vectors are ready (else it answers
   *                 lexically and {@link SimilarResult#answeredBy()} says so); see {@link #VECTOR_WEIGHT}
   *                 for why it is asked for, not the default
   */
  SimilarResult similarTo(String id, int paragraph, int size, SimilarMode mode, boolean semantic)
      throws InvalidRequestException, NotFoundException, IOException {
    checkSize(size);
    DocumentView v = search.document(id, null);
    Paragraph p = v.document().paragraphs().stream().filter(x -> x.number() == paragraph).findFirst()
        .orElseThrow(() -> new NotFoundException("document '" + id + "' has no paragraph " + paragraph
            + " (it has " + v.document().paragraphs().size() + ")",
            "文件“" + id + "”没有第 " + paragraph + " 段（共 " + v.document().paragraphs().size() + " 段）"));
    return run(new Source(p.text(), id, paragraph, v.document().region(), v.document().title()), size, mode, semantic);
  }

  /** Documents like a pasted text, lexically. */
  SimilarResult similarToText(String text, int size) throws InvalidRequestException, IOException {
    return similarToText(text, size, SimilarMode.DOCUMENTS, false);
  }

  /** As {@link #similarTo(String, int, int, SimilarMode, boolean)}, for a pasted text. */
  SimilarResult similarToText(String text, int size, SimilarMode mode, boolean semantic) throws InvalidRequestException, IOException {
    checkSize(size);
    if (text == null || text.isBlank()) throw new InvalidRequestException("text", "give the text to compare with", "请输入要比较的文字");
    if (text.length() > MAX_TEXT) {
      throw new InvalidRequestException("text", "the text is " + text.length() + " characters; the limit is " + MAX_TEXT
          + ": paste the part that matters most", "文字长 " + text.length() + " 个字符，超过了 " + MAX_TEXT + " 个字符的上限：请粘贴最要紧的部分");
    }
    return run(new Source(text, null, 0, RegionInfo.NONE, null), size, mode, semantic);
  }

  private void checkSize(int size) throws InvalidRequestException {
    if (size < 1 || size > context.limits().maxPageSize()) {
      throw new InvalidRequestException("size", "size must be between 1 and " + context.limits().maxPageSize(),
          "条数须在 1 到 " + context.limits().maxPageSize() + " 之间");
    }
  }

  /** What to compare with: a paragraph of a document (id, region and title known) or pasted text. */
  private record Source(String text, String id, int paragraph, RegionInfo region, String title) {}

  private SimilarResult run(Source src, int size, SimilarMode mode, boolean semanticAsked) throws IOException, InvalidRequestException {
    long t0 = System.nanoTime();
    try (SearcherProvider.Lease lease = context.provider().acquire()) {
      IndexSearcher s = context.timed(lease.searcher());
      IndexReader reader = s.getIndexReader();
      SimilarityQuery pairs = SimilarityQuery.of(src.text(), context.analyzers().exactPairs(), reader, Fields.DOC_PAIRS);
      Map<String, Integer> words = SimilarityQuery.rarest(SimilarityQuery.counts(context.analyzers().words(), src.text()), reader,
          Fields.DOC_WORDS, SimilarityQuery.MAX_TERMS);
      if (pairs.isEmpty() || src.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
        throw new InvalidRequestException("text", "the text holds nothing to compare: no characters, letters or digits, "
            + "only punctuation or spaces", "这段文字只有标点或空格，没有可比较的文字");
      }
      List<HighlightTerm> marks = informative(reader, words);
      if (mode == SimilarMode.PARAGRAPHS) {
        List<SimilarResult.Item> items = paragraphs(s, src, words, marks, size);
        return new SimilarResult(src.id(), src.paragraph(), src.region(), mode.label(), "", "lexical", items, List.of(), ms(t0));
      }
      BagOfTermsRanker.Exclusion excluded = exclusion(s, src);
      BagOfTermsRanker ranker = new BagOfTermsRanker(s).add(new BagOfTermsRanker.Clause(Fields.DOC_PAIRS, pairs.terms()));
      Subject subject = subject(s, src, ranker.top(FEEDBACK_DOCS, excluded));
      double scale = SUBJECT_WEIGHT * pairs.size() / SUBJECT_SCALE;
      Map<String, Double> titleTerms = new LinkedHashMap<>();
      subject.pairs().forEach((t, w) -> titleTerms.put(t, w * scale));
      ScoreDoc[] lexical = ranker.add(new BagOfTermsRanker.Clause(Fields.TITLE_PAIRS, titleTerms))
          .top(Math.max(size * CANDIDATES_PER_RESULT + 10, FUSION_DEPTH), excluded);
      Fused fused = fuse(s, lexical, semanticAsked ? nearest(src) : Optional.empty(), excluded);
      Weight paragraphWeight = s.createWeight(s.rewrite(SimilarityQuery.weighted(Fields.BODY_WORDS, words, 1)), ScoreMode.COMPLETE, 1f);
      List<SimilarResult.Item> items = new ArrayList<>();
      List<SimilarResult.Item> national = new ArrayList<>();
      for (ScoreDoc sd : fused.ranked()) {
        if (items.size() >= size) break;
        LeafReaderContext ctx = DocumentReader.leaf(s, sd.doc);
        int parent = sd.doc - ctx.docBase;
        PolicyDocument meta = DocumentReader.metadata(ctx, parent, List.of());
        if (sameArea(src.region(), meta.region())) continue;
        // National documents answer "what does the law above say", not "how did other places do it": they
        // are listed apart (a few), never crowding the other regions out of the precedents.
        boolean isNational = meta.region().national() && !src.region().national();
        if (isNational && national.size() >= NATIONAL_SHOWN) continue;
        List<Paragraph> best = bestParagraphs(paragraphWeight, ctx, parent, fused.paragraph(sd.doc));
        (isNational ? national : items).add(item(reader, meta, best, sd.score, marks, subject, fused.semantic().contains(sd.doc)));
      }
      String answeredBy = fused.hybrid() ? "hybrid" : "lexical";
      return new SimilarResult(src.id(), src.paragraph(), src.region(), mode.label(), subject.text(), answeredBy, items, national,
          ms(t0));
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /**
   * The documents nearest by meaning, best first; empty when there are no searchable vectors. Each
   * paragraph of the text is a query of its own (a paragraph of an indexed document uses its stored
   * vector), and a document scores the sum over them of its best paragraph's cosine: one vector for a
   * whole page of text blurs it (measured on the dev set, the documents nearest to one vector of the whole
   * text: nDCG@10 0.614; summed per paragraph: 0.727).
   */
  private Optional<List<VectorSearcher.DocumentHit>> nearest(Source src) throws IOException {
    if (!semantic.enabled() || !semantic.vectors().searchable()) return Optional.empty();
    List<float[]> queries = new ArrayList<>();
    Optional<float[]> stored = src.id() == null ? Optional.empty() : semantic.vectors().paragraphVector(src.id(), src.paragraph());
    if (stored.isPresent()) {
      queries.add(stored.get());
    } else {
      for (String part : src.text().split("\n")) {
        if (part.strip().codePointCount(0, part.strip().length()) < MIN_QUERY_PARAGRAPH) continue;
        Optional<float[]> v = semantic.embedPassage(part.strip());
        if (v.isEmpty()) return Optional.empty(); // the model failed: lexical
        queries.add(v.get());
      }
    }
    Map<String, Double> sum = new HashMap<>();
    Map<String, VectorSearcher.DocumentHit> best = new HashMap<>();
    for (float[] q : queries) {
      Optional<List<VectorSearcher.ParagraphHit>> hits = semantic.vectors().nearestParagraphs(q, PARAGRAPHS_PER_QUERY);
      if (hits.isEmpty()) return Optional.empty();
      Map<String, VectorSearcher.ParagraphHit> top = new HashMap<>();
      for (VectorSearcher.ParagraphHit h : hits.get()) top.merge(h.documentId(), h, (a, b) -> a.score() >= b.score() ? a : b);
      for (VectorSearcher.ParagraphHit h : top.values()) {
        sum.merge(h.documentId(), (double) h.score(), Double::sum);
        best.merge(h.documentId(), new VectorSearcher.DocumentHit(h.documentId(), h.paragraph(), h.score()),
            (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    List<VectorSearcher.DocumentHit> ranked = new ArrayList<>(best.values());
    ranked.sort(Comparator.comparingDouble((VectorSearcher.DocumentHit h) -> -sum.get(h.documentId()))
        .thenComparing(VectorSearcher.DocumentHit::documentId));
    return Optional.of(ranked.subList(0, Math.min(FUSION_DEPTH, ranked.size())));
  }

  /**
   * The lexical ranking and the nearest by meaning in one order.
   *
   * @param ranked     best first, with the fused score
   * @param paragraphs per document (global doc id), its paragraph nearest by meaning
   * @param semantic   the documents the vectors ranked among the first {@link #SEMANTIC_MARK_DEPTH}
   * @param hybrid     whether the vectors took part
   */
  record Fused(List<ScoreDoc> ranked, Map<Integer, Integer> paragraphs, Set<Integer> semantic, boolean hybrid) {
    Integer paragraph(int doc) {
      return paragraphs.get(doc);
    }
  }

  private static Fused fuse(IndexSearcher s, ScoreDoc[] lexical, Optional<List<VectorSearcher.DocumentHit>> vectors,
                            BagOfTermsRanker.Exclusion excluded) throws IOException {
    if (vectors.isEmpty()) return new Fused(List.of(lexical), Map.of(), Set.of(), false);
    Map<Integer, Double> score = new HashMap<>();
    for (int i = 0; i < lexical.length; i++) score.merge(lexical[i].doc, 1.0 / (RRF_K + i + 1), Double::sum);
    Map<Integer, Integer> paragraphs = new HashMap<>();
    Set<Integer> near = new HashSet<>();
    int rank = 0;
    for (VectorSearcher.DocumentHit h : vectors.get()) {
      ScoreDoc[] hit = s.search(new TermQuery(new Term(Fields.DOC_KEY, h.documentId())), 1).scoreDocs;
      if (hit.length == 0) continue; // embedded before the document left the text index
      int doc = hit[0].doc;
      LeafReaderContext ctx = DocumentReader.leaf(s, doc);
      if (excluded.excluded(ctx, doc - ctx.docBase)) continue;
      rank++;
      score.merge(doc, VECTOR_WEIGHT / (RRF_K + rank), Double::sum);
      paragraphs.put(doc, h.paragraph());
      if (rank <= SEMANTIC_MARK_DEPTH) near.add(doc);
    }
    List<ScoreDoc> ranked = new ArrayList<>(score.size());
    score.forEach((doc, sc) -> ranked.add(new ScoreDoc(doc, sc.floatValue())));
    ranked.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return new Fused(ranked, paragraphs, near, true);
  }

  /** Reposts and the source document are never results (doc values read only for candidates). */
  private static BagOfTermsRanker.Exclusion exclusion(IndexSearcher s, Source src) throws IOException {
    int source = -1;
    if (src.id() != null) {
      ScoreDoc[] hit = s.search(new TermQuery(new Term(Fields.DOC_KEY, src.id())), 1).scoreDocs;
      if (hit.length > 0) source = hit[0].doc;
    }
    int sourceDoc = source;
    return (ctx, d) -> {
      if (ctx.docBase + d == sourceDoc) return true;
      NumericDocValues dup = ctx.reader().getNumericDocValues(Fields.DUPLICATE);
      return dup != null && dup.advanceExact(d) && dup.longValue() != 0;
    };
  }

  /**
   * The subject as titles give it: pairs of the titles (place names out) of the source and of the best
   * body matches, each weighted by its match relative to the best.
   *
   * @param text the title that weighed most, place names out ("" when there is none)
   */
  record Subject(String text, Map<String, Double> pairs) {}

  private Subject subject(IndexSearcher s, Source src, ScoreDoc[] top) throws IOException {
    List<String> titles = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    if (src.title() != null && !src.title().isBlank()) {
      titles.add(src.title());
      weights.add(1.0);
    }
    for (ScoreDoc sd : top) {
      LeafReaderContext ctx = DocumentReader.leaf(s, sd.doc);
      titles.add(DocumentReader.metadata(ctx, sd.doc - ctx.docBase, List.of()).title());
      weights.add((double) (sd.score / top[0].score));
    }
    Map<String, Double> pairs = new LinkedHashMap<>();
    String text = "";
    for (int i = 0; i < titles.size(); i++) {
      String subject = gazetteer().withoutNames(titles.get(i)).strip();
      if (text.isEmpty()) text = subject;
      double w = weights.get(i);
      SimilarityQuery.counts(context.analyzers().exactPairs(), subject).forEach((t, c) -> pairs.merge(t, w, Double::sum));
    }
    if (pairs.size() > MAX_SUBJECT_TERMS) { // titles hundreds of characters long: keep the weightiest pairs
      Map<String, Double> kept = new LinkedHashMap<>();
      pairs.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).limit(MAX_SUBJECT_TERMS)
          .forEach(e -> kept.put(e.getKey(), e.getValue()));
      return new Subject(text, kept);
    }
    return new Subject(text, pairs);
  }

  private Gazetteer gazetteer() {
    Gazetteer g = gazetteer;
    if (g == null) {
      synchronized (this) {
        if (gazetteer == null) gazetteer = Gazetteer.load();
        g = gazetteer;
      }
    }
    return g;
  }

  /**
   * The document's paragraphs that share most words with the source, best first; when none shares a word,
   * its paragraph nearest by meaning, else its first.
   */
  private List<Paragraph> bestParagraphs(Weight w, LeafReaderContext ctx, int parent, Integer nearestByMeaning) throws IOException {
    int first = DocumentReader.firstChild(context.parents().getBitSet(ctx), parent);
    List<float[]> scored = new ArrayList<>(); // {doc, score}
    Scorer sc = w.scorer(ctx);
    if (sc != null) {
      DocIdSetIterator it = sc.iterator();
      for (int d = it.advance(first); d < parent; d = it.nextDoc()) scored.add(new float[] {d, sc.score()});
    }
    scored.sort(Comparator.comparingDouble((float[] a) -> -a[1]));
    List<Integer> docs = new ArrayList<>();
    for (int i = 0; i < Math.min(SHOWN_PARAGRAPHS, scored.size()); i++) docs.add((int) scored.get(i)[0]);
    if (docs.isEmpty() && nearestByMeaning != null && nearestByMeaning >= 1 && first + nearestByMeaning - 1 < parent) {
      docs.add(first + nearestByMeaning - 1); // paragraph N is the N-th child of the block
    }
    if (docs.isEmpty() && first < parent) docs.add(first);
    var sf = ctx.reader().storedFields();
    List<Paragraph> out = new ArrayList<>();
    for (int d : docs) out.add(DocumentReader.paragraph(sf, d));
    return out;
  }

  /**
   * The source's words that tell something, as marks: two characters or more, and not common (in more
   * than a fifth of all documents; in an index too small to say, in every document).
   */
  private static List<HighlightTerm> informative(IndexReader reader, Map<String, Integer> words) throws IOException {
    int docs = Math.max(1, reader.getDocCount(Fields.DOC_WORDS));
    double common = docs >= MIN_DOCS_FOR_SHARE ? COMMON_WORD_SHARE * docs : docs - 1;
    List<HighlightTerm> out = new ArrayList<>();
    for (String w : words.keySet()) {
      if (w.codePointCount(0, w.length()) < 2) continue;
      int df = reader.docFreq(new Term(Fields.DOC_WORDS, w));
      if (df > 0 && df <= common) out.add(new HighlightTerm(w, false));
    }
    return out;
  }

  private SimilarResult.Item item(IndexReader reader, PolicyDocument meta, List<Paragraph> best, float score, List<HighlightTerm> marks,
                                  Subject subject, boolean semantic)
      throws IOException {
    List<Passage> passages = new ArrayList<>();
    for (Paragraph p : best) passages.add(PassageFinder.passage(p, marks));
    Passage lead = passages.get(0);
    return new SimilarResult.Item(meta.id(), meta.title(), meta.date().value(), meta.region(), meta.type(), lead.paragraph(),
        lead.text(), score, Citation.paragraph(meta, lead.paragraph(), lead.article()), passages, why(reader, passages, marks, meta.title(), subject, semantic));
  }

  /** What the shown paragraphs share with the source: its rarest words found there, and the longer marked runs. */
  private SimilarResult.Why why(IndexReader reader, List<Passage> passages, List<HighlightTerm> marks, String title, Subject subject,
                                boolean semantic) throws IOException {
    Map<String, Integer> found = new LinkedHashMap<>();
    Set<String> phrases = new LinkedHashSet<>();
    for (Passage p : passages) {
      for (Span sp : p.highlights()) {
        String run = p.text().substring(sp.start(), sp.end());
        if (run.codePointCount(0, run.length()) >= 4) phrases.add(run);
      }
      String normalized = org.policysearch.text.TextNormalizer.normalizeToString(p.text());
      for (HighlightTerm m : marks) {
        if (normalized.contains(m.normalized())) found.merge(m.normalized(), 1, Integer::sum);
      }
    }
    // The longest shared words say most (a longer word is a rarer one, and its parts are listed anyway).
    List<String> terms = new ArrayList<>(found.keySet());
    terms.sort(Comparator.comparingInt((String t) -> -t.length()).thenComparing(t -> -found.get(t)));
    List<String> ph = new ArrayList<>(phrases);
    ph.sort(Comparator.comparingInt((String t) -> -t.length()));
    return new SimilarResult.Why(terms.subList(0, Math.min(WHY_TERMS, terms.size())), ph.subList(0, Math.min(WHY_PHRASES, ph.size())),
        sameSubject(reader, title, subject), semantic);
  }

  /**
   * Whether a title names the subject: it holds most of the subject's pairs, each pair weighted by its
   * rarity among titles, so that 物业管理条例 shares 管理条例 with 养犬管理条例 and still is not its subject.
   */
  private boolean sameSubject(IndexReader reader, String title, Subject subject) throws IOException {
    if (subject.text().isEmpty()) return false;
    Set<String> have = new HashSet<>(SimilarityQuery.counts(context.analyzers().exactPairs(), title).keySet());
    int docs = Math.max(1, reader.getDocCount(Fields.TITLE_PAIRS));
    double all = 0;
    double shared = 0;
    for (String pair : SimilarityQuery.counts(context.analyzers().exactPairs(), subject.text()).keySet()) {
      double idf = Math.log(1 + (docs - reader.docFreq(new Term(Fields.TITLE_PAIRS, pair)) + 0.5) / (reader.docFreq(new Term(Fields.TITLE_PAIRS, pair)) + 0.5));
      all += idf;
      if (have.contains(pair)) shared += idf;
    }
    return all > 0 && shared >= SAME_SUBJECT_SHARE * all;
  }

  /**
   * Paragraphs mode: paragraphs ranked on their own (BM25 of the source's words over each paragraph, with
   * length norms), at most two per document, so that the list shows several places.
   */
  private List<SimilarResult.Item> paragraphs(IndexSearcher s, Source src, Map<String, Integer> words, List<HighlightTerm> marks,
                                              int size) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(SimilarityQuery.weighted(Fields.BODY_WORDS, words, 1), Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PARAGRAPH)), Occur.FILTER)
        .build();
    ScoreDoc[] top = s.search(q, size * 20).scoreDocs;
    List<SimilarResult.Item> items = new ArrayList<>();
    Map<Integer, PolicyDocument> metas = new HashMap<>();
    Map<Integer, Integer> perDoc = new HashMap<>();
    for (ScoreDoc sd : top) {
      if (items.size() >= size) break;
      LeafReaderContext ctx = DocumentReader.leaf(s, sd.doc);
      int local = sd.doc - ctx.docBase;
      int parent = context.parents().getBitSet(ctx).nextSetBit(local);
      NumericDocValues dup = ctx.reader().getNumericDocValues(Fields.DUPLICATE);
      if (dup != null && dup.advanceExact(parent) && dup.longValue() != 0) continue;
      int parentGlobal = ctx.docBase + parent;
      PolicyDocument meta = metas.get(parentGlobal);
      if (meta == null) {
        meta = DocumentReader.metadata(ctx, parent, List.of());
        metas.put(parentGlobal, meta);
      }
      if (meta.id().equals(src.id()) || meta.flags().duplicateOf().equals(src.id())) continue;
      if (sameArea(src.region(), meta.region())) continue;
      if (perDoc.merge(parentGlobal, 1, Integer::sum) > 2) continue;
      Passage p = PassageFinder.passage(DocumentReader.paragraph(ctx.reader().storedFields(), local), marks);
      items.add(new SimilarResult.Item(meta.id(), meta.title(), meta.date().value(), meta.region(), meta.type(), p.paragraph(),
          p.text(), sd.score, Citation.paragraph(meta, p.paragraph(), p.article()), List.of(p),
          why(s.getIndexReader(), List.of(p), marks, meta.title(), new Subject("", Map.of()), false)));
    }
    return items;
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
