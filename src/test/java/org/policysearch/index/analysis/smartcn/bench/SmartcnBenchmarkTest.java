package org.policysearch.index.analysis.smartcn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policysearch.index.analysis.smartcn.bench.SmartcnBenchmark.Engine;
import org.policysearch.index.analysis.smartcn.bench.SmartcnBenchmark.Measurement;
import org.policysearch.index.analysis.smartcn.bench.SmartcnBenchmark.Punctuation;

class SmartcnBenchmarkTest {
  @Test
  void measuresEveryEngineOnEveryVariantWithTheSameTokens() throws IOException {
    List<String> texts = SharedCorpus.readSeeds(SharedCorpus.SEED_DIR).subList(0, 2);
    SmartcnBenchmark.Result result = SmartcnBenchmark.run(texts, 2, 1);
    assertEquals(Engine.values().length * Punctuation.values().length * 2, result.measurements().size());
    for (Punctuation p : Punctuation.values()) {
      for (int threads : new int[] {1, 2}) {
        long tokens = -1;
        for (Measurement m : result.measurements()) {
          if (m.punctuation() != p || m.threads() != threads) continue;
          assertTrue(m.mbPerSecond() > 0, m.toString());
          if (tokens < 0) tokens = m.tokens();
          assertEquals(tokens, m.tokens(), "same tokens from every engine: " + m);
        }
      }
    }
    assertEquals(1.0, result.speedup(Engine.STOCK, Punctuation.AS_IS, 1));
    assertTrue(result.table().contains("FastSmartChinese"), result.table());
  }

  @Test
  void punctuationVariants() {
    assertEquals("一,二.三;(四)", PunctuationVariants.asciiPunctuation("一，二。三；（四）"));
    assertEquals("一，二。三；（四）", PunctuationVariants.fullWidthPunctuation("一,二.三;(四)"));
  }
}
