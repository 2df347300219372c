package org.policysearch.search.opensearch;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.policysearch.search.Suggester;

/**
 * A paragraph's distinct suggestible words ({@link Suggester#suggestible}), by the embedded index's own words
 * chain (the cluster's chain gives the same tokens: {@code OpenSearchAnalysisTest}). Sent as
 * {@link org.policysearch.index.Fields#PARA_SUGGEST_WORDS} so that the cluster can count, per word, the
 * paragraphs holding it, which the embedded suggester reads from its term dictionary. Segmenting here costs
 * the indexer a third pass over the text (the cluster segments each paragraph twice): keyword doc values cannot
 * be analysed by the cluster, and a text field's vocabulary can be aggregated only through field data on the heap.
 */
final class ParagraphWords {
  private final Analyzer words;

  ParagraphWords(Analyzer words) {
    this.words = words;
  }

  List<String> of(String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = words.tokenStream("", new StringReader(text))) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String w = t.toString();
        if (Suggester.suggestible(w)) out.add(w);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("segmenting a paragraph in memory failed", e);
    }
    return List.copyOf(out);
  }
}
