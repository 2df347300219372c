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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Weight;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.index.Fields;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorLookup;
import org.policysearch.index.vector.VectorSearcher;
import org.policysearch.ingest.meta.Gazetteer;
import org.policysearch.search.api.Citation;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.SearchLimits;
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
public final class SimilarService {
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

  private final SimilarIndex index;
  private final Analyzers analyzers;
  private final SearchLimits limits;
  private final SemanticIndex semantic;
  private volatile Gazetteer gazetteer;

  /** Hybrid once the context's vectors are searchable; lexical until then (and with them off). */
  SimilarService(SearchContext context, SearchService search) {
    this(new LuceneSimilarIndex(context, search), context.analyzers(), context.limits(), context.semantic());
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
    this(new LuceneSimilarIndex(context, search), context.analyzers(), context.limits(), semantic);
  }

  private SimilarService(SimilarIndex index, Analyzers analyzers, SearchLimits limits, SemanticIndex semantic) {
    this.index = index;
    this.analyzers = analyzers;
    this.limits = limits;
    this.semantic = semantic;
  }

  /**
   * The same rules over another index (the search cluster), lexically: {@code analyzers} must be those the
   * index was analysed with.
   */
  public static SimilarService lexical(SimilarIndex index, Analyzers analyzers, SearchLimits limits) {
    return over(index, analyzers, limits, SemanticIndex.off());
  }

  /** The same rules over another index, fused with {@code semantic}'s vectors when asked for and ready. */
  public static SimilarService over(SimilarIndex index, Analyzers analyzers, SearchLimits limits, SemanticIndex semantic) {
    return new SimilarService(index, analyzers, limits, semantic);
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
  public SimilarResult similarTo(String id, int paragraph, int size, SimilarMode mode, boolean semantic)
      throws InvalidRequestException, NotFoundException, IOException {
    checkSize(size);
    DocumentView v = index.document(id);
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
  public SimilarResult similarToText(String text, int size, SimilarMode mode, boolean semantic) throws InvalidRequestException, IOException {
    checkSize(size);
    if (text == null || text.isBlank()) throw new InvalidRequestException("text", "give the text to compare with", "请输入要比较的文字");
    if (text.length() > MAX_TEXT) {
      throw new InvalidRequestException("text", "the text is " + text.length() + " characters; the limit is " + MAX_TEXT
          + ": paste the part that matters most", "文字长 " + text.length() + " 个字符，超过了 " + MAX_TEXT + " 个字符的上限：请粘贴最要紧的部分");
    }
    return run(new Source(text, null, 0, RegionInfo.NONE, null), size, mode, semantic);
  }

  private void checkSize(int size) throws InvalidRequestException {
    if (size < 1 || size > limits.maxPageSize()) {
      throw new InvalidRequestException("size", "size must be between 1 and " + limits.maxPageSize(),
          "条数须在 1 到 " + limits.maxPageSize() + " 之间");
    }
  }

  /** What to compare with: a paragraph of a document (id, region and title known) or pasted text. */
  private record Source(String text, String id, int paragraph, RegionInfo region, String title) {}

  private SimilarResult run(Source src, int size, SimilarMode mode, boolean semanticAsked) throws IOException, InvalidRequestException {
    long t0 = System.nanoTime();
    try (SimilarIndex.View v = index.open()) {
      SimilarityQuery pairs = SimilarityQuery.of(src.text(), analyzers.exactPairs(), v, Fields.DOC_PAIRS);
      Map<String, Integer> words = SimilarityQuery.rarest(SimilarityQuery.counts(analyzers.words(), src.text()), v,
          Fields.DOC_WORDS, SimilarityQuery.MAX_TERMS);
      if (pairs.isEmpty() || src.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
        throw new InvalidRequestException("text", "the text holds nothing to compare: no characters, letters or digits, "
            + "only punctuation or spaces", "这段文字只有标点或空格，没有可比较的文字");
      }
      List<HighlightTerm> marks = informative(v, words);
      if (mode == SimilarMode.PARAGRAPHS) {
        List<SimilarResult.Item> items = paragraphs(v, src, words, marks, size);
        return new SimilarResult(src.id(), src.paragraph(), src.region(), mode.label(), "", "lexical", items, List.of(), ms(t0));
      }
      SimilarIndex.Clause body = new SimilarIndex.Clause(Fields.DOC_PAIRS, pairs.terms());
      Subject subject = subject(v, src, byScore(v.rank(List.of(body), FEEDBACK_DOCS, src.id())));
      double scale = SUBJECT_WEIGHT * pairs.size() / SUBJECT_SCALE;
      Map<String, Double> titleTerms = new LinkedHashMap<>();
      subject.pairs().forEach((t, w) -> titleTerms.put(t, w * scale));
      List<SimilarIndex.Candidate> lexical = byScore(v.rank(List.of(body, new SimilarIndex.Clause(Fields.TITLE_PAIRS, titleTerms)),
          Math.max(size * CANDIDATES_PER_RESULT + 10, FUSION_DEPTH), src.id()));
      Fused fused = fuse(v, lexical, semanticAsked ? nearest(src) : Optional.empty(), src.id());
      Query paragraphQuery = SimilarityQuery.weighted(Fields.BODY_WORDS, words, 1);
      List<SimilarResult.Item> items = new ArrayList<>();
      List<SimilarResult.Item> national = new ArrayList<>();
      for (SimilarIndex.Candidate c : fused.ranked()) {
        if (items.size() >= size) break;
        PolicyDocument meta = v.metadata(c);
        if (sameArea(src.region(), meta.region())) continue;
        // National documents answer "what does the law above say", not "how did other places do it": they
        // are listed apart (a few), never crowding the other regions out of the precedents.
        boolean isNational = meta.region().national() && !src.region().national();
        if (isNational && national.size() >= NATIONAL_SHOWN) continue;
        List<Paragraph> best = bestParagraphs(v, paragraphQuery, c, fused.paragraph(c.id()));
        (isNational ? national : items).add(item(v, meta, best, c.score(), marks, subject, fused.semantic().contains(c.id())));
      }
      String answeredBy = fused.hybrid() ? "hybrid" : "lexical";
      return new SimilarResult(src.id(), src.paragraph(), src.region(), mode.label(), subject.text(), answeredBy, items, national,
          ms(t0));
    }
  }

  /**
   * Best first, and documents of equal score by id: an order of the documents themselves, so that both
   * backends list equally similar documents alike (each engine's own document order would not).
   */
  private static List<SimilarIndex.Candidate> byScore(List<SimilarIndex.Candidate> ranked) {
    List<SimilarIndex.Candidate> out = new ArrayList<>(ranked);
    out.sort(Comparator.comparingDouble((SimilarIndex.Candidate c) -> -c.score()).thenComparing(SimilarIndex.Candidate::id));
    return out;
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
  private Optional<List<VectorLookup.DocumentHit>> nearest(Source src) throws IOException {
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
    Map<String, VectorLookup.DocumentHit> best = new HashMap<>();
    for (float[] q : queries) {
      Optional<List<VectorLookup.ParagraphHit>> hits = semantic.vectors().nearestParagraphs(q, PARAGRAPHS_PER_QUERY);
      if (hits.isEmpty()) return Optional.empty();
      Map<String, VectorLookup.ParagraphHit> top = new HashMap<>();
      for (VectorLookup.ParagraphHit h : hits.get()) top.merge(h.documentId(), h, (a, b) -> a.score() >= b.score() ? a : b);
      for (VectorLookup.ParagraphHit h : top.values()) {
        sum.merge(h.documentId(), (double) h.score(), Double::sum);
        best.merge(h.documentId(), new VectorLookup.DocumentHit(h.documentId(), h.paragraph(), h.score()),
            (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    List<VectorLookup.DocumentHit> ranked = new ArrayList<>(best.values());
    ranked.sort(Comparator.comparingDouble((VectorLookup.DocumentHit h) -> -sum.get(h.documentId()))
        .thenComparing(VectorLookup.DocumentHit::documentId));
    return Optional.of(ranked.subList(0, Math.min(FUSION_DEPTH, ranked.size())));
  }

  /**
   * The lexical ranking and the nearest by meaning in one order.
   *
   * @param ranked     best first, with the fused score
   * @param paragraphs per document id, its paragraph nearest by meaning
   * @param semantic   the documents the vectors ranked among the first {@link #SEMANTIC_MARK_DEPTH}
   * @param hybrid     whether the vectors took part
   */
  record Fused(List<SimilarIndex.Candidate> ranked, Map<String, Integer> paragraphs, Set<String> semantic, boolean hybrid) {
    Integer paragraph(String id) {
      return paragraphs.get(id);
    }
  }

  private static Fused fuse(SimilarIndex.View v, List<SimilarIndex.Candidate> lexical,
                            Optional<List<VectorLookup.DocumentHit>> vectors, String excludedId) throws IOException {
    if (vectors.isEmpty()) return new Fused(lexical, Map.of(), Set.of(), false);
    Map<String, Double> score = new HashMap<>();
    Map<String, SimilarIndex.Candidate> byId = new HashMap<>();
    for (int i = 0; i < lexical.size(); i++) {
      score.merge(lexical.get(i).id(), 1.0 / (RRF_K + i + 1), Double::sum);
      byId.put(lexical.get(i).id(), lexical.get(i));
    }
    Map<String, Integer> paragraphs = new HashMap<>();
    Set<String> near = new HashSet<>();
    int rank = 0;
    for (VectorLookup.DocumentHit h : vectors.get()) {
      Optional<SimilarIndex.Candidate> c = v.eligible(h.documentId(), excludedId);
      if (c.isEmpty()) continue; // embedded before the document left the text index, or a repost or the source
      rank++;
      byId.putIfAbsent(h.documentId(), c.get());
      score.merge(h.documentId(), VECTOR_WEIGHT / (RRF_K + rank), Double::sum);
      paragraphs.put(h.documentId(), h.paragraph());
      if (rank <= SEMANTIC_MARK_DEPTH) near.add(h.documentId());
    }
    List<SimilarIndex.Candidate> ranked = new ArrayList<>(score.size());
    score.forEach((id, sc) -> ranked.add(new SimilarIndex.Candidate(id, sc.floatValue(), byId.get(id).order())));
    ranked.sort(Comparator.comparingDouble((SimilarIndex.Candidate d) -> -d.score()).thenComparingInt(SimilarIndex.Candidate::order));
    return new Fused(ranked, paragraphs, near, true);
  }

  /**
   * The subject as titles give it: pairs of the titles (place names out) of the source and of the best
   * body matches, each weighted by its match relative to the best.
   *
   * @param text the title that weighed most, place names out ("" when there is none)
   */
  record Subject(String text, Map<String, Double> pairs) {}

  private Subject subject(SimilarIndex.View v, Source src, List<SimilarIndex.Candidate> top) throws IOException {
    List<String> titles = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    if (src.title() != null && !src.title().isBlank()) {
      titles.add(src.title());
      weights.add(1.0);
    }
    for (SimilarIndex.Candidate c : top) {
      titles.add(v.metadata(c).title());
      weights.add((double) (c.score() / top.get(0).score()));
    }
    Map<String, Double> pairs = new LinkedHashMap<>();
    String text = "";
    for (int i = 0; i < titles.size(); i++) {
      String subject = gazetteer().withoutNames(titles.get(i)).strip();
      if (text.isEmpty()) text = subject;
      double w = weights.get(i);
      SimilarityQuery.counts(analyzers.exactPairs(), subject).forEach((t, c) -> pairs.merge(t, w, Double::sum));
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
  private static List<Paragraph> bestParagraphs(SimilarIndex.View v, Query paragraphQuery, SimilarIndex.Candidate c,
                                                Integer nearestByMeaning) throws IOException {
    List<Paragraph> out = new ArrayList<>(v.bestParagraphs(c, paragraphQuery, SHOWN_PARAGRAPHS));
    if (out.isEmpty() && nearestByMeaning != null && nearestByMeaning >= 1) v.paragraph(c, nearestByMeaning).ifPresent(out::add);
    if (out.isEmpty()) v.paragraph(c, 1).ifPresent(out::add);
    return out;
  }

  /**
   * The source's words that tell something, as marks: two characters or more, and not common (in more
   * than a fifth of all documents; in an index too small to say, in every document).
   */
  private static List<HighlightTerm> informative(SimilarIndex.View v, Map<String, Integer> words) throws IOException {
    int docs = Math.max(1, v.docCount(Fields.DOC_WORDS));
    double common = docs >= MIN_DOCS_FOR_SHARE ? COMMON_WORD_SHARE * docs : docs - 1;
    List<String> candidates = words.keySet().stream().filter(w -> w.codePointCount(0, w.length()) >= 2).toList();
    Map<String, Integer> dfs = v.docFreqs(Fields.DOC_WORDS, candidates);
    List<HighlightTerm> out = new ArrayList<>();
    for (String w : candidates) {
      int df = dfs.get(w);
      if (df > 0 && df <= common) out.add(new HighlightTerm(w, false));
    }
    return out;
  }

  private SimilarResult.Item item(SimilarIndex.View reader, PolicyDocument meta, List<Paragraph> best, float score, List<HighlightTerm> marks,
                                  Subject subject, boolean semantic)
      throws IOException {
    List<Passage> passages = new ArrayList<>();
    for (Paragraph p : best) passages.add(PassageFinder.passage(p, marks));
    Passage lead = passages.get(0);
    return new SimilarResult.Item(meta.id(), meta.title(), meta.date().value(), meta.region(), meta.type(), lead.paragraph(),
        lead.text(), score, Citation.paragraph(meta, lead.paragraph(), lead.article()), passages, why(reader, passages, marks, meta.title(), subject, semantic));
  }

  /** What the shown paragraphs share with the source: its rarest words found there, and the longer marked runs. */
  private SimilarResult.Why why(SimilarIndex.View reader, List<Passage> passages, List<HighlightTerm> marks, String title, Subject subject,
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
  private boolean sameSubject(SimilarIndex.View reader, String title, Subject subject) throws IOException {
    if (subject.text().isEmpty()) return false;
    Set<String> have = new HashSet<>(SimilarityQuery.counts(analyzers.exactPairs(), title).keySet());
    int docs = Math.max(1, reader.docCount(Fields.TITLE_PAIRS));
    double all = 0;
    double shared = 0;
    Map<String, Integer> dfs = reader.docFreqs(Fields.TITLE_PAIRS, SimilarityQuery.counts(analyzers.exactPairs(), subject.text()).keySet());
    for (String pair : dfs.keySet()) {
      double idf = Math.log(1 + (docs - dfs.get(pair) + 0.5) / (dfs.get(pair) + 0.5));
      all += idf;
      if (have.contains(pair)) shared += idf;
    }
    return all > 0 && shared >= SAME_SUBJECT_SHARE * all;
  }

  /**
   * Paragraphs mode: paragraphs ranked on their own (BM25 of the source's words over each paragraph, with
   * length norms), at most two per document, so that the list shows several places.
   */
  private List<SimilarResult.Item> paragraphs(SimilarIndex.View v, Source src, Map<String, Integer> words, List<HighlightTerm> marks,
                                              int size) throws IOException {
    List<SimilarIndex.ParagraphHit> top = new ArrayList<>(v.topParagraphs(SimilarityQuery.weighted(Fields.BODY_WORDS, words, 1), size * 20));
    // equally good paragraphs (the same sentence in many documents is common) by document id and number: an
    // order of the paragraphs themselves, the same on both backends
    top.sort(Comparator.comparingDouble((SimilarIndex.ParagraphHit h) -> -h.score()).thenComparing(SimilarIndex.ParagraphHit::document)
        .thenComparingInt(SimilarIndex.ParagraphHit::number));
    List<SimilarResult.Item> items = new ArrayList<>();
    Map<String, Integer> perDoc = new HashMap<>();
    for (SimilarIndex.ParagraphHit h : top) {
      if (items.size() >= size) break;
      if (h.duplicate()) continue;
      PolicyDocument meta = v.metadata(h);
      if (meta.id().equals(src.id()) || meta.flags().duplicateOf().equals(src.id())) continue;
      if (sameArea(src.region(), meta.region())) continue;
      if (perDoc.merge(meta.id(), 1, Integer::sum) > 2) continue;
      Passage p = PassageFinder.passage(v.paragraph(h), marks);
      items.add(new SimilarResult.Item(meta.id(), meta.title(), meta.date().value(), meta.region(), meta.type(), p.paragraph(),
          p.text(), h.score(), Citation.paragraph(meta, p.paragraph(), p.article()), List.of(p),
          why(v, List.of(p), marks, meta.title(), new Subject("", Map.of()), false)));
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
