package org.policysearch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.policysearch.Config;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.json.ResultJson;

/** {@code cites ID [--json]}: what a document cites, each reference resolved (docs/lineage.md). */
final class CitesCommand implements Main.Command {
  @Override
  public String summary() {
    return "what a document cites (rests on, implements, repeals, amends, mentions): ID [--json]";
  }

  @Override
  public String usage(String name) {
    return "usage: bin/policy-search cites ID [options]\n"
        + "  ID               a document's id (as search prints it)\n"
        + "  --json           print the records of 'cites' in /api/documents/{id}\n"
        + Common.LOCATION_HELP;
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Common.LOCATION, Set.of("json"));
    if (a.positional().size() != 1) throw new Args.UsageException("give one document id: cites ID");
    String id = a.positional().get(0);
    Config c = Common.config(a);
    try (SearchBackend backend = Backends.open(c)) {
      List<CitedReference> cites = backend.cites(id);
      if (a.flag("json")) {
        Common.printJson(out, ResultJson.cites(cites));
        return 0;
      }
      if (cites.isEmpty()) out.println("这篇文件没有引用其他文件");
      int n = 0;
      for (CitedReference r : cites) {
        String what = (r.title().isEmpty() ? "" : "《" + r.title() + "》") + (r.version().isEmpty() ? "" : "（" + r.version() + "）")
            + (r.docNumber().isEmpty() ? "" : "（" + r.docNumber() + "）");
        String to = switch (r.status()) {
          case CitedReference.RESOLVED -> "→ " + r.target().id() + "  " + r.target().region() + " " + r.target().date();
          case CitedReference.AMBIGUOUS -> "（未链接：索引中有多篇同名文件，地区和日期无法确定是哪一篇）";
          case CitedReference.SELF -> "（本文件自身）";
          default -> "（未链接：索引中没有这篇文件）";
        };
        out.printf("%d. [%s] %s %s%n   第%d段 %s%n", ++n, r.relation(), what, to, r.paragraph(), r.context());
      }
      return 0;
    } catch (NotFoundException e) {
      err.println("cites: " + e.getMessage());
      return 2;
    }
  }
}
