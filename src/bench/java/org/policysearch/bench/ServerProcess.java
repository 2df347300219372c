package org.policysearch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in a child JVM, as {@code bin/policy-search serve} runs it, on an existing index, with
 * a fixed heap limit and a GC log: how long until {@code /api/health} first answers, and how much heap
 * serving took. The child is {@code org.policysearch.cli.Main serve --no-index}, so it neither reindexes
 * nor watches anything while it is measured.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+) s");

  private final Process process;
  private final int port;
  private final Path gcLog;
  private final Path outLog;
  private final double startSeconds;

  /** Heap figures read from the GC log, in MB; -1 when unknown. */
  record Heap(long peakBeforeGcMb, long maxAfterGcMb, long liveAfterFullGcMb, long limitMb, int gcs) {}

  private ServerProcess(Process process, int port, Path gcLog, Path outLog, double startSeconds) {
    this.process = process;
    this.port = port;
    this.gcLog = gcLog;
    this.outLog = outLog;
    this.startSeconds = startSeconds;
  }

  /**
   * Starts the server on {@code index} and waits until it answers {@code /api/health} (at most 120 s).
   *
   * @param logs folder for the child's output and GC log, named after {@code name}
   */
  static ServerProcess start(Path home, Path index, String heap, Path logs, String name) throws IOException {
    int port = freePort();
    Path gc = logs.resolve(name + "-gc.log");
    Path out = logs.resolve(name + "-out.log");
    Files.createDirectories(logs);
    Files.deleteIfExists(gc);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
        "--enable-native-access=ALL-UNNAMED", "-Xlog:gc:file=" + gc,
        "-Dpolicysearch.home=" + home));
    Path logging = home.resolve("bin/logging.properties");
    if (Files.isRegularFile(logging)) cmd.add("-Djava.util.logging.config.file=" + logging);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.policysearch.cli.Main", "serve",
        "--index", index.toString(), "--port", Integer.toString(port), "--no-index"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).timeout(Duration.ofSeconds(5)).build();
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      while (true) {
        if (!p.isAlive()) {
          throw new IOException("the server exited with status " + p.exitValue() + " before answering; see " + out + ":\n"
              + tail(out));
        }
        if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
          throw new IOException("the server did not answer /api/health within 120 s; see " + out);
        }
        try {
          HttpResponse<Void> r = client.send(health, HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) break;
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the server started", e);
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly();
      throw e;
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    return new ServerProcess(p, port, gc, out, secs);
  }

  int port() {
    return port;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Seconds from launching the JVM to the first 200 from /api/health. */
  double startSeconds() {
    return startSeconds;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The start-up time the server printed itself (from its main method to serving), or NaN. */
  double selfReportedSeconds() {
    try {
      Matcher m = STARTED.matcher(Files.readString(outLog, StandardCharsets.UTF_8));
      return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** Forces a full GC in the child (jcmd GC.run) so that the log shows the live heap; false when jcmd is missing. */
  boolean fullGc() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) return false;
    try {
      Process j = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!j.waitFor(30, TimeUnit.SECONDS)) {
        j.destroyForcibly();
        return false;
      }
      Thread.sleep(200); // let the log line be written
      return j.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What the GC log says so far. */
  Heap heap() {
    long peak = -1;
    long after = -1;
    long live = -1;
    long limit = -1;
    int gcs = 0;
    try {
      for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
        Matcher m = GC_LINE.matcher(line);
        if (!m.find()) continue;
        gcs++;
        long before = Long.parseLong(m.group(1));
        long aft = Long.parseLong(m.group(2));
        peak = Math.max(peak, before);
        after = Math.max(after, aft);
        limit = Math.max(limit, Long.parseLong(m.group(3)));
        if (line.contains("Pause Full")) live = aft;
      }
    } catch (IOException e) {
      // no log: unknown
    }
    return new Heap(peak, after, live, limit, gcs);
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: the server's shutdown hook closes the index
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static String tail(Path f) {
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no output)";
    }
  }
}
