package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.policysearch.text.TextNormalizer;

/** The themes of {@code themes.tsv} (format in its header), keywords normalised. Immutable. */
public final class ThemeTaxonomy {
  public static final String FILE = "themes.tsv";

  /**
   * A theme, the normalised keywords that show it, and the context words one of which must stand in the
   * same paragraph for the keywords to count (empty: none needed).
   */
  public record Theme(String name, List<String> keywords, List<String> context, String comment) {
    public Theme {
      keywords = List.copyOf(keywords);
      context = List.copyOf(context);
    }
  }

  private final List<Theme> themes;

  public ThemeTaxonomy(List<Theme> themes) {
    this.themes = List.copyOf(themes);
    Set<String> names = new HashSet<>();
    for (Theme t : this.themes) {
      if (!names.add(t.name())) throw new IllegalArgumentException("duplicate theme '" + t.name() + "'");
    }
  }

  public static ThemeTaxonomy load() {
    return fromRows(DataFiles.readTsv(FILE));
  }

  public static ThemeTaxonomy parse(String name, String tsv) {
    return fromRows(DataFiles.parseTsv(name, tsv));
  }

  static ThemeTaxonomy fromRows(List<DataFiles.Row> rows) {
    List<Theme> out = new ArrayList<>();
    for (DataFiles.Row row : rows) {
      if (row.cell(0).isEmpty() || row.cell(1).isEmpty()) throw row.error("expected theme <TAB> keywords|…");
      List<String> keywords = words(row.cell(1));
      if (keywords.isEmpty()) throw row.error("theme '" + row.cell(0) + "' has no keywords");
      String[] levels = row.cell(0).split("/", -1);
      if (levels.length > 2 || java.util.Arrays.stream(levels).anyMatch(String::isBlank)) {
        throw row.error("theme '" + row.cell(0) + "': write a top level, or top level/second level (科技、教育/学前教育)");
      }
      out.add(new Theme(row.cell(0), keywords, words(row.cell(2)), row.cell(3)));
    }
    return new ThemeTaxonomy(out);
  }

  private static List<String> words(String cell) {
    List<String> out = new ArrayList<>();
    for (String k : cell.split("\\|")) {
      String n = TextNormalizer.normalizeToString(k.strip());
      if (!n.isEmpty()) out.add(n);
    }
    return out;
  }

  /** The top levels, in the order of the file ("科技、教育" of "科技、教育/学前教育"). */
  public List<String> topLevels() {
    return themes.stream().map(t -> t.name().split("/")[0]).distinct().toList();
  }

  public List<Theme> themes() {
    return themes;
  }
}
