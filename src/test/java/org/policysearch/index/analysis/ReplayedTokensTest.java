package org.policysearch.index.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.policysearch.index.Fields;
import org.policysearch.text.TextNormalizer;

/**
 * The indexer analyses each paragraph once and replays the tokens ({@link WordTokens}, {@link ExactStream}):
 * they must be exactly the tokens of the analysis chains the query side uses, term for term and
 * position for position, on real paragraphs and on awkward text.
 */
class ReplayedTokensTest {
  static final Analyzers A = new Analyzers();

  record Tok(String term, int posInc) {}

  static List<Tok> tokens(TokenStream ts) throws IOException {
    List<Tok> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(new Tok(t.toString(), p.getPositionIncrement()));
      ts.end();
    }
    return out;
  }

  static List<Tok> chain(Analyzer a, String text) throws IOException {
    return tokens(a.tokenStream(Fields.BODY_WORDS, text));
  }

  static List<String> paragraphs() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/seeds"))) {
      for (Path f : files.sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(line.strip());
      }
    }
    out.addAll(List.of("落实“双减”政策，推动義務教育優質均衡發展。", "２０２３年 2月　12日 COVID-19 reports a b  c", "a",
        "。", "“”", "教 育", "開展一次二噁英監測 𠀀𠀁 x𠀀y", "1.2.3 v2 GDP增长5.2%", "  leading and trailing  ", "《中华人民共和国教育法》第十条"));
    Random r = new Random(7);
    String alphabet = "教育发展 ab1，。“”《》２Ａ會議𠀀\t\n-";
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(30);
      for (int k = 0; k < n; k++) sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void replayedTokensAreThoseOfTheChains() throws IOException {
    List<String> texts = paragraphs();
    List<String> normalized = texts.stream().map(TextNormalizer::normalizeToString).toList();
    WordTokens words = WordTokens.analyse(A.wordsOfNormalized(), Fields.BODY_WORDS, normalized);
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      List<String> one = List.of(normalized.get(i));
      assertEquals(chain(A.words(), t), tokens(words.paragraph(i)), t);
      assertEquals(chain(A.exactPairs(), t), tokens(new ExactStream(ExactTokenizer.Mode.PAIRS, one, 0)), t);
      // units are indexed for presence only: each distinct one once
      assertEquals(distinct(chain(A.exactUnits(), t)), tokens(new ExactStream(ExactTokenizer.Mode.UNITS, one, 0)), t);
    }
  }

  static List<Tok> distinct(List<Tok> toks) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return toks.stream().filter(t -> seen.add(t.term())).toList();
  }

  @Test
  void theDocumentFieldIsTheParagraphsGapApart() throws IOException {
    List<String> texts = List.of("推动义务教育优质均衡发展", "。", "", "落实双减政策", "教联体");
    WordTokens words = WordTokens.analyse(A.wordsOfNormalized(), Fields.BODY_WORDS, texts);
    for (ExactTokenizer.Mode mode : ExactTokenizer.Mode.values()) {
      List<Tok> expected = new ArrayList<>();
      List<Tok> expectedWords = new ArrayList<>();
      boolean anyBefore = false;
      boolean anyWordsBefore = false;
      for (int i = 0; i < texts.size(); i++) {
        List<Tok> part = tokens(new ExactStream(mode, List.of(texts.get(i)), 0));
        for (int k = 0; k < part.size(); k++) {
          expected.add(k == 0 && anyBefore ? new Tok(part.get(k).term(), part.get(k).posInc() + 7) : part.get(k));
        }
        anyBefore |= !part.isEmpty();
        if (mode == ExactTokenizer.Mode.PAIRS) {
          List<Tok> w = tokens(words.paragraph(i));
          for (int k = 0; k < w.size(); k++) {
            expectedWords.add(k == 0 && anyWordsBefore ? new Tok(w.get(k).term(), w.get(k).posInc() + 7) : w.get(k));
          }
          anyWordsBefore |= !w.isEmpty();
        }
      }
      List<Tok> actual = tokens(new ExactStream(mode, texts, 7));
      if (mode == ExactTokenizer.Mode.PAIRS) {
        assertEquals(expected, actual);
        assertEquals(expectedWords, tokens(words.all(7)));
      } else {
        // presence only: every unit of the document, once
        assertEquals(distinct(expected).stream().map(Tok::term).toList(), actual.stream().map(Tok::term).toList());
      }
    }
  }
}
