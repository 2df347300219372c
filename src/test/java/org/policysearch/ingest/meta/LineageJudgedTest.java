package org.policysearch.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/lineage.md reports exactly the figures its judged sample gives (LineageJudged recomputes them). */
class LineageJudgedTest {
  @Test
  void theReportedFiguresAreThoseOfTheJudgedSample() throws Exception {
    LineageJudged.Figures f = LineageJudged.compute(Path.of("docs/lineage-judged.jsonl"));
    assertTrue(f.spans() >= 200, "at least 200 judged spans, got " + f.spans());
    String doc = Files.readString(Path.of("docs/lineage.md"), StandardCharsets.UTF_8);
    assertTrue(doc.contains(f.table()), "docs/lineage.md must carry this table (rerun LineageJudged):\n" + f.table());
    LineageJudged.Figures heldOut = LineageJudged.compute(Path.of("docs/lineage-judged.jsonl"), LineageJudged.HELD_OUT_FROM);
    assertTrue(doc.contains(heldOut.table()), "docs/lineage.md must carry the held-out table:\n" + heldOut.table());
  }
}
