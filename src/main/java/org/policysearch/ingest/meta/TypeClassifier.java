package org.policysearch.ingest.meta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Votes for a document type (讲话, 会议报道, 署名文章, 法规, 政府工作报告, …) with the rules of
 * {@link TypeRules}: each rule found in its part of the text adds its weight once; the highest total
 * wins. Thread-safe.
 */
public final class TypeClassifier {
  /** Paragraphs after the title read as the "head". */
  static final int HEAD_BLOCKS = 3;

  private final TypeRules rules;

  public TypeClassifier(TypeRules rules) {
    this.rules = rules;
  }

  /** The type ("" when no rule fired) and the rules that voted. */
  public record Result(String type, String detail) {}

  public Result classify(String title, String subtitle, List<Block> blocks, int titleBlock, String source) {
    List<String> head = new java.util.ArrayList<>();
    for (int i = 0; i < blocks.size() && head.size() < HEAD_BLOCKS; i++) {
      if (i == titleBlock || blocks.get(i).text().equals(subtitle)) continue;
      head.add(blocks.get(i).text());
    }
    Map<String, Double> score = new LinkedHashMap<>();
    Map<String, StringBuilder> why = new LinkedHashMap<>();
    for (TypeRules.Rule r : rules.rules()) {
      boolean hit = switch (r.where()) {
        case TITLE -> r.pattern().matcher(title).find();
        case SUBTITLE -> r.pattern().matcher(subtitle).find();
        case SOURCE -> r.pattern().matcher(source).find();
        case HEAD -> head.stream().anyMatch(t -> r.pattern().matcher(t).find());
        case BODY -> blocks.stream().anyMatch(b -> r.pattern().matcher(b.text()).find());
      };
      if (!hit) continue;
      score.merge(r.type(), r.weight(), Double::sum);
      why.computeIfAbsent(r.type(), k -> new StringBuilder())
          .append(why.get(r.type()).isEmpty() ? "" : ", ").append(r.where().name().toLowerCase(Locale.ROOT))
          .append(" /").append(r.pattern().pattern().length() > 24 ? r.pattern().pattern().substring(0, 24) + "…" : r.pattern().pattern()).append('/');
    }
    String best = "";
    double bestScore = 0;
    for (String type : rules.typeOrder()) {
      double s = score.getOrDefault(type, 0.0);
      if (s > bestScore) {
        best = type;
        bestScore = s;
      }
    }
    if (best.isEmpty()) return new Result("", "no rule fired");
    StringBuilder detail = new StringBuilder();
    score.forEach((t, s) -> {
      if (!detail.isEmpty()) detail.append("; ");
      detail.append(t).append(String.format(Locale.ROOT, " %.0f", s));
    });
    return new Result(best, detail + " — " + best + ": " + why.get(best));
  }
}
