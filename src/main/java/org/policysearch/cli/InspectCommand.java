package org.policysearch.cli;

import com.google.gson.JsonArray;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policysearch.doc.DocumentJson;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestRun;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.Skip;
import org.policysearch.ingest.SkipReasons;
import org.policysearch.ingest.meta.DuplicateResolver;

/**
 * {@code inspect [--corpus DIR] [--json]}: reads the corpus as the indexer would and shows what each
 * document became (metadata, flags, paragraph count) and what was skipped and why, without building an
 * index. With {@code --json}, stdout is exactly one JSON array of {@link DocumentJson#summary} objects
 * and the skips go to stderr. Exit code 0 when every file was read cleanly, 1 when something was
 * skipped or warned about.
 */
public final class InspectCommand implements Main.Command {
  static final String USAGE = "usage: bin/policy-search inspect [--corpus DIR] [--json]\n"
      + "  --corpus DIR  the corpus folder (default: corpus/ in the project)\n"
      + "  --json        print one JSON array of documents on stdout; skipped files go to stderr";

  @Override
  public String summary() {
    return "show what ingest makes of the corpus: metadata per document, skipped files";
  }

  @Override
  public String usage(String name) {
    return USAGE;
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args args = Args.parse(argv, Set.of("corpus"), Set.of("json", "help"));
    if (args.flag("help")) {
      out.println(USAGE);
      return 0;
    }
    if (!args.positional().isEmpty()) {
      throw new Args.UsageException("inspect takes no arguments besides options, got '" + args.positional().get(0)
          + "'\n" + USAGE);
    }
    Path corpus = Path.of(args.get("corpus", defaultCorpus().toString()));
    if (!Files.isDirectory(corpus)) {
      throw new Args.UsageException("the corpus folder " + corpus.toAbsolutePath() + " does not exist or is not a"
          + " folder; give one with --corpus DIR");
    }
    IngestRun run = new Ingester(IngestConfig.DEFAULTS, Builders.standard(), DuplicateResolver::markDuplicates).ingestAll(corpus);
    if (args.flag("json")) {
      JsonArray docs = new JsonArray();
      run.documents().forEach(d -> docs.add(DocumentJson.summary(d)));
      out.println(DocumentJson.PRETTY.toJson(docs));
      for (Skip s : run.skipped()) err.println((SkipReasons.isWarning(s) ? "warning: " : "skipped: ") + s);
    } else {
      run.documents().forEach(d -> printDocument(d, out));
      printSummary(run, out);
    }
    if (run.skipped().isEmpty()) return 0;
    err.println("inspect: finished with " + run.skippedCount() + " skipped and " + run.warningCount()
        + (run.warningCount() == 1 ? " warning" : " warnings") + " (see above)");
    return 1;
  }

  /** corpus/ under the project home that the launcher passes, else under the current folder. */
  static Path defaultCorpus() {
    return Path.of(System.getProperty("policysearch.home", ".")).resolve("corpus");
  }

  static void printDocument(PolicyDocument d, PrintStream out) {
    out.println("== " + d.file() + (d.line() > 0 ? ":" + d.line() : ""));
    field(out, "id", d.id());
    field(out, "title", or(d.title(), "(none)") + (d.subtitle().isEmpty() ? "" : " —— " + d.subtitle()));
    field(out, "date", d.date().known()
        ? d.date().value() + " (" + d.date().precision().name().toLowerCase() + ")   year: " + d.year()
        : "(unknown)");
    field(out, "region", d.region().known()
        ? d.region().path() + " (confidence " + String.format("%.2f", d.region().confidence()) + ")"
        : "(unknown)");
    field(out, "type", or(d.type(), "(unknown)"));
    field(out, "themes", d.themes().isEmpty() ? "(none)" : String.join(", ", d.themes()));
    field(out, "flags", flags(d));
    field(out, "paragraphs", String.valueOf(d.paragraphs().size()));
    field(out, "encoding", d.encoding());
  }

  private static String flags(PolicyDocument d) {
    StringBuilder sb = new StringBuilder();
    if (d.flags().truncated()) sb.append("truncated");
    if (d.flags().redacted()) sb.append(sb.isEmpty() ? "" : ", ").append("redacted");
    if (d.flags().duplicate()) sb.append(sb.isEmpty() ? "" : ", ").append("duplicate of ").append(d.flags().duplicateOf());
    return sb.isEmpty() ? "(none)" : sb.toString();
  }

  static void printSummary(IngestRun run, PrintStream out) {
    List<PolicyDocument> docs = run.documents();
    out.println();
    out.println("Summary");
    out.println("  documents:   " + docs.size() + " from " + run.filesListed() + " files listed"
        + " (" + run.elapsed().toMillis() + " ms)");
    out.println("  by province: " + counts(docs, d -> province(d.region())));
    out.println("  by region:   " + counts(docs, d -> d.region().known() ? d.region().path() : "(unknown)"));
    out.println("  by year:     " + byYear(docs));
    out.println("  by theme:    " + byTheme(docs));
    out.println("  skipped:     " + run.skippedCount() + ", warnings: " + run.warningCount());
    for (Skip s : run.skipped()) out.println("    " + (SkipReasons.isWarning(s) ? "warning " : "") + s);
  }

  private static String province(RegionInfo r) {
    if (r.national()) return RegionInfo.NATIONAL;
    return r.province().isEmpty() ? "(unknown)" : r.province();
  }

  private static String counts(List<PolicyDocument> docs, Function<PolicyDocument, String> key) {
    return byFrequency(docs.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting())));
  }

  private static String byYear(List<PolicyDocument> docs) {
    Map<String, Long> m = docs.stream().collect(Collectors.groupingBy(
        d -> d.year() == null ? "(unknown)" : String.valueOf(d.year()), TreeMap::new, Collectors.counting()));
    return format(m);
  }

  private static String byTheme(List<PolicyDocument> docs) {
    Map<String, Long> m = docs.stream().flatMap(d -> d.themes().stream())
        .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
    return byFrequency(m);
  }

  /** "a 3, b 2, c 1": most frequent first, then by name. */
  private static String byFrequency(Map<String, Long> m) {
    return format(m.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
  }

  private static String format(Map<String, Long> m) {
    if (m.isEmpty()) return "(none)";
    return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static void field(PrintStream out, String name, String value) {
    out.printf("  %-11s %s%n", name + ":", value);
  }

  private static String or(String s, String fallback) {
    return s.isEmpty() ? fallback : s;
  }
}
