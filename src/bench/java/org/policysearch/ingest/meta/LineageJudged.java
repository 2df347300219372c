package org.policysearch.ingest.meta;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The figures of docs/lineage.md recomputed from the judged sample (docs/lineage-judged.jsonl): each line a
 * citation-like span drawn by {@link LineageSample}, what the system made of it ({@code sys_*}) and the
 * judgment read from the text ({@code judge}: {@code citation} whether the span names a document,
 * {@code title_ok} whether what was extracted is what is cited, {@code relation}, {@code target} the indexed
 * document meant or null).
 *
 * <pre>java -cp target/classes:target/bench-classes:$(cat target/runtime.classpath) \
 *   org.policysearch.ingest.meta.LineageJudged docs/lineage-judged.jsonl</pre>
 */
public final class LineageJudged {
  private LineageJudged() {}

  /** Counts behind the figures. */
  public record Figures(int spans, int citations, int extracted, int extractedRight, int relationRight, int relationJudged,
                        int linked, int linkedRight, int withTarget, int foundTarget) {
    double extractionPrecision() {
      return ratio(extractedRight, extracted);
    }

    double extractionRecall() {
      return ratio(extractedRight, citations);
    }

    double relationAccuracy() {
      return ratio(relationRight, relationJudged);
    }

    double resolutionPrecision() {
      return ratio(linkedRight, linked);
    }

    double resolutionRecall() {
      return ratio(foundTarget, withTarget);
    }

    private static double ratio(int a, int b) {
      return b == 0 ? Double.NaN : (double) a / b;
    }

    /** The table docs/lineage.md carries, exactly. */
    public String table() {
      return String.join("\n",
          "| measure | on | value |",
          "|---|---|---|",
          row("extraction precision", extractedRight + " / " + extracted + " extracted", extractionPrecision()),
          row("extraction recall", extractedRight + " / " + citations + " citations", extractionRecall()),
          row("relation accuracy", relationRight + " / " + relationJudged + " extracted citations", relationAccuracy()),
          row("resolution precision", linkedRight + " / " + linked + " links", resolutionPrecision()),
          row("resolution recall", foundTarget + " / " + withTarget + " citations of an indexed document", resolutionRecall()))
          + "\n";
    }

    private static String row(String name, String on, double v) {
      return "| " + name + " | " + on + " | " + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v) + " |";
    }
  }

  /**
   * The first item judged after the resolution rule last changed (items are numbered in the order drawn):
   * the items from here on measure it held out.
   */
  public static final int HELD_OUT_FROM = 78;

  public static Figures compute(Path judged) throws IOException {
    return compute(judged, 0);
  }

  /** The figures of the items numbered {@code from} and later. */
  public static Figures compute(Path judged, int from) throws IOException {
    List<String> lines = Files.readAllLines(judged, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
        .filter(l -> JsonParser.parseString(l).getAsJsonObject().get("n").getAsInt() >= from).toList();
    int citations = 0, extracted = 0, extractedRight = 0, relationRight = 0, relationJudged = 0, linked = 0, linkedRight = 0,
        withTarget = 0, foundTarget = 0;
    for (String line : lines) {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      JsonObject j = o.getAsJsonObject("judge");
      boolean citation = j.get("citation").getAsBoolean();
      boolean sysExtracted = o.get("sys_extracted").getAsBoolean();
      String sysTarget = string(o.get("sys_target"));
      String target = string(j.get("target"));
      if (citation) citations++;
      if (sysExtracted) {
        extracted++;
        boolean right = citation && j.get("title_ok").getAsBoolean();
        if (right) extractedRight++;
        if (right) {
          relationJudged++;
          if (Objects.equals(string(o.get("sys_relation")), string(j.get("relation")))) relationRight++;
        }
      }
      if (sysTarget != null) {
        linked++;
        if (sysTarget.equals(target)) linkedRight++;
      }
      if (citation && target != null) {
        withTarget++;
        if (target.equals(sysTarget)) foundTarget++;
      }
    }
    return new Figures(lines.size(), citations, extracted, extractedRight, relationRight, relationJudged, linked, linkedRight,
        withTarget, foundTarget);
  }

  private static String string(JsonElement e) {
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  public static void main(String[] args) throws IOException {
    Figures f = compute(Path.of(args.length > 0 ? args[0] : "docs/lineage-judged.jsonl"));
    System.out.printf("%d spans judged, %d of them citations of a document%n%n", f.spans(), f.citations());
    System.out.print(f.table());
    Figures h = compute(Path.of(args.length > 0 ? args[0] : "docs/lineage-judged.jsonl"), HELD_OUT_FROM);
    System.out.printf("%nitems %d and later (%d spans, %d citations):%n%n", HELD_OUT_FROM, h.spans(), h.citations());
    System.out.print(h.table());
  }
}
