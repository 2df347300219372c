package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.PlainDocumentBuilder;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * A full disk or an index folder that cannot be written: the run fails with a message naming the folder
 * and the cause, the last commit is untouched and keeps answering searches, and a later run succeeds.
 * Tests run as root, where permissions stop nothing, so the disk is made to fail through the index's
 * directory (a Lucene {@link FilterDirectory}) and, for the folder itself, with real files in the way
 * and {@code /dev/full}.
 */
class IndexFaultTest {
  /** Reposts included: every indexed document must be found, whether or not it is marked a repost. */
  static final Filters WITH_REPOSTS = new Filters(List.of(), List.of(), null, null, List.of(), List.of(), true);

  static final String NO_SPACE = "No space left on device";

  @TempDir Path dir;
  Path corpus;
  Path index;
  CorpusIndexer indexer;
  /** Opened on the first good commit, like a running server: it must keep answering through every failure. */
  LuceneBackend serving;

  @BeforeEach
  void setUp() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    index = dir.resolve("index");
    // One thread: with two, how documents spread over the writer's threads changed the bytes a run writes by
    // more than 10% on a busy machine, and a budget of 90% of one good run sometimes sufficed for the next.
    indexer = new CorpusIndexer(new Ingester(IngestConfig.DEFAULTS, new PlainDocumentBuilder()), CorpusIndexerTest.ANALYZERS, 1, 16);
    write("a.txt", "鄂州市教育工作会议\n推进教联体改革。");
    write("b.txt", "潼南区开学工作会议\n防溺水安全教育。");
    run(indexer, false);
    serving = LuceneBackend.open(index, CorpusIndexerTest.ANALYZERS, Synonyms.NONE, SearchLimits.DEFAULTS);
    // What the next runs try to add.
    for (int i = 0; i < 40; i++) write("new/n" + i + ".txt", "新增文件" + i + "\n" + "全面推进义务教育优质均衡发展。".repeat(50) + "编号xq" + i + "。");
  }

  @AfterEach
  void tearDown() throws Exception {
    serving.close();
  }

  void write(String name, String text) throws IOException {
    Path f = corpus.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }

  IndexSummary run(CorpusIndexer ix, boolean rebuild) throws IOException {
    return ix.run(corpus, new IndexLayout(index), rebuild, CorpusIndexer.Progress.NONE);
  }

  List<String> ids(LuceneBackend s, String q) throws Exception {
    return s.search(new SearchRequest(q, WITH_REPOSTS, SortOrder.RELEVANCE, 1, 100, 0)).hits().stream()
        .map(h -> h.document().id()).sorted().toList();
  }

  /** The serving searcher, refreshed, and a fresh one from disk both see exactly the first commit. */
  void assertFirstCommitServes() throws Exception {
    serving.refresh();
    for (LuceneBackend s : List.of(serving,
        LuceneBackend.open(index, CorpusIndexerTest.ANALYZERS, Synonyms.NONE, SearchLimits.DEFAULTS))) {
      assertEquals(2, s.documentCount());
      assertEquals(List.of("a.txt"), ids(s, "教联体"));
      assertEquals(List.of("b.txt"), ids(s, "防溺水"));
      assertEquals(List.of(), ids(s, "\"xq1\""));
      if (s != serving) s.close();
    }
  }

  /** Bytes the pending run writes, measured on a copy of the index folder. */
  long bytesWrittenByAGoodRun() throws Exception {
    Path copy = dir.resolve("copy");
    try (var walk = Files.walk(index)) {
      for (Path p : walk.toList()) {
        if (p.getFileName().toString().equals(IndexLayout.LOCK)) continue;
        Files.copy(p, copy.resolve(index.relativize(p).toString()));
      }
    }
    AtomicLong[] used = new AtomicLong[1];
    CorpusIndexer counting = indexer.withDirectories(g -> {
      FullDisk d = new FullDisk(FSDirectory.open(g), Long.MAX_VALUE);
      used[0] = d.left;
      return d;
    });
    assertEquals(42, counting.run(corpus, new IndexLayout(copy), false, CorpusIndexer.Progress.NONE).documents());
    long total = Long.MAX_VALUE - used[0].get();
    assertTrue(total > 10_000, "the run writes " + total + " bytes");
    return total;
  }

  void assertALaterGoodRunCompletes() throws Exception {
    IndexSummary s = run(indexer, false);
    assertEquals(42, s.documents());
    serving.refresh();
    assertEquals(42, serving.documentCount());
    assertEquals(List.of("new/n7.txt"), ids(serving, "\"xq7\""));
    assertEquals(List.of("a.txt"), ids(serving, "教联体"));
  }

  static void assertClear(IndexWriteException e, Path index, String reason) {
    assertEquals(reason, e.reason());
    assertTrue(e.getMessage().contains(index.toString()), "names the folder: " + e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().endsWith("the index is unchanged at its last commit"), e.getMessage());
    assertFalse(e.reason().contains("/"), "the reason is safe to show to HTTP clients: " + e.reason());
  }

  @Test
  void aDiskThatFillsUpAtAnyPointOfAnIncrementalRunLeavesTheLastCommitServing() throws Exception {
    // Up to 90%: a run on one thread writes the same bytes give or take the commit's timestamps.
    long total = bytesWrittenByAGoodRun();
    for (double share : new double[] {0, 0.01, 0.2, 0.5, 0.8, 0.9}) {
      long budget = (long) (total * share);
      IndexWriteException e = assertThrows(IndexWriteException.class,
          () -> run(indexer.withDirectories(g -> new FullDisk(FSDirectory.open(g), budget)), false), "budget " + budget);
      assertClear(e, index, "no space left on the device");
      assertTrue(e.getMessage().contains(NO_SPACE), e.getMessage());
      assertFirstCommitServes();
    }
    assertALaterGoodRunCompletes();
  }

  @Test
  void aFailureWhileCommittingLeavesTheLastCommitServing() throws Exception {
    for (FullDisk.Stage stage : FullDisk.Stage.values()) {
      IndexWriteException e = assertThrows(IndexWriteException.class,
          () -> run(indexer.withDirectories(g -> new FullDisk(FSDirectory.open(g), stage)), false), stage.name());
      assertClear(e, index, "no space left on the device");
      assertFirstCommitServes();
    }
    assertALaterGoodRunCompletes();
  }

  @Test
  void aDiskThatFillsUpDuringARebuildLeavesTheOldGenerationServing() throws Exception {
    Path oldGen = new IndexLayout(index).current().orElseThrow();
    for (long budget : new long[] {0, 50_000}) {
      IndexWriteException e = assertThrows(IndexWriteException.class,
          () -> run(indexer.withDirectories(g -> new FullDisk(FSDirectory.open(g), budget)), true));
      assertClear(e, index, "no space left on the device");
      assertEquals(oldGen, new IndexLayout(index).current().orElseThrow());
      assertEquals(List.of(oldGen), new IndexLayout(index).generations(), "the unfinished generation is gone");
      assertFirstCommitServes();
    }
    IndexSummary s = run(indexer, true);
    assertTrue(s.rebuilt());
    assertEquals(42, s.documents());
  }

  @Test
  void aFullDiskBeforeTheFirstWriteIsReportedTheSameWay() throws Exception {
    // /dev/full fails every write with ENOSPC, for root too: the run's first write (its in-progress note) hits it.
    Path marker = index.resolve(CorpusIndexer.IN_PROGRESS);
    Files.createSymbolicLink(marker, Path.of("/dev/full"));
    IndexWriteException e = assertThrows(IndexWriteException.class, () -> run(indexer, false));
    assertClear(e, index, "no space left on the device");
    assertTrue(e.getMessage().contains(NO_SPACE), e.getMessage());
    assertFirstCommitServes();
    Files.delete(marker);
    assertALaterGoodRunCompletes();
  }

  @Test
  void aFileWhereTheIndexFolderShouldBeIsAClearError() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    for (Path where : List.of(file, file.resolve("index"))) {
      IndexWriteException e = assertThrows(IndexWriteException.class,
          () -> indexer.run(corpus, new IndexLayout(where), false, CorpusIndexer.Progress.NONE));
      assertClear(e, where, "a file is in the way where a folder should be");
    }
    assertEquals("x", Files.readString(file), "left as it was");
  }

  @Test
  void aFileWhereTheNextGenerationGoesFailsTheRebuildCleanly() throws Exception {
    Path oldGen = new IndexLayout(index).current().orElseThrow();
    Files.writeString(index.resolve("gen-000002"), "in the way");
    IndexWriteException e = assertThrows(IndexWriteException.class, () -> run(indexer, true));
    assertClear(e, index, "a file is in the way where a folder should be");
    assertEquals(oldGen, new IndexLayout(index).current().orElseThrow());
    assertFirstCommitServes();
  }

  /** Root ignores permissions, so the refusals of a read-only or forbidden folder are given by the directory. */
  @Test
  void aReadOnlyOrForbiddenIndexFolderIsReportedAsSuch() throws Exception {
    Map<String, IOException> causes = Map.of(
        "permission denied", new java.nio.file.AccessDeniedException(index.resolve("gen-000001/_1.cfs").toString()),
        "the file system is read-only", new java.nio.file.FileSystemException(index.resolve("gen-000001/_1.cfs").toString(),
            null, "Read-only file system"));
    for (Map.Entry<String, IOException> c : causes.entrySet()) {
      IndexWriteException e = assertThrows(IndexWriteException.class, () -> run(indexer.withDirectories(g -> new FilterDirectory(
          FSDirectory.open(g)) {
        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
          throw c.getValue();
        }
      }), false));
      assertClear(e, index, c.getKey());
      assertFirstCommitServes();
    }
    assertALaterGoodRunCompletes();
  }

  @Test
  void theNextRunSaysWhatAnInterruptedRebuildLeft() throws Exception {
    Path abandoned = Files.createDirectories(index.resolve("gen-000009"));
    Files.writeString(abandoned.resolve("_0.cfs"), "half written");
    Files.writeString(index.resolve(CorpusIndexer.IN_PROGRESS), "started yesterday, pid 42");
    IndexSummary s = run(indexer, false);
    assertNotNull(s.recovered());
    assertTrue(s.recovered().contains("(started yesterday, pid 42) did not finish"), s.recovered());
    assertTrue(s.recovered().contains("gen-000009 of an interrupted rebuild was removed"), s.recovered());
    assertFalse(Files.exists(abandoned));
  }

  /** A directory whose disk fills up after {@code budget} bytes, or that fails at one stage of a commit. */
  static final class FullDisk extends FilterDirectory {
    enum Stage { SYNC, RENAME, SYNC_METADATA }

    private final AtomicLong left;
    private final Stage failAt;

    FullDisk(Directory in, long budget) {
      super(in);
      this.left = new AtomicLong(budget);
      this.failAt = null;
    }

    FullDisk(Directory in, Stage failAt) {
      super(in);
      this.left = new AtomicLong(Long.MAX_VALUE);
      this.failAt = failAt;
    }

    static IOException full() {
      return new IOException(NO_SPACE);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      return new Counting(super.createOutput(name, context), left);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
      return new Counting(super.createTempOutput(prefix, suffix, context), left);
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
      if (failAt == Stage.SYNC) throw full();
      super.sync(names);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
      if (failAt == Stage.RENAME) throw full();
      super.rename(source, dest);
    }

    @Override
    public void syncMetaData() throws IOException {
      if (failAt == Stage.SYNC_METADATA) throw full();
      super.syncMetaData();
    }
  }

  /** An output that takes its bytes from a shared budget and fails like a full disk when it runs out. */
  static final class Counting extends IndexOutput {
    private final IndexOutput out;
    private final AtomicLong left;

    Counting(IndexOutput out, AtomicLong left) {
      super("counting(" + out + ")", out.getName());
      this.out = out;
      this.left = left;
    }

    private void take(long n) throws IOException {
      if (left.addAndGet(-n) < 0) throw FullDisk.full();
    }

    @Override
    public void writeByte(byte b) throws IOException {
      take(1);
      out.writeByte(b);
    }

    @Override
    public void writeBytes(byte[] b, int offset, int length) throws IOException {
      take(length);
      out.writeBytes(b, offset, length);
    }

    @Override
    public long getFilePointer() {
      return out.getFilePointer();
    }

    @Override
    public long getChecksum() throws IOException {
      return out.getChecksum();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
