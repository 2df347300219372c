package org.policysearch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.policysearch.BuildInfo;
import org.policysearch.Config;
import org.policysearch.release.OpenSearchPluginZip;

/**
 * {@code opensearch-plugin [--out DIR]}: the installable zip of the analysis plugin the OpenSearch backend
 * needs on every node (docs/opensearch.md). A command of the source checkout, like {@code package}: it zips
 * what the launcher has just built.
 */
final class OpenSearchPluginCommand implements Main.Command {
  @Override
  public String summary() {
    return "write the OpenSearch analysis plugin: target/policy-search-analysis-VERSION.zip [--out DIR]";
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Set.of("out"), Set.of());
    if (!a.positional().isEmpty()) throw new Args.UsageException("opensearch-plugin takes no arguments, got '" + a.positional().get(0) + "'");
    Path target = Config.defaultHome().resolve("target");
    Path outDir = a.get("out", null) == null ? target : Path.of(a.get("out", null)).toAbsolutePath().normalize();
    Path zip = OpenSearchPluginZip.write(target.resolve("classes"), target.resolve("opensearch-classes"), BuildInfo.current().version(),
        outDir);
    out.println(zip);
    out.println("install on every node (OpenSearch " + OpenSearchPluginZip.OPENSEARCH_VERSION + ", beside analysis-smartcn):");
    out.println("  bin/opensearch-plugin install analysis-smartcn");
    out.println("  bin/opensearch-plugin install file://" + zip.toAbsolutePath());
    return 0;
  }
}
