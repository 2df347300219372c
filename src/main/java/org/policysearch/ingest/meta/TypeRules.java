package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The rules of {@code doc-types.tsv} (format in its header): votes for types, and given-type mapping. Immutable. */
public final class TypeRules {
  public static final String FILE = "doc-types.tsv";

  public enum Where { TITLE, SUBTITLE, HEAD, BODY, SOURCE }

  /** One vote: WEIGHT for TYPE when REGEX is found in WHERE. */
  public record Rule(String type, Where where, double weight, Pattern pattern, String comment) {}

  private final List<Rule> rules;
  private final Map<String, String> given;
  private final List<String> typeOrder;

  public TypeRules(List<Rule> rules, Map<String, String> given) {
    this.rules = List.copyOf(rules);
    this.given = Map.copyOf(given);
    List<String> order = new ArrayList<>();
    for (Rule r : this.rules) if (!order.contains(r.type())) order.add(r.type());
    this.typeOrder = List.copyOf(order);
  }

  public static TypeRules load() {
    return fromRows(DataFiles.readTsv(FILE));
  }

  public static TypeRules parse(String name, String tsv) {
    return fromRows(DataFiles.parseTsv(name, tsv));
  }

  static TypeRules fromRows(List<DataFiles.Row> rows) {
    List<Rule> rules = new ArrayList<>();
    Map<String, String> given = new LinkedHashMap<>();
    for (DataFiles.Row row : rows) {
      switch (row.cell(0)) {
        case "rule" -> {
          Where where;
          try {
            where = Where.valueOf(row.cell(2).toUpperCase(java.util.Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw row.error("unknown place '" + row.cell(2) + "'; valid: title, subtitle, head, body, source");
          }
          double weight;
          try {
            weight = Double.parseDouble(row.cell(3));
          } catch (NumberFormatException e) {
            throw row.error("weight is not a number: '" + row.cell(3) + "'");
          }
          Pattern p;
          try {
            p = Pattern.compile(row.cell(4));
          } catch (PatternSyntaxException e) {
            throw row.error("bad regex: " + e.getMessage());
          }
          rules.add(new Rule(row.cell(1), where, weight, p, row.cell(5)));
        }
        case "given" -> given.put(row.cell(1), row.cell(2));
        default -> throw row.error("a line starts with 'rule' or 'given', not '" + row.cell(0) + "'");
      }
    }
    return new TypeRules(rules, given);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Types in the order they first appear (the tie-break order). */
  List<String> typeOrder() {
    return typeOrder;
  }

  /**
   * What a given type becomes: the mapped type, the value itself when not listed, or empty when the
   * file says to ignore it ("-").
   */
  public Optional<String> mapGiven(String value) {
    String v = given.getOrDefault(value, value);
    return v.equals("-") || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
