package org.policysearch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.policysearch.Config;
import org.policysearch.bench.relevance.RelevanceEval;

/**
 * {@code eval [--corpus DIR] [--sets DIR] [--judgments FILE] [--out FILE] [--work DIR] [--sample N]}: the
 * relevance sets through the product's services beside reference rankers, written to RELEVANCE.md.
 * Part of the bench source set, loaded by {@link Main} by name like {@link BenchCommand}.
 */
final class EvalCommand implements Main.Command {
  static final Set<String> VALUED = Set.of("corpus", "sets", "judgments", "out", "work", "sample");

  @Override
  public String summary() {
    return "measure ranking on the relevance sets beside BM25 references; write RELEVANCE.md: [--corpus DIR] [--sets DIR] "
        + "[--judgments FILE] [--out FILE] [--work DIR] [--sample N]";
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, VALUED, Set.of());
    if (!a.positional().isEmpty()) throw new Args.UsageException("eval takes no arguments, got '" + a.positional().get(0) + "'");
    Config base = Config.load(Config.defaultHome());
    Path home = base.home();
    Path shared = home.resolve("../shared/data").normalize();
    Path corpus = path(a, "corpus", shared.resolve("corpus"));
    Path sets = path(a, "sets", shared.resolve("relevance"));
    Path judgments = path(a, "judgments", home.resolve("docs/relevance/search-judgments.jsonl"));
    int sample = a.getInt("sample", 0);
    if (sample < 0) throw new Args.UsageException("--sample needs 0 (all) or a positive number of queries");
    Path outFile = path(a, "out", sample > 0 ? home.resolve("target/RELEVANCE-sample.md") : home.resolve("RELEVANCE.md"));
    Path work = path(a, "work", home.resolve("target/relevance-work"));
    for (Path p : new Path[] {corpus, sets}) {
      if (!Files.isDirectory(p)) throw new Args.UsageException("no folder " + p + " (give --corpus and --sets)");
    }
    if (!Files.exists(sets.resolve("precedents-dev.jsonl"))) {
      throw new Args.UsageException(sets + " holds no precedents-dev.jsonl");
    }
    String command = "bin/policy-search eval" + (argv.length == 0 ? "" : " " + String.join(" ", argv));
    RelevanceEval.Options o = new RelevanceEval.Options(home, corpus, sets, judgments, outFile, work, sample, command);
    Path written = new RelevanceEval(o, base, BenchCommand.wiring(err), err).run();
    out.println("wrote " + written);
    return 0;
  }

  private static Path path(Args a, String name, Path def) {
    String v = a.get(name, null);
    return v == null ? def : Path.of(v).toAbsolutePath().normalize();
  }
}
