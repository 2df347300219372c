package org.policysearch.ingest.meta;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.policysearch.ingest.Evidence;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.PolicyDocument;
import org.policysearch.ingest.RawDocument;
import org.policysearch.ingest.RegionInfo;

/**
 * Measures metadata extraction against the shared corpus: every JSONL document is built with
 * {@link GivenMetadata#EMPTY} (the given region, year, type are hidden from the builder) and the extracted
 * province, city, county and year are compared with the given ones.
 *
 * <p>The title: JSONL keeps it in its own field, while a page or a file shows it above the text. The
 * title is therefore put as the first line of the text when the text does not already start with it
 * ("with title", the main figures); the run "text only" shows what the text alone gives.
 *
 * <p>{@code java … AccuracyReport [CORPUS_DIR] [--markdown docs/accuracy.md] [--misses FILE]}
 */
public final class AccuracyReport {
  /** Default corpus location, relative to the project root. */
  static final Path CORPUS = Path.of("..", "shared", "data", "corpus");

  /** One JSONL document with its truth. */
  record Truth(String file, int line, String id, String title, String region, Integer year, String type, String text) {}

  /** Counts of one measure. */
  static final class Tally {
    int n;
    int ok;

    void add(boolean correct) {
      n++;
      if (correct) ok++;
    }

    double rate() {
      return n == 0 ? 1 : (double) ok / n;
    }

    String cell() {
      return n == 0 ? "–" : String.format(Locale.ROOT, "%.2f%% (%d/%d)", 100.0 * rate(), ok, n);
    }
  }

  /** The figures of one run, overall and per file. */
  static final class Stats {
    final Map<String, Tally[]> byFile = new TreeMap<>();
    final Tally[] all = newTallies();
    final List<String> misses = new ArrayList<>();
    int failed;
    long millis;

    static Tally[] newTallies() {
      Tally[] t = new Tally[6];
      for (int i = 0; i < t.length; i++) t[i] = new Tally();
      return t;
    }

    Tally province() {
      return all[0];
    }

    Tally city() {
      return all[1];
    }

    Tally county() {
      return all[2];
    }

    Tally year() {
      return all[3];
    }

    /** Year where the title or the head of the text states the true year (see {@link #statesYear}). */
    Tally yearStated() {
      return all[4];
    }

    /** Type, where the corpus type maps to one of ours. */
    Tally type() {
      return all[5];
    }
  }

  private AccuracyReport() {}

  public static void main(String[] args) throws Exception {
    Path corpus = CORPUS;
    Path markdown = null;
    Path missesFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--markdown" -> markdown = Path.of(args[++i]);
        case "--misses" -> missesFile = Path.of(args[++i]);
        default -> corpus = Path.of(args[i]);
      }
    }
    StandardDocumentBuilder builder = StandardDocumentBuilder.load();
    List<Truth> truths = read(corpus);
    Stats withTitle = run(builder, truths, true);
    Stats textOnly = run(builder, truths, false);
    String md = markdown(withTitle, textOnly, truths.size(), String.join(" ", args));
    System.out.println(md);
    if (markdown != null) {
      Files.createDirectories(markdown.toAbsolutePath().getParent());
      Files.writeString(markdown, md, StandardCharsets.UTF_8);
    }
    if (missesFile != null) {
      Files.write(missesFile, withTitle.misses, StandardCharsets.UTF_8);
    }
  }

  static List<Truth> read(Path corpus) throws IOException {
    List<Truth> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          if (line.isBlank()) continue;
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          Integer year = o.has("year") && !o.get("year").isJsonNull() ? o.get("year").getAsInt() : null;
          out.add(new Truth(f.getFileName().toString(), n, str(o, "id"), str(o, "title"), str(o, "region"), year,
              str(o, "doc_type"), str(o, "text")));
        }
      }
    }
    return out;
  }

  private static String str(JsonObject o, String k) {
    return o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsString() : "";
  }

  static Stats run(StandardDocumentBuilder builder, List<Truth> truths, boolean withTitle) {
    long t0 = System.nanoTime();
    Stats stats = new Stats();
    List<Object[]> results = truths.parallelStream().map(t -> {
      String text = t.text();
      if (withTitle && !t.title().isEmpty() && !startsWithTitle(text, t.title())) text = t.title() + "\n" + text;
      try {
        return new Object[] {t, builder.build(new RawDocument(t.file(), t.line(), text, "jsonl", GivenMetadata.EMPTY, ""))};
      } catch (IngestException e) {
        return new Object[] {t, e};
      }
    }).collect(Collectors.toList());
    for (Object[] r : results) {
      Truth t = (Truth) r[0];
      Tally[] file = stats.byFile.computeIfAbsent(t.file(), k -> Stats.newTallies());
      if (r[1] instanceof IngestException e) {
        stats.failed++;
        stats.misses.add(t.id() + "\tbuild\t" + e.getMessage());
        continue;
      }
      compare(t, (PolicyDocument) r[1], builder.typeRules(), new Tally[][] {stats.all, file}, stats.misses);
    }
    stats.millis = (System.nanoTime() - t0) / 1_000_000;
    return stats;
  }

  private static boolean startsWithTitle(String text, String title) {
    String head = text.substring(0, Math.min(text.length(), title.length() + 200)).replaceAll("[#\\s]", "");
    return head.contains(title.replaceAll("\\s", ""));
  }

  static void compare(Truth t, PolicyDocument d, TypeRules typeRules, Tally[][] tallies, List<String> misses) {
    RegionInfo r = d.region();
    String[] parts = t.region().isEmpty() ? new String[0] : t.region().split("/");
    boolean national = t.region().equals("中华人民共和国");
    if (parts.length > 0) {
      String truthProvince = national ? RegionInfo.NATIONAL : parts[0];
      String got = r.national() ? RegionInfo.NATIONAL : r.province();
      boolean ok = truthProvince.equals(got);
      for (Tally[] x : tallies) x[0].add(ok);
      if (!ok) misses.add(miss(t, d, "province", truthProvince, got, "region"));
      boolean municipality = parts[0].equals("北京市") || parts[0].equals("天津市") || parts[0].equals("上海市")
          || parts[0].equals("重庆市");
      if (!national && !municipality && parts.length >= 2) {
        boolean cityOk = ok && parts[1].equals(r.city());
        for (Tally[] x : tallies) x[1].add(cityOk);
        if (!cityOk && ok) misses.add(miss(t, d, "city", parts[1], r.city(), "region"));
      }
      String truthCounty = municipality ? (parts.length >= 2 ? parts[1] : "") : (parts.length >= 3 ? parts[2] : "");
      if (!truthCounty.isEmpty()) {
        boolean countyOk = ok && truthCounty.equals(r.county());
        for (Tally[] x : tallies) x[2].add(countyOk);
        if (!countyOk && ok) misses.add(miss(t, d, "county", truthCounty, r.county(), "region"));
      }
    }
    if (t.year() != null) {
      Integer y = d.year();
      boolean ok = t.year().equals(y);
      for (Tally[] x : tallies) x[3].add(ok);
      boolean stated = statesYear(t, t.year());
      if (stated) for (Tally[] x : tallies) x[4].add(ok);
      if (!ok) misses.add(miss(t, d, stated ? "year" : "year(not stated)", String.valueOf(t.year()), String.valueOf(y), "date"));
    }
    typeRules.mapGiven(t.type()).ifPresent(truthType -> {
      boolean ok = truthType.equals(d.type());
      for (Tally[] x : tallies) x[5].add(ok);
      if (!ok) misses.add(miss(t, d, "type", truthType, d.type(), "type"));
    });
  }

  /** Chars at the start of a text where its date is stated, if anywhere: title, header lines, first paragraphs. */
  static final int HEAD_CHARS = 1500;

  /**
   * Whether the text states the year where a document's date is given: in its title, or in its head (the
   * first {@link #HEAD_CHARS} characters, before the first article of a regulation). A year only named
   * deep in the body (history, "本条例自…起施行" at the end) or nowhere is not the stated date.
   */
  static boolean statesYear(Truth t, int year) {
    String text = t.text();
    int end = Math.min(text.length(), HEAD_CHARS);
    int article = text.indexOf("第一条");
    if (article >= 0 && article < end) end = article;
    String head = text.substring(0, end);
    return t.title().contains(String.valueOf(year)) || head.contains(year + "年") || head.contains(year + "-")
        || head.contains(chineseYear(year) + "年");
  }

  static String chineseYear(int y) {
    String digits = "〇一二三四五六七八九";
    StringBuilder sb = new StringBuilder();
    for (char c : String.valueOf(y).toCharArray()) sb.append(digits.charAt(c - '0'));
    return sb.toString();
  }

  private static String miss(Truth t, PolicyDocument d, String field, String truth, String got, String evidenceField) {
    String ev = d.evidence().stream().filter(e -> e.field().equals(evidenceField)).map(Evidence::detail)
        .collect(Collectors.joining(" | "));
    return String.join("\t", t.id(), field, truth, got, t.title(), ev);
  }

  static String markdown(Stats withTitle, Stats textOnly, int docs, String args) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Metadata extraction accuracy on the shared corpus\n\n");
    sb.append("Produced by\n\n```sh\n")
        .append("mvn -q -B test-compile && java -cp target/classes:target/test-classes:$(cat target/runtime.classpath) \\\n")
        .append("  org.policysearch.ingest.meta.AccuracyReport").append(args.isEmpty() ? "" : " " + args)
        .append("\n```\n\n");
    sb.append(String.format(Locale.ROOT, "%d documents of `../shared/data/corpus/*.jsonl`, each built from its `text` with the given "
        + "metadata hidden (`GivenMetadata.EMPTY`), then compared with its given `region` and `year`. "
        + "\"With title\": the JSONL `title` is put as the first line when the text does not start with it (a page or "
        + "file shows its title above the text); \"text only\": the text alone.%n%n", docs));
    sb.append("| measure | with title | text only |\n|---|---|---|\n");
    String[] names = {"province (national counts as one)", "city (where the truth names one)", "county (where the truth names one)",
        "year (where the truth has one)", "year, where the title or head of the text states the true year", "type (where the corpus type maps to ours)"};
    for (int i = 0; i < names.length; i++) {
      sb.append("| ").append(names[i]).append(" | ").append(withTitle.all[i].cell()).append(" | ")
          .append(textOnly.all[i].cell()).append(" |\n");
    }
    sb.append(String.format(Locale.ROOT, "| documents that failed to build | %d | %d |%n", withTitle.failed, textOnly.failed));
    sb.append(String.format(Locale.ROOT, "| time (2 threads) | %.1f s | %.1f s |%n%n", withTitle.millis / 1000.0, textOnly.millis / 1000.0));
    sb.append("Per file, with title:\n\n| file | province | city | county | year | year (stated) | type |\n|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Tally[]> e : withTitle.byFile.entrySet()) {
      Tally[] t = e.getValue();
      sb.append("| ").append(e.getKey());
      for (int i : new int[] {0, 1, 2, 3, 4, 5}) sb.append(" | ").append(t[i].cell());
      sb.append(" |\n");
    }
    return sb.toString();
  }

  static Stats runDefault(Path corpus, boolean withTitle) {
    try {
      return run(StandardDocumentBuilder.load(), read(corpus), withTitle);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
