package org.policysearch.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.policysearch.index.Fields;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.analysis.ExactUnits;
import org.policysearch.search.api.Interpretation;
import org.policysearch.text.CharClass;
import org.policysearch.text.TextNormalizer;

/**
 * Turns a parsed query into Lucene queries.
 *
 * <p>Matching is per document: each body term is a query on the document-level fields of the parent
 * (every paragraph's tokens, paragraphs kept apart by a position gap), so "every word must match" means
 * somewhere in the document, and exclusions remove whole documents. The paragraph fields score the
 * passages of a hit and the boost for all words in one paragraph (the only join).
 * What an unquoted Chinese term must match is decided on the words: the smartcn tokens it is made of, or
 * one longer word that holds it (鄂州 inside the token 鄂州市), never a stretch that cuts through a word
 * (营商 inside 运营|商); letters and digits, and quoted strings, on the exact fields (substring
 * semantics). How well it matches is scored on the smartcn words with BM25. Extra, optional clauses reward the words
 * standing together (the whole group as an exact string) and appearing in the same paragraph.
 */
public final class QueryCompiler {
  /** Boosts of the optional ranking clauses, relative to a word's BM25. */
  static final float EXACT_MATCH_WEIGHT = 0.3f;
  static final float TOGETHER_BOOST = 2f;
  static final float SAME_PARAGRAPH_BOOST = 1f;
  static final float TITLE_BOOST = 1.5f;

  private final Analyzers analyzers;
  private final Synonyms synonyms;
  private final BitSetProducer parents;
  private final int maxClauses;

  public QueryCompiler(Analyzers analyzers, Synonyms synonyms, BitSetProducer parents, int maxClauses) {
    this.analyzers = analyzers;
    this.synonyms = synonyms;
    this.parents = parents;
    this.maxClauses = maxClauses;
  }

  /** A unit that must match: its normalised text, the smartcn terms inside it, whether it has letters/digits. */
  record Unit(String text, List<String> terms, boolean alnum) {}

  /** Work in progress of one compilation. */
  private final class Ctx {
    final List<Interpretation.Clause> clauses = new ArrayList<>();
    final Set<HighlightTerm> highlights = new LinkedHashSet<>();
    final List<Query> paragraphScorers = new ArrayList<>();
    /** The query built for each node (by identity): the relaxed form reuses them. */
    final Map<QueryNode, Query> built = new IdentityHashMap<>();
    /** For each positive body Words node: what the relaxed form may let go (the words as typed, whole). */
    final Map<QueryNode, List<Relaxed.Part>> parts = new IdentityHashMap<>();
    int clauseCount;

    void count(int n) throws QuerySyntaxException {
      clauseCount += n;
      if (clauseCount > maxClauses) {
        throw new QuerySyntaxException("the query has too many terms (more than " + maxClauses
            + "); shorten it or split it into several searches",
            "检索式的词太多（超过 " + maxClauses + " 个）：请缩短，或分成几次检索", -1);
      }
    }
  }

  public CompiledQuery compile(String raw, QueryNode node) throws QuerySyntaxException {
    if (node == null) {
      return new CompiledQuery(null, null, List.of(), new Interpretation(raw == null ? "" : raw, List.of(), ""), Optional.empty());
    }
    Ctx ctx = new Ctx();
    Query q = build(node, ctx, false);
    if (q != null && node instanceof QueryNode.Not) {
      q = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(q, Occur.MUST_NOT).build();
    }
    if (q == null) {
      throw new QuerySyntaxException("the query has nothing to search for once punctuation is removed; "
          + "put punctuation you want to find in quotes",
          "去掉标点后检索式里没有可查找的内容：要查找标点，请把它放在引号里", -1);
    }
    Query para = null;
    if (!ctx.paragraphScorers.isEmpty()) {
      BooleanQuery.Builder pb = new BooleanQuery.Builder();
      ctx.paragraphScorers.forEach(p -> pb.add(p, Occur.SHOULD));
      para = pb.build();
    }
    return new CompiledQuery(q, para, List.copyOf(ctx.highlights),
        new Interpretation(raw, List.copyOf(ctx.clauses), explain(node)), relaxed(node, ctx));
  }

  /**
   * The query with one of its unquoted words let go, for documents that hold all but one of them: only
   * for a query of words (and quoted strings, exclusions, OR groups, which stay as required) that
   * requires at least two words, so that what is let go is a single word of several. Quoted strings and
   * title-scoped words are never let go: the user insisted on them.
   */
  private Optional<Relaxed> relaxed(QueryNode node, Ctx ctx) {
    List<QueryNode> children = switch (node) {
      case QueryNode.And a -> a.children();
      case QueryNode.Words w -> List.of(w);
      default -> List.of();
    };
    List<Relaxed.Part> pooled = new ArrayList<>();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (QueryNode c : children) {
      List<Relaxed.Part> ps = ctx.parts.get(c);
      if (ps != null) {
        pooled.addAll(ps);
        continue;
      }
      Query cq = ctx.built.get(c);
      if (cq == null) continue; // nothing searchable in it
      b.add(cq, c instanceof QueryNode.Not ? Occur.MUST_NOT : Occur.MUST);
    }
    if (pooled.size() < 2) return Optional.empty();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    pooled.forEach(p -> any.add(p.scored(), Occur.SHOULD));
    b.add(any.setMinimumNumberShouldMatch(pooled.size() - 1).build(), Occur.MUST);
    return Optional.of(new Relaxed(b.build(), List.copyOf(pooled)));
  }

  /** Builds the parent-level query of a node; null when the node has nothing searchable. */
  private Query build(QueryNode node, Ctx ctx, boolean negated) throws QuerySyntaxException {
    Query q = buildNode(node, ctx, negated);
    if (q != null) ctx.built.put(node, q);
    return q;
  }

  private Query buildNode(QueryNode node, Ctx ctx, boolean negated) throws QuerySyntaxException {
    return switch (node) {
      case QueryNode.Words w -> words(w, ctx, negated);
      case QueryNode.Exact e -> exact(e, ctx, negated);
      case QueryNode.Not x -> build(x.child(), ctx, !negated);
      case QueryNode.And a -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int positives = 0;
        int any = 0;
        for (QueryNode c : a.children()) {
          Query cq = build(c, ctx, negated);
          if (cq == null) continue;
          any++;
          if (c instanceof QueryNode.Not) {
            b.add(cq, Occur.MUST_NOT);
          } else {
            b.add(cq, Occur.MUST);
            positives++;
          }
        }
        if (any == 0) yield null;
        if (positives == 0) b.add(new MatchAllDocsQuery(), Occur.MUST);
        yield b.build();
      }
      case QueryNode.Or o -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int any = 0;
        for (QueryNode c : o.children()) {
          Query cq = build(c, ctx, negated);
          if (cq != null) {
            b.add(cq, Occur.SHOULD);
            any++;
          }
        }
        if (any == 0) yield null;
        b.setMinimumNumberShouldMatch(1);
        yield b.build();
      }
    };
  }

  private Query exact(QueryNode.Exact e, Ctx ctx, boolean negated) throws QuerySyntaxException {
    String n = TextNormalizer.normalizeToString(e.text());
    boolean title = e.scope() == QueryNode.Scope.TITLE;
    ctx.clauses.add(new Interpretation.Clause("exact", e.text(), n, title ? "title" : "body", negated,
        List.of(), n.isEmpty() ? List.of() : List.of(n), List.of()));
    if (n.isEmpty()) return null;
    ctx.count(1);
    if (!negated) ctx.highlights.add(new HighlightTerm(n, true));
    if (title) {
      return exactQuery(n, Fields.TITLE_PAIRS, Fields.TITLE_UNITS);
    }
    if (!negated) ctx.paragraphScorers.add(exactQuery(n, Fields.BODY_PAIRS, Fields.BODY_UNITS));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(exactQuery(n, Fields.DOC_PAIRS, Fields.DOC_UNITS), Occur.MUST);
    if (!negated) b.add(new BoostQuery(exactQuery(n, Fields.TITLE_PAIRS, Fields.TITLE_UNITS), TITLE_BOOST), Occur.SHOULD);
    return b.build();
  }

  private Query words(QueryNode.Words w, Ctx ctx, boolean negated) throws QuerySyntaxException {
    String n = TextNormalizer.normalizeToString(w.text());
    boolean title = w.scope() == QueryNode.Scope.TITLE;
    List<Token> tokens = analyze(n);
    List<Unit> units = units(n, tokens);
    List<String> chunkSynonyms = synonyms.expand(n);
    List<String> segs = tokens.stream().map(t -> n.substring(t.start, t.end)).toList();
    List<String> allSyn = new ArrayList<>(chunkSynonyms);
    if (chunkSynonyms.isEmpty()) units.forEach(u -> allSyn.addAll(synonyms.expand(u.text())));
    ctx.clauses.add(new Interpretation.Clause("words", w.text(), n, title ? "title" : "body", negated, segs,
        units.stream().map(Unit::text).toList(), List.copyOf(allSyn)));
    if (units.isEmpty()) {
      // Only punctuation (which smartcn drops): look for it as written rather than ignore the user.
      if (n.isEmpty()) return null;
      return exact(new QueryNode.Exact(w.text(), w.scope(), w.position()), ctx, negated);
    }
    ctx.count(units.size() + chunkSynonyms.size());
    // Documents are matched and ranked on fields of the parent: the title's, or the body's at the
    // document level (Fields.DOC_WORDS); the paragraph fields only score passages and the same-paragraph boost.
    String pairs = title ? Fields.TITLE_PAIRS : Fields.DOC_PAIRS;
    String singles = title ? Fields.TITLE_UNITS : Fields.DOC_UNITS;
    String wordsField = title ? Fields.TITLE_WORDS : Fields.DOC_WORDS;

    BooleanQuery.Builder all = new BooleanQuery.Builder();
    List<Query> childMusts = new ArrayList<>();
    for (Unit u : units) {
      List<String> syn = chunkSynonyms.isEmpty() ? synonyms.expand(u.text()) : List.of();
      Query must = unitMatch(u, syn, pairs, singles, wordsField);
      Query rank = wordsQuery(wordsField, u.terms());
      if (!negated) {
        ctx.highlights.add(new HighlightTerm(u.text(), false));
        syn.forEach(s -> ctx.highlights.add(new HighlightTerm(s, false)));
      }
      BooleanQuery.Builder ub = new BooleanQuery.Builder();
      ub.add(new BoostQuery(must, EXACT_MATCH_WEIGHT), Occur.MUST);
      if (rank != null) ub.add(rank, Occur.SHOULD);
      if (!title) {
        Query childMust = unitMatch(u, syn, Fields.BODY_PAIRS, Fields.BODY_UNITS, Fields.BODY_WORDS);
        childMusts.add(childMust);
        if (!negated) {
          ctx.paragraphScorers.add(new BoostQuery(childMust, EXACT_MATCH_WEIGHT));
          Query childRank = wordsQuery(Fields.BODY_WORDS, u.terms());
          if (childRank != null) ctx.paragraphScorers.add(childRank);
        }
      }
      all.add(ub.build(), Occur.MUST);
    }
    Query unitsQuery = all.build();
    if (!chunkSynonyms.isEmpty()) {
      // The whole group has synonyms (双减 ↔ 减轻学生作业负担和校外培训负担): the group or any synonym.
      BooleanQuery.Builder or = new BooleanQuery.Builder().add(unitsQuery, Occur.SHOULD);
      for (String s : chunkSynonyms) {
        Query sq = exactQuery(s, pairs, singles);
        if (sq == null) continue;
        or.add(sq, Occur.SHOULD);
        if (!negated) {
          ctx.highlights.add(new HighlightTerm(s, false));
          if (!title) ctx.paragraphScorers.add(exactQuery(s, Fields.BODY_PAIRS, Fields.BODY_UNITS));
        }
      }
      unitsQuery = or.setMinimumNumberShouldMatch(1).build();
    }
    // What the relaxed form may let go is a word as typed (between spaces), never a piece of one: a
    // document lacking 人脸识别 may still answer 个人信息 人脸识别; one lacking only 人脸 is no nearer.
    if (!negated && !title) ctx.parts.put(w, List.of(new Relaxed.Part(n, unitsQuery)));
    if (negated || units.size() == 1 && title) return unitsQuery;
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(unitsQuery, Occur.MUST);
    if (units.size() > 1) {
      // Words standing together as typed rank higher...
      Query together = exactQuery(n, pairs, singles);
      if (together != null) {
        b.add(new BoostQuery(together, TOGETHER_BOOST), Occur.SHOULD);
        if (!title) ctx.paragraphScorers.add(new BoostQuery(exactQuery(n, Fields.BODY_PAIRS, Fields.BODY_UNITS), TOGETHER_BOOST));
      }
      // ...and so do documents with all of them in one paragraph: a join, but a constant-score one, so
      // that finding one such paragraph is enough (a scored join visits every matching paragraph).
      if (!title) {
        BooleanQuery.Builder same = new BooleanQuery.Builder();
        childMusts.forEach(m -> same.add(m, Occur.FILTER));
        b.add(new BoostQuery(new ConstantScoreQuery(join(new ConstantScoreQuery(same.build()))), SAME_PARAGRAPH_BOOST),
            Occur.SHOULD);
      }
    }
    if (!title) {
      b.add(new BoostQuery(exactQuery(n, Fields.TITLE_PAIRS, Fields.TITLE_UNITS), TITLE_BOOST), Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * What a unit must match: a Chinese unit as words ({@link #asWords}); letters and digits as their exact
   * text or as smartcn words; either way, or a synonym.
   */
  private Query unitMatch(Unit u, List<String> syn, String pairs, String singles, String wordsField) {
    Query exact = u.alnum() ? exactQuery(u.text(), pairs, singles) : asWords(u, wordsField);
    if (!u.alnum() && syn.isEmpty()) return exact;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (exact != null) b.add(exact, Occur.SHOULD);
    if (u.alnum()) {
      // Case and English stems: "covid" finds COVID, "reports" finds report.
      Query wq = wordsQuery(wordsField, u.terms());
      if (wq != null) b.add(wq, Occur.SHOULD);
    }
    for (String s : syn) {
      Query sq = exactQuery(s, pairs, singles);
      if (sq != null) b.add(sq, Occur.SHOULD);
    }
    return b.setMinimumNumberShouldMatch(1).build();
  }

  /**
   * Where an unquoted Chinese unit matches: as the words smartcn makes of it (a phrase of its tokens:
   * 营|商, 教|联|体, 防|溺水), or inside one longer word of the text (鄂州 in 鄂州市, 教育 in 学前教育); never
   * as a substring that cuts through a word: 优化营商环境 must not match 电信运营商 (运营|商), where 营商
   * starts inside the word 运营. Substring matching stays what quoted strings do.
   */
  static Query asWords(Unit u, String wordsField) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Query tokens = wordsQuery(wordsField, u.terms());
    if (tokens != null) b.add(tokens, Occur.SHOULD);
    b.add(new ContainingWordQuery(wordsField, u.text()), Occur.SHOULD);
    return b.setMinimumNumberShouldMatch(1).build();
  }

  private Query join(Query child) {
    return new ToParentBlockJoinQuery(child, parents, ScoreMode.Max);
  }

  /**
   * The exact-match query of a normalised string: a phrase of adjacent unit pairs (a substring of the
   * units), or the single unit. Null when the string has no units.
   */
  public static Query exactQuery(String normalized, String pairsField, String unitsField) {
    List<ExactUnits.Unit> us = ExactUnits.split(normalized);
    if (us.isEmpty()) return null;
    if (us.size() == 1) {
      ExactUnits.Unit u = us.get(0);
      return new TermQuery(new Term(unitsField, normalized.substring(u.start(), u.end())));
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (int i = 0; i + 1 < us.size(); i++) {
      pb.add(new Term(pairsField, ExactUnits.pair(normalized, us.get(i), us.get(i + 1))), i);
    }
    return pb.build();
  }

  private static Query wordsQuery(String field, List<String> terms) {
    if (terms.isEmpty()) return null;
    if (terms.size() == 1) return new TermQuery(new Term(field, terms.get(0)));
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (int i = 0; i < terms.size(); i++) pb.add(new Term(field, terms.get(i)), i);
    return pb.build();
  }

  record Token(String term, int start, int end, int position) {}

  /** smartcn tokens of normalised text, with offsets into it. */
  List<Token> analyze(String normalized) {
    List<Token> out = new ArrayList<>();
    Analyzer a = analyzers.words();
    try (TokenStream ts = a.tokenStream(Fields.BODY_WORDS, normalized)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(new Token(term.toString(), off.startOffset(), off.endOffset(), pos));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Groups smartcn tokens into units that must match. A single Chinese character that smartcn leaves on
   * its own is kept with its neighbour as typed: smartcn splits unknown words (教联体 → 教|联|体,
   * 防溺水 → 防|溺水, 双减 → 双|减), and requiring 防 anywhere in the document and 溺水 anywhere else
   * would widen the query to nonsense. Tokens are joined only where they touch in the query text.
   */
  static List<Unit> units(String n, List<Token> tokens) {
    // spans of token indexes [from, to) forming one unit
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) spans.add(new int[] {i, i + 1});
    boolean merged = true;
    while (merged) {
      merged = false;
      for (int k = 0; k < spans.size(); k++) {
        int[] sp = spans.get(k);
        if (sp[1] - sp[0] != 1 || !singleCjk(n, tokens.get(sp[0]))) continue;
        // prefer the following token (防|溺水), else the preceding one (2023|年)
        if (k + 1 < spans.size() && touches(tokens, sp, spans.get(k + 1))) {
          spans.set(k, new int[] {sp[0], spans.get(k + 1)[1]});
          spans.remove(k + 1);
          merged = true;
          break;
        }
        if (k > 0 && touches(tokens, spans.get(k - 1), sp)) {
          spans.set(k - 1, new int[] {spans.get(k - 1)[0], sp[1]});
          spans.remove(k);
          merged = true;
          break;
        }
      }
    }
    List<Unit> out = new ArrayList<>();
    for (int[] sp : spans) {
      int start = tokens.get(sp[0]).start;
      int end = tokens.get(sp[1] - 1).end;
      String text = n.substring(start, end);
      List<String> terms = new ArrayList<>();
      for (int k = sp[0]; k < sp[1]; k++) terms.add(tokens.get(k).term);
      boolean alnum = text.codePoints().anyMatch(CharClass::isAlnum);
      out.add(new Unit(text, terms, alnum));
    }
    return out;
  }

  private static boolean touches(List<Token> tokens, int[] left, int[] right) {
    return tokens.get(left[1] - 1).end == tokens.get(right[0]).start;
  }

  private static boolean singleCjk(String n, Token t) {
    return n.codePointCount(t.start, t.end) == 1 && CharClass.isCjk(n.codePointAt(t.start));
  }

  static String explain(QueryNode n) {
    return switch (n) {
      case QueryNode.Words w -> (w.scope() == QueryNode.Scope.TITLE ? "title:" : "") + w.text();
      case QueryNode.Exact e -> (e.scope() == QueryNode.Scope.TITLE ? "title:" : "") + "\"" + e.text() + "\"";
      case QueryNode.Not x -> "NOT " + explain(x.child());
      case QueryNode.And a -> String.join(" AND ", a.children().stream().map(c -> wrap(c)).toList());
      case QueryNode.Or o -> String.join(" OR ", o.children().stream().map(c -> wrap(c)).toList());
    };
  }

  private static String wrap(QueryNode c) {
    return c instanceof QueryNode.Or || c instanceof QueryNode.And ? "(" + explain(c) + ")" : explain(c);
  }
}
