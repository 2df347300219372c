package org.policysearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.PlainDocumentBuilder;

/**
 * An unchanged JSONL file is not read again. Its documents carry the hash of their own line; the
 * decision to re-read is about the file, so the index keeps the file's hash beside them.
 */
class JsonlIncrementalTest {
  @TempDir Path dir;

  @Test
  void anUnchangedJsonlFileIsNotReadAgainAndAChangedOneIs() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    CorpusIndexer indexer = new CorpusIndexer(new Ingester(IngestConfig.DEFAULTS, new PlainDocumentBuilder()),
        CorpusIndexerTest.ANALYZERS, 2, 16);
    IndexLayout layout = new IndexLayout(dir.resolve("index"));
    Path f = corpus.resolve("bulk.jsonl");
    Files.writeString(f, "{\"id\": \"a\", \"text\": \"推进义务教育。\"}\n{\"id\": \"b\", \"text\": \"防溺水。\"}\n{bad line\n",
        StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("c.txt"), "聊城教育\n立德树人。", StandardCharsets.UTF_8);
    IndexSummary first = indexer.run(corpus, layout, false, CorpusIndexer.Progress.NONE);
    assertEquals(3, first.added());

    IndexSummary again = indexer.run(corpus, layout, false, CorpusIndexer.Progress.NONE);
    assertEquals(0, again.added() + again.updated() + again.removed(), "nothing to do");
    assertEquals(2, again.unchangedFiles());
    assertEquals(0, again.bytesRead());

    Files.writeString(f, "{\"id\": \"a\", \"text\": \"推进义务教育。\"}\n{\"id\": \"b\", \"text\": \"防欺凌。\"}\n",
        StandardCharsets.UTF_8);
    IndexSummary changed = indexer.run(corpus, layout, false, CorpusIndexer.Progress.NONE);
    assertEquals(2, changed.updated(), "the changed file is read again, whole");
    assertEquals(1, changed.unchangedFiles());
    assertEquals(0, indexer.run(corpus, layout, false, CorpusIndexer.Progress.NONE).updated());
  }
}
