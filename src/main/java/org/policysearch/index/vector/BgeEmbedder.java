package org.policysearch.index.vector;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * BAAI bge-small-zh-v1.5, int8-quantised ONNX (the weights ship inside the langchain4j jar, about 24 MB),
 * run in process by ONNX Runtime: 512 dimensions, CLS pooling, unit-length output. Loaded on first use
 * (or {@link #load}), never at construction, so that {@code semantic=false} and every code path that does
 * not embed pay nothing.
 *
 * <p>Threads: the ONNX session runs each text on one thread ({@code intraOpNumThreads=1}) and batches
 * are spread over {@code threads} worker threads instead. Why: paragraphs are short (a few hundred
 * tokens), where splitting one matrix product over cores gains less than running two texts side by side
 * (measured in docs/semantic.md), and it bounds the CPU the background build takes to exactly
 * {@code semantic.threads} cores.
 *
 * <p>Long texts: callers pass windows of at most {@link Windows#WINDOW_CHARS} characters, which stay
 * under the model's 512 tokens (a Chinese character is one token; a run of Latin letters or digits is
 * never more tokens than characters), so the library's own splitting of longer input never runs.
 */
public final class BgeEmbedder implements Embedder {
  /** Recorded in the vector index: weights, pooling, prefix and the library that runs them. */
  public static final String MODEL_ID = "bge-small-zh-v1.5-q/cls/langchain4j-0.36.2";
  public static final int DIMENSION = 512;
  /**
   * The instruction BAAI suggests before short queries. Not used: on the shared corpus it had no consistent
   * effect (titles finding their own law: MRR 0.911 with it, 0.924 without, 393 queries; half a paragraph
   * finding the other half: 113 against 114 of 200 in laws, 59 against 53 in work reports; docs/semantic.md),
   * and BAAI says v1.5 was trained to do without it. Kept for the benchmark that measures it.
   */
  public static final String QUERY_PREFIX = "为这个句子生成表示以用于检索相关文章：";

  private static final String MODEL_RESOURCE = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER_RESOURCE = "bge-small-zh-v1.5-q-tokenizer.json";

  private final int threads;
  private Model model; // guarded by this
  private ExecutorService pool; // guarded by this
  private OrtSession session; // guarded by this
  private boolean closed; // guarded by this
  /**
   * Held (shared) by every call into the ONNX session, and exclusively by {@link #close()} before it frees
   * the session: freeing it under a thread still inside {@code OrtSession.run} crashed the whole JVM in
   * native code (SIGSEGV in libonnxruntime) when a server was stopped while the vector builder embedded.
   */
  private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
  /** How long close waits for embeddings in flight; past it the session is left to the process's exit rather than freed under them. */
  private static final long CLOSE_WAIT_SECONDS = 30;

  /** @param threads worker threads for batches of passages (1 or more) */
  public BgeEmbedder(int threads) {
    if (threads < 1) throw new IllegalArgumentException("semantic.threads must be 1 or more, got " + threads);
    this.threads = threads;
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public synchronized void load() throws EmbedderException {
    model();
  }

  private synchronized Model model() throws EmbedderException {
    if (closed) throw new EmbedderException("the embedding model was closed");
    if (model != null) return model;
    ClassLoader cl = BgeEmbedder.class.getClassLoader();
    OrtSession s = null;
    try (InputStream weights = cl.getResourceAsStream(MODEL_RESOURCE);
         InputStream tokenizer = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
      if (weights == null || tokenizer == null) {
        throw new EmbedderException("the model files " + MODEL_RESOURCE + " and " + TOKENIZER_RESOURCE
            + " are not on the class path (the langchain4j-embeddings-bge-small-zh-v15-q jar is missing)");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        s = env.createSession(weights.readAllBytes(), options);
      }
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, s, tokenizer, PoolingMode.CLS);
      AtomicInteger n = new AtomicInteger();
      ExecutorService p = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "embedder-" + n.incrementAndGet());
        t.setDaemon(true);
        // A hint only (Linux ignores Java priorities without extra rights), but free where it is honoured.
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
      });
      model = new Model(encoder, p);
      pool = p;
      session = s;
      return model;
    } catch (IOException | OrtException | RuntimeException | LinkageError e) {
      // LinkageError: ONNX Runtime's or the tokenizer's native library could not be loaded on this machine.
      if (s != null) {
        try {
          s.close();
        } catch (OrtException closing) {
          e.addSuppressed(closing);
        }
      }
      throw new EmbedderException("could not load the embedding model " + MODEL_ID + ": " + describe(e), e);
    }
  }

  /**
   * The innermost cause, which says what is wrong ("No such file or directory" under the native loader's
   * ExceptionInInitializerError), with the class only to tell a missing library from a broken file.
   */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String m = root.getMessage();
    return root.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m.strip() + ")");
  }

  /** The same vector as a passage: without {@link #QUERY_PREFIX} (see there why). */
  @Override
  public float[] embedQuery(String text) throws EmbedderException {
    return embedPassage(text);
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) throws EmbedderException {
    if (texts.isEmpty()) return List.of();
    inUse.readLock().lock();
    try {
      return embed(model(), texts);
    } finally {
      inUse.readLock().unlock();
    }
  }

  private static List<float[]> embed(Model m, List<String> texts) throws EmbedderException {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      // The tokenizer cannot encode an empty or blank string into anything but [CLS][SEP]; give it one space's worth.
      segments.add(TextSegment.from(t.isBlank() ? "。" : t));
    }
    try {
      List<Embedding> out = m.embedAll(segments).content();
      List<float[]> vectors = new ArrayList<>(out.size());
      for (Embedding e : out) vectors.add(e.vector());
      return vectors;
    } catch (RuntimeException e) {
      throw new EmbedderException("the embedding model failed: " + describe(e), e);
    }
  }

  /** Tokens the model sees for {@code text}, [CLS] and [SEP] included (the model reads 512 at most). */
  int tokens(String text) throws EmbedderException {
    return model().estimateTokenCount(text);
  }

  /**
   * Refuses new embeddings at once, waits for those in flight ({@value #CLOSE_WAIT_SECONDS} s at most),
   * then frees the session. If they do not end in time the session is not freed (the process is usually
   * exiting then): a leak is better than a crash.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    boolean idle;
    try {
      idle = inUse.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      idle = false;
    }
    try {
      synchronized (this) {
        if (pool != null) {
          pool.shutdownNow();
          // A batch whose caller gave up (an interrupt, one failed part) may leave pool threads inside the session.
          idle &= awaitPool(pool);
        }
        if (session != null && idle) {
          try {
            session.close();
          } catch (OrtException e) {
            throw new IllegalStateException("closing the embedding model's ONNX session failed", e);
          }
        }
        model = null;
        pool = null;
        session = null;
      }
    } finally {
      if (idle) inUse.writeLock().unlock();
    }
  }

  private static boolean awaitPool(ExecutorService p) {
    try {
      return p.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** langchain4j's in-process model around our own session (its stock class fixes the threads and loads eagerly). */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder, ExecutorService pool) {
      super(pool);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}
