package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.policysearch.Config;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexSummary;
import org.policysearch.index.vector.EmbedderException;
import org.policysearch.index.vector.SemanticIndex;
import org.policysearch.index.vector.VectorBuilder;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.json.ResultJson;

/**
 * {@code index [--corpus DIR] [--index DIR] [--rebuild] [--json] [--semantic]}: brings the index up to date;
 * with {@code --semantic} also the vectors, in the foreground (for the eval and bench harnesses; the server
 * builds them in the background by itself).
 */
final class IndexCommand implements Main.Command {
  @Override
  public String summary() {
    return "bring the index up to date with the corpus: [--corpus DIR] [--index DIR] [--rebuild] [--json] [--quiet] [--semantic]";
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Common.LOCATION, Set.of("rebuild", "json", "quiet", "semantic"));
    Config c = Common.config(a);
    if (a.flag("semantic") && !c.semantic()) {
      throw new Args.UsageException("--semantic builds the vectors, but semantic=false in " + c.home().resolve(Config.FILE)
          + "; remove that setting or the flag");
    }
    ProgressBar bar = new ProgressBar(err, !a.flag("quiet") && !a.flag("json"));
    if (Backends.onCluster(c)) {
      IndexRun run = Backends.indexCluster(c, a.flag("rebuild"), bar, err);
      bar.done();
      if (a.flag("json")) Common.printJson(out, ResultJson.indexRun(run));
      else print(run, out);
      if (a.flag("semantic")) {
        int code = embed(c, a.flag("json") ? err : out, err);
        if (code != 0) return code;
      }
      if (!run.skipped().isEmpty()) {
        err.println("finished with " + run.skipped().size() + " skipped");
        return 1;
      }
      return 0;
    }
    IndexSummary s = Pipeline.indexer(c).run(c.corpus(), new IndexLayout(c.index()), a.flag("rebuild"), bar);
    bar.done();
    if (a.flag("json")) {
      Common.printJson(out, ResultJson.indexRun(Backends.summary(s)));
    } else {
      print(Backends.summary(s), out);
    }
    if (a.flag("semantic")) {
      int code = embed(c, a.flag("json") ? err : out, err);
      if (code != 0) return code;
    }
    if (s.skippedCount() > 0) {
      err.println("finished with " + s.skippedCount() + " skipped");
      return 1;
    }
    return 0;
  }

  /** The vectors of what the text index now holds, built here; progress lines on {@code err}. Exit code 3 when it fails. */
  private static int embed(Config c, PrintStream out, PrintStream err) throws IOException {
    try {
      VectorBuilder.Summary v;
      if (Backends.onCluster(c)) {
        v = Backends.embedCluster(c, err);
      } else {
        try (SemanticIndex semantic = Common.semantic(c, err)) {
          v = semantic.buildNow(st -> {});
        }
      }
      out.println(v.describe(c.semanticThreads()));
      return 0;
    } catch (EmbedderException | IOException e) {
      // The builder has already written its one line saying why; the text index is committed and usable.
      err.println("index: the text index is up to date; the vectors are not (the line above says why)");
      return 3;
    }
  }

  static void print(IndexRun s, PrintStream out) {
    if (s.recovered() != null) out.println("note: " + s.recovered());
    if (s.rebuilt()) out.println("built a new index (" + s.rebuildReason() + ")");
    double secs = s.tookMs() / 1000.0;
    String rate = secs >= 1 && s.bytesRead() > 0 ? String.format(", %.1f MB/s, %.0f documents/s read and indexed",
        s.bytesRead() / 1048576.0 / secs, (s.added() + s.updated()) / secs) : "";
    out.printf("added %d, updated %d, removed %d documents; %d files unchanged%s; %d documents in the index (%.1f s%s)%n",
        s.added(), s.updated(), s.removed(), s.unchangedFiles(),
        s.keptFiles() > 0 ? ", " + s.keptFiles() + " unreadable changed files kept at their previous version" : "",
        s.documents(), secs, rate);
    if (s.duplicatesChanged() > 0) out.println("repost marks changed on " + s.duplicatesChanged() + " documents");
    if (!s.skipped().isEmpty()) {
      Map<String, Integer> byReason = new TreeMap<>();
      s.skipped().forEach(k -> byReason.merge(k.reason(), 1, Integer::sum));
      out.println("skipped " + s.skipped().size() + ": " + byReason);
      for (IndexRun.SkippedInput k : s.skipped()) out.println("  " + k);
    }
  }
}
