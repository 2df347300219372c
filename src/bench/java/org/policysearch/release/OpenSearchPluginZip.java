package org.policysearch.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The installable zip of the policy-search analysis plugin for OpenSearch ({@code bin/opensearch-plugin install
 * file:///…/policy-search-analysis-VERSION.zip} on every node, beside the stock {@code analysis-smartcn}):
 * the plugin descriptor and one jar holding the plugin class (target/opensearch-classes) and the product
 * classes it is made of, the very ones the embedded index runs: the text normalisation ({@code text}) and the
 * normalising char filter and exact-match tokenizer of {@code index.analysis}. Lucene comes from the node.
 */
public final class OpenSearchPluginZip {
  public static final String NAME = "policy-search-analysis";
  public static final String CLASSNAME = "org.policysearch.opensearch.PolicySearchPlugin";
  /** The OpenSearch version the plugin is built against and installs into (plugins are tied to one version). */
  public static final String OPENSEARCH_VERSION = "3.8.0";
  /** Classes of index.analysis the plugin loads (the rest needs smartcn or the field names, which the node does not). */
  static final List<String> ANALYSIS_CLASSES = List.of("NormalizingCharFilter", "ExactTokenizer", "ExactUnits");

  private OpenSearchPluginZip() {}

  /**
   * Writes the zip.
   *
   * @param productClasses target/classes
   * @param pluginClasses  target/opensearch-classes
   * @return the zip written
   */
  public static Path write(Path productClasses, Path pluginClasses, String version, Path outDir) throws IOException {
    if (!Files.isRegularFile(pluginClasses.resolve(CLASSNAME.replace('.', '/') + ".class"))) {
      throw new IOException("the plugin is not built in " + pluginClasses + "; run bin/policy-search, which builds it");
    }
    Files.createDirectories(outDir);
    Path zip = outDir.resolve(NAME + "-" + version + ".zip");
    ByteArrayOutputStream jar = new ByteArrayOutputStream();
    try (JarOutputStream j = new JarOutputStream(jar)) {
      addTree(j, pluginClasses, pluginClasses);
      addTree(j, productClasses, productClasses.resolve("org/policysearch/text"));
      try (Stream<Path> files = Files.list(productClasses.resolve("org/policysearch/index/analysis"))) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (ANALYSIS_CLASSES.stream().anyMatch(c -> name.equals(c + ".class") || name.startsWith(c + "$"))) add(j, productClasses, f);
        }
      }
    }
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("plugin-descriptor.properties"));
      z.write(descriptor(version).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry(NAME + "-" + version + ".jar"));
      z.write(jar.toByteArray());
      z.closeEntry();
    }
    return zip;
  }

  static String descriptor(String version) {
    return "description=policy-search analysis: normalisation and exact-match units and pairs, identical to the embedded index\n"
        + "version=" + version + "\n"
        + "name=" + NAME + "\n"
        + "classname=" + CLASSNAME + "\n"
        + "java.version=21\n"
        + "opensearch.version=" + OPENSEARCH_VERSION + "\n";
  }

  private static void addTree(JarOutputStream j, Path root, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) add(j, root, f);
    }
  }

  private static void add(JarOutputStream j, Path root, Path f) throws IOException {
    j.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
    j.write(Files.readAllBytes(f));
    j.closeEntry();
  }
}
