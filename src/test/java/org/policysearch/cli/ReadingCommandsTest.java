package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.search.SearchCoreTestDocs;
import org.policysearch.search.TestIndex;

/**
 * The reading commands as a user meets them: an empty answer names the index that was searched and its
 * size (so "nothing found" can be told from "the wrong index"), every command explains itself with
 * --help, and filters take the values people type.
 */
class ReadingCommandsTest {
  @TempDir static Path dir;
  static Path index;

  @BeforeAll
  static void build() throws Exception {
    index = dir.resolve("index");
    TestIndex.write(index, SearchCoreTestDocs.DOCS);
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run onIndex(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(1, List.of("--index", index.toString())); // before any "--"
    return run(all.toArray(new String[0]));
  }

  @Test
  void anEmptyAnswerNamesTheIndexAndItsSize() {
    String where = "（检索的索引：" + index.toAbsolutePath().normalize() + "，共 8 篇文件）";
    Run search = onIndex("search", "火星基地");
    assertEquals(0, search.code(), search.err());
    assertTrue(search.out().contains("没有找到符合条件的文件" + where), search.out());

    Run phrase = onIndex("phrase", "火星基地");
    assertEquals(0, phrase.code(), phrase.err());
    assertTrue(phrase.out().contains("没有找到“火星基地”" + where), phrase.out());

    // with --json, stdout stays exactly the API's record and the note goes to stderr
    Run json = onIndex("search", "火星基地", "--json");
    assertEquals(0L, JsonParser.parseString(json.out()).getAsJsonObject().get("total").getAsLong());
    assertTrue(json.err().contains(where), json.err());

    Run stats = onIndex("stats");
    assertTrue(stats.out().startsWith("index " + index.toAbsolutePath().normalize() + "\n"), stats.out());
  }

  @Test
  void anAnswerWithResultsDoesNotAddTheNote() {
    Run search = onIndex("search", "防溺水");
    assertTrue(search.out().startsWith("共 3 篇"), search.out());
    assertTrue(!search.out().contains("检索的索引"), search.out());
  }

  @Test
  void effectiveOnKeepsTheDocumentsInForceThatDayAndRefusesAMalformedDay() {
    // 防溺水: 2023-02-02 (潼南), 2023-02-12 (鄂州), 2024-01 (华容区); none states a 施行 date, so each counts from its date
    Run between = onIndex("search", "防溺水", "--effective-on", "2023-02-05");
    assertTrue(between.out().startsWith("共 1 篇"), between.out());
    Run json = onIndex("search", "防溺水", "--effective-on", "2024-01-01", "--json");
    assertEquals("2024-01-01", JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonObject("filters").get("effective_on").getAsString());
    assertEquals(3L, JsonParser.parseString(json.out()).getAsJsonObject().get("total").getAsLong());
    Run bad = onIndex("search", "防溺水", "--effective-on", "2023-02-30");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("--effective-on needs a day written YYYY-MM-DD"), bad.err());
  }

  @Test
  void everyReadingCommandExplainsItselfWithHelp() {
    for (String command : List.of("search", "phrase", "similar", "stats", "inspect")) {
      // no index is opened: --help works anywhere, whatever else is on the line
      Run r = run(command, "--help", "--index", dir.resolve("nothing-here").toString());
      assertEquals(0, r.code(), command + ": " + r.err());
      assertTrue(r.out().startsWith("usage: bin/policy-search " + command), command + ": " + r.out());
      assertEquals("", r.err(), command);
    }
    assertTrue(run("search", "--help").out().contains("--region R"));
    assertTrue(run("phrase", "-h").out().contains("--context N"));
    assertTrue(run("similar", "--help").out().contains("--paragraph N"));
    // after "--", --help is a word to search for
    Run word = onIndex("search", "--", "--help");
    assertEquals(0, word.code(), word.err());
    assertTrue(word.out().startsWith("共 8 篇") && word.out().contains("查询: NOT -help"), word.out());
  }

  @Test
  void filtersTakeWhatPeopleTypeOrSayWhatIsValid() {
    for (String region : List.of("聊城", "山东", "鲁", "聊城市")) {
      Run r = onIndex("search", "--region", region);
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().startsWith("共 1 篇"), region + ": " + r.out());
      assertTrue(r.out().contains("id=liaocheng"), region + ": " + r.out());
      assertTrue(r.out().contains("筛选: region " + region + " → 山东省"), region + ": " + r.out());
    }
    Run ambiguous = onIndex("search", "--region", "朝阳区");
    assertEquals(2, ambiguous.code());
    assertTrue(ambiguous.err().contains("北京市/朝阳区, 吉林省/长春市/朝阳区"), ambiguous.err());
    Run type = onIndex("phrase", "教育", "--type", "条例");
    assertEquals(2, type.code());
    assertTrue(type.err().contains("no document has the type '条例'; valid values: "), type.err());
    assertTrue(type.err().contains("法规"), type.err());
  }
}
