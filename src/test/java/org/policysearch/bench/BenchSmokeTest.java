package org.policysearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.Main;

/**
 * The smoke version of {@code bin/policy-search bench}, as CI runs it: the bundled corpus, a few hundred
 * generated paragraphs, a handful of requests, one child server per size. It checks that the harness
 * runs end to end and that the report has every section and every figure; it asserts no timing
 * (benchmarks are not tests).
 */
class BenchSmokeTest {
  @TempDir Path tmp;

  @Test
  void smokeRunWritesEverySection() throws Exception {
    Path out = tmp.resolve("BENCHMARKS.md");
    ByteArrayOutputStream so = new ByteArrayOutputStream();
    ByteArrayOutputStream se = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"bench", "--smoke", "--corpus", "src/test/resources/seeds", "--scale", "300", "--work", tmp.resolve("work").toString(),
        "--out", out.toString(), "--http-seconds", "0.2", "--concurrency", "1,4"}, new PrintStream(so, true, StandardCharsets.UTF_8),
        new PrintStream(se, true, StandardCharsets.UTF_8));
    String err = se.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, err);
    assertTrue(so.toString(StandardCharsets.UTF_8).contains("wrote " + out), so::toString);
    assertTrue(err.contains("bulk import of the real corpus"), err);

    String md = Files.readString(out, StandardCharsets.UTF_8);
    for (String section : Report.SECTIONS) assertTrue(md.contains("\n" + section + "\n"), () -> "missing " + section + ":\n" + md);
    assertTrue(md.contains("`bin/policy-search bench --smoke --corpus src/test/resources/seeds --scale 300"), md);
    assertTrue(md.contains("**Smoke run**"), md);
    // both sizes in the corpus table, the indexing table and both latency tables
    assertTrue(md.contains("| real corpus (`src/test/resources/seeds`) | 5 |"), md);
    assertTrue(md.contains("| generated, 300 paragraphs (`<work>/scaled-corpus`) |"), md);
    for (QueryMix.Kind k : QueryMix.Kind.values()) {
      assertEquals(4, count(md, "| " + k.label + " | 5 |") + count(md, "| " + k.label + " | 4 |"), () -> k.label + ":\n" + md);
    }
    // every target with a verdict: 2 × (3 classes × p50/p99 + ratio) + indexing + start + heap
    long verdicts = md.lines().filter(l -> l.endsWith("| PASS |") || l.contains("| **MISS** by ")).count();
    assertEquals(20, verdicts, md);
    // issue 8 in the same run: the three engines, the token-for-token comparison, the import with stock smartcn
    assertTrue(md.contains("| stock smartcn |") && md.contains("| stock, hash bug fixed |") && md.contains("| FastSmartChinese |"), md);
    assertTrue(md.contains("over every paragraph of the real corpus") && md.contains("**identical**"), md);
    assertTrue(md.contains("| stock smartcn (`analyzer.stock=true`) |") && md.contains("| ours (the default) |"), md);
    for (int c : List.of(1, 4)) assertTrue(md.contains(String.format("| generated, 300 paragraphs | %d | ", c)), md);
    assertTrue(md.contains("| generated, 300 paragraphs | "), md);
    assertTrue(md.lines().anyMatch(l -> l.startsWith("| generated, 300 paragraphs |") && l.endsWith("| yes |")), "server served without error");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
    return n;
  }
}
