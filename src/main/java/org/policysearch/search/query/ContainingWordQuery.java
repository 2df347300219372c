package org.policysearch.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Documents with a word (a smartcn token) that holds the given text: 鄂州 finds the token 鄂州市, 教育 the
 * tokens 学前教育 and 教育局. Rewritten per reader into the set of such words, found through an index of
 * the vocabulary by character kept per reader. Why not a wildcard {@code *教育*}: it walks the whole term
 * dictionary of every field it is used on at every query, which made a word search ten times slower.
 */
public final class ContainingWordQuery extends Query {
  /** Field whose vocabulary is indexed (the document-level words; the paragraph words are the same tokens). */
  private static final String VOCABULARY_FIELD = org.policysearch.index.Fields.DOC_WORDS;
  private static final Map<IndexReader.CacheKey, Vocabulary> CACHE = new WeakHashMap<>();

  private final String field;
  private final String text;

  ContainingWordQuery(String field, String text) {
    this.field = field;
    this.text = text;
  }

  /** The field whose words are matched (a search server translates this query into its own). */
  public String field() {
    return field;
  }

  /** The text a word must hold. */
  public String text() {
    return text;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    List<BytesRef> words = vocabulary(searcher.getIndexReader()).containing(text);
    return words.isEmpty() ? new MatchNoDocsQuery("no word holds " + text) : new TermInSetQuery(field, words);
  }

  private static Vocabulary vocabulary(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) return Vocabulary.of(reader); // no cache key: build (tests with a bare reader)
    synchronized (CACHE) {
      Vocabulary v = CACHE.get(helper.getKey());
      if (v == null) {
        v = Vocabulary.of(reader);
        CACHE.put(helper.getKey(), v);
      }
      return v;
    }
  }

  /** Every word of the vocabulary, and for each character the words that hold it. */
  private record Vocabulary(String[] words, Map<Integer, int[]> byChar) {
    static Vocabulary of(IndexReader reader) throws IOException {
      List<String> words = new ArrayList<>();
      Map<Integer, List<Integer>> lists = new HashMap<>();
      Terms terms = MultiTerms.getTerms(reader, VOCABULARY_FIELD);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          String w = t.utf8ToString();
          int id = words.size();
          words.add(w);
          w.codePoints().distinct().forEach(c -> lists.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
        }
      }
      Map<Integer, int[]> byChar = new HashMap<>(lists.size() * 2);
      lists.forEach((c, l) -> byChar.put(c, l.stream().mapToInt(Integer::intValue).toArray()));
      return new Vocabulary(words.toArray(new String[0]), byChar);
    }

    /** The words that hold {@code text}: those of its rarest character that contain it whole. */
    List<BytesRef> containing(String text) {
      int[] fewest = null;
      for (int c : text.codePoints().toArray()) {
        int[] ids = byChar.get(c);
        if (ids == null) return List.of();
        if (fewest == null || ids.length < fewest.length) fewest = ids;
      }
      List<BytesRef> out = new ArrayList<>();
      if (fewest == null) return out;
      for (int id : fewest) if (words[id].contains(text)) out.add(new BytesRef(words[id]));
      return out;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String f) {
    return "containing(" + field + ":" + text + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && field.equals(((ContainingWordQuery) o).field) && text.equals(((ContainingWordQuery) o).text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), field, text);
  }
}
