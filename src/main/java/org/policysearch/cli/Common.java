package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.policysearch.Config;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.index.vector.BgeEmbedder;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Interpretation;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.Span;

/** What the commands share: configuration from options, analyzers and vectors as configured, filters, printing passages. */
final class Common {
  private Common() {}

  static final Set<String> LOCATION = Set.of("corpus", "index");
  static final Set<String> FILTERS = Set.of("region", "year", "from", "to", "theme", "type", "effective-on", "cites");

  static Set<String> union(Set<String>... sets) {
    Set<String> out = new TreeSet<>();
    for (Set<String> s : sets) out.addAll(s);
    return out;
  }

  /** The configuration file of the project home, then --corpus and --index. */
  static Config config(Args a) throws IOException {
    Config c = Config.load(Config.defaultHome());
    Path corpus = a.get("corpus", null) == null ? c.corpus() : Path.of(a.get("corpus", null)).toAbsolutePath().normalize();
    Path index = a.get("index", null) == null ? c.index() : Path.of(a.get("index", null)).toAbsolutePath().normalize();
    return c.withLocation(corpus, index);
  }

  static Analyzers analyzers(Config c) {
    return new Analyzers(c.stockAnalyzer());
  }

  /** The vectors and their model as configured: off with {@code semantic=false} (nothing loaded or touched). */
  static SemanticIndex semantic(Config c, PrintStream log) throws IOException {
    SemanticIndex.Setup s = semanticSetup(c, log);
    if (s == null) return SemanticIndex.off();
    return SemanticIndex.open(new IndexLayout(c.index()), s.embedder(), s.settings(), s.threads(), s.log());
  }

  /** What semantic search is made with as configured (the model loads on first use), or null with {@code semantic=false}. */
  static SemanticIndex.Setup semanticSetup(Config c, PrintStream log) {
    if (!c.semantic()) return null;
    return new SemanticIndex.Setup(new BgeEmbedder(c.semanticThreads()), VectorBuilder.Settings.DEFAULTS, c.semanticThreads(), log);
  }

  /** The options every reading command shares, for its --help. */
  static final String LOCATION_HELP = ""
      + "  --index DIR      the index to read (default: index/ in the project, or policy-search.properties)\n"
      + "  --corpus DIR     the corpus folder (only for the default index location)\n";
  static final String FILTER_HELP = ""
      + "  --region R       a region as people write it: a path (湖北省/鄂州市), a name (青岛市) or short form (青岛, 山东),\n"
      + "                   a province abbreviation (鲁), or 全国 / 中华人民共和国 / 中央; repeatable (values OR)\n"
      + "  --year Y         a year; repeatable.  --from Y / --to Y  a range of years (inclusive)\n"
      + "  --theme T        a theme as the index holds it (see 'stats'); repeatable\n"
      + "  --type T         a document type as the index holds it (讲话, 工作报告, 法规, ...); repeatable\n"
      + "  --effective-on D only documents in force on day D (YYYY-MM-DD), as far as the corpus knows: in effect on\n"
      + "                   or before D (else published, adopted, dated) and not repealed by then\n"

      + "  --cites X        only documents that cite X: a document id, or a 文号 such as 国发〔2021〕16号\n";

  /**
   * Says which index answered and how many documents it holds, for an empty answer: so "nothing found"
   * can be told from "searched the wrong (or an empty) index". On stdout with the text, on stderr with
   * --json (stdout stays the API's record).
   */
  static void printEmptyAnswer(PrintStream out, PrintStream err, boolean json, Config c, SearchBackend backend, String what)
      throws IOException {
    (json ? err : out).printf("%s（检索的索引：%s，共 %d 篇文件）%n", what, c.index(), backend.documentCount());
  }

  static Filters filters(Args a) throws Args.UsageException {
    return filters(a, false);
  }

  /** The filters, with reposts listed beside their originals when {@code duplicates} is set. */
  static Filters filters(Args a, boolean duplicates) throws Args.UsageException {
    List<Integer> years = new ArrayList<>();
    for (String y : a.all("year")) years.add(year("year", y));
    Integer from = a.get("from", null) == null ? null : year("from", a.get("from", null));
    Integer to = a.get("to", null) == null ? null : year("to", a.get("to", null));
    java.time.LocalDate effectiveOn = null;
    String day = a.get("effective-on", null);
    if (day != null) {
      try {
        effectiveOn = Filters.parseDay(day);
      } catch (IllegalArgumentException e) {
        throw new Args.UsageException("--effective-on needs a day written YYYY-MM-DD such as 2020-01-01, got '" + day
            + "' (" + e.getMessage() + ")");
      }
    }
    return new Filters(a.all("region"), years, from, to, a.all("theme"), a.all("type"), duplicates, effectiveOn,
        a.get("cites", ""));
  }

  private static int year(String opt, String v) throws Args.UsageException {
    try {
      return Filters.parseYear(v);
    } catch (NumberFormatException e) {
      throw new Args.UsageException("--" + opt + " needs a four-digit year, got '" + v + "'");
    }
  }

  /** A passage for the terminal: matches in 【】. */
  static String marked(Passage p) {
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Span s : p.highlights()) {
      sb.append(p.text(), at, s.start()).append('【').append(p.text(), s.start(), s.end()).append('】');
      at = s.end();
    }
    return sb.append(p.text().substring(at)).toString();
  }

  /** How filter values were read, one line each where the reading says more than the value typed. */
  static void printFilterReadings(PrintStream out, List<Interpretation.FilterReading> readings) {
    for (Interpretation.FilterReading f : readings) {
      if (f.how().equals("exact") && f.documents() > 0) continue;
      out.printf("筛选: %s %s → %s (%s, 索引中 %d 篇)%n", f.facet(), f.given(), f.value(), f.how(), f.documents());
    }
  }

  static void printJson(PrintStream out, com.google.gson.JsonElement e) {
    out.println(org.policysearch.search.json.ResultJson.PRETTY.toJson(e));
  }
}
