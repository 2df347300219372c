package org.policysearch.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The index folder: Lucene indexes in generation folders ({@code gen-000001}, ...), a {@code CURRENT}
 * file naming the one that serves, and an {@code indexer.lock} that only one indexing process can hold.
 *
 * <p>Why generations: a rebuild (forced by a schema or analyzer change, or asked for) is written beside
 * the serving index, which keeps answering until the new one is complete; then {@code CURRENT} is
 * replaced by an atomic rename, so readers see either the old or the new index, never a half-written one.
 * Incremental runs write into the current generation; Lucene commits are atomic on their own.
 */
public final class IndexLayout {
  static final String CURRENT = "CURRENT";
  static final String LOCK = "indexer.lock";
  static final String GEN_PREFIX = "gen-";

  private final Path root;

  public IndexLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The generation that serves, if any index was ever published. */
  public Optional<Path> current() throws IOException {
    Path f = root.resolve(CURRENT);
    String name;
    try {
      name = Files.readString(f, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (!name.startsWith(GEN_PREFIX) || name.contains("/") || name.contains("..")) {
      throw new IOException("index folder " + root + " has a damaged CURRENT file ('" + name + "'); rebuild with --rebuild");
    }
    Path gen = root.resolve(name);
    return Files.isDirectory(gen) ? Optional.of(gen) : Optional.empty();
  }

  /** Creates the next, empty generation folder. */
  public Path newGeneration() throws IOException {
    Files.createDirectories(root);
    int max = 0;
    for (Path p : generations()) {
      max = Math.max(max, Integer.parseInt(p.getFileName().toString().substring(GEN_PREFIX.length())));
    }
    Path gen = root.resolve(String.format("%s%06d", GEN_PREFIX, max + 1));
    Files.createDirectory(gen);
    return gen;
  }

  /** Makes {@code gen} the serving generation (atomic rename) and removes older ones. */
  public void publish(Path gen) throws IOException {
    Path tmp = root.resolve(CURRENT + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap((gen.getFileName() + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    try {
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + root + " cannot rename atomically; the index needs one", e);
    }
    // The rename is durable only once the folder's entry is on disk: a power cut must not bring back the old CURRENT
    // after the old generation was deleted below.
    org.apache.lucene.util.IOUtils.fsync(root, true);
    for (Path old : generations()) {
      if (!old.equals(gen)) deleteTree(old);
    }
  }

  /** Removes generation folders that are not current (left by an interrupted rebuild). */
  public List<Path> removeAbandoned() throws IOException {
    Optional<Path> cur = current();
    List<Path> removed = new ArrayList<>();
    for (Path g : generations()) {
      if (cur.isEmpty() || !g.equals(cur.get())) {
        deleteTree(g);
        removed.add(g);
      }
    }
    return removed;
  }

  List<Path> generations() throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(root)) return out;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, GEN_PREFIX + "*")) {
      for (Path p : ds) {
        if (Files.isDirectory(p) && p.getFileName().toString().substring(GEN_PREFIX.length()).matches("\\d+")) out.add(p);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Takes the indexing lock, or fails with a message naming the folder. The OS releases it when the
   * process dies, so a killed indexer never blocks the next one.
   */
  public Lock lock() throws IOException {
    Files.createDirectories(root);
    FileChannel ch = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock fl;
    try {
      fl = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      fl = null;
    }
    if (fl == null) {
      ch.close();
      throw new IndexLockedException("another indexer is already writing the index in " + root
          + "; wait for it to finish (only one indexer may write at a time)");
    }
    return new Lock(ch, fl);
  }

  /** The held indexing lock. */
  public static final class Lock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private Lock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  /** Thrown when a second indexer tries to write the same index. */
  public static final class IndexLockedException extends IOException {
    public IndexLockedException(String message) {
      super(message);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (var walk = Files.walk(p)) {
      List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
      for (Path q : all) Files.deleteIfExists(q);
    }
  }
}
