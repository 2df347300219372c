package org.policysearch.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexWriteException;

/**
 * Entry point of {@code bin/policy-search}. One class per command; each returns its exit code.
 * Exit codes: 0 ok, 1 finished with skipped input (counts printed), 2 usage error, 3 failure.
 */
public final class Main {
  /** A command of the program. */
  public interface Command {
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;

    String summary();

    /** What {@code NAME --help} prints: the command line and what each option does. */
    default String usage(String name) {
      return "usage: bin/policy-search " + name + " " + summary();
    }
  }

  static Map<String, Command> commands() {
    Map<String, Command> m = new LinkedHashMap<>();
    m.put("serve", new ServeCommand());
    m.put("index", new IndexCommand());
    m.put("search", new SearchCommand());
    m.put("similar", new SimilarCommand());
    m.put("phrase", new PhraseCommand());
    m.put("stats", new StatsCommand());
    m.put("inspect", new InspectCommand());
    m.put("cites", new CitesCommand());
    m.put("cited-by", new CitedByCommand());
    addIfPresent(m, "bench", "org.policysearch.cli.BenchCommand");
    addIfPresent(m, "eval", "org.policysearch.cli.EvalCommand");
    addIfPresent(m, "package", "org.policysearch.cli.PackageCommand");
    addIfPresent(m, "opensearch-plugin", "org.policysearch.cli.OpenSearchPluginCommand");
    return m;
  }

  /**
   * A command of the benchmark source set ({@code src/bench/java}, compiled to {@code target/bench-classes}),
   * loaded by name so that the product never depends on the harnesses: present when they were built
   * (the launcher puts them on the class path), simply absent otherwise.
   */
  private static void addIfPresent(Map<String, Command> m, String name, String className) {
    Class<?> c;
    try {
      c = Class.forName(className);
    } catch (ClassNotFoundException e) {
      return;
    }
    try {
      m.put(name, (Command) c.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the " + name + " command (" + className + ") cannot be created", e);
    }
  }

  public static void main(String[] argv) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(argv, out, err));
  }

  /** --help or -h among the options (not after "--", where it would be a search term). */
  static boolean asksForHelp(String[] args) {
    for (String a : args) {
      if (a.equals("--")) return false;
      if (a.equals("--help") || a.equals("-h")) return true;
    }
    return false;
  }

  public static int run(String[] argv, PrintStream out, PrintStream err) {
    Map<String, Command> commands = commands();
    if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
      out.println("usage: bin/policy-search <command> [options]");
      commands.forEach((name, c) -> out.printf("  %-10s %s%n", name, c.summary()));
      out.printf("  %-10s %s%n", "test", "run every test");
      out.printf("  %-10s %s%n", "--version", "the version, the commit it was built from and the Lucene version");
      return argv.length == 0 ? 2 : 0;
    }
    if (argv[0].equals("--version") || argv[0].equals("version")) {
      out.println(org.policysearch.BuildInfo.current().line());
      return 0;
    }
    Command c = commands.get(argv[0]);
    if (c == null) {
      err.println("unknown command '" + argv[0] + "'; commands: " + String.join(", ", commands.keySet()));
      return 2;
    }
    String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
    if (asksForHelp(rest)) {
      out.println(c.usage(argv[0]));
      return 0;
    }
    try {
      return c.run(rest, out, err);
    } catch (Args.UsageException e) {
      err.println(argv[0] + ": " + e.getMessage());
      return 2;
    } catch (IndexWriteException | IndexLayout.IndexLockedException e) {
      // Their messages say what happened, where, and that the index is unchanged: no class name needed.
      err.println(argv[0] + ": " + e.getMessage());
      return 3;
    } catch (Exception e) {
      err.println(argv[0] + ": failed: " + e);
      if (Boolean.getBoolean("policysearch.debug")) e.printStackTrace(err);
      return 3;
    }
  }
}
