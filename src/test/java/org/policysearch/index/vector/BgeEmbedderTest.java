package org.policysearch.index.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model, loaded once for the class (about 2 s): the only tests that pay for it. */
class BgeEmbedderTest {
  static BgeEmbedder model;

  @BeforeAll
  static void load() throws EmbedderException {
    model = new BgeEmbedder(2);
    model.load();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  @Test
  void twoParaphrasesAreCloserThanAnUnrelatedParagraph() throws EmbedderException {
    List<float[]> v = model.embedPassages(List.of(
        "切实减轻义务教育阶段学生过重的作业负担和校外培训负担。",
        "要把中小学生的课后作业量和课外补习压力降下来。",
        "加强农村饮用水水源地保护，保障群众饮水安全。"));
    double paraphrase = dot(v.get(0), v.get(1));
    double unrelated = dot(v.get(0), v.get(2));
    assertTrue(paraphrase > unrelated + 0.1, "paraphrase " + paraphrase + " against unrelated " + unrelated);
  }

  @Test
  void vectorsAreUnitLengthOfTheStatedDimensionAndRepeatable() throws EmbedderException {
    float[] a = model.embedPassage("推进城乡供水一体化建设");
    assertEquals(BgeEmbedder.DIMENSION, a.length);
    assertEquals(1.0, Math.sqrt(dot(a, a)), 1e-4);
    assertArrayEquals(a, model.embedPassages(List.of("别的文字", "推进城乡供水一体化建设")).get(1), 1e-5f, "the same in a batch");
  }

  @Test
  void aWindowAtTheLimitFitsTheModel() throws EmbedderException {
    // Full windows of Chinese, of digits and Latin letters, of rare characters outside the BMP: never more tokens than
    // the model reads, so langchain4j never splits and averages a window behind our back.
    for (String unit : List.of("2023年ABC教育局发布通知，落实双减政策", "abc 123 x-y/z ", "𠀀𠀁龘")) {
      String text = unit.repeat(Windows.WINDOW_CHARS).substring(0, Windows.WINDOW_CHARS);
      for (String w : Windows.split(text + text)) {
        int tokens = model.tokens(w);
        assertTrue(tokens <= 512, tokens + " tokens in a window of " + w.length() + " characters");
      }
    }
  }

  @Test
  void closingWhileAnotherThreadEmbedsNeitherCrashesNorHangs() throws Exception {
    // A server stopped (SIGTERM) while the vector builder embeds: the ONNX session must not be freed under a
    // thread still inside it (that was a SIGSEGV in libonnxruntime that took the whole JVM down).
    for (int round = 0; round < 3; round++) {
      BgeEmbedder m = new BgeEmbedder(2);
      m.load();
      List<String> batch = java.util.Collections.nCopies(64, "各地要推进义务教育优质均衡发展，落实双减政策，做好防溺水安全教育工作。".repeat(8));
      java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
      Thread worker = new Thread(() -> {
        try {
          while (true) m.embedPassages(batch);
        } catch (EmbedderException expected) {
          // the model was closed under it: said in words, not a crash
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      worker.start();
      Thread.sleep(150 + 100 * round);
      m.close();
      worker.join(60_000);
      assertTrue(!worker.isAlive(), "the embedding thread ended after close");
      assertEquals(null, failure.get());
      assertThrows(EmbedderException.class, () -> m.embedPassage("关闭之后"));
    }
  }
}
