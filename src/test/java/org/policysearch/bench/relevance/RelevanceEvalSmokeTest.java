package org.policysearch.bench.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.cli.Main;

/**
 * {@code bin/policy-search eval} end to end on a small corpus of its own (three subjects regulated by
 * four provinces each), as CI runs it: every set and method in the report, figures that are measures, the
 * draft form indexed without its sources. It asserts the report's shape, not how good the ranking is.
 */
class RelevanceEvalSmokeTest {
  @TempDir Path tmp;

  static final String[] PROVINCES = {"浙江省", "山东省", "河南省", "湖北省"};
  static final String[][] SUBJECTS = {
      {"dog", "养犬管理条例", "犬只 登记 免疫 狂犬病 牵引 犬绳 养犬人 遛犬 犬吠 扰民 收容 流浪犬 烈性犬"},
      {"green", "城市绿化条例", "绿地 树木 古树名木 绿化 规划 移植 砍伐 公园 草坪 绿线 苗木 养护"},
      {"estate", "物业管理条例", "业主 业主大会 业主委员会 物业服务 专项维修资金 物业费 前期物业 共有部分 小区"},
  };

  @Test
  void sampleRunWritesEverySetAndMethod() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path sets = tmp.resolve("sets");
    Files.createDirectories(corpus);
    Files.createDirectories(sets);
    List<String> lines = new ArrayList<>();
    for (String[] s : SUBJECTS) {
      for (int p = 0; p < PROVINCES.length; p++) {
        lines.add(String.format("{\"id\": \"%s-%d\", \"title\": \"%s%s\", \"region\": \"%s\", \"date\": \"2020-0%d-01\", "
            + "\"doc_type\": \"地方性法规\", \"text\": \"%s\"}", s[0], p, PROVINCES[p], s[1], PROVINCES[p], p + 1, body(s[2], p)));
      }
    }
    Files.write(corpus.resolve("laws.jsonl"), lines, StandardCharsets.UTF_8);
    List<String> dev = new ArrayList<>();
    for (String[] s : SUBJECTS) {
      dev.add(query(s[0] + "-0@mid", s[1], s[0] + "-0", PROVINCES[0], body(s[2], 7),
          List.of(s[0] + "-1", s[0] + "-2", s[0] + "-3")));
    }
    Files.write(sets.resolve("precedents-dev.jsonl"), dev, StandardCharsets.UTF_8);
    Files.writeString(sets.resolve("precedents-dev-draft.jsonl"),
        query("dog-0@draft", "养犬管理条例", "dog-0", PROVINCES[0], body(SUBJECTS[0][2], 7), List.of("dog-1", "dog-2", "dog-3")) + "\n");
    Files.writeString(sets.resolve("precedents-dev-draft-removed.txt"), "dog-0\n");
    Path judgments = tmp.resolve("judged.jsonl");
    Files.writeString(judgments, "{\"query_id\":\"s01\",\"query\":\"养犬 登记\",\"need\":\"养犬登记\",\"judgments\":["
        + "{\"id\":\"dog-1\",\"grade\":2,\"reason\":\"subject\"},{\"id\":\"green-1\",\"grade\":0,\"reason\":\"other\"}]}\n");

    Path out = tmp.resolve("RELEVANCE.md");
    Path work = tmp.resolve("work");
    ByteArrayOutputStream so = new ByteArrayOutputStream();
    ByteArrayOutputStream se = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"eval", "--corpus", corpus.toString(), "--sets", sets.toString(), "--judgments",
        judgments.toString(), "--out", out.toString(), "--work", work.toString(), "--sample", "2"},
        new PrintStream(so, true, StandardCharsets.UTF_8), new PrintStream(se, true, StandardCharsets.UTF_8));
    assertEquals(0, code, se.toString(StandardCharsets.UTF_8));
    assertTrue(so.toString(StandardCharsets.UTF_8).contains("wrote " + out), so::toString);

    String md = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(md.contains("**Sample run**: 2 queries per set"), md);
    assertTrue(md.contains("`bin/policy-search eval --corpus "), md);
    // every set with its product method and both references; 2 sampled dev queries, 1 draft, 1 judged
    for (String row : List.of("| precedents-dev | product /api/similar | 2 |", "| precedents-dev | bm25-bigrams | 2 |",
        "| precedents-dev | bm25-bigrams, national apart | 2 |", "| precedents-dev | bm25-smartcn | 2 |", "| precedents-dev-draft | product /api/similar | 1 |",
        "| precedents-dev-draft | bm25-bigrams | 1 |", "| search-judged | product /api/search | 1 |",
        "| search-judged | bm25-smartcn | 1 |")) {
      assertTrue(md.contains(row), () -> "missing " + row + ":\n" + md);
    }
    // each figure a measure between 0 and 1
    Matcher m = Pattern.compile("\\| (\\d+\\.\\d{3}) \\| (\\d+\\.\\d{3}) \\| (\\d+\\.\\d{3}) \\|").matcher(md);
    int rows = 0;
    while (m.find()) {
      rows++;
      for (int g = 1; g <= 3; g++) {
        double v = Double.parseDouble(m.group(g));
        assertTrue(v >= 0 && v <= 1, () -> "not a measure: " + v + "\n" + md);
      }
    }
    assertTrue(rows >= 8, md);
    assertTrue(md.contains("- precedents-dev, product /api/similar: nDCG@10 ") && md.contains("- precedents-dev-draft, product /api/similar: nDCG@10 ")
        && md.contains("- search-judged, product /api/search: nDCG@10 "), md);
    assertTrue(md.contains("## Weakest subject groups: precedents-dev\n"), md);
    // the draft form is indexed from a corpus without its sources
    String draftCorpus = Files.readString(work.resolve("draft-corpus/laws.jsonl"), StandardCharsets.UTF_8);
    assertFalse(draftCorpus.contains("\"dog-0\""), draftCorpus);
    assertTrue(draftCorpus.contains("\"dog-1\""), draftCorpus);
    assertTrue(Files.readAllLines(work.resolve("details.jsonl")).size() >= 8);
  }

  private static String query(String id, String group, String source, String region, String text, List<String> relevant) {
    return String.format("{\"query_id\": \"%s\", \"group\": \"%s\", \"source_id\": \"%s\", \"source_region\": \"%s\", "
        + "\"text\": \"%s\", \"relevant\": [%s]}", id, group, source, region, text,
        String.join(", ", relevant.stream().map(r -> "\"" + r + "\"").toList()));
  }

  /** A body of sentences from a subject's vocabulary, varied by a seed so that no two documents are the same. */
  private static String body(String vocabulary, int seed) {
    String[] words = vocabulary.split(" ");
    StringBuilder sb = new StringBuilder();
    for (int article = 1; article <= 8; article++) {
      sb.append("第").append(article).append("条 ");
      for (int k = 0; k < 4; k++) sb.append(words[(article * 3 + k * 5 + seed) % words.length]).append("应当依法管理，");
      sb.append("具体办法由有关部门规定。\\n\\n");
    }
    return sb.toString();
  }
}
