package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.PlainDocumentBuilder;
import org.policysearch.ingest.Skip;
import org.policysearch.ingest.SkipReasons;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/** Incremental indexing: add, change, delete, nothing changed, a version change, the lock, a dead run. */
class CorpusIndexerTest {
  @TempDir Path dir;
  Path corpus;
  Path index;
  CorpusIndexer indexer;
  static final Analyzers ANALYZERS = new Analyzers();

  @BeforeEach
  void setUp() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    index = dir.resolve("index");
    indexer = new CorpusIndexer(new Ingester(IngestConfig.DEFAULTS, new PlainDocumentBuilder()), ANALYZERS, 2, 16);
  }

  void write(String name, String text) throws Exception {
    Path f = corpus.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }

  IndexSummary run() throws Exception {
    return indexer.run(corpus, new IndexLayout(index), false, CorpusIndexer.Progress.NONE);
  }

  List<String> ids(String q) throws Exception {
    try (LuceneBackend s = LuceneBackend.open(index, ANALYZERS, Synonyms.NONE, SearchLimits.DEFAULTS)) {
      return s.search(new SearchRequest(q, Filters.NONE, SortOrder.RELEVANCE, 1, 100, 0)).hits().stream()
          .map(h -> h.document().id()).sorted().toList();
    }
  }

  @Test
  void anIdTheIndexHoldsFromAnotherFileIsSkippedAndItsOwnerKeepsIt() throws Exception {
    write("a.jsonl", "{\"id\": \"x\", \"text\": \"鄂州市教育工作会议\\n推进教联体改革。\"}\n");
    assertEquals(1, run().added());
    write("b.jsonl", "{\"id\": \"x\", \"text\": \"潼南区开学工作会议\\n防溺水安全教育。\"}\n"
        + "{\"id\": \"y\", \"text\": \"聊城教育\\n立德树人。\"}\n");
    IndexSummary second = run();
    assertEquals(1, second.added());
    assertEquals(List.of(new Skip("b.jsonl", 1, SkipReasons.DUPLICATE_ID,
        "the id 'x' is already used by a.jsonl; this document was not indexed")), second.skipped());
    assertEquals(List.of("x"), ids("教联体"));
    assertEquals(List.of(), ids("防溺水"));
    // The owner's own file read again keeps its id.
    write("a.jsonl", "{\"id\": \"x\", \"text\": \"鄂州市教育工作会议\\n推进集团化办学。\"}\n");
    IndexSummary third = run();
    assertEquals(1, third.updated());
    assertEquals(List.of(), third.skipped());
  }

  @Test
  void addChangeDeleteAndNothingChanged() throws Exception {
    write("a.txt", "鄂州市教育工作会议\n推进教联体改革。");
    write("b.txt", "潼南区开学工作会议\n防溺水安全教育。");
    write("sub/c.txt", "聊城教育\n立德树人。");
    IndexSummary first = run();
    assertEquals(3, first.added());
    assertTrue(first.rebuilt());
    assertEquals(3, first.documents());
    assertEquals(List.of("a.txt"), ids("教联体"));

    write("a.txt", "鄂州市教育工作会议\n推进集团化办学。"); // changed
    Files.delete(corpus.resolve("b.txt")); // deleted
    write("d.txt", "台州教育\n防溺水。"); // new
    IndexSummary second = run();
    assertEquals(1, second.added());
    assertEquals(1, second.updated());
    assertEquals(1, second.removed());
    assertEquals(1, second.unchangedFiles());
    assertFalse(second.rebuilt());
    assertEquals(3, second.documents());
    assertEquals(List.of(), ids("教联体"));
    assertEquals(List.of("a.txt"), ids("集团化办学"));
    assertEquals(List.of("d.txt"), ids("防溺水"));

    IndexSummary third = run();
    assertEquals(0, third.added() + third.updated() + third.removed());
    assertEquals(3, third.unchangedFiles());
  }

  /** A zip is one file to the index: read again when it changes, its documents gone when it goes. */
  @Test
  void aZipIsFollowedAsOneFile() throws Exception {
    Files.write(corpus.resolve("docs.zip"), zip("a.txt", "鄂州市教育工作会议\n推进教联体改革。", "sub/b.txt", "潼南区开学工作会议\n防溺水安全教育。"));
    Files.write(corpus.resolve("reports.jsonl.gz"), gzip("{\"id\": \"r1\", \"text\": \"聊城教育\\n立德树人。\"}\n"));
    IndexSummary first = run();
    assertEquals(List.of(), first.skipped());
    assertEquals(3, first.added());
    assertEquals(List.of("docs.zip/a.txt"), ids("教联体"));
    assertEquals(List.of("r1"), ids("立德树人"));

    IndexSummary unchanged = run();
    assertEquals(0, unchanged.added() + unchanged.updated() + unchanged.removed());
    assertEquals(2, unchanged.unchangedFiles());

    Files.write(corpus.resolve("docs.zip"), zip("a.txt", "鄂州市教育工作会议\n推进集团化办学。", "c.txt", "台州教育\n五育并举。"));
    IndexSummary changed = run();
    assertEquals(List.of(), ids("教联体"));
    assertEquals(List.of(), ids("防溺水"));
    assertEquals(List.of("docs.zip/a.txt"), ids("集团化办学"));
    assertEquals(List.of("docs.zip/c.txt"), ids("五育并举"));
    assertEquals(3, changed.documents());

    Files.delete(corpus.resolve("docs.zip"));
    IndexSummary gone = run();
    assertEquals(2, gone.removed());
    assertEquals(1, gone.documents());
  }

  static byte[] zip(String... nameThenText) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (int i = 0; i < nameThenText.length; i += 2) {
        z.putNextEntry(new java.util.zip.ZipEntry(nameThenText[i]));
        z.write(nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  static byte[] gzip(String text) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void repostsAreMarkedAndListedOnce() throws Exception {
    write("a.txt", "防溺水工作会议\n全面做好防溺水工作。");
    write("z-repost.txt", "防溺水工作会议\n全面做好防溺水工作。");
    IndexSummary s = run();
    assertEquals(1, s.duplicatesChanged());
    assertEquals(List.of("a.txt"), ids("防溺水"));
    Files.delete(corpus.resolve("a.txt"));
    run(); // the original left: the repost is an original now
    assertEquals(List.of("z-repost.txt"), ids("防溺水"));
  }

  @Test
  void aSecondIndexerIsRefusedWithAClearMessage() throws Exception {
    write("a.txt", "教育");
    run();
    try (IndexLayout.Lock held = new IndexLayout(index).lock()) {
      IndexLayout.IndexLockedException e = assertThrows(IndexLayout.IndexLockedException.class, this::run);
      assertTrue(e.getMessage().contains("another indexer"), e.getMessage());
    }
    assertNotNull(run());
  }

  @Test
  void anIndexBuiltWithAnotherAnalyzerIsRebuiltBesideIt() throws Exception {
    write("a.txt", "教育会议");
    run();
    IndexLayout layout = new IndexLayout(index);
    Path oldGen = layout.current().orElseThrow();
    try (FSDirectory d = FSDirectory.open(oldGen);
         IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(Map.of("schema", Integer.toString(IndexSchema.VERSION), "analyzer", "an-older-chain").entrySet());
      w.commit();
    }
    IndexSummary s = run();
    assertTrue(s.rebuilt());
    assertTrue(s.rebuildReason().contains("an-older-chain"), s.rebuildReason());
    Path newGen = layout.current().orElseThrow();
    assertFalse(newGen.equals(oldGen));
    assertFalse(Files.exists(oldGen), "the old generation is removed once the new one serves");
    assertEquals(List.of("a.txt"), ids("\"教育会议\""));
  }

  @Test
  void anInterruptedRunIsReportedAndCompleted() throws Exception {
    write("a.txt", "教育");
    run();
    Files.writeString(index.resolve(CorpusIndexer.IN_PROGRESS), "started yesterday, pid 1");
    write("b.txt", "会议");
    IndexSummary s = run();
    assertNotNull(s.recovered());
    assertTrue(s.recovered().contains("did not finish"), s.recovered());
    assertEquals(1, s.added());
    assertNull(run().recovered());
  }

  @Test
  void aMissingCorpusFolderIsAClearError() {
    Exception e = assertThrows(java.io.IOException.class,
        () -> indexer.run(dir.resolve("nope"), new IndexLayout(index), false, CorpusIndexer.Progress.NONE));
    assertTrue(e.getMessage().contains("does not exist"));
  }

}
