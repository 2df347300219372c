package org.policysearch.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installable plugin zip: its descriptor, and one jar with the plugin and the product classes it is made of. */
class OpenSearchPluginZipTest {
  @TempDir Path out;

  @Test
  void theZipHoldsTheDescriptorAndThePluginWithTheAnalysisItIsMadeOf() throws Exception {
    Path zip = OpenSearchPluginZip.write(Path.of("target/classes"), Path.of("target/opensearch-classes"), "9.9.9", out);
    assertEquals("policy-search-analysis-9.9.9.zip", zip.getFileName().toString());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Properties p = new Properties();
      p.load(new java.io.StringReader(new String(z.getInputStream(z.getEntry("plugin-descriptor.properties")).readAllBytes(),
          StandardCharsets.UTF_8)));
      assertEquals("org.policysearch.opensearch.PolicySearchPlugin", p.getProperty("classname"));
      assertEquals("3.8.0", p.getProperty("opensearch.version"));
      assertEquals("9.9.9", p.getProperty("version"));
      assertEquals("policy-search-analysis", p.getProperty("name"));
      ZipEntry jar = z.getEntry("policy-search-analysis-9.9.9.jar");
      List<String> entries = new ArrayList<>();
      try (JarInputStream j = new JarInputStream(new ByteArrayInputStream(z.getInputStream(jar).readAllBytes()))) {
        for (var e = j.getNextJarEntry(); e != null; e = j.getNextJarEntry()) entries.add(e.getName());
      }
      for (String c : List.of("org/policysearch/opensearch/PolicySearchPlugin.class",
          "org/policysearch/index/analysis/NormalizingCharFilter.class", "org/policysearch/index/analysis/ExactTokenizer.class",
          "org/policysearch/index/analysis/ExactUnits.class", "org/policysearch/text/TextNormalizer.class")) {
        assertTrue(entries.contains(c), c + " in " + entries);
      }
      // nothing that needs smartcn or the rest of the product (the node provides Lucene, not our index code)
      assertTrue(entries.stream().noneMatch(e -> e.startsWith("org/policysearch/index/analysis/smartcn/")
          || e.equals("org/policysearch/index/analysis/Analyzers.class") || e.startsWith("org/policysearch/search/")), entries.toString());
    }
  }
}
