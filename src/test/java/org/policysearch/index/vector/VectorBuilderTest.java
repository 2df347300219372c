package org.policysearch.index.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexStore;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.VectorLookup.DocumentHit;
import org.policysearch.index.vector.VectorLookup.ParagraphHit;
import org.policysearch.index.vector.VectorStatus.State;

/** The vector builder and searcher over a small text index, with the fake model. */
class VectorBuilderTest {
  static final Analyzers ANALYZERS = new Analyzers();
  /** Every document committed on its own, one window per batch: a stop can fall between any two. */
  static final VectorBuilder.Settings EACH = new VectorBuilder.Settings(1, Duration.ofHours(1), 1, Duration.ofHours(1));

  @TempDir Path dir;
  IndexLayout layout;
  final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

  static PolicyDocument doc(String id, Paragraph... paragraphs) {
    return new PolicyDocument(id, id, 0, "标题" + id, "", DateInfo.UNKNOWN, RegionInfo.national(1), "通知", "", "", "", "", List.of(),
        List.of(), Flags.NONE, List.of(paragraphs), null, List.of(), "UTF-8", id + paragraphs.length);
  }

  static Paragraph p(int n, String text) {
    return new Paragraph(n, text, false, List.of());
  }

  static Paragraph heading(int n, String text) {
    return new Paragraph(n, text, true, List.of());
  }

  static final PolicyDocument A = doc("a.txt", heading(1, "一、总体要求"), p(2, "全面落实义务教育阶段学生作业负担减轻的要求"),
      p(3, "加强校外培训机构的规范管理工作"));
  static final PolicyDocument B = doc("b.txt", p(1, "推进城乡供水一体化建设，保障农村饮水安全"), p(2, "附件"),
      p(3, "做好防汛抗旱和水利工程建设管理"));
  static final PolicyDocument C = doc("c.txt", p(1, "严格落实安全生产责任制，开展隐患排查治理"), p(2, "强化道路交通安全管理和执法检查"));

  @BeforeEach
  void setUp() {
    layout = new IndexLayout(dir.resolve("index"));
  }

  void writeText(boolean rebuild, List<PolicyDocument> put, List<String> deleteFiles) throws Exception {
    try (IndexStore s = IndexStore.open(layout, ANALYZERS, rebuild, 16)) {
      for (String f : deleteFiles) s.deleteFile(f);
      for (PolicyDocument d : put) s.put(d);
      s.commit();
    }
  }

  SemanticIndex open(Embedder e) throws Exception {
    return SemanticIndex.open(layout, e, EACH, 1, log);
  }

  String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void buildsEveryParagraphAndFindsTheNearestOne() throws Exception {
    writeText(false, List.of(A, B, C), List.of());
    FakeEmbedder fake = new FakeEmbedder("fake-1");
    try (SemanticIndex s = open(fake)) {
      assertTrue(s.vectors().nearestParagraphs(FakeEmbedder.vector("水"), 3).isEmpty(), "nothing answers before the build");
      assertEquals(State.WAITING, s.status().state());
      VectorBuilder.Summary sum = s.buildNow(st -> {});
      // The heading 一、总体要求 and the two-character 附件 are not embedded: 6 of 8 paragraphs.
      assertEquals(6, sum.embedded());
      assertEquals(6, fake.embedded.get());
      assertEquals(new VectorStatus(State.READY, 6, 6, "fake-1", true, ""), s.status());

      float[] q = FakeEmbedder.vector("做好防汛抗旱和水利工程建设管理");
      List<ParagraphHit> hits = s.vectors().nearestParagraphs(q, 2).orElseThrow();
      assertEquals(2, hits.size());
      assertEquals(new ParagraphHit("b.txt", 3, hits.get(0).score()), hits.get(0));
      assertEquals(1.0f, hits.get(0).score(), 1e-5f, "a paragraph is nearest to itself, scored exactly on the float vectors");
      assertTrue(hits.get(0).score() >= hits.get(1).score());

      List<DocumentHit> docs = s.vectors().nearestDocuments(q, 3).orElseThrow();
      assertEquals(List.of("b.txt", "a.txt", "c.txt").size(), docs.size());
      assertEquals("b.txt", docs.get(0).documentId());
      assertEquals(3, docs.get(0).paragraph());
      assertEquals(3, docs.stream().map(DocumentHit::documentId).distinct().count(), "one hit per document");

      List<ParagraphHit> onlyC = ((VectorSearcher) s.vectors()).nearestParagraphs(q, 5, VectorSearcher.onlyDocuments(Set.of("c.txt"))).orElseThrow();
      assertEquals(List.of("c.txt", "c.txt"), onlyC.stream().map(ParagraphHit::documentId).toList());
      List<ParagraphHit> notB = ((VectorSearcher) s.vectors()).nearestParagraphs(q, 10, VectorSearcher.exceptDocuments(Set.of("b.txt"))).orElseThrow();
      assertEquals(Set.of("a.txt/2", "a.txt/3", "c.txt/1", "c.txt/2"), Set.copyOf(notB.stream().map(h -> h.documentId() + "/" + h.paragraph()).toList()));

      assertArrayEquals(FakeEmbedder.vector("推进城乡供水一体化建设，保障农村饮水安全"), s.vectors().paragraphVector("b.txt", 1).orElseThrow(), 1e-6f);
      assertTrue(s.vectors().paragraphVector("a.txt", 1).isEmpty(), "a heading has no vector");
      assertTrue(s.vectors().paragraphVector("nope", 1).isEmpty());
    }
  }

  @Test
  void aLongParagraphIsEmbeddedInWindowsAndFoundOnce() throws Exception {
    String first = "甲".repeat(Windows.WINDOW_CHARS - 10) + "。";
    String second = "乙".repeat(300);
    writeText(false, List.of(doc("long.txt", p(1, first + second)), B), List.of());
    FakeEmbedder fake = new FakeEmbedder("fake-1");
    try (SemanticIndex s = open(fake)) {
      assertEquals(3, s.buildNow(st -> {}).embedded(), "paragraphs, not windows");
      assertEquals(4, fake.embedded.get(), "the long paragraph took two windows");
      List<ParagraphHit> hits = s.vectors().nearestParagraphs(FakeEmbedder.vector(second), 3).orElseThrow();
      assertEquals(new ParagraphHit("long.txt", 1, hits.get(0).score()), hits.get(0));
      assertEquals(1.0f, hits.get(0).score(), 1e-5f, "its second window matches by itself");
      assertEquals(1, hits.stream().filter(h -> h.documentId().equals("long.txt")).count(), "the paragraph once, by its best window");
    }
  }

  @Test
  void aBuildStoppedHalfwayResumesWithWhatIsMissing() throws Exception {
    writeText(false, List.of(A, B, C), List.of());
    FakeEmbedder crashing = new FakeEmbedder("fake-1");
    crashing.failAfter = 3; // dies inside the second document
    try (SemanticIndex s = open(crashing)) {
      EmbedderException e = assertThrows(EmbedderException.class, () -> s.buildNow(st -> {}));
      assertEquals(State.FAILED, s.status().state());
      assertEquals(e.getMessage(), s.status().detail());
      assertTrue(s.vectors().nearestParagraphs(FakeEmbedder.vector("水"), 3).isEmpty(), "a half-built index does not answer");
    }
    assertEquals(1, log().lines().filter(l -> l.startsWith("semantic search: the fake model stops after 3 passages")).count(), log());

    FakeEmbedder fake = new FakeEmbedder("fake-1");
    try (SemanticIndex s = open(fake)) {
      VectorBuilder.Summary sum = s.buildNow(st -> {});
      assertEquals(2, sum.documentsEmbedded(), "the first document's vectors were committed and are kept");
      assertEquals(1, sum.documentsUnchanged());
      assertEquals(4, fake.embedded.get());
      assertEquals(new VectorStatus(State.READY, 6, 6, "fake-1", true, ""), s.status());
      assertEquals(3, s.vectors().nearestDocuments(FakeEmbedder.vector("水"), 10).orElseThrow().size());
    }
  }

  @Test
  void aServerStoppedDuringTheBuildCommitsWhatItEmbeddedAndTheNextStartResumes() throws Exception {
    writeText(false, List.of(A, B, C), List.of());
    FakeEmbedder slow = new FakeEmbedder("fake-1");
    slow.pauseAfter = 3; // inside the second document (A has 2 embedded paragraphs, B 2, C 2)
    // No commit of its own before the end: what survives is what the stop committed.
    SemanticIndex s = SemanticIndex.open(layout, slow, new VectorBuilder.Settings(100, Duration.ofHours(1), 1, Duration.ofHours(1)), 1, log);
    s.buildInBackground();
    assertTrue(slow.paused.await(30, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(State.BUILDING, s.status().state());
    Thread stopper = new Thread(() -> {
      try {
        s.close(); // what the server's shutdown hook does
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    stopper.start();
    Thread.sleep(100); // the stop is asked for while a batch is being embedded
    slow.resume.countDown();
    stopper.join(30_000);
    assertFalse(stopper.isAlive(), "the builder stops after its current batch");
    assertTrue(log().contains("vectors: embedded 4 paragraphs of 2 documents, removed 0 documents, 0 unchanged; 4 paragraphs with vectors"), log());
    assertTrue(log().contains("stopped before the end, resumes next time"), log());

    FakeEmbedder fake = new FakeEmbedder("fake-1");
    try (SemanticIndex again = open(fake)) {
      assertEquals(State.WAITING, again.status().state());
      assertEquals(4, again.status().embedded(), "what the stopped build committed: " + again.status());
      VectorBuilder.Summary sum = again.buildNow(st -> {});
      assertEquals(1, sum.documentsEmbedded());
      assertEquals(2, fake.embedded.get(), "only the third document");
      assertEquals(new VectorStatus(State.READY, 6, 6, "fake-1", true, ""), again.status());
    }
  }

  @Test
  void anotherModelRebuildsTheVectorsAndOldOnesNeverAnswer() throws Exception {
    writeText(false, List.of(A, B, C), List.of());
    try (SemanticIndex s = open(new FakeEmbedder("fake-1"))) {
      s.buildNow(st -> {});
    }
    FakeEmbedder other = new FakeEmbedder("fake-2");
    other.failAfter = 0;
    try (SemanticIndex s = open(other)) {
      assertFalse(s.vectors().searchable(), "vectors of another model are stale from the start");
      assertTrue(s.vectors().nearestParagraphs(FakeEmbedder.vector("水"), 3).isEmpty());
      assertThrows(EmbedderException.class, () -> s.buildNow(st -> {}));
    }
    assertTrue(log().contains("semantic search: rebuilding the vectors: the vectors were made by fake-1 (32 dimensions), "
        + "this program embeds with fake-2 (32)"), log());
    FakeEmbedder fake2 = new FakeEmbedder("fake-2");
    try (SemanticIndex s = open(fake2)) {
      VectorBuilder.Summary sum = s.buildNow(st -> {});
      assertNull(sum.rebuildReason(), "already emptied and marked with the new model");
      assertEquals(6, fake2.embedded.get(), "everything embedded again");
      assertTrue(s.vectors().searchable());
    }
  }

  @Test
  void removedAndChangedDocumentsAreFollowedAndUnchangedOnesNotEmbeddedAgain() throws Exception {
    writeText(false, List.of(A, B, C), List.of());
    try (SemanticIndex s = open(new FakeEmbedder("fake-1"))) {
      s.buildNow(st -> {});
    }
    PolicyDocument changedB = doc("b.txt", p(1, "推进城乡供水一体化建设，保障农村饮水安全"), p(2, "新增：加快病险水库除险加固"));
    writeText(false, List.of(changedB), List.of("c.txt"));
    FakeEmbedder fake = new FakeEmbedder("fake-1");
    try (SemanticIndex s = open(fake)) {
      VectorBuilder.Summary sum = s.buildNow(st -> {});
      assertEquals(1, sum.documentsRemoved());
      assertEquals(1, sum.documentsEmbedded());
      assertEquals(1, sum.documentsUnchanged());
      assertEquals(2, fake.embedded.get(), "only the changed document's paragraphs");
      assertEquals(4, s.status().embedded());
      List<ParagraphHit> all = s.vectors().nearestParagraphs(FakeEmbedder.vector("安全"), 20).orElseThrow();
      assertEquals(Set.of("a.txt/2", "a.txt/3", "b.txt/1", "b.txt/2"),
          Set.copyOf(all.stream().map(h -> h.documentId() + "/" + h.paragraph()).toList()));
    }
    // A rebuilt text index (a new generation) with the same texts: read and checked, nothing embedded.
    writeText(true, List.of(A, changedB), List.of());
    FakeEmbedder again = new FakeEmbedder("fake-1");
    try (SemanticIndex s = open(again)) {
      VectorBuilder.Summary sum = s.buildNow(st -> {});
      assertEquals(0, again.embedded.get());
      assertEquals(2, sum.documentsUnchanged());
      assertEquals(State.READY, s.status().state());
    }
  }

  @Test
  void aModelThatCannotLoadIsOneLineAndTheFailedState() throws Exception {
    writeText(false, List.of(A), List.of());
    FakeEmbedder broken = new FakeEmbedder("fake-1");
    broken.loadFailure = "could not load the embedding model fake-1: UnsatisfiedLinkError (no onnxruntime in java.library.path)";
    try (SemanticIndex s = open(broken)) {
      s.buildInBackground();
      VectorStatus st = await(s, State.FAILED);
      assertEquals(broken.loadFailure, st.detail());
      assertFalse(st.searchable());
      assertTrue(s.embedQuery("义务教育").isEmpty());
    }
    assertEquals(List.of("semantic search: " + broken.loadFailure + "; searches and similar paragraphs are lexical until this is fixed"),
        log().lines().toList());
  }

  @Test
  void theBackgroundBuildReportsProgressAndEndsReady() throws Exception {
    writeText(false, List.of(A, B, C), List.of());
    FakeEmbedder fake = new FakeEmbedder("fake-1");
    List<VectorStatus> seen = new ArrayList<>();
    try (SemanticIndex s = open(fake)) {
      s.buildInBackground();
      VectorStatus st = await(s, State.READY);
      assertEquals(6, st.embedded());
      assertEquals(6, fake.embedded.get());
      assertTrue(s.embedQuery("水利").isPresent());
      s.buildNow(seen::add);
      assertEquals(State.READY, seen.get(seen.size() - 1).state());
      assertEquals(7, fake.embedded.get(), "the query was embedded; a second pass over an unchanged index embeds nothing");
    }
  }

  @Test
  void offTouchesNothingAndAnswersEmpty() throws Exception {
    writeText(false, List.of(A), List.of());
    try (SemanticIndex s = SemanticIndex.off()) {
      s.buildInBackground();
      assertEquals(VectorStatus.OFF, s.status());
      assertTrue(s.embedQuery("义务教育").isEmpty());
      assertTrue(s.vectors().nearestParagraphs(new float[] {1}, 3).isEmpty());
      assertThrows(IllegalStateException.class, () -> s.buildNow(st -> {}));
    }
    assertFalse(Files.exists(SemanticIndex.folder(layout)));
  }

  @Test
  void aSecondWriterOfTheVectorsIsRefusedWithAClearMessage() throws Exception {
    writeText(false, List.of(A), List.of());
    try (VectorStore held = VectorStore.open(SemanticIndex.folder(layout), "fake-1", FakeEmbedder.DIMENSION);
         SemanticIndex s = open(new FakeEmbedder("fake-1"))) {
      var e = assertThrows(VectorStore.VectorIndexLockedException.class, () -> s.buildNow(st -> {}));
      assertEquals("another process is already building the vectors in " + SemanticIndex.folder(layout)
          + "; the vectors are built by one process at a time", e.getMessage());
      assertEquals(State.FAILED, s.status().state());
    }
  }

  static VectorStatus await(SemanticIndex s, State want) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      VectorStatus st = s.status();
      if (st.state() == want) return st;
      Thread.sleep(20);
    }
    throw new AssertionError("still " + s.status() + " after 30 s, expected " + want);
  }
}
