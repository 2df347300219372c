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
import org.policysearch.doc.Evidence;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;

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

  /** A document whose extracted value differs from the corpus, and why as far as the text tells. */
  record Miss(String id, String field, String truth, String got, String title, String why, String evidence) {
    String tsv() {
      return String.join("\t", id, field, truth, got, title, why, evidence);
    }
  }

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
    final List<Miss> misses = new ArrayList<>();
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
      Files.write(missesFile, withTitle.misses.stream().map(Miss::tsv).toList(), StandardCharsets.UTF_8);
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
        stats.misses.add(new Miss(t.id(), "build", "", "", t.title(), e.getMessage(), ""));
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

  static void compare(Truth t, PolicyDocument d, TypeRules typeRules, Tally[][] tallies, List<Miss> misses) {
    RegionInfo r = d.region();
    String[] parts = t.region().isEmpty() ? new String[0] : t.region().split("/");
    boolean national = t.region().equals("中华人民共和国");
    if (parts.length > 0) {
      String truthProvince = national ? RegionInfo.NATIONAL : parts[0];
      String got = r.national() ? RegionInfo.NATIONAL : r.province();
      boolean ok = truthProvince.equals(got);
      for (Tally[] x : tallies) x[0].add(ok);
      if (!ok) misses.add(miss(t, d, "province", truthProvince, got, "region", whyProvince(truthProvince, got, d)));
      boolean municipality = parts[0].equals("北京市") || parts[0].equals("天津市") || parts[0].equals("上海市")
          || parts[0].equals("重庆市");
      if (!national && !municipality && parts.length >= 2) {
        boolean cityOk = ok && parts[1].equals(r.city());
        for (Tally[] x : tallies) x[1].add(cityOk);
        if (!cityOk && ok) misses.add(miss(t, d, "city", parts[1], r.city(), "region", ""));
      }
      String truthCounty = municipality ? (parts.length >= 2 ? parts[1] : "") : (parts.length >= 3 ? parts[2] : "");
      if (!truthCounty.isEmpty()) {
        boolean countyOk = ok && truthCounty.equals(r.county());
        for (Tally[] x : tallies) x[2].add(countyOk);
        if (!countyOk && ok) misses.add(miss(t, d, "county", truthCounty, r.county(), "region", ""));
      }
    }
    if (t.year() != null) {
      Integer y = d.year();
      boolean ok = t.year().equals(y);
      for (Tally[] x : tallies) x[3].add(ok);
      boolean stated = statesYear(t, t.year());
      if (stated) for (Tally[] x : tallies) x[4].add(ok);
      if (!ok) {
        misses.add(miss(t, d, stated ? "year" : "year(not stated)", String.valueOf(t.year()), String.valueOf(y), "date",
            stated ? whyYear(t, y) : "the true year is not in the title or head of the text"));
      }
    }
    typeRules.mapGiven(t.type()).ifPresent(truthType -> {
      boolean ok = truthType.equals(d.type());
      for (Tally[] x : tallies) x[5].add(ok);
      if (!ok) misses.add(miss(t, d, "type", truthType, d.type(), "type", ""));
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

  private static Miss miss(Truth t, PolicyDocument d, String field, String truth, String got, String evidenceField, String why) {
    String ev = d.evidence().stream().filter(e -> e.field().equals(evidenceField)).map(Evidence::detail)
        .collect(Collectors.joining(" | "));
    return new Miss(t.id(), field, truth, got, t.title(), why, ev);
  }

  static String whyProvince(String truth, String got, PolicyDocument d) {
    if (truth.equals(RegionInfo.NATIONAL)) {
      if (got.isEmpty()) return "national, but the text names neither a place nor a national body";
      if (d.type().equals("案例")) return "a case write-up: the text names the local court and parties, the corpus its national publisher";
      return "national text about one place, without a national issuer in its title or head";
    }
    if (got.equals(RegionInfo.NATIONAL)) return "local text read as national";
    if (got.isEmpty()) return "local, but no place is named";
    return "another province's names outweigh its own";
  }

  private static final java.util.regex.Pattern HEADER_DATE = java.util.regex.Pattern.compile("(\\d{4})年\\d{1,2}月\\d{1,2}日");

  static String whyYear(Truth t, Integer got) {
    String y = String.valueOf(t.year());
    if (java.util.regex.Pattern.compile("自" + y + "年\\d{1,2}月\\d{1,2}日起?施行|" + y + "年\\d{1,2}月\\d{1,2}日\\s*施行").matcher(t.text()).find()) {
      return "the corpus dates it by its effective date (施行); the text's latest adoption or amendment is another year";
    }
    int end = Math.min(t.text().length(), HEAD_CHARS);
    int article = t.text().indexOf("第一条");
    if (article >= 0 && article < end) end = article;
    java.util.regex.Matcher m = HEADER_DATE.matcher(t.text().substring(0, end));
    boolean listed = false;
    int latest = 0;
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      latest = Math.max(latest, year);
      if (m.group(1).equals(y)) listed = true;
    }
    if (listed && latest > t.year()) return "the corpus dates it by an earlier version listed in its header; the text carries later amendments";
    if (latest > 0 && latest < t.year()) return "the corpus date is later than every date the header states (publication)";
    return "other";
  }

  static String markdown(Stats withTitle, Stats textOnly, int docs, String args) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Metadata extraction accuracy on the shared corpus\n\n");
    sb.append("Produced by\n\n```sh\n")
        .append("mvn -q -B process-classes && java -cp target/classes:target/bench-classes:$(cat target/runtime.classpath) \\\n")
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
    sb.append("\n## Remaining misses (with title), by cause\n\n");
    sb.append("The cause is read from the text by the harness (`AccuracyReport.whyProvince`, `whyYear`); every ");
    sb.append("miss below was looked at. A year \"not stated\" is one that is not in the title nor in the head of the text ");
    sb.append("(the first " + HEAD_CHARS + " characters, before the first article): it can only come from where the corpus got ");
    sb.append("it (the name of the source file).\n\n| field | cause | count |\n|---|---|---|\n");
    Map<String, Integer> causes = new TreeMap<>();
    for (Miss m : withTitle.misses) {
      if (m.field().equals("type")) continue;
      causes.merge(m.field() + "\t" + (m.why().isEmpty() ? "–" : m.why()), 1, Integer::sum);
    }
    causes.forEach((k, v) -> {
      String[] kv = k.split("\t");
      sb.append("| ").append(kv[0]).append(" | ").append(kv[1]).append(" | ").append(v).append(" |\n");
    });
    sb.append("\nEvery province miss and every miss of a stated year:\n\n| id | field | corpus | extracted | title | cause |\n|---|---|---|---|---|---|\n");
    for (Miss m : withTitle.misses) {
      if (!m.field().equals("province") && !m.field().equals("year") && !m.field().equals("city")) continue;
      sb.append("| ").append(m.id()).append(" | ").append(m.field()).append(" | ").append(m.truth()).append(" | ")
          .append(m.got().isEmpty() ? "–" : m.got()).append(" | ").append(m.title().replace("|", "｜")).append(" | ")
          .append(m.why()).append(" |\n");
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
