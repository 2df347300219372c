package org.policysearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.Config;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexLayout;
import org.policysearch.search.LuceneBackend;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.query.Synonyms;

/**
 * The real indexer, in its own JVM, killed with SIGKILL at several moments of a first run, of an
 * incremental run and of a rebuild: after every kill the index holds exactly its last commit (every
 * committed document found by its own token, nothing else), a second indexer is refused while one runs,
 * and the next run says what it found and ends with exactly the corpus.
 *
 * <p>Kill points are tied to what the child has done, not to guessed durations: the moment its
 * in-progress note appears, fixed delays after it, and the moment a new commit appears. A run that
 * finished before its kill is still checked: the index must then hold the new state, whole.
 */
class KilledIndexerTest {
  /** Reposts included: every indexed document must be found, whether or not it is marked a repost. */
  static final Filters WITH_REPOSTS = new Filters(List.of(), List.of(), null, null, List.of(), List.of(), true);

  final Random random = new Random(11);
  static final String[] SENTENCES = {"各地要推进义务教育优质均衡发展，落实立德树人根本任务。", "做好防溺水安全教育工作，加强校园安全管理。",
      "深化教育评价改革，完善学校考核办法。", "加强师德师风建设，提升教师队伍素质。", "推动学前教育普及普惠发展，扩大优质资源。"};

  @TempDir Path dir;
  Path corpus;
  Path index;
  int nextToken;
  /** Document id → its token, as the corpus holds it now. */
  final Map<String, String> corpusState = new TreeMap<>();
  /** JSONL line ids → tokens, in file order. */
  final Map<String, String> jsonl = new LinkedHashMap<>();

  // ---- the corpus: txt files and one JSONL file, every document with a token found nowhere else

  String paragraphs(String token) {
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < 20; p++) {
      for (int s = 0; s < 4; s++) sb.append(SENTENCES[random.nextInt(SENTENCES.length)]);
      sb.append("本段落实").append(token).append("第").append(p + 1).append("项要求。\n");
    }
    return sb.toString();
  }

  void writeTxt(int n) throws IOException {
    String token = "tk" + (nextToken++) + "z";
    String id = "txt/f" + n + ".txt";
    Files.createDirectories(corpus.resolve("txt"));
    Files.writeString(corpus.resolve(id), "关于做好第" + n + "项教育工作的通知\n" + paragraphs(token), StandardCharsets.UTF_8);
    corpusState.put(id, token);
  }

  void deleteTxt(int n) throws IOException {
    String id = "txt/f" + n + ".txt";
    Files.delete(corpus.resolve(id));
    corpusState.remove(id);
  }

  void setJsonl(String id) {
    String token = "jl" + (nextToken++) + "z";
    jsonl.put(id, token);
  }

  void writeJsonl() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : jsonl.entrySet()) {
      String text = paragraphs(e.getValue()).strip().replace("\n", "\\n");
      sb.append("{\"id\": \"").append(e.getKey()).append("\", \"title\": \"工作要点").append(e.getKey()).append("\", \"text\": \"")
          .append(text).append("\"}\n");
      corpusState.put(e.getKey(), e.getValue());
    }
    Files.writeString(corpus.resolve("bulk.jsonl"), sb.toString(), StandardCharsets.UTF_8);
  }

  // ---- the indexer in a child JVM

  /** A child indexer and the file its output goes to. */
  record Run(Process process, Path log) {}

  final List<Process> children = new ArrayList<>();

  /** A failed assertion must not leave an indexer running behind the test. */
  @AfterEach
  void killLeftovers() {
    children.forEach(Process::destroyForcibly);
  }

  Run start(String... extra) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dpolicysearch.home=" + dir, "-cp", System.getProperty("java.class.path"), "org.policysearch.cli.Main", "index",
        "--corpus", corpus.toString(), "--index", index.toString(), "--quiet"));
    cmd.addAll(List.of(extra));
    Path log = dir.resolve("run-" + System.nanoTime() + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process p = pb.start();
    children.add(p);
    return new Run(p, log);
  }

  /** Waits (polling every millisecond) until {@code condition} holds or the process ends; true when it held. */
  static boolean await(Run r, BooleanSupplier condition) throws InterruptedException {
    while (true) {
      if (condition.getAsBoolean()) return true;
      if (!r.process().isAlive()) return condition.getAsBoolean();
      Thread.sleep(1);
    }
  }

  /** This child's in-progress note is on disk: its run has taken the lock and started. */
  boolean started(Run r) {
    try {
      return Files.readString(index.resolve("indexing.inprogress")).contains("pid " + r.process().pid());
    } catch (IOException e) {
      return false; // not written yet
    }
  }

  /** SIGKILL; true when the child was still running (exit status 128 + 9), false when it had finished. */
  static boolean kill(Run r) throws InterruptedException {
    Process p = r.process();
    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child ended");
    int code = p.exitValue();
    assertTrue(code == 137 || code == 0, "killed or finished cleanly: " + code);
    return code == 137;
  }

  boolean killAfterStart(Run r, long delayMillis) throws Exception {
    assertTrue(await(r, () -> started(r)), "the run started: " + Files.readString(r.log()));
    Thread.sleep(delayMillis);
    return kill(r);
  }

  /** Kills the child the moment a commit newer than {@code afterGeneration} appears in the serving generation. */
  boolean killAtCommit(Run r, long afterGeneration) throws Exception {
    Path gen = new IndexLayout(index).current().orElseThrow();
    await(r, () -> lastCommit(gen) > afterGeneration);
    return kill(r);
  }

  static long lastCommit(Path gen) {
    long max = -1;
    try (var files = Files.list(gen)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.startsWith("segments_")) max = Math.max(max, Long.parseLong(n.substring(9), Character.MAX_RADIX));
      }
    } catch (IOException e) {
      return max; // listed while the writer renamed a file: look again next time
    }
    return max;
  }

  String finish(Run r) throws Exception {
    assertTrue(r.process().waitFor(120, TimeUnit.SECONDS), "the run ended");
    String log = Files.readString(r.log(), StandardCharsets.UTF_8);
    assertEquals(0, r.process().exitValue(), log);
    return log;
  }

  // ---- what the index holds

  LuceneBackend searcher() throws IOException {
    return LuceneBackend.open(index, Common.analyzers(Config.defaults(dir)), Synonyms.NONE, SearchLimits.DEFAULTS);
  }

  /** Which of {@code candidate}'s documents the serving index finds by their tokens; empty without an index. */
  Optional<Map<String, String>> indexed(Map<String, String> candidate) throws Exception {
    if (new IndexLayout(index).current().isEmpty()) return Optional.empty();
    try (LuceneBackend s = searcher()) {
      Map<String, String> found = new TreeMap<>();
      for (Map.Entry<String, String> e : candidate.entrySet()) {
        List<String> ids = s.search(new SearchRequest("\"" + e.getValue() + "\"", WITH_REPOSTS, SortOrder.RELEVANCE, 1, 10, 0))
            .hits().stream().map(h -> h.document().id()).toList();
        if (!ids.isEmpty()) {
          assertEquals(List.of(e.getKey()), ids, "token " + e.getValue() + " belongs to " + e.getKey() + " only");
          found.put(e.getKey(), e.getValue());
        }
      }
      return Optional.of(found);
    }
  }

  long documentCount() throws Exception {
    try (LuceneBackend s = searcher()) {
      return s.documentCount();
    }
  }

  /** The index holds exactly {@code expected}: each document found by its token, and no other document. */
  void assertHolds(Map<String, String> expected) throws Exception {
    assertEquals(Optional.of(expected), indexed(expected));
    assertEquals(expected.size(), documentCount());
  }

  /** Exactly one of two whole states, never a mix (their sizes differ); true for the new one. */
  boolean holdsOldOrNew(Map<String, String> old, Map<String, String> now) throws Exception {
    boolean isNew = documentCount() != old.size();
    assertHolds(isNew ? now : old);
    return isNew;
  }

  @Test
  void aKilledIndexerLeavesTheLastCommitAndTheNextRunCompletesTheWork() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    index = dir.resolve("index");
    for (int i = 0; i < 160; i++) writeTxt(i);
    for (int i = 0; i < 40; i++) setJsonl("j" + i);
    writeJsonl();
    Map<String, String> first = new TreeMap<>(corpusState);
    List<String> report = new ArrayList<>();

    // 1. A first run killed as soon as it starts: no commit, no index to serve; the lock is free again.
    Run p = start();
    assertTrue(killAfterStart(p, 0), "the run was killed while it worked");
    assertEquals(Optional.empty(), new IndexLayout(index).current());
    new IndexLayout(index).lock().close();
    report.add("first run killed at start");

    // 2. Killed a moment later: still nothing committed (or, on a fast machine, everything).
    p = start();
    boolean killed = killAfterStart(p, 700);
    Optional<Map<String, String>> s = indexed(first);
    assertTrue(s.isEmpty() || s.get().equals(first), "nothing or everything: " + s.map(Map::size));
    report.add("first run " + (killed ? "killed" : "finished") + " after 700 ms: " + s.map(m -> m.size() + " documents").orElse("no index"));

    // 3. While a run works, a second indexer is refused; the run reports the interrupted one and completes.
    p = start();
    Run running = p;
    assertTrue(await(running, () -> started(running)));
    IndexLayout.IndexLockedException locked = assertThrows(IndexLayout.IndexLockedException.class,
        () -> Pipeline.indexer(Config.defaults(dir)).run(corpus, new IndexLayout(index), false, CorpusIndexer.Progress.NONE));
    assertTrue(locked.getMessage().contains("another indexer is already writing the index in " + index), locked.getMessage());
    String log = finish(p);
    assertTrue(log.contains("note: an earlier indexing run (started "), log);
    assertTrue(log.contains("did not finish; the index was left at its last commit and this run completes the work"), log);
    assertHolds(first);
    report.add("complete run: " + first.size() + " documents");

    // The corpus changes: a third of the files rewritten, some deleted, more added, JSONL lines changed and added.
    for (int i = 0; i < 160; i += 3) writeTxt(i);
    for (int i = 1; i < 160; i += 10) deleteTxt(i);
    for (int i = 160; i < 200; i++) writeTxt(i);
    for (int i = 0; i < 40; i += 4) setJsonl("j" + i);
    for (int i = 40; i < 50; i++) setJsonl("j" + i);
    writeJsonl();
    Map<String, String> second = new TreeMap<>(corpusState);
    assertTrue(second.size() != first.size());

    // 4. An incremental run killed while it reads and analyses: exactly the first commit.
    p = start();
    killed = killAfterStart(p, 300);
    boolean isNew = holdsOldOrNew(first, second);
    report.add("update " + (killed ? "killed" : "finished") + " after 300 ms: " + (isNew ? "new" : "old") + " state");

    // 5. Killed the moment its commit lands, before it could tidy up: the commit is whole.
    long before = lastCommit(new IndexLayout(index).current().orElseThrow());
    p = start();
    killed = killAtCommit(p, before);
    isNew = holdsOldOrNew(first, second);
    report.add("update " + (killed ? "killed at its commit" : "finished") + ": " + (isNew ? "new" : "old") + " state");
    Map<String, String> committed = isNew ? second : first;

    // 6. A rebuild killed half way: the serving generation is untouched.
    Path serving = new IndexLayout(index).current().orElseThrow();
    p = start("--rebuild");
    killed = killAfterStart(p, 1000);
    if (killed) {
      assertEquals(serving, new IndexLayout(index).current().orElseThrow());
      assertHolds(committed);
    } else {
      assertHolds(second);
    }
    report.add("rebuild " + (killed ? "killed after 1 s" : "finished"));

    // 7. The next run says what it found and ends with exactly the corpus.
    p = start();
    log = finish(p);
    if (killed) {
      assertTrue(log.contains("note: an earlier indexing run"), log);
      assertTrue(log.contains("of an interrupted rebuild was removed"), log);
    }
    assertTrue(log.contains(second.size() + " documents in the index"), log);
    assertHolds(second);
    assertEquals(List.of(new IndexLayout(index).current().orElseThrow()), generations(), "no generation left behind");
    report.add("final run: " + second.size() + " documents");
    System.out.println("killed indexer: " + String.join("; ", report));
  }

  List<Path> generations() throws IOException {
    try (var files = Files.list(index)) {
      return files.filter(f -> f.getFileName().toString().startsWith("gen-")).sorted().toList();
    }
  }
}
