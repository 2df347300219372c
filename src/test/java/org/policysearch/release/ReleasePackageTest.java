package org.policysearch.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.BuildInfo;

/**
 * The release as a user gets it: built by the {@link Packager} from the classes and libraries this build
 * already has (no second Maven run), unpacked with tar (and the zip with unzip's rules), and run through its
 * own launcher with an empty HOME, a PATH holding only the few tools the launcher uses (no Maven, no java)
 * and JAVA_HOME at a JDK 21+. It serves the bundled corpus (whatever it holds: the expected count is read from
 * corpus/), answers every example search the empty page offers, sees a file added to its corpus after a
 * reindex, and stops on SIGTERM. Then the same release, read-only, serves a copy of that index taken while it
 * ran (backup and restore: the same documents for the same searches) and writes nothing into its own folder;
 * the Windows launcher's Java command runs the zip's copy the same way; an index folder it cannot write is one
 * line and exit code 3.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleasePackageTest {
  @TempDir static Path dir;
  static final String COMMIT = "0123456789ab";
  static final String TOKEN = "release-test-token-0123456789";
  static final String ADDED = "发布测试新增文件里独有的一句话";
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static Packager.Result release;
  static Path home;         // the unpacked tar.gz
  static Path emptyHome;    // HOME for every run
  static Path tools;        // PATH for every run
  static Path backup;       // the index copied while serving
  static Map<String, List<String>> firstResults; // example query -> document ids, from the first server
  static final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void buildAndUnpack() throws Exception {
    Path project = Path.of("").toAbsolutePath();
    List<Path> libraries = new ArrayList<>();
    for (String p : Files.readString(project.resolve("target/runtime.classpath")).strip().split(java.io.File.pathSeparator)) {
      libraries.add(Path.of(p));
    }
    long t0 = System.nanoTime();
    release = new Packager(new Packager.Options(project, project.resolve("target/classes"), libraries, dir.resolve("out"),
        BuildInfo.current().version(), COMMIT, false, 1), new PrintStream(PrintStream.nullOutputStream())).run();
    Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
    run(List.of("tar", "-xzf", release.tarGz().toString(), "-C", unpacked.toString()), Map.of(), 120);
    home = unpacked.resolve("policy-search-" + BuildInfo.current().version());
    emptyHome = Files.createDirectories(dir.resolve("empty-home"));
    tools = Files.createDirectories(dir.resolve("tools"));
    for (String t : List.of("bash", "env", "sed", "head", "dirname", "readlink", "uname")) {
      Path real = Files.exists(Path.of("/usr/bin", t)) ? Path.of("/usr/bin", t) : Path.of("/bin", t);
      Files.copy(real, tools.resolve(t)); // copies, not links: the temporary folder holds no link leading out of it
      tools.resolve(t).toFile().setExecutable(true, false);
    }
    System.out.printf("release: packed and unpacked in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stopAll() {
    for (Process p : started) p.destroyForcibly();
    // A read-only tree (when the tests do not run as root) must be writable again for @TempDir to remove it.
    if (home != null) home.toFile().setWritable(true);
    try (Stream<Path> s = Files.walk(dir)) {
      s.forEach(p -> p.toFile().setWritable(true));
    } catch (IOException e) {
      // best effort
    }
  }

  // ---- the runs ----

  @Test
  @Order(1)
  void theArchiveHoldsWhatTheReadmePromises() throws Exception {
    for (String f : List.of("bin/policy-search", "bin/policy-search.cmd", "bin/logging.properties", "README.md", "OPERATIONS.md",
        "policy-search.properties.example", "web/index.html", "web/examples.json", "corpus/README.md", "licenses/README.md",
        "lib/policy-search-" + BuildInfo.current().version() + ".jar")) {
      assertTrue(Files.isRegularFile(home.resolve(f)), f);
    }
    assertTrue(Files.isExecutable(home.resolve("bin/policy-search")), "the launcher is executable after tar -x");
    // every library is there, and each is listed with its licence
    String licences = Files.readString(home.resolve("licenses/README.md"));
    try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
      for (Path l : libs.toList()) {
        String name = l.getFileName().toString();
        if (name.startsWith("policy-search-")) continue;
        assertTrue(licences.contains("| `" + name + "` | "), name + " is listed in licenses/README.md");
      }
    }
    assertTrue(licences.contains("| `lucene-core-" + org.apache.lucene.util.Version.LATEST + ".jar` | Apache"), licences);
    assertTrue(Files.isRegularFile(home.resolve("licenses/lucene-core-" + org.apache.lucene.util.Version.LATEST + "/NOTICE.txt")));
    // nothing of the build: no Maven, no sources
    try (Stream<Path> all = Files.walk(home)) {
      assertEquals(List.of(), all.map(p -> home.relativize(p).toString())
          .filter(p -> p.endsWith("pom.xml") && !p.startsWith("lib") || p.startsWith("src") || p.endsWith(".java")).toList());
    }
  }

  @Test
  @Order(2)
  void withOnlyJavaItServesTheBundledCorpusAndSeesAFileAddedToIt() throws Exception {
    Path config = Files.writeString(dir.resolve("first.properties"), "semantic=false\n");
    Map<String, String> env = env(config);
    assertEquals(BuildInfo.current().line().replace(BuildInfo.current().commit(), COMMIT),
        run(List.of(home.resolve("bin/policy-search").toString(), "--version"), env, 60).strip());
    assertTrue(BuildInfo.current().line().startsWith("policy-search " + BuildInfo.current().version() + " (commit "));

    int port = freePort();
    Process server = start(List.of(home.resolve("bin/policy-search").toString(), "serve", "--port", String.valueOf(port)), env,
        dir.resolve("first.log"));
    String base = "http://127.0.0.1:" + port;
    awaitServing(server, dir.resolve("first.log"), 300);

    JsonObject health = get(base + "/api/health");
    assertEquals(expectedDocuments(home.resolve("corpus")), health.get("documents").getAsLong(), health.toString());
    assertEquals(BuildInfo.current().version(), health.get("version").getAsString());
    assertEquals(COMMIT, health.get("commit").getAsString());
    assertEquals(org.apache.lucene.util.Version.LATEST.toString(), health.get("lucene").getAsString());
    assertEquals(200, getStatus(base + "/"), "the page");

    firstResults = exampleResults(base);
    for (Map.Entry<String, List<String>> e : firstResults.entrySet()) {
      assertFalse(e.getValue().isEmpty(), "the example search " + e.getKey() + " finds documents in the bundled corpus");
    }

    // a backup taken while serving
    backup = dir.resolve("backup");
    copyTree(home.resolve("index"), backup);

    Files.writeString(home.resolve("corpus/zz-added-by-test.txt"), "测试文件\n" + ADDED + "\n", StandardCharsets.UTF_8);
    assertEquals(List.of(), ids(get(base + "/api/search?q=" + enc("\"" + ADDED + "\""))));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex"))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(List.of("zz-added-by-test.txt"), ids(get(base + "/api/search?q=" + enc("\"" + ADDED + "\""))));

    server.destroy(); // SIGTERM, as systemd stops it
    assertTrue(server.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
    assertTrue(server.exitValue() == 143 || server.exitValue() == 0, "exit " + server.exitValue());
    Files.delete(home.resolve("corpus/zz-added-by-test.txt"));
  }

  @Test
  @Order(3)
  void readOnlyWithTheIndexElsewhereItServesTheBackupWithTheSameResultsAndWritesNothingInItsFolder() throws Exception {
    Path restored = dir.resolve("restored-index");
    copyTree(backup, restored);
    Path config = Files.writeString(dir.resolve("readonly.properties"), "semantic=false\nindex=" + restored + "\n");
    makeReadOnly(home);
    Map<String, String> before = snapshot(home);

    int port = freePort();
    Process server = start(List.of(home.resolve("bin/policy-search").toString(), "serve", "--port", String.valueOf(port)),
        env(config), dir.resolve("readonly.log"));
    String base = "http://127.0.0.1:" + port;
    awaitServing(server, dir.resolve("readonly.log"), 120);
    assertEquals(firstResults, exampleResults(base), "the restored backup answers as the original did");
    assertEquals(List.of(), ids(get(base + "/api/search?q=" + enc("\"" + ADDED + "\""))), "the backup predates the added file");
    server.destroy();
    assertTrue(server.waitFor(30, TimeUnit.SECONDS));
    assertEquals(before, snapshot(home), "nothing in the release folder was written");
  }

  @Test
  @Order(4)
  void theWindowsLaunchersJavaCommandRunsTheZipTheSameWay() throws Exception {
    Path unzipped = Files.createDirectories(dir.resolve("unzipped"));
    unzip(release.zip(), unzipped);
    Path win = unzipped.resolve(home.getFileName());
    assertEquals(snapshotNames(release.folder()), snapshotNames(win), "the zip holds the release folder");
    assertTrue(Files.isExecutable(win.resolve("bin/policy-search")), "the zip keeps the launcher's mode");

    Path index = dir.resolve("windows-index");
    copyTree(backup, index);
    Path config = Files.writeString(dir.resolve("windows.properties"), "semantic=false\n");
    assertEquals(BuildInfo.current().line().replace(BuildInfo.current().commit(), COMMIT),
        run(windowsCommand(win, List.of("--version")), env(config), 60).strip());
    int port = freePort();
    Process server = start(windowsCommand(win, List.of("serve", "--port", String.valueOf(port), "--index", index.toString())),
        env(config), dir.resolve("windows.log"));
    String base = "http://127.0.0.1:" + port;
    awaitServing(server, dir.resolve("windows.log"), 120);
    assertEquals(firstResults, exampleResults(base));
    server.destroy();
    assertTrue(server.waitFor(30, TimeUnit.SECONDS));
  }

  @Test
  @Order(5)
  void anIndexFolderItCannotWriteIsOneLineAndExitCode3() throws Exception {
    Path config = Files.writeString(dir.resolve("unwritable.properties"), "semantic=false\n");
    // /proc refuses new folders to everyone, root included (the tests may run as root, for whom permissions are no bar).
    Path unwritable = Path.of("/proc/policy-search-test/index");
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/policy-search").toString(), "serve", "--port", String.valueOf(freePort()),
        "--index", unwritable.toString()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env(config));
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(3, p.exitValue(), output);
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), output);
    assertTrue(lines.get(0).contains(unwritable.toString()) || lines.get(0).contains("/proc/policy-search-test"), output);
  }

  // ---- helpers ----

  /** The environment of every run: an empty HOME, only the launcher's tools on the PATH, a JDK 21+. */
  static Map<String, String> env(Path config) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", emptyHome.toString());
    env.put("PATH", tools.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("POLICY_SEARCH_CONFIG", config.toString());
    env.put("POLICY_SEARCH_ADMIN_TOKEN", TOKEN);
    env.put("POLICY_SEARCH_JAVA_OPTS", "-Xmx768m");
    return env;
  }

  /**
   * The Java command of bin/policy-search.cmd, as cmd.exe would run it: its variables filled in, backslashes
   * as slashes, %* the arguments.
   */
  static List<String> windowsCommand(Path release, List<String> args) throws IOException {
    String line = Files.readAllLines(release.resolve("bin/policy-search.cmd")).stream()
        .filter(l -> l.startsWith("\"%PS_JAVA%\"")).findFirst().orElseThrow(() -> new AssertionError("no java line in the .cmd"));
    String filled = line.replace("%PS_JAVA%", Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .replace("%POLICY_SEARCH_JAVA_OPTS%", "-Xmx768m")
        .replace("%PS_HOME%", release.resolve("bin").resolve("..").toString().replace('/', '\\'))
        .replace('\\', '/');
    List<String> cmd = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : filled.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) cmd.add(cur.toString());
        cur.setLength(0);
        any = false;
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) cmd.add(cur.toString());
    int star = cmd.indexOf("%*");
    assertTrue(star > 0, "the .cmd passes its arguments on: " + cmd);
    cmd.remove(star);
    cmd.addAll(star, args);
    return cmd;
  }

  /** Document ids of each example search of web/examples.json (phrase: the documents of the occurrences). */
  static Map<String, List<String>> exampleResults(String base) throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    JsonArray examples = JsonParser.parseString(Files.readString(home.resolve("web/examples.json"))).getAsJsonArray();
    assertTrue(examples.size() >= 3, "three example searches or more");
    for (JsonElement e : examples) {
      String view = e.getAsJsonObject().get("view").getAsString();
      String q = e.getAsJsonObject().get("q").getAsString();
      if (view.equals("phrase")) {
        JsonObject r = get(base + "/api/phrase?size=50&q=" + enc(q));
        List<String> docs = new ArrayList<>();
        for (JsonElement i : r.getAsJsonArray("items")) docs.add(i.getAsJsonObject().get("id").getAsString());
        out.put(view + ":" + q, docs);
      } else {
        out.put(view + ":" + q, ids(get(base + "/api/search?size=50&q=" + enc(q))));
      }
    }
    return out;
  }

  static List<String> ids(JsonObject search) {
    List<String> ids = new ArrayList<>();
    for (JsonElement h : search.getAsJsonArray("hits")) ids.add(h.getAsJsonObject().get("id").getAsString());
    return ids;
  }

  /** Documents in a corpus folder of the formats the bundled corpus uses: a whole file, or a JSONL line. */
  static long expectedDocuments(Path corpus) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (f.getParent().equals(corpus) && name.equalsIgnoreCase("README.md")) continue;
        if (name.endsWith(".txt") || name.endsWith(".md")) {
          n++;
        } else if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
          try (InputStream raw = Files.newInputStream(f);
               InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
               BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            n += r.lines().filter(l -> !l.isBlank()).count();
          }
        } else {
          throw new AssertionError("the bundled corpus holds " + name + ": teach ReleasePackageTest.expectedDocuments to count it");
        }
      }
    }
    return n;
  }

  static Process start(List<String> cmd, Map<String, String> env, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    return p;
  }

  static void awaitServing(Process p, Path log, int seconds) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      String s = Files.exists(log) ? Files.readString(log) : "";
      if (s.contains("policy-search serving ")) return;
      if (!p.isAlive()) throw new AssertionError("the server exited with " + p.exitValue() + ":\n" + s);
      Thread.sleep(200);
    }
    throw new AssertionError("not serving after " + seconds + " s:\n" + Files.readString(log));
  }

  /** Runs a command to its end; its output, or an AssertionError with it when the exit code is not 0. */
  static String run(List<String> cmd, Map<String, String> env, int seconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
    if (!env.isEmpty()) {
      pb.environment().clear();
      pb.environment().putAll(env);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", cmd) + " still running");
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
    return out;
  }

  static JsonObject get(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), url + ": " + r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  static int getStatus(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else if (!p.getFileName().toString().equals("indexer.lock")) Files.copy(p, t);
      }
    }
  }

  /** Unpacks a zip as unzip does, keeping the Unix modes it records. */
  static void unzip(Path zip, Path to) throws IOException {
    try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
      for (Enumeration<ZipArchiveEntry> en = z.getEntries(); en.hasMoreElements(); ) {
        ZipArchiveEntry e = en.nextElement();
        Path t = to.resolve(e.getName()).normalize();
        assertTrue(t.startsWith(to), e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(t);
          continue;
        }
        Files.createDirectories(t.getParent());
        try (InputStream in = z.getInputStream(e)) {
          Files.copy(in, t);
        }
        if ((e.getUnixMode() & 0100) != 0) t.toFile().setExecutable(true, false);
      }
    }
  }

  static void makeReadOnly(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) p.toFile().setWritable(false, false);
    }
  }

  /** Every path under the folder with its size and modification time. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        m.put(root.relativize(p).toString(), (a.isDirectory() ? "dir " : a.size() + " ") + a.lastModifiedTime().toMillis());
      }
    }
    return m;
  }

  static List<String> snapshotNames(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      List<String> names = new ArrayList<>(s.map(p -> root.relativize(p).toString()).toList());
      Collections.sort(names);
      return names;
    }
  }
}
