package org.policysearch.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The licences of what a release bundles: for each library jar, the licence and notice files it carries
 * ({@code META-INF/LICENSE*}, {@code META-INF/NOTICE*}, {@code META-INF/COPYING*} and the same at the jar's
 * root) copied to {@code licenses/NAME/}, and its licence as its Maven POM declares it (following parent
 * POMs in the local repository the jar came from), listed in {@code licenses/README.md}: one row per
 * library with its licence, its files, and a note where the jar carries no licence text.
 */
final class Licenses {
  private static final Pattern LICENSE_FILE = Pattern.compile("(?i)(META-INF/([^/]+/)?)?(LICEN[CS]E|NOTICE|COPYING|THIRD.?PARTY)[^/]*");
  private static final Pattern LICENSES = Pattern.compile("(?s)<licenses>(.*?)</licenses>");
  private static final Pattern NAME = Pattern.compile("(?s)<license>.*?<name>\\s*(.*?)\\s*</name>(?:.*?<url>\\s*(.*?)\\s*</url>)?");
  private static final Pattern PARENT = Pattern.compile("(?s)<parent>(.*?)</parent>");

  /** One bundled library: its jar, its licence(s), and the files copied for it. */
  record Library(String jar, String licence, List<String> files) {}

  private final List<Path> jars;
  private final PrintStream log;

  Licenses(List<Path> jars, PrintStream log) {
    this.jars = List.copyOf(jars);
    this.log = log;
  }

  List<Library> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Library> libs = new ArrayList<>();
    for (Path jar : jars) {
      String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
      List<String> files = new ArrayList<>();
      try (ZipFile z = new ZipFile(jar.toFile())) {
        for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
          ZipEntry e = en.nextElement();
          if (e.isDirectory() || !LICENSE_FILE.matcher(e.getName()).matches()) continue;
          String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
          Path to = dir.resolve(base).resolve(name);
          if (Files.exists(to)) to = dir.resolve(base).resolve("root-" + name);
          Files.createDirectories(to.getParent());
          try (InputStream in = z.getInputStream(e)) {
            Files.copy(in, to);
          }
          files.add(base + "/" + to.getFileName());
        }
      }
      libs.add(new Library(jar.getFileName().toString(), licenceOf(jar), files));
    }
    Files.writeString(dir.resolve("README.md"), table(libs), StandardCharsets.UTF_8);
    long without = libs.stream().filter(l -> l.files().isEmpty()).count();
    log.println("licences: " + libs.size() + " libraries, " + (libs.size() - without) + " with licence files in their jar");
    return libs;
  }

  static String table(List<Library> libs) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Licences of the bundled libraries\n\n")
        .append("Every library in `lib/` besides the program's own jar, with its licence as its Maven POM declares it and\n")
        .append("the licence and notice files its jar carries, copied into this folder. Where a jar carries none, the\n")
        .append("licence named applies as published at its URL.\n\n")
        .append("| library | licence | files here |\n|---|---|---|\n");
    for (Library l : libs) {
      sb.append("| `").append(l.jar()).append("` | ").append(l.licence()).append(" | ")
          .append(l.files().isEmpty() ? "none in the jar" : String.join("<br>", l.files().stream().map(f -> "`" + f + "`").toList()))
          .append(" |\n");
    }
    sb.append("\nThe Java runtime of a `-linux-x64` release (`runtime/`) carries its own licences in `runtime/legal/`.\n");
    return sb.toString();
  }

  /**
   * The licence names (with URLs) of the POM beside a jar in a Maven repository
   * ({@code a/b/1.0/b-1.0.jar} → {@code b-1.0.pom}), else of its parents; "not declared" when none says.
   */
  static String licenceOf(Path jar) {
    Path pom = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".pom"));
    for (int depth = 0; depth < 10 && pom != null && Files.isRegularFile(pom); depth++) {
      String xml;
      try {
        xml = Files.readString(pom, StandardCharsets.UTF_8);
      } catch (IOException e) {
        break;
      }
      Matcher ls = LICENSES.matcher(xml);
      if (ls.find()) {
        Set<String> names = new LinkedHashSet<>();
        Matcher n = NAME.matcher(ls.group(1));
        while (n.find()) names.add(n.group(1) + (n.group(2) == null || n.group(2).isBlank() ? "" : " (" + n.group(2) + ")"));
        if (!names.isEmpty()) return String.join("; ", names);
      }
      pom = parentPom(pom, xml);
    }
    return "not declared in its POM: see the files here";
  }

  /** The parent POM in the same local repository, or null. */
  private static Path parentPom(Path pom, String xml) {
    Matcher p = PARENT.matcher(xml);
    if (!p.find()) return null;
    String g = tag(p.group(1), "groupId");
    String a = tag(p.group(1), "artifactId");
    String v = tag(p.group(1), "version");
    if (g == null || a == null || v == null) return null;
    // The POM sits at REPO/group/path/artifact/version/; the parent at REPO/its/group/artifact/version/. Whichever
    // ancestor holds the parent's path is the repository.
    Path rel = Path.of(g.replace('.', '/'), a, v, a + "-" + v + ".pom");
    for (Path r = pom.getParent(); r != null; r = r.getParent()) {
      if (Files.isRegularFile(r.resolve(rel))) return r.resolve(rel);
    }
    return null;
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("(?s)<" + name + ">\\s*(.*?)\\s*</" + name + ">").matcher(xml);
    return m.find() && !m.group(1).isBlank() ? m.group(1) : null;
  }
}
