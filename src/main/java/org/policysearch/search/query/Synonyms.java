package org.policysearch.search.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policysearch.text.TextNormalizer;

/**
 * Policy-term synonyms and abbreviations, applied at query time only (so editing the file never needs a
 * reindex) and shown in the query interpretation.
 *
 * <p>File format (UTF-8): one group per line, terms separated by commas (ASCII or Chinese);
 * {@code #} starts a comment. Every term of a group finds the others:
 * <pre>双减, 减轻学生作业负担和校外培训负担, 减轻义务教育阶段学生作业负担和校外培训负担</pre>
 * A one-way rule {@code 教联体 => 教育联合体} expands the left side only.
 */
public final class Synonyms {
  public static final String RESOURCE = "/org/policysearch/search/synonyms.txt";
  public static final Synonyms NONE = new Synonyms(Map.of());

  private final Map<String, List<String>> expansions;

  private Synonyms(Map<String, List<String>> expansions) {
    this.expansions = expansions;
  }

  /** The bundled file, or {@code override} when given. */
  public static Synonyms load(Path override) {
    try {
      if (override != null) {
        try (Reader r = Files.newBufferedReader(override, StandardCharsets.UTF_8)) {
          return parse(r, override.toString());
        }
      }
      try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read synonyms " + (override != null ? override : RESOURCE), e);
    }
  }

  public static Synonyms parse(Reader reader, String name) throws IOException {
    Map<String, Set<String>> m = new HashMap<>();
    BufferedReader br = new BufferedReader(reader);
    String line;
    int no = 0;
    while ((line = br.readLine()) != null) {
      no++;
      int hash = line.indexOf('#');
      if (hash >= 0) line = line.substring(0, hash);
      line = line.strip();
      if (line.isEmpty()) continue;
      if (line.contains("=>")) {
        String[] sides = line.split("=>", -1);
        if (sides.length != 2) throw new IOException(name + ":" + no + ": a one-way rule has exactly one '=>'");
        List<String> left = terms(sides[0]);
        List<String> right = terms(sides[1]);
        if (left.isEmpty() || right.isEmpty()) throw new IOException(name + ":" + no + ": both sides of '=>' need a term");
        for (String l : left) m.computeIfAbsent(l, k -> new LinkedHashSet<>()).addAll(right);
      } else {
        List<String> group = terms(line);
        if (group.size() < 2) throw new IOException(name + ":" + no + ": a synonym group needs at least two terms");
        for (String t : group) {
          Set<String> others = m.computeIfAbsent(t, k -> new LinkedHashSet<>());
          for (String o : group) if (!o.equals(t)) others.add(o);
        }
      }
    }
    Map<String, List<String>> frozen = new HashMap<>();
    m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Synonyms(Map.copyOf(frozen));
  }

  private static List<String> terms(String s) {
    List<String> out = new ArrayList<>();
    for (String t : s.split("[,，、]")) {
      String n = TextNormalizer.normalizeToString(t);
      if (!n.isEmpty()) out.add(n);
    }
    return out;
  }

  /** Other terms that a normalised term stands for (empty when none). */
  public List<String> expand(String normalized) {
    return expansions.getOrDefault(normalized, List.of());
  }

  public int size() {
    return expansions.size();
  }
}
