package org.policysearch.cli;

import java.io.PrintStream;
import java.util.Set;
import org.policysearch.Config;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.json.ResultJson;

/** {@code phrase PHRASE [filters] [--page N] [--size N] [--context N] [--json]}: counts and KWIC. */
final class PhraseCommand implements Main.Command {
  @Override
  public String summary() {
    return "phrase statistics: PHRASE [--region R] [--year Y] [--page N] [--size N] [--context N] [--json]";
  }

  /** A count beside its denominator: 2023  12 处 / 5 篇 (当年共 300 篇, 1.7%). */
  private static void print(PrintStream out, PhraseResult.Count c, String scope) {
    out.printf("  %s  %d 处 / %d 篇 (%s共 %d 篇, %.1f%%)%n", c.value(), c.occurrences(), c.documents(), scope, c.corpusDocuments(),
        c.share() * 100);
  }

  @Override
  public String usage(String name) {
    return "usage: bin/policy-search phrase PHRASE [options]\n"
        + "  PHRASE           the exact text to count (quotation marks optional)\n"
        + Common.FILTER_HELP
        + "  --page N         page of occurrences, from 1.  --size N  occurrences per page (20)\n"
        + "  --context N      characters of context on each side (30)\n"
        + "  --json           print the record /api/phrase returns\n"
        + Common.LOCATION_HELP;
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Common.union(Common.LOCATION, Common.FILTERS, Set.of("page", "size", "context")), Set.of("json"));
    String phrase = String.join(" ", a.positional());
    Config cfg = Common.config(a);
    try (SearchBackend backend = Backends.open(cfg)) {
      PhraseResult r = backend.phrase(new PhraseRequest(phrase, Common.filters(a), a.getInt("page", 1),
          a.getInt("size", PhraseRequest.DEFAULT_SIZE), a.getInt("context", PhraseRequest.DEFAULT_CONTEXT)));
      if (a.flag("json")) {
        Common.printJson(out, ResultJson.phrase(r));
        if (r.occurrences() == 0) Common.printEmptyAnswer(out, err, true, cfg, backend, "没有找到这个短语");
        return 0;
      }
      if (r.occurrences() == 0) {
        Common.printEmptyAnswer(out, err, false, cfg, backend, "没有找到“" + r.normalized() + "”");
        Common.printFilterReadings(out, r.filters());
        return 0;
      }
      out.printf("“%s”: %d 处, %d 段, %d 篇 (共检索 %d 篇)%s%n", r.normalized(), r.occurrences(), r.paragraphs(), r.documents(),
          r.corpusDocuments(),
          r.timedOut() ? " [超时，计数为下限]" : "");
      Common.printFilterReadings(out, r.filters());
      out.println("按年份:");
      for (PhraseResult.Count c : r.byYear()) print(out, c, "当年");
      out.println("按地区:");
      for (PhraseResult.Count c : r.byRegion()) print(out, c, "该地");
      out.println("上下文:");
      for (PhraseResult.Occurrence o : r.items()) {
        out.printf("  %s…【%s】…%s   —— %s 第%d段 (%s)%n", o.left(), o.match(), o.right(), o.title(), o.paragraph(), o.id());
      }
      return 0;
    } catch (InvalidRequestException e) {
      err.println("phrase: " + e.getMessage());
      return 2;
    }
  }
}
