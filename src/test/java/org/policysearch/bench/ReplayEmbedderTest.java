package org.policysearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.vector.FakeEmbedder;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.search.TestIndex;

/**
 * The benchmark's replayed vectors are the ones the model made for the same text (to half precision),
 * without running the model; a text it never embedded, and every query, goes to the model.
 */
class ReplayEmbedderTest {
  @TempDir Path dir;

  @Test
  void knownPassagesAreReplayedUnknownOnesAndQueriesAreEmbedded() throws Exception {
    List<PolicyDocument> docs = List.of(
        TestIndex.doc("a", "养犬管理条例", "2020-01-01", "浙江省/杭州市", "法规", List.of(), "养犬人应当为犬只办理登记。", "携犬出户时应当束犬链。"),
        TestIndex.doc("b", "城市绿化条例", "2021-01-01", "山东省/济南市", "法规", List.of(), "城市绿化规划应当确定绿地率。"));
    TestIndex.write(dir, docs);
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (SemanticIndex s = SemanticIndex.open(new IndexLayout(dir), new FakeEmbedder("fake-1"),
        new VectorBuilder.Settings(1, Duration.ofHours(1), 8, Duration.ofHours(1)), 1, log)) {
      s.buildNow(st -> {});
    }
    FakeEmbedder model = new FakeEmbedder("fake-1");
    FakeEmbedder reference = new FakeEmbedder("fake-1");
    ReplayEmbedder replay = ReplayEmbedder.fromIndex(dir, docs, model);
    assertEquals(3, replay.known(), "one window per paragraph of the two documents");

    List<float[]> got = replay.embedPassages(List.of("携犬出户时应当束犬链。", "城市绿化规划应当确定绿地率。"));
    assertEquals(0, model.embedded.get(), "known passages never reach the model");
    List<float[]> want = reference.embedPassages(List.of("携犬出户时应当束犬链。", "城市绿化规划应当确定绿地率。"));
    for (int i = 0; i < 2; i++) assertArrayEquals(want.get(i), got.get(i), 1e-3f);

    replay.embedPassages(List.of("养犬人应当为犬只办理登记。", "一段从未嵌入过的文字。"));
    assertEquals(1, model.embedded.get(), "only the unknown passage is embedded");
    assertEquals(3, replay.replayed());
    replay.embedQuery("养犬 登记");
    replay.embedPassage("养犬人应当为犬只办理登记。");
    assertEquals(3, model.embedded.get(), "queries and single passages (pasted text) always go to the model");
  }
}
