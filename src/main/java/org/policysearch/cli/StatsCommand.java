package org.policysearch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.policysearch.Config;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.IndexStats;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SemanticStatus;
import org.policysearch.search.json.ResultJson;

/** {@code stats [--json]}: what the index holds. */
final class StatsCommand implements Main.Command {
  @Override
  public String summary() {
    return "what the index holds: documents, paragraphs, size, vectors, counts by region, year, theme, type [--json]";
  }

  @Override
  public String usage(String name) {
    return "usage: bin/policy-search stats [options]\n"
        + "  what the index holds: documents, reposts, paragraphs, size, and the documents per region, year, theme, type\n"
        + "  --json           print the record /api/stats returns\n"
        + Common.LOCATION_HELP;
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Common.LOCATION, Set.of("json"));
    Config c = Common.config(a);
    try (SearchBackend backend = Backends.open(c)) {
      IndexStats s = backend.stats();
      SemanticStatus semantic = backend.semanticStatus();
      if (a.flag("json")) {
        var o = ResultJson.stats(s);
        o.add("semantic", ResultJson.semantic(semantic));
        o.addProperty("backend", backend.kind());
        Common.printJson(out, o);
        if (s.documents() == 0) Common.printEmptyAnswer(out, err, true, c, backend, "索引是空的");
        return 0;
      }
      out.println("lucene".equals(backend.kind()) ? "index " + c.index() : c.backend().describe());
      out.printf("documents %d (of which reposts %d), paragraphs %d, index %.1f MB, committed %s%n", s.documents(),
          s.duplicates(), s.paragraphs(), s.bytes() / 1048576.0, s.committedAt());
      out.println("semantic search: " + semantic.description());
      print(out, "region", s.facets().region(), "  ");
      print(out, "year", s.facets().year(), "  ");
      print(out, "theme", s.facets().theme(), "  ");
      print(out, "type", s.facets().type(), "  ");
      return 0;
    }
  }

  private static void print(PrintStream out, String name, List<FacetValue> values, String indent) {
    out.println(name + ":");
    printValues(out, values, indent);
  }

  private static void printValues(PrintStream out, List<FacetValue> values, String indent) {
    for (FacetValue v : values) {
      out.printf("%s%s %d%n", indent, v.label(), v.count());
      printValues(out, v.children(), indent + "  ");
    }
  }
}
