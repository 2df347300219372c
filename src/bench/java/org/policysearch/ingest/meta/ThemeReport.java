package org.policysearch.ingest.meta;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.policysearch.doc.DocumentJson;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.ThemeScore;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.RawDocument;

/**
 * The theme sample judged by reading (docs/themes-judged.jsonl) and the precision and coverage of the
 * themes assigned now.
 *
 * <p>{@code java … ThemeReport --sample N --out FILE}: a fixed sample of the shared corpus (every k-th line
 * of each file, the same each run) plus the bundled corpus, built as {@link AccuracyReport} builds them
 * (given metadata hidden, title above the text), one JSON line each with its themes, scores, evidence and the
 * head of its text, to be judged.
 *
 * <p>{@code java … ThemeReport --judged docs/themes-judged.jsonl}: rebuilds every judged document and
 * counts, over the themes assigned now, those a reader judged right ("right"), wrong ("wrong") and not
 * judged yet; coverage is the share of documents with a theme other than 其他, and how many of the 其他
 * the reader judged right.
 */
public final class ThemeReport {
  static final Path BUNDLED = Path.of("corpus");

  private ThemeReport() {}

  public static void main(String[] args) throws Exception {
    int sample = 0;
    Path out = null;
    Path judged = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sample" -> sample = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--judged" -> judged = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; valid: --sample N --out FILE, --judged FILE");
      }
    }
    StandardDocumentBuilder builder = StandardDocumentBuilder.load();
    Map<String, PolicyDocument> docs = build(builder);
    if (sample > 0) {
      List<String> lines = new ArrayList<>();
      for (String id : sample(docs.keySet(), sample)) lines.add(DocumentJson.GSON.toJson(forJudging(id, docs.get(id))));
      Files.write(out, lines, StandardCharsets.UTF_8);
      System.out.println("wrote " + lines.size() + " documents to " + out);
    }
    if (judged != null) System.out.println(measure(docs, Files.readAllLines(judged, StandardCharsets.UTF_8)));
  }

  /** Every document of the shared corpus and of the bundled corpus, by id. */
  static Map<String, PolicyDocument> build(StandardDocumentBuilder builder) throws Exception {
    Map<String, PolicyDocument> out = new TreeMap<>();
    for (AccuracyReport.Truth t : AccuracyReport.read(AccuracyReport.CORPUS)) {
      String text = t.title().isEmpty() || t.text().startsWith(t.title()) ? t.text() : t.title() + "\n" + t.text();
      out.put(t.id(), builder.build(new RawDocument(t.file(), t.line(), text, "jsonl", GivenMetadata.EMPTY, "")));
    }
    if (Files.isDirectory(BUNDLED)) {
      try (var s = Files.list(BUNDLED)) {
        for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          String name = p.getFileName().toString();
          out.put(name, builder.build(new RawDocument(name, 0, Files.readString(p), "UTF-8", GivenMetadata.EMPTY, "")));
        }
      }
    }
    return out;
  }

  /** Every bundled document and every k-th of the others, in id order: the same sample each run. */
  static List<String> sample(Set<String> ids, int n) {
    List<String> all = new ArrayList<>(ids);
    List<String> out = new ArrayList<>();
    for (String id : all) if (!id.startsWith("law-") && !id.contains("-")) out.add(id);
    List<String> rest = all.stream().filter(id -> !out.contains(id)).toList();
    double step = (double) rest.size() / Math.max(1, n - out.size());
    for (double x = 0; x < rest.size() && out.size() < n; x += step) out.add(rest.get((int) x));
    return out;
  }

  private static JsonObject forJudging(String id, PolicyDocument d) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("title", d.title());
    JsonArray themes = new JsonArray();
    for (ThemeScore t : d.themeScores()) themes.add(t.theme() + " (" + t.score() + ": " + t.evidence() + ")");
    o.add("themes", themes);
    String body = d.bodyText().replace('\n', ' ');
    o.addProperty("head", body.substring(0, Math.min(160, body.length())));
    return o;
  }

  /** Precision and coverage of the themes assigned now, against the reader's judgments. */
  static String measure(Map<String, PolicyDocument> docs, List<String> judgedLines) {
    int right = 0;
    int wrong = 0;
    int unjudged = 0;
    int documents = 0;
    int covered = 0;
    int other = 0;
    int otherRight = 0;
    List<String> wrongOnes = new ArrayList<>();
    for (String line : judgedLines) {
      if (line.isBlank()) continue;
      JsonObject j = JsonParser.parseString(line).getAsJsonObject();
      String id = j.get("id").getAsString();
      PolicyDocument d = docs.get(id);
      if (d == null) throw new IllegalStateException("judged document " + j.get("id") + " is not in the corpus");
      documents++;
      Set<String> ok = strings(j, "right");
      Set<String> bad = strings(j, "wrong");
      if (d.themes().equals(List.of(ThemeTagger.OTHER))) {
        other++;
        if (ok.contains(ThemeTagger.OTHER)) otherRight++;
      } else {
        covered++;
      }
      for (String t : d.themes()) {
        if (ok.contains(t)) right++;
        else if (bad.contains(t)) {
          wrong++;
          wrongOnes.add(id + " " + d.title() + ": " + t);
        } else unjudged++;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "documents judged: %d%n", documents));
    sb.append(String.format(Locale.ROOT, "precision: %.2f%% (%d right of %d judged themes; %d not judged)%n",
        100.0 * right / Math.max(1, right + wrong), right, right + wrong, unjudged));
    sb.append(String.format(Locale.ROOT, "coverage: %.2f%% (%d/%d with a theme other than 其他); 其他 judged right: %d/%d%n",
        100.0 * covered / Math.max(1, documents), covered, documents, otherRight, other));
    long otherAll = docs.values().stream().filter(d -> d.themes().equals(List.of(ThemeTagger.OTHER))).count();
    sb.append(String.format(Locale.ROOT, "whole corpus: %d of %d documents get only 其他%n", otherAll, docs.size()));
    for (String w : wrongOnes) sb.append("wrong: ").append(w).append('\n');
    return sb.toString();
  }

  private static Set<String> strings(JsonObject j, String key) {
    Set<String> out = new HashSet<>();
    if (j.has(key)) j.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
    return out;
  }
}
