package org.policysearch.ingest.meta;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;

/**
 * Year and region accuracy on documents the project has never seen: {@code docs/unseen-documents.jsonl},
 * written for the purpose in the style of local work reports (county, city, province, 2000–2026), speeches,
 * city regulations, rules and notices, each judged by reading (its {@code region}, {@code year}, the kind of
 * date that decides the year, and a {@code judgment} saying why), and each marked with the traps it holds
 * (delivered-vs-reviewed, chinese-numerals, several-dates, renamed-county, renamed-city, name-inside-name,
 * same-name, one-character-stem). Every document is built from its text alone, as ingest builds a file, and
 * compared: the region path exactly (province › city › county), the year exactly. Reported by document type,
 * by level and by trap, with every miss.
 *
 * <pre>java -cp target/classes:target/bench-classes:$(cat target/runtime.classpath) \
 *   org.policysearch.ingest.meta.UnseenReport [docs/unseen-documents.jsonl] [--markdown FILE]</pre>
 */
public final class UnseenReport {
  public static final Path SET = Path.of("docs/unseen-documents.jsonl");

  private UnseenReport() {}

  /** One judged document. */
  record Judged(String id, String type, String level, String region, int year, String dateKind, List<String> traps,
                String judgment, String text, String batch) {}

  /** What extraction gave for one document; {@code docxRegion}, {@code docxYear}: the same text read from a .docx. */
  record Outcome(Judged truth, String region, Integer year, String asWritten, String docxRegion, Integer docxYear) {
    boolean docxRight() {
      return truth.region().equals(docxRegion) && docxYear != null && docxYear == truth.year();
    }

    boolean regionRight() {
      return truth.region().equals(region);
    }

    boolean yearRight() {
      return year != null && year == truth.year();
    }
  }

  /** Right out of all. */
  static final class Tally {
    int right;
    int all;

    void add(boolean ok) {
      all++;
      if (ok) right++;
    }

    double rate() {
      return all == 0 ? 1 : (double) right / all;
    }

    String cell() {
      return all == 0 ? "–" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * right / all, right, all);
    }
  }

  /** The tallies of a run. */
  record Result(List<Outcome> outcomes) {
    Map<String, Tally[]> by(java.util.function.Function<Outcome, List<String>> key) {
      Map<String, Tally[]> m = new TreeMap<>();
      for (Outcome o : outcomes) {
        for (String k : key.apply(o)) {
          Tally[] t = m.computeIfAbsent(k, x -> new Tally[] {new Tally(), new Tally()});
          t[0].add(o.yearRight());
          t[1].add(o.regionRight());
        }
      }
      return m;
    }

    /** Year and region tallies of one document type (工作报告, 法规 …), or of all when null. */
    Tally[] of(String type, String level) {
      Tally[] t = {new Tally(), new Tally()};
      for (Outcome o : outcomes) {
        if (type != null && !o.truth().type().equals(type)) continue;
        if (level != null && !o.truth().level().equals(level)) continue;
        t[0].add(o.yearRight());
        t[1].add(o.regionRight());
      }
      return t;
    }
  }

  static List<Judged> read(Path set) throws IOException {
    List<Judged> out = new ArrayList<>();
    for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      List<String> traps = new ArrayList<>();
      for (JsonElement e : o.getAsJsonArray("traps")) traps.add(e.getAsString());
      out.add(new Judged(o.get("id").getAsString(), o.get("type").getAsString(), o.get("level").getAsString(),
          o.get("region").getAsString(), o.get("year").getAsInt(), o.get("date_kind").getAsString(), traps,
          o.get("judgment").getAsString(), o.get("text").getAsString(),
          o.has("batch") ? o.get("batch").getAsString() : "first"));
    }
    return out;
  }

  static Result run(StandardDocumentBuilder builder, List<Judged> set) throws IngestException, IOException {
    Map<String, PolicyDocument> fromDocx = viaDocx(builder, set);
    List<Outcome> out = new ArrayList<>();
    for (Judged j : set) {
      PolicyDocument d = builder.build(new RawDocument(j.id() + ".txt", 0, j.text(), "UTF-8", GivenMetadata.EMPTY, ""));
      PolicyDocument x = fromDocx.get(j.id() + ".docx");
      out.add(new Outcome(j, d.region().path(), d.year(), d.region().asWritten(), x == null ? "" : x.region().path(),
          x == null ? null : x.year()));
    }
    return new Result(out);
  }

  /**
   * Every document saved as a .docx (one Word paragraph a line, as the held-out city regulations come) and
   * read back through the ingest of a corpus folder: the reader, the cleaning and the builder, as a user's
   * files are read. Keyed by file name.
   */
  static Map<String, PolicyDocument> viaDocx(StandardDocumentBuilder builder, List<Judged> set) throws IOException {
    Path dir = Files.createTempDirectory("unseen-docx");
    try {
      for (Judged j : set) {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.OutputStream os = Files.newOutputStream(dir.resolve(j.id() + ".docx"))) {
          for (String line : j.text().split("\n")) doc.createParagraph().createRun().setText(line);
          doc.write(os);
        }
      }
      org.policysearch.ingest.IngestRun run = new org.policysearch.ingest.Ingester(org.policysearch.ingest.IngestConfig.DEFAULTS,
          builder).ingestAll(dir);
      Map<String, PolicyDocument> out = new TreeMap<>();
      for (PolicyDocument d : run.documents()) out.put(d.file(), d);
      return out;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) Files.delete(f);
      }
      Files.delete(dir);
    }
  }

  static String markdown(Result r, String command) {
    StringBuilder sb = new StringBuilder();
    sb.append("## Documents never seen: work reports, speeches, regulations written for the purpose\n\n");
    sb.append("Produced by\n\n```sh\n").append(command).append("\n```\n\n");
    sb.append(r.outcomes().size()).append(" documents of `docs/unseen-documents.jsonl`, written for this measurement in the style of ")
        .append("local work reports (county, city, province; 2001–2026), speeches, city regulations, a government rule and notices, ")
        .append("none taken from `../shared/data/corpus`. Each carries its truth as judged by reading (region path, year, and the ")
        .append("kind of date the year is taken from by the rule of the README: reports and speeches by the year delivered, ")
        .append("regulations by their version's publication or adoption, notices by their publication) and a `judgment` saying ")
        .append("why. Built from the text alone (`GivenMetadata.EMPTY`); the region must match the whole path, ")
        .append("province › city › county, and the year exactly.\n\n");
    sb.append("| document type | level | year | region path exact |\n|---|---|---|---|\n");
    Map<String, Tally[]> byTypeLevel = r.by(o -> List.of(o.truth().type() + " | " + o.truth().level()));
    byTypeLevel.forEach((k, t) -> sb.append("| ").append(k).append(" | ").append(t[0].cell()).append(" | ").append(t[1].cell()).append(" |\n"));
    Tally[] all = r.of(null, null);
    sb.append("| **all** | | ").append(all[0].cell()).append(" | ").append(all[1].cell()).append(" |\n\n");
    Tally docx = new Tally();
    r.outcomes().forEach(o -> docx.add(o.docxRight()));
    sb.append("Saved as .docx (one Word paragraph a line) and read through the ingest of a corpus folder, year and region ")
        .append("both right: ").append(docx.cell()).append(".\n\n");
    sb.append("By level:\n\n| level | year | region path exact |\n|---|---|---|\n");
    r.by(o -> List.of(o.truth().level())).forEach((k, t) ->
        sb.append("| ").append(k).append(" | ").append(t[0].cell()).append(" | ").append(t[1].cell()).append(" |\n"));
    sb.append("\nBy trap (a document may hold several):\n\n| trap | year | region path exact |\n|---|---|---|\n");
    r.by(o -> o.truth().traps()).forEach((k, t) ->
        sb.append("| ").append(k).append(" | ").append(t[0].cell()).append(" | ").append(t[1].cell()).append(" |\n"));
    List<Outcome> held = r.outcomes().stream().filter(o -> o.truth().batch().equals("holdout")).toList();
    if (!held.isEmpty()) {
      sb.append("\nThe ").append(held.size()).append(" documents marked `batch: holdout` were written after the changes to the extractor ")
          .append("that the first ").append(r.outcomes().size() - held.size()).append(" led to, and never tuned on:\n\n")
          .append("| document type | level | year | region path exact |\n|---|---|---|---|\n");
      Result h = new Result(held);
      h.by(o -> List.of(o.truth().type() + " | " + o.truth().level())).forEach((k, t) ->
          sb.append("| ").append(k).append(" | ").append(t[0].cell()).append(" | ").append(t[1].cell()).append(" |\n"));
      Tally[] ha = h.of(null, null);
      sb.append("| **holdout** | | ").append(ha[0].cell()).append(" | ").append(ha[1].cell()).append(" |\n");
    }
    sb.append("\nFormer names kept as written (region `as_written`): ");
    List<String> written = new ArrayList<>();
    for (Outcome o : r.outcomes()) if (!o.asWritten().isEmpty()) written.add(o.truth().id() + " → " + o.asWritten());
    sb.append(written.isEmpty() ? "none" : String.join("; ", written)).append(".\n\n");
    List<Outcome> misses = r.outcomes().stream().filter(o -> !o.yearRight() || !o.regionRight() || !o.docxRight()).toList();
    sb.append("Misses: ").append(misses.isEmpty() ? "none.\n" : "\n\n| id | judged | extracted | judgment |\n|---|---|---|---|\n");
    for (Outcome o : misses) {
      sb.append("| ").append(o.truth().id()).append(" | ").append(o.truth().region()).append(", ").append(o.truth().year())
          .append(" | ").append(o.region().isEmpty() ? "–" : o.region()).append(", ").append(o.year() == null ? "–" : o.year())
          .append(o.docxRight() ? "" : " (.docx: " + o.docxRegion() + ", " + o.docxYear() + ")")
          .append(" | ").append(o.truth().judgment()).append(" |\n");
    }
    return sb.toString();
  }

  public static void main(String[] args) throws Exception {
    Path set = SET;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--markdown")) out = Path.of(args[++i]);
      else set = Path.of(args[i]);
    }
    Result r = run(StandardDocumentBuilder.load(), read(set));
    String md = markdown(r, "java -cp target/classes:target/bench-classes:$(cat target/runtime.classpath) \\\n"
        + "  org.policysearch.ingest.meta.UnseenReport" + (args.length == 0 ? "" : " " + String.join(" ", args)));
    System.out.println(md);
    if (out != null) Files.writeString(out, md, StandardCharsets.UTF_8);
  }
}
