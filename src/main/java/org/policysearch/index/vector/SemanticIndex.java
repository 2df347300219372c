package org.policysearch.index.vector;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.policysearch.index.IndexLayout;

/**
 * Semantic search as the rest of the program sees it: the model, the vector index beside the text index
 * ({@code index/vectors/}), its builder and its searcher, opened and closed together. With
 * {@code semantic=false} it is {@link #off()}: no model is loaded, no folder touched, every query
 * answers empty, so callers are lexical.
 *
 * <p>For a caller (the search layer): check nothing, just ask; an empty answer means "answer lexically".
 * <pre>{@code
 * Optional<float[]> q = semantic.embedQuery(text);          // empty: off, not built yet, or the model failed
 * Optional<List<ParagraphHit>> hits = q.isPresent() ? semantic.vectors().nearestParagraphs(q.get(), 50) : Optional.empty();
 * }</pre>
 */
public final class SemanticIndex implements Closeable {
  /** The vector index's folder inside the index folder; beside the generations, so a text rebuild leaves it. */
  public static final String FOLDER = "vectors";

  private final Embedder embedder; // null when off
  private final VectorLookup vectors;
  private final VectorBuilder builder; // null when off
  private final PrintStream log;
  private volatile boolean queryFailureLogged;

  private SemanticIndex(Embedder embedder, VectorLookup vectors, VectorBuilder builder, PrintStream log) {
    this.embedder = embedder;
    this.vectors = vectors;
    this.builder = builder;
    this.log = log;
  }

  /** Semantic search turned off ({@code semantic=false}). */
  public static SemanticIndex off() {
    return new SemanticIndex(null, VectorSearcher.off(), null, System.err);
  }

  /**
   * Opens the vector index of {@code layout}'s folder for searching (if there is one; nothing is created
   * until the first build) and prepares its builder; the model loads on first use.
   *
   * @param threads the embedder's threads, for the per-thread rate in the log
   * @param log     where progress lines and the one-line failures go
   */
  public static SemanticIndex open(IndexLayout layout, Embedder embedder, VectorBuilder.Settings settings, int threads,
                                   PrintStream log) throws IOException {
    VectorSearcher vs = new VectorSearcher(folder(layout), embedder.modelId(), embedder.dimension());
    vs.refresh();
    return open(vs, VectorBuilder.Storage.local(layout), new Setup(embedder, settings, threads, log));
  }

  /**
   * What semantic search is made with wherever the vectors live: the model, how its builder paces itself, its
   * threads (for the per-thread rate in the log) and where progress lines and one-line failures go.
   */
  public record Setup(Embedder embedder, VectorBuilder.Settings settings, int threads, PrintStream log) {}

  /**
   * Semantic search over vectors kept elsewhere (a cluster's): {@code vectors} answers the queries, {@code storage}
   * is where the builder reads the text and writes the vectors; the searcher is refreshed after each commit.
   * Nothing is asked of either yet.
   */
  public static SemanticIndex open(VectorLookup vectors, VectorBuilder.Storage storage, Setup setup) {
    VectorBuilder b = new VectorBuilder(storage, setup.embedder(), setup.settings(), setup.threads(), setup.log(), () -> {
      try {
        vectors.refresh();
      } catch (IOException e) {
        // The builder's commit stands; searches keep the previous vectors until the next refresh works.
        setup.log().println("semantic search: could not reopen the vector index after a commit: " + e.getMessage());
      }
    });
    return new SemanticIndex(setup.embedder(), vectors, b, setup.log());
  }

  /** The vector index's folder for a given index folder. */
  public static Path folder(IndexLayout layout) {
    return layout.root().resolve(FOLDER);
  }

  /** Whether semantic search is turned on at all. */
  public boolean enabled() {
    return embedder != null;
  }

  /** Where the vectors are; {@link VectorStatus#OFF} when turned off. */
  public VectorStatus status() {
    if (builder == null) return VectorStatus.OFF;
    VectorStatus s = builder.status();
    boolean searchable = vectors.searchable();
    if (s.state() == VectorStatus.State.WAITING && builder.heldElsewhere()) {
      // another server builds them: what the index holds now, and why this one is not building
      return new VectorStatus(VectorStatus.State.WAITING, vectors.paragraphs(), s.total(), s.model(), searchable && !builder.modelFailed(),
          s.detail());
    }
    if (s.state() == VectorStatus.State.WAITING && s.embedded() == 0) {
      // Nothing built by this process yet (or never: the stats command, serve --no-index): what the index on disk holds.
      if (searchable) return new VectorStatus(VectorStatus.State.READY, vectors.paragraphs(), vectors.paragraphs(), s.model(), true, "");
      return new VectorStatus(VectorStatus.State.WAITING, vectors.paragraphs(), 0, s.model(), false,
          vectors.paragraphs() + " paragraphs embedded so far; the server builds the rest once the text index is up to date");
    }
    return new VectorStatus(s.state(), s.embedded(), s.total(), s.model(), searchable && !builder.modelFailed(), s.detail());
  }

  /** The nearest-neighbour queries; they answer empty while the vectors are not searchable. */
  public VectorLookup vectors() {
    return vectors;
  }

  /**
   * A search query as a vector, or empty when the vectors cannot answer (off, not built yet, model
   * failed): then there is no point embedding. A model that fails here is logged once and reported by status.
   */
  public Optional<float[]> embedQuery(String text) {
    return embed(text, true);
  }

  /** A paragraph (or pasted text) as a vector, to find similar paragraphs; empty as for {@link #embedQuery}. */
  public Optional<float[]> embedPassage(String text) {
    return embed(text, false);
  }

  private Optional<float[]> embed(String text, boolean query) {
    if (embedder == null || !vectors.searchable() || builder.modelFailed()) return Optional.empty();
    try {
      return Optional.of(query ? embedder.embedQuery(text) : embedder.embedPassage(text));
    } catch (EmbedderException e) {
      builder.failed(e.getMessage(), true);
      if (!queryFailureLogged) {
        queryFailureLogged = true;
        log.println("semantic search: " + e.getMessage() + "; searches and similar paragraphs are lexical");
      }
      return Optional.empty();
    }
  }

  /** Builds what is missing on the builder's own thread (after the text index changed). No-op when off. */
  public void buildInBackground() {
    if (builder != null) builder.requestBuild();
  }

  /**
   * Builds what is missing now, in this thread (the {@code index --semantic} command).
   *
   * @throws IllegalStateException when semantic search is off
   */
  public VectorBuilder.Summary buildNow(java.util.function.Consumer<VectorStatus> progress) throws IOException, EmbedderException {
    if (builder == null) throw new IllegalStateException("semantic search is off (semantic=false)");
    return builder.buildNow(progress);
  }

  /** Stops the builder (committing what it embedded), then closes the searcher and the model. */
  @Override
  public void close() throws IOException {
    try {
      if (builder != null) builder.close();
    } finally {
      try {
        vectors.close();
      } finally {
        if (embedder != null) embedder.close();
      }
    }
  }
}
