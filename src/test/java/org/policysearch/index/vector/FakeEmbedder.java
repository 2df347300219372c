package org.policysearch.index.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for the model: a text's vector counts its characters hashed into 32 buckets,
 * normalised, so texts sharing characters are close and a text is nearest to itself. Counts what it
 * embeds; can be told to fail loading, or to fail after some number of passages (a crash mid-build).
 */
public final class FakeEmbedder implements Embedder {
  public static final int DIMENSION = 32;

  final String modelId;
  public final AtomicInteger embedded = new AtomicInteger();
  final AtomicInteger loads = new AtomicInteger();
  public volatile String loadFailure;
  volatile int failAfter = Integer.MAX_VALUE;
  /** When set, the passage after {@code pauseAfter} waits for {@code resume} (after counting down {@code paused}). */
  volatile int pauseAfter = Integer.MAX_VALUE;
  final java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
  final java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);

  public FakeEmbedder(String modelId) {
    this.modelId = modelId;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public void load() throws EmbedderException {
    loads.incrementAndGet();
    if (loadFailure != null) throw new EmbedderException(loadFailure);
  }

  @Override
  public float[] embedQuery(String text) throws EmbedderException {
    return embedPassage(text);
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) throws EmbedderException {
    load();
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      if (embedded.get() >= failAfter) throw new EmbedderException("the fake model stops after " + failAfter + " passages");
      if (embedded.get() == pauseAfter) {
        paused.countDown();
        try {
          resume.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EmbedderException("interrupted while paused");
        }
      }
      embedded.incrementAndGet();
      out.add(vector(t));
    }
    return out;
  }

  public static float[] vector(String text) {
    float[] v = new float[DIMENSION];
    text.codePoints().forEach(c -> v[Math.floorMod(c * 31 + 7, DIMENSION)] += 1);
    double n = 0;
    for (float x : v) n += x * x;
    n = Math.sqrt(n);
    for (int i = 0; i < v.length; i++) v[i] = (float) (n == 0 ? (i == 0 ? 1 : 0) : v[i] / n);
    return v;
  }

  @Override
  public void close() {}
}
