package org.policysearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the sources: a rule broken by a new import
 * fails here with the file and the import, instead of surfacing later as a tangle.
 */
class ArchitectureTest {
  static final Path MAIN = Path.of("src/main/java");
  static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.policysearch\\.[\\w.]+);", Pattern.MULTILINE);
  static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

  record Import(Path file, String pkg, String target) {}

  static List<Import> imports() throws IOException {
    List<Import> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        Matcher pm = PACKAGE.matcher(s);
        String pkg = pm.find() ? pm.group(1) : "";
        Matcher m = IMPORT.matcher(s);
        while (m.find()) out.add(new Import(MAIN.relativize(f), pkg, m.group(1)));
      }
    }
    return out;
  }

  static List<String> violations(java.util.function.Predicate<Import> broken) throws IOException {
    return imports().stream().filter(broken).map(i -> i.file() + " imports " + i.target()).toList();
  }

  static boolean in(String name, String pkg) {
    return name.equals(pkg) || name.startsWith(pkg + ".");
  }

  @Test
  void productNeverImportsTheBenchmarkHarnesses() throws IOException {
    assertEquals(List.of(), violations(i -> i.target().matches("org\\.policysearch\\.(.*\\.)?bench\\..*")));
  }

  @Test
  void theDocumentVocabularyImportsNothingOfOurs() throws IOException {
    assertEquals(List.of(), violations(i -> i.pkg().equals("org.policysearch.doc")));
  }

  @Test
  void textImportsNothingOfOurs() throws IOException {
    assertEquals(List.of(), violations(i -> i.pkg().equals("org.policysearch.text")));
  }

  @Test
  void searchAndWebReadTheDocumentModelFromDocNotFromIngest() throws IOException {
    // The gazetteer is the one piece of ingest that search uses: the regions users type are resolved with it.
    // The OpenSearch backend is the exception: it writes its index too, so it runs the pipeline as index does.
    assertEquals(List.of(), violations(i -> (in(i.pkg(), "org.policysearch.search") || in(i.pkg(), "org.policysearch.web"))
        && !in(i.pkg(), "org.policysearch.search.opensearch")
        && in(i.target(), "org.policysearch.ingest") && !i.target().equals("org.policysearch.ingest.meta.Gazetteer")));
  }

  @Test
  void ingestKnowsNothingOfIndexSearchWebOrCli() throws IOException {
    assertEquals(List.of(), violations(i -> in(i.pkg(), "org.policysearch.ingest")
        && Stream.of("index", "search", "web", "cli").anyMatch(p -> in(i.target(), "org.policysearch." + p))));
  }

  @Test
  void onlyTheFacesImportTheFaces() throws IOException {
    assertEquals(List.of(), violations(i -> !in(i.pkg(), "org.policysearch.cli") && in(i.target(), "org.policysearch.cli")));
    assertEquals(List.of(), violations(i -> !in(i.pkg(), "org.policysearch.cli") && !in(i.pkg(), "org.policysearch.web")
        && in(i.target(), "org.policysearch.web")));
  }

  @Test
  void theSearchApiIsPlainRecordsOverTheDocumentVocabulary() throws IOException {
    // What a client sees, and what a second backend implements: nothing of Lucene, nothing of the engine.
    assertEquals(List.of(), violations(i -> i.pkg().equals("org.policysearch.search.api")
        && !in(i.target(), "org.policysearch.search.api") && !in(i.target(), "org.policysearch.doc")));
    try (Stream<Path> files = Files.walk(MAIN.resolve("org/policysearch/search/api"))) {
      List<String> lucene = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (Files.readString(f, StandardCharsets.UTF_8).contains("org.apache.lucene")) lucene.add(MAIN.relativize(f).toString());
      }
      assertEquals(List.of(), lucene);
    }
  }

  @Test
  void theFacesSeeOnlyTheBackendInterfaceAndItsRecords() throws IOException {
    // web and cli ask a SearchBackend and write its records; cli/Backends.java alone chooses the implementation.
    assertEquals(List.of(), violations(i -> (in(i.pkg(), "org.policysearch.web") || in(i.pkg(), "org.policysearch.cli"))
        && in(i.target(), "org.policysearch.search") && !in(i.target(), "org.policysearch.search.api")
        && !in(i.target(), "org.policysearch.search.json") && !in(i.target(), "org.policysearch.search.download")
        && !i.file().equals(Path.of("org/policysearch/cli/Backends.java"))));
    assertEquals(List.of(), violations(i -> i.pkg().equals("org.policysearch.search.json")
        && in(i.target(), "org.policysearch.search") && !in(i.target(), "org.policysearch.search.api")));
  }

  @Test
  void onlyTheOpenSearchBackendTalksToOpenSearchAndOnlyThroughTheClient() throws IOException {
    // The server's classes are provided scope, for the analysis plugin of src/opensearch only: the product may
    // use the official client (org.opensearch.client), and only in search.opensearch; nothing imports the plugin.
    Pattern any = Pattern.compile("^import (?:static )?(org\\.opensearch\\.[\\w.]+);", Pattern.MULTILINE);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        boolean backend = MAIN.relativize(f).startsWith(Path.of("org/policysearch/search/opensearch"));
        Matcher m = any.matcher(s);
        while (m.find()) {
          if (!backend || !m.group(1).startsWith("org.opensearch.client.")) found.add(MAIN.relativize(f) + " imports " + m.group(1));
        }
      }
    }
    assertEquals(List.of(), found);
    assertEquals(List.of(), violations(i -> in(i.target(), "org.policysearch.opensearch")));
    // the other packages reach the cluster backend only through cli/Backends.java
    assertEquals(List.of(), violations(i -> in(i.target(), "org.policysearch.search.opensearch")
        && !in(i.pkg(), "org.policysearch.search.opensearch") && !i.file().equals(Path.of("org/policysearch/cli/Backends.java"))));
  }

  @Test
  void theDownloadsAreWrittenThroughTheBackendInterface() throws IOException {
    // CSV and JSON Lines files are written from the records of any backend, knowing nothing of HTTP.
    assertEquals(List.of(), violations(i -> i.pkg().equals("org.policysearch.search.download")
        && !in(i.target(), "org.policysearch.search.api") && !in(i.target(), "org.policysearch.search.json")
        && !in(i.target(), "org.policysearch.search.download")));
  }
}
