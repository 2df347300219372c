package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.policysearch.BuildInfo;
import org.policysearch.Config;
import org.policysearch.release.Packager;

/**
 * {@code package [--with-runtime] [--out DIR] [--fast]}: the release archives (see {@link Packager}), from the
 * classes and libraries the launcher has just built. A command of the source checkout only: part of the bench
 * source set, loaded by {@link Main} by name, and not in the release itself.
 */
final class PackageCommand implements Main.Command {
  @Override
  public String summary() {
    return "write the release: target/policy-search-VERSION.tar.gz and .zip, runnable with only Java 21+: [--with-runtime]"
        + " (also a linux-x64 archive with its own Java runtime) [--out DIR] [--fast] (lighter compression)";
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Set.of("out"), Set.of("with-runtime", "fast"));
    if (!a.positional().isEmpty()) throw new Args.UsageException("package takes no arguments, got '" + a.positional().get(0) + "'");
    Path home = Config.defaultHome();
    Path target = home.resolve("target");
    Path classpath = target.resolve("runtime.classpath");
    if (!Files.isRegularFile(classpath) || !Files.isDirectory(target.resolve("classes"))) {
      throw new Args.UsageException("no build in " + target + "; run it through bin/policy-search, which builds first");
    }
    Path outDir = a.get("out", null) == null ? target : Path.of(a.get("out", null)).toAbsolutePath().normalize();
    Packager.Options o = new Packager.Options(home, target.resolve("classes"), libraries(classpath), outDir,
        BuildInfo.current().version(), commit(home), a.flag("with-runtime"), a.flag("fast") ? 1 : 9);
    Packager.Result r = new Packager(o, out).run();
    out.println("release folder: " + r.folder());
    return 0;
  }

  /** The jars of target/runtime.classpath (written by Maven at compile time). */
  static List<Path> libraries(Path classpathFile) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String p : Files.readString(classpathFile, StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator)) {
      if (!p.isBlank()) out.add(Path.of(p));
    }
    return out;
  }

  /** The checkout's commit, "-dirty" when tracked files differ from it; "unknown" without git. */
  static String commit(Path home) {
    try {
      String head = git(home, "rev-parse", "--short=12", "HEAD");
      if (head.isEmpty()) return "unknown";
      return git(home, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  private static String git(Path home, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", home.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return "";
    return s;
  }
}
