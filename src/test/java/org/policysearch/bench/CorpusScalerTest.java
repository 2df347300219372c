package org.policysearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;

/** The generated corpus: real paragraphs only, the size asked for, given metadata, the same for a seed. */
class CorpusScalerTest {
  @TempDir Path tmp;

  @Test
  void reshufflesRealParagraphsIntoTheAskedSizeDeterministically() throws Exception {
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    List<PolicyDocument> source = ingester.ingestAll(Path.of("src/test/resources/seeds")).documents();
    Set<String> real = new HashSet<>();
    source.forEach(d -> d.paragraphs().forEach(p -> real.add(p.text())));
    Regions regions = CorpusScaler.regionsOf(source);

    CorpusScaler.Result a = CorpusScaler.of(source, regions).write(1000, 7, tmp.resolve("a"), 32 * 1024);
    CorpusScaler.Result b = CorpusScaler.of(source, regions).write(1000, 7, tmp.resolve("b"), 32 * 1024);
    assertEquals(1000, a.paragraphs());
    assertTrue(a.files() > 1, "bounded file size gives several files");
    assertEquals(a, new CorpusScaler.Result(a.dir(), b.files(), b.documents(), b.paragraphs(), b.chars(), b.textBytes(), b.fileBytes()));
    for (int i = 1; i <= a.files(); i++) {
      String f = String.format("scaled-%04d.jsonl", i);
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
    }

    IngestRun back = ingester.ingestAll(tmp.resolve("a"));
    assertEquals(0, back.skippedCount(), back.skipped()::toString);
    assertEquals(a.documents(), back.documents().size());
    long paragraphs = 0;
    List<String> years = new ArrayList<>();
    for (PolicyDocument d : back.documents()) {
      for (Paragraph p : d.paragraphs()) {
        assertTrue(real.contains(p.text()), p.text());
        paragraphs++;
      }
      assertTrue(d.region().known(), d.id());
      assertTrue(d.year() >= CorpusScaler.FIRST_YEAR && d.year() <= CorpusScaler.LAST_YEAR, d.id());
      assertTrue(!d.type().isEmpty() && !d.title().isEmpty(), d.id());
      years.add(d.date().value());
    }
    assertEquals(1000, paragraphs);
    try (Stream<Path> s = Files.list(tmp.resolve("a"))) {
      assertEquals(a.fileBytes(), s.mapToLong(p -> p.toFile().length()).sum());
    }
  }
}
