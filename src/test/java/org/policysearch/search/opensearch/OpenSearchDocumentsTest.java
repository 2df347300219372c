package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;

/**
 * Whole documents read back from the cluster, whose {@code _source} holds no paragraphs ({@link IndexDesign}): every
 * paragraph, in order, from their stored fields, however many windows of inner hits a document needs; and the lead
 * passages of a document whose opening paragraphs are all headings (more of them than a window of 32), found past them.
 */
class OpenSearchDocumentsTest {
  static final String ALIAS = "documents-test";
  @TempDir static Path dir;
  static List<PolicyDocument> docs = new ArrayList<>();
  static OpenSearchBackend cluster;
  static LuceneBackend lucene;

  @BeforeAll
  static void build() throws Exception {
    String[] longOne = new String[23];
    for (int i = 0; i < longOne.length; i++) longOne[i] = "第" + (i + 1) + "段，关于推进义务教育优质均衡发展的若干措施和具体要求。";
    docs.add(TestIndex.doc("long", "长文件", "2023-05-01", "湖北省/武汉市", "通知", List.of(), longOne));
    docs.add(TestIndex.doc("short", "短文件", "2022-03-01", "湖北省/鄂州市", "讲话", List.of(), "同志们：", "今天召开全市教育工作会议，部署防溺水工作。"));
    // the opening is 40 short lines (a table of contents): the lead passages lie past the 32 paragraphs read first
    String[] contents = new String[43];
    for (int i = 0; i < 40; i++) contents[i] = "第" + (i + 1) + "章";
    contents[40] = "本规划根据国家有关法律法规和上级部署编制，是今后五年全市发展的行动纲领。";
    contents[41] = "坚持以人民为中心的发展思想，统筹发展和安全，推动高质量发展取得新成效。";
    contents[42] = "到二〇二五年，全市地区生产总值年均增长百分之六左右，城乡居民收入稳步增长。";
    docs.add(TestIndex.doc("contents", "规划纲要", "2021-01-01", "湖北省", "规划", List.of(), contents));
    lucene = TestIndex.backend(dir.resolve("index"), docs);
    cluster = TestCluster.withDocuments(ALIAS, 2, dir, docs);
  }

  @AfterAll
  static void close() throws Exception {
    lucene.close();
    cluster.close();
  }

  @Test
  void everyParagraphInOrderWhateverTheWindow() throws Exception {
    for (int window : List.of(1, 4, 23, 10_000)) {
      ClusterDocuments reader = new ClusterDocuments(TestCluster.client(), window);
      List<ClusterDocuments.Held> held = reader.read(ALIAS, List.of("contents", "no-such-document", "long", "short"));
      assertEquals(List.of("contents", "long", "short"), held.stream().map(h -> h.document().id()).toList(),
          "the documents that exist, in the order asked, window " + window);
      for (ClusterDocuments.Held h : held) {
        PolicyDocument made = docs.stream().filter(d -> d.id().equals(h.document().id())).findFirst().orElseThrow();
        assertEquals(made.paragraphs(), h.paragraphs(), () -> made.id() + ", window " + window);
        assertEquals(made.title(), h.document().title());
      }
    }
    assertTrue(new ClusterDocuments(TestCluster.client()).read("no-such-index", List.of("long")).isEmpty(), "an index that does not exist holds none");
  }

  @Test
  void theDocumentViewHoldsTheWholeText() throws Exception {
    for (PolicyDocument d : docs) assertEquals(d.paragraphs(), cluster.document(d.id(), null).document().paragraphs(), d.id());
  }

  @Test
  void leadPassagesAreTheEmbeddedOnesPastTheFirstParagraphsRead() throws Exception {
    for (String q : List.of("", "title:规划纲要")) {
      SearchRequest r = new SearchRequest(q, Filters.NONE, SortOrder.DATE_DESC, 1, 10, 3);
      SearchResult a = lucene.search(r);
      SearchResult b = cluster.search(r);
      assertEquals(a.hits().stream().map(Hit::document).map(PolicyDocument::id).toList(),
          b.hits().stream().map(Hit::document).map(PolicyDocument::id).toList(), q);
      for (int i = 0; i < a.hits().size(); i++) assertEquals(a.hits().get(i).passages(), b.hits().get(i).passages(), q);
    }
    SearchResult listing = cluster.search(new SearchRequest("", Filters.NONE, SortOrder.DATE_DESC, 1, 10, 3));
    Hit contents = listing.hits().stream().filter(h -> h.document().id().equals("contents")).findFirst().orElseThrow();
    assertEquals(List.of(41, 42, 43), contents.passages().stream().map(p -> p.paragraph()).toList(), "past the table of contents");
  }
}
