package org.policysearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.api.Suggestion;

/** What the search box offers for a typed prefix, and in which order. */
class SuggesterTest {
  @TempDir static Path dir;
  static SearchService service;

  @BeforeAll
  static void build() throws Exception {
    TestIndex.write(dir, List.of(
        TestIndex.doc("ezhou", "鄂州市教育工作会议讲话", "2023-02-12", "湖北省/鄂州市", "讲话", List.of("双减"), "推进教育强市建设。"),
        TestIndex.doc("wuhan", "武汉市教育工作要点", "2023-03-01", "湖北省/武汉市", "通知", List.of("双减"), "推进教育现代化。"),
        TestIndex.doc("qingdao", "青岛市教育工作要点", "2022-03-01", "山东省/青岛市", "通知", List.of(), "青岛市推进教育发展。")));
    service = TestIndex.service(dir);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  /** A suggester over the given values only (an empty index: no frequent words). */
  static Suggester of(Map<String, Long> regions, Map<String, Long> themes, Map<String, Long> types, Map<String, Long> titles)
      throws Exception {
    try (ByteBuffersDirectory d = new ByteBuffersDirectory();
         IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(w)) {
        return Suggester.build(r, regions, themes, types, titles);
      }
    }
  }

  @Test
  void aPlaceNameCompletesToItsRegionBeforeTitles() throws Exception {
    Suggester s = of(Map.of("湖北省", 3L, "湖北省/鄂州市", 2L), Map.of(), Map.of(), Map.of("鄂州市教育工作会议讲话", 1L));
    assertEquals(List.of(new Suggestion("鄂州市", "region", "湖北省/鄂州市", 2), new Suggestion("鄂州市教育工作会议讲话", "title",
        "鄂州市教育工作会议讲话", 1)), s.suggest("鄂州", 10));
    // A region's full path and its last name are one suggestion.
    assertEquals(List.of(new Suggestion("湖北省", "region", "湖北省", 3), new Suggestion("湖北省/鄂州市", "region", "湖北省/鄂州市", 2)),
        s.suggest("湖北", 10));
  }

  @Test
  void prefixMatchesComeBeforeMatchesInside() throws Exception {
    Suggester s = of(Map.of(), Map.of("双减", 5L), Map.of(), Map.of("落实双减工作通知", 9L, "双减背景下的作业设计", 1L));
    assertEquals(List.of(new Suggestion("双减", "theme", "双减", 5), new Suggestion("双减背景下的作业设计", "title", "双减背景下的作业设计", 1),
        new Suggestion("落实双减工作通知", "title", "落实双减工作通知", 9)), s.suggest("双减", 10));
    assertEquals(1, s.suggest("双减", 1).size());
  }

  @Test
  void theTypedTextIsNormalisedFirst() throws Exception {
    Suggester s = of(Map.of(), Map.of(), Map.of("讲话", 4L), Map.of());
    // Traditional characters find the simplified value.
    assertEquals(List.of(new Suggestion("讲话", "type", "讲话", 4)), s.suggest("講", 10));
    assertEquals(List.of(), s.suggest("", 10));
  }

  @Test
  void theServiceOffersRegionsThemesAndFrequentWordsFromTheIndex() throws Exception {
    assertEquals(List.of(new Suggestion("湖北省", "region", "湖北省", 2)), service.suggest("湖北", 1));
    // 推进 is in the paragraphs of all three documents: a frequent word, counted by paragraphs.
    assertEquals(List.of(new Suggestion("推进", "term", "推进", 3)), service.suggest("推", 10));
    // A word typed in full has nothing left to complete.
    assertEquals(List.of(), service.suggest("推进", 10));
    assertEquals(new Suggestion("双减", "theme", "双减", 2), service.suggest("双", 10).get(0));
  }
}
