package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.vector.FakeEmbedder;
import org.policysearch.index.vector.VectorStatus;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.index.vector.VectorLookup;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.TestIndex;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.json.ResultJson;
import org.policysearch.search.query.Synonyms;

/**
 * Semantic search on the cluster: the paragraph vectors built into the cluster's vectors index by the same builder
 * and model as the embedded index's (a deterministic stand-in, {@link FakeEmbedder}), searched by the analysis
 * plugin's vector field and query, and the answers of both backends compared: the nearest paragraphs with their
 * scores, a paragraph's stored vector, similar documents by meaning and the status. Then what a build does on
 * the cluster when nothing changed, after a rebuild of the text index, and with another model.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchSemanticTest {
  private static final VectorBuilder.Settings EACH = new VectorBuilder.Settings(2, Duration.ofHours(1), 4, Duration.ofHours(1));
  private static final PrintStream LOG = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  private static final String ALIAS = "semantic-test";

  @TempDir static Path dir;
  static LuceneBackend lucene;
  static OpenSearchBackend cluster;
  static SemanticIndex embedded;

  static List<PolicyDocument> docs() {
    List<PolicyDocument> out = new ArrayList<>(List.of(
        TestIndex.doc("hz", "杭州市养犬管理条例", "2020-01-01", "浙江省/杭州市", "法规", List.of(),
            "一、总体要求", "养犬人应当为犬只办理登记，定期接种狂犬病疫苗。", "携犬出户时应当束犬链，由成年人牵领。"),
        TestIndex.doc("jn", "济南市养犬管理条例", "2021-01-01", "山东省/济南市", "法规", List.of(),
            "犬只应当登记并接种狂犬病疫苗。", "出户遛犬须束犬链。"),
        TestIndex.doc("zz", "郑州市养犬管理条例", "2022-01-01", "河南省/郑州市", "法规", List.of(),
            "饲养犬只实行登记制度，免疫狂犬病。", "犬只出户应当牵引。"),
        TestIndex.doc("nb", "宁波市养犬管理条例", "2022-01-01", "浙江省/杭州市", "法规", List.of(), "同城的养犬规定：登记和免疫。"),
        TestIndex.doc("wh", "武汉市城市绿化条例", "2023-01-01", "湖北省/武汉市", "法规", List.of(),
            "城市绿化规划应当确定绿地率。", "古树名木实行挂牌保护。", "绿" + "化".repeat(3) + "工程应当与主体工程同时规划、同时设计。".repeat(40))));
    // more documents, so that the graph search has something to search and documents spread over the shards
    String[] subjects = {"防溺水安全教育", "义务教育优质均衡发展", "城乡供水一体化", "农村人居环境整治", "双减政策落实", "校园食品安全"};
    String[] cities = {"湖北省/武汉市", "湖南省/长沙市", "江苏省/南京市", "广东省/广州市", "四川省/成都市"};
    for (int i = 0; i < 30; i++) {
      String subject = subjects[i % subjects.length];
      out.add(TestIndex.doc("d" + i, cities[i % cities.length].split("/")[1] + "关于" + subject + "的通知", "202" + (i % 5) + "-03-01",
          cities[i % cities.length], "通知", List.of(),
          "各地要高度重视" + subject + "工作，第" + i + "项措施落实到位。", "加强" + subject + "的宣传和督促检查，建立长效机制。",
          "附件"));
    }
    return out;
  }

  static SemanticIndex.Setup setup(String model) {
    return new SemanticIndex.Setup(new FakeEmbedder(model), EACH, 1, LOG);
  }

  @BeforeAll
  static void open() throws Exception {
    Path index = Files.createDirectories(dir.resolve("embedded"));
    TestIndex.write(index, docs());
    embedded = SemanticIndex.open(new IndexLayout(index), new FakeEmbedder("fake-1"), EACH, 1, LOG);
    lucene = LuceneBackend.open(index, TestIndex.ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS, embedded);
    embedded.buildNow(s -> {});
    cluster = TestCluster.withDocuments(ALIAS, 3, dir, docs(), setup("fake-1"));
  }

  @AfterAll
  static void close() throws Exception {
    if (lucene != null) lucene.close();
    if (cluster != null) cluster.close();
  }

  private static JsonObject json(SimilarResult r) {
    JsonObject o = ResultJson.similar(r);
    o.remove("took_ms");
    return o;
  }

  @Test
  @Order(1) // before the others build the vectors
  void theClusterBuildsTheSameVectorsAndAnswersAsTheEmbeddedIndex() throws Exception {
    assertEquals("waiting", cluster.semanticStatus().state(), "nothing built yet");
    assertEquals("lexical", cluster.similarTo("hz", 2, 5, SimilarMode.DOCUMENTS, true).answeredBy(), "lexical until the vectors are built");

    VectorBuilder.Summary first = cluster.semantic().buildNow(s -> {});
    assertEquals(docs().size(), first.documentsEmbedded(), first::toString);
    assertTrue(first.complete());
    assertEquals(lucene.semanticStatus(), cluster.semanticStatus(), "same state and counts");
    assertEquals("ready", cluster.semanticStatus().state());

    VectorLookup a = embedded.vectors();
    VectorLookup b = cluster.semantic().vectors();
    for (String q : List.of("狂犬病疫苗", "束犬链", "防溺水", "供水", "绿化工程同时设计", "长效机制")) {
      float[] v = FakeEmbedder.vector(q);
      List<VectorLookup.ParagraphHit> pa = a.nearestParagraphs(v, 10).orElseThrow();
      List<VectorLookup.ParagraphHit> pb = b.nearestParagraphs(v, 10).orElseThrow();
      assertEquals(10, pb.size());
      assertEquals(keys(pa), keys(pb), q);
      for (int i = 0; i < pa.size(); i++) assertEquals(pa.get(i).score(), pb.get(i).score(), 1e-5, q + " #" + i);
      List<VectorLookup.DocumentHit> da = a.nearestDocuments(v, 5).orElseThrow();
      List<VectorLookup.DocumentHit> db = b.nearestDocuments(v, 5).orElseThrow();
      assertEquals(da.stream().map(VectorLookup.DocumentHit::documentId).toList(), db.stream().map(VectorLookup.DocumentHit::documentId).toList(), q);
    }
    // a paragraph's vector: the mean of its windows (the long paragraph of wh has several)
    for (int para : List.of(1, 2, 3)) {
      assertArrayEquals(a.paragraphVector("wh", para).orElseThrow(), b.paragraphVector("wh", para).orElseThrow(), 1e-6f, "wh #" + para);
    }
    assertTrue(b.paragraphVector("d0", 3).isEmpty(), "附件: too short to have a vector");
    assertTrue(b.paragraphVector("nope", 1).isEmpty());

    for (SimilarMode mode : SimilarMode.values()) {
      SimilarResult ra = lucene.similarTo("hz", 2, 5, mode, true);
      SimilarResult rb = cluster.similarTo("hz", 2, 5, mode, true);
      assertEquals(mode == SimilarMode.DOCUMENTS ? "hybrid" : "lexical", rb.answeredBy(), "paragraphs are lexical on both");
      assertEquals(json(ra), json(rb), mode::toString);
      String text = "犬只登记，接种狂犬病疫苗，出户束犬链";
      assertEquals(json(lucene.similarToText(text, 5, mode, true)), json(cluster.similarToText(text, 5, mode, true)), mode::toString);
    }
  }

  @Test
  void aPassEmbedsOnlyWhatChangedARebuildEmbedsNothingAndAnotherModelStartsAfresh(@TempDir Path own) throws Exception {
    List<PolicyDocument> few = docs().subList(0, 8);
    float[] q = FakeEmbedder.vector("狂犬病疫苗");
    try (OpenSearchBackend b = TestCluster.withDocuments("semantic-again", 2, own, few, setup("fake-1"))) {
      VectorBuilder.Summary first = b.semantic().buildNow(s -> {});
      assertEquals(8, first.documentsEmbedded());
      assertEquals("no vector index yet", first.rebuildReason());
      List<VectorLookup.ParagraphHit> before = b.semantic().vectors().nearestParagraphs(q, 5).orElseThrow();

      VectorBuilder.Summary again = b.semantic().buildNow(s -> {});
      assertEquals(0, again.embedded(), again::toString);
      assertEquals(8, again.documentsUnchanged());

      // a rebuild of the text index is a new generation: every marker moves on, nothing is embedded again
      b.index(true, (files, of, bytes, bytesOf, documents) -> {});
      VectorBuilder.Summary rebuilt = b.semantic().buildNow(s -> {});
      assertEquals(0, rebuilt.embedded(), rebuilt::toString);
      assertEquals(8, rebuilt.documentsUnchanged());
      assertEquals(before, b.semantic().vectors().nearestParagraphs(q, 5).orElseThrow(), "the touched vectors are intact");

      // a file gone from the corpus: its document leaves the text index, then its vectors
      Files.delete(own.resolve("cluster-corpus").resolve("0000.txt"));
      b.index(false, (files, of, bytes, bytesOf, documents) -> {});
      VectorBuilder.Summary removed = b.semantic().buildNow(s -> {});
      assertEquals(1, removed.documentsRemoved(), removed::toString);
      assertTrue(b.semantic().vectors().nearestParagraphs(q, 20).orElseThrow().stream().noneMatch(h -> h.documentId().equals("hz")));
      try (Cluster c = TestCluster.client()) {
        assertEquals(7, c.get("/semantic-again-vectors/_count").json().get("count").getAsInt(), "one vectors document a text document");
      }
    }
    // another model: its vectors cannot answer this one's queries, so the index starts afresh and is lexical until built
    try (OpenSearchBackend b = TestCluster.backend("semantic-again", 2, null, setup("fake-2"))) {
      assertFalse(b.semantic().vectors().searchable(), "vectors of another model are stale");
      assertEquals("lexical", b.similarTo("jn", 1, 5, SimilarMode.DOCUMENTS, true).answeredBy());
      VectorBuilder.Summary fresh = b.semantic().buildNow(s -> {});
      assertTrue(fresh.rebuildReason().contains("fake-1"), fresh::rebuildReason);
      assertEquals(7, fresh.documentsEmbedded());
      assertTrue(b.semantic().vectors().searchable());
    }
  }

  @Test
  void serversOverOneClusterTakeTurnsBuildingTheVectors(@TempDir Path own) throws Exception {
    List<PolicyDocument> few = docs().subList(0, 6);
    try (OpenSearchBackend first = TestCluster.withDocuments("semantic-lease", 1, own, few, setup("fake-1"));
         OpenSearchBackend second = TestCluster.backend("semantic-lease", 1, null, setup("fake-1"));
         Cluster c = TestCluster.client()) {
      // another server holds the lease: this one embeds nothing, waits, and says why (not a failure)
      try (ClusterLease other = ClusterLease.acquire(c, "semantic-lease", "other-server")) {
        VectorBuilder.Summary waited = first.semantic().buildNow(s -> {});
        assertEquals(0, waited.embedded(), waited::toString);
        assertEquals(VectorStatus.State.WAITING, first.semantic().status().state());
        assertTrue(first.semantic().status().detail().contains("another server is building the vectors"), first.semantic().status().detail());
        assertThrows(org.policysearch.index.vector.VectorSink.HeldElsewhere.class,
            () -> ClusterLease.acquire(c, "semantic-lease", "a-third-server"));
      }
      // given up: the first builds them all, and gives the lease up in turn
      VectorBuilder.Summary built = first.semantic().buildNow(s -> {});
      assertEquals(6, built.documentsEmbedded(), built::toString);
      assertEquals(404, c.get("/" + ClusterLease.name("semantic-lease") + "/_doc/builder").status(), "released after the pass");
      // the second server finds them built: it embeds nothing and searches them
      VectorBuilder.Summary again = second.semantic().buildNow(s -> {});
      assertEquals(0, again.embedded(), again::toString);
      assertEquals(6, again.documentsUnchanged());
      assertTrue(second.semantic().vectors().searchable());

      // a holder that went away without giving the lease up: once its time has run out, another server takes over
      JsonObject stale = new JsonObject();
      stale.addProperty("holder", "gone-server");
      stale.addProperty("until", System.currentTimeMillis() - 1);
      Cluster.ok(c.json("PUT", "/" + ClusterLease.name("semantic-lease") + "/_doc/builder", java.util.Map.of("refresh", "true"), stale), "stale");
      VectorBuilder.Summary takenOver = second.semantic().buildNow(s -> {});
      assertEquals(VectorStatus.State.READY, second.semantic().status().state(), takenOver::toString);
      assertEquals(404, c.get("/" + ClusterLease.name("semantic-lease") + "/_doc/builder").status());
    }
  }

  @Test
  void semanticSearchFusesTheSameDocumentsInTheSameOrderOnBothBackends(@TempDir Path own) throws Exception {
    // one shard: the words' ranking (BM25) is computed per shard on a cluster, so only on one shard is it the embedded
    // index's to the last bit (docs/opensearch.md), and with it the fused order
    try (OpenSearchBackend cluster = TestCluster.withDocuments("semantic-search", 1, own, docs(), setup("fake-1"))) {
      cluster.semantic().buildNow(s -> {});
      fusesAlike(cluster);
    }
  }

  private static void fusesAlike(OpenSearchBackend cluster) throws Exception {
    Filters hubei = new Filters(List.of("湖北省"), List.of(), null, null, List.of(), List.of(), false);
    int hybrid = 0;
    for (String q : List.of("狂犬病 疫苗", "溺水", "供水 长效机制", "校园 安全", "绿化")) {
      for (Filters f : List.of(Filters.NONE, hubei)) {
        for (int page : List.of(1, 2)) {
          SearchRequest r = new SearchRequest(q, f, SortOrder.RELEVANCE, page, 5, 2, true);
          SearchResult a = lucene.search(r);
          SearchResult b = cluster.search(r);
          assertEquals(a.answeredBy(), b.answeredBy(), q);
          assertEquals(a.byMeaning(), b.byMeaning(), q);
          assertEquals(summary(a), summary(b), () -> q + " " + f + " page " + page);
          assertEquals(searchJson(a), searchJson(b), () -> q + " " + f + " page " + page);
          if (b.answeredBy().equals("hybrid")) hybrid++;
        }
      }
    }
    assertEquals(20, hybrid, "every one of them fused");
    // a quoted string is never widened by meaning, on either backend
    SearchResult quoted = cluster.search(new SearchRequest("\"狂犬病\"", Filters.NONE, SortOrder.RELEVANCE, 1, 10, 1, true));
    assertEquals("lexical", quoted.answeredBy());
    SearchResult quotedHere = lucene.search(new SearchRequest("\"狂犬病\"", Filters.NONE, SortOrder.RELEVANCE, 1, 10, 1, true));
    assertEquals(0, quoted.byMeaning());
    assertEquals(quotedHere.total(), quoted.total());
    // (a phrase is scored otherwise on the cluster, docs/opensearch.md: the same documents, maybe in another order)
    assertEquals(java.util.Set.copyOf(quotedHere.hits().stream().map(h -> h.document().id()).toList()),
        java.util.Set.copyOf(quoted.hits().stream().map(h -> h.document().id()).toList()));
  }

  private static List<String> summary(SearchResult r) {
    List<String> out = new ArrayList<>(List.of("total " + r.total() + ", by meaning " + r.byMeaning()));
    r.hits().forEach(h -> out.add(h.document().id() + " " + h.score() + " " + h.passages().stream().map(p -> p.paragraph()).toList()));
    return out;
  }

  private static JsonObject searchJson(SearchResult r) {
    JsonObject o = ResultJson.search(r);
    o.remove("took_ms");
    return o;
  }

  private static List<String> keys(List<VectorLookup.ParagraphHit> hits) {
    return hits.stream().map(h -> h.documentId() + "#" + h.paragraph()).toList();
  }
}
