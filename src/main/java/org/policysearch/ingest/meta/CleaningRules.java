package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.policysearch.ingest.meta.CleaningRule.Kind;

/**
 * The cleaning rules as loaded from {@code cleaning-rules.tsv} (format documented in its header), plus
 * the one regex that recognises header and credit labels, built once from the rules. Immutable.
 */
public final class CleaningRules {
  public static final String FILE = "cleaning-rules.tsv";

  private final List<CleaningRule> rules;
  /** All header-field and credit-field labels followed by a colon; named group "r" + i is {@link #labelRules} i. */
  private final Pattern labelPattern;
  private final List<CleaningRule> labelRules;

  public CleaningRules(List<CleaningRule> rules) {
    this.rules = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (CleaningRule r : this.rules) {
      if (!names.add(r.name())) throw new IllegalArgumentException("duplicate cleaning rule name '" + r.name() + "'");
    }
    // Longer label regexes first, so 责任编辑 wins over 编辑 and 发布时间 over 时间 where both could match.
    this.labelRules = this.rules.stream()
        .filter(r -> r.kind() == Kind.HEADER_FIELD || r.kind() == Kind.CREDIT_FIELD)
        .sorted(Comparator.comparingInt((CleaningRule r) -> r.pattern().pattern().length()).reversed())
        .toList();
    StringBuilder sb = new StringBuilder("(?:");
    for (int i = 0; i < labelRules.size(); i++) {
      if (i > 0) sb.append('|');
      sb.append("(?<r").append(i).append('>').append(labelRules.get(i).pattern().pattern()).append(')');
    }
    sb.append(")\\s*[:：]");
    this.labelPattern = labelRules.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(sb.toString());
  }

  /** The rules shipped in the data file. */
  public static CleaningRules load() {
    return fromRows(DataFiles.readTsv(FILE));
  }

  /** Rules from TSV text in the data-file format (tests, or a user's extra file). */
  public static CleaningRules parse(String name, String tsv) {
    return fromRows(DataFiles.parseTsv(name, tsv));
  }

  static CleaningRules fromRows(List<DataFiles.Row> rows) {
    List<CleaningRule> out = new ArrayList<>();
    for (DataFiles.Row row : rows) {
      if (row.cells().size() < 3) throw row.error("expected name, kind, regex, comment separated by tabs");
      Kind kind;
      Pattern p;
      try {
        kind = Kind.of(row.cell(1));
        p = Pattern.compile(row.cell(2));
      } catch (IllegalArgumentException e) { // includes PatternSyntaxException
        throw row.error(e instanceof PatternSyntaxException ? "bad regex: " + e.getMessage() : e.getMessage());
      }
      try {
        out.add(new CleaningRule(row.cell(0), kind, p, row.cell(3)));
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
    }
    return new CleaningRules(out);
  }

  public List<CleaningRule> rules() {
    return rules;
  }

  public CleaningRule byName(String name) {
    for (CleaningRule r : rules) if (r.name().equals(name)) return r;
    throw new IllegalArgumentException("no cleaning rule named '" + name + "'");
  }

  List<CleaningRule> ofKind(Kind kind) {
    return rules.stream().filter(r -> r.kind() == kind).toList();
  }

  Pattern labelPattern() {
    return labelPattern;
  }

  List<CleaningRule> labelRules() {
    return labelRules;
  }
}
