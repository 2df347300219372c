package org.policysearch.release;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Builds the release: a folder {@code policy-search-VERSION/} that runs with nothing but Java 21+, packed as
 * {@code .tar.gz} (Linux, macOS: keeps the launcher executable) and {@code .zip} (Windows), and with
 * {@link Options#withRuntime} a {@code -linux-x64.tar.gz} that carries its own Java runtime made by jlink.
 *
 * <p>What the folder holds: {@code lib/} (the program's jar, with {@code release.properties} naming the
 * commit, and every runtime library), {@code bin/} (the launchers of {@code src/release/bin} and the logging
 * settings), {@code web/}, {@code corpus/}, {@code README.md} (from {@code src/release/README.md}), {@code OPERATIONS.md} (docs/operations.md),
 * {@code policy-search.properties.example}, and {@code licenses/} (the licence and notice files of every
 * library, from its jar, and a table of each library with its licence; see {@link Licenses}). Nothing is
 * downloaded: the libraries are those Maven already resolved ({@code target/runtime.classpath}).
 */
public final class Packager {
  /** The modules of the jlink runtime: what the program and its libraries use (checked with jdeps; see docs/operations.md). */
  static final List<String> RUNTIME_MODULES = List.of(
      "java.base", "java.compiler", "java.desktop", "java.instrument", "java.logging", "java.management", "java.naming", "java.net.http",
      "java.scripting", "java.security.jgss", "java.sql", "java.xml", "java.xml.crypto", "jdk.charsets",
      "jdk.crypto.ec", "jdk.incubator.vector", "jdk.localedata", "jdk.management", "jdk.unsupported", "jdk.zipfs");

  /**
   * @param home        the source checkout (src/release, web, corpus, bin/logging.properties are read from it)
   * @param classes     the compiled program (target/classes)
   * @param libraries   the runtime libraries (target/runtime.classpath)
   * @param out         where the folder and the archives are written (target)
   * @param version     the version in the names
   * @param commit      the commit written into release.properties
   * @param withRuntime also the linux-x64 archive with a jlink runtime
   * @param level       deflate level of the archives, 1 (fast) to 9
   */
  public record Options(Path home, Path classes, List<Path> libraries, Path out, String version, String commit,
      boolean withRuntime, int level) {
    public Options {
      Objects.requireNonNull(home, "home");
      libraries = List.copyOf(libraries);
      if (level < 0 || level > 9) throw new IllegalArgumentException("level must be 0 to 9, got " + level);
    }
  }

  /** The folder staged and the archives written. */
  public record Result(Path folder, Path tarGz, Path zip, Path runtimeTarGz) {}

  private final Options o;
  private final PrintStream log;

  public Packager(Options o, PrintStream log) {
    this.o = o;
    this.log = log;
  }

  public String name() {
    return "policy-search-" + o.version();
  }

  public Result run() throws IOException, InterruptedException {
    Path folder = o.out().resolve(name());
    deleteTree(folder);
    Files.createDirectories(folder);
    stage(folder);
    Path tarGz = o.out().resolve(name() + ".tar.gz");
    tar(folder, tarGz);
    Path zip = o.out().resolve(name() + ".zip");
    zip(folder, zip);
    log.println("wrote " + tarGz + " (" + mb(tarGz) + ") and " + zip + " (" + mb(zip) + ")");
    Path withRuntime = null;
    if (o.withRuntime()) {
      Path runtime = folder.resolve("runtime");
      jlink(runtime);
      withRuntime = o.out().resolve(name() + "-linux-x64.tar.gz");
      tar(folder, withRuntime);
      deleteTree(runtime); // the folder stays the portable release
      log.println("wrote " + withRuntime + " (" + mb(withRuntime) + ")");
    }
    return new Result(folder, tarGz, zip, withRuntime);
  }

  /** Fills the release folder. */
  void stage(Path folder) throws IOException {
    Path lib = Files.createDirectories(folder.resolve("lib"));
    jar(lib.resolve(name() + ".jar"));
    for (Path l : o.libraries()) {
      Path to = lib.resolve(l.getFileName().toString());
      if (Files.exists(to)) throw new IOException("two libraries are named " + to.getFileName() + "; rename one");
      Files.copy(l, to);
    }
    Path bin = Files.createDirectories(folder.resolve("bin"));
    Path src = o.home().resolve("src/release");
    Files.copy(src.resolve("bin/policy-search"), bin.resolve("policy-search"));
    bin.resolve("policy-search").toFile().setExecutable(true, false);
    Files.copy(src.resolve("bin/policy-search.cmd"), bin.resolve("policy-search.cmd"));
    Files.copy(o.home().resolve("bin/logging.properties"), bin.resolve("logging.properties"));
    copyTree(o.home().resolve("web"), folder.resolve("web"));
    copyTree(o.home().resolve("corpus"), folder.resolve("corpus"));
    Files.writeString(folder.resolve("README.md"),
        Files.readString(src.resolve("README.md"), StandardCharsets.UTF_8).replace("@VERSION@", o.version()),
        StandardCharsets.UTF_8);
    Files.copy(src.resolve("policy-search.properties.example"), folder.resolve("policy-search.properties.example"));
    Files.copy(o.home().resolve("docs/operations.md"), folder.resolve("OPERATIONS.md"));
    new Licenses(o.libraries(), log).write(folder.resolve("licenses"));
  }

  /** The program's classes as one jar, with release.properties (the commit) and a manifest naming the version. */
  private void jar(Path to) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "policy-search");
    m.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, o.version());
    try (JarOutputStream jar = new JarOutputStream(new BufferedOutputStream(Files.newOutputStream(to)), m)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(o.classes())) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        String name = o.classes().relativize(f).toString().replace('\\', '/');
        if (name.equals("org/policysearch/release.properties")) continue;
        jar.putNextEntry(new JarEntry(name));
        Files.copy(f, jar);
        jar.closeEntry();
      }
      jar.putNextEntry(new JarEntry("org/policysearch/release.properties"));
      jar.write(("# written by bin/policy-search package\ncommit=" + o.commit() + "\n").getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }

  private void jlink(Path runtime) throws IOException, InterruptedException {
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    if (!Files.isExecutable(jlink)) {
      throw new IOException("no jlink in " + jlink.getParent() + ": --with-runtime needs a full JDK (not a JRE)");
    }
    List<String> cmd = new ArrayList<>(List.of(jlink.toString(), "--add-modules", String.join(",", RUNTIME_MODULES),
        "--include-locales=en,zh", "--strip-debug", "--no-man-pages", "--no-header-files", "--output", runtime.toString()));
    log.println("jlink: " + String.join(" ", cmd));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IOException("jlink failed: " + output);
  }

  /** A gzip-compressed tar of the folder, under its own name; executable files keep their mode. */
  void tar(Path folder, Path to) throws IOException {
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(to), 1 << 16);
         GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16) {
           { def.setLevel(o.level() == 0 ? Deflater.DEFAULT_COMPRESSION : o.level()); }
         };
         TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path p : entries(folder)) {
        String name = folder.getFileName() + "/" + folder.relativize(p).toString().replace('\\', '/');
        boolean dir = Files.isDirectory(p);
        TarArchiveEntry e = new TarArchiveEntry(dir ? name + "/" : name);
        e.setMode(dir || Files.isExecutable(p) ? 0755 : 0644);
        e.setModTime(Files.getLastModifiedTime(p).toMillis());
        if (!dir) e.setSize(Files.size(p));
        tar.putArchiveEntry(e);
        if (!dir) Files.copy(p, tar);
        tar.closeArchiveEntry();
      }
    }
  }

  /** A zip of the folder, under its own name; Unix modes are recorded (unzip keeps bin/policy-search executable). */
  void zip(Path folder, Path to) throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new BufferedOutputStream(Files.newOutputStream(to), 1 << 16))) {
      zip.setEncoding(StandardCharsets.UTF_8.name());
      zip.setUseLanguageEncodingFlag(true);
      zip.setLevel(o.level() == 0 ? Deflater.DEFAULT_COMPRESSION : o.level());
      for (Path p : entries(folder)) {
        String name = folder.getFileName() + "/" + folder.relativize(p).toString().replace('\\', '/');
        boolean dir = Files.isDirectory(p);
        ZipArchiveEntry e = new ZipArchiveEntry(dir ? name + "/" : name);
        e.setUnixMode((dir ? 0040000 : 0100000) | (dir || Files.isExecutable(p) ? 0755 : 0644));
        e.setLastModifiedTime(Files.getLastModifiedTime(p));
        zip.putArchiveEntry(e);
        if (!dir) Files.copy(p, zip);
        zip.closeArchiveEntry();
      }
    }
  }

  /** Every folder and file below the folder, parents first, in name order. */
  private static List<Path> entries(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(p -> !p.equals(folder)).sorted().toList();
    }
  }

  /** Copies a folder, leaving out hidden files (names starting with '.'). */
  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(from) && dir.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!file.getFileName().toString().startsWith(".")) {
          Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }

  private static String mb(Path p) throws IOException {
    return String.format("%.1f MB", Files.size(p) / 1e6);
  }
}
