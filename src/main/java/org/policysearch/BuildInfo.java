package org.policysearch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build is, for {@code --version} and {@code /api/health}: the project version (from the pom, by
 * Maven's resource filtering into {@code build.properties}), the commit it was built from, and the Lucene
 * version in use (which decides what indexes it can open).
 *
 * <p>The commit comes from {@code release.properties}, which {@code bin/policy-search package} writes into a
 * release's jar; in a source checkout the launcher passes it as {@code -Dpolicysearch.commit}; otherwise it is
 * "unknown".
 */
public record BuildInfo(String version, String commit, String lucene) {
  private static final BuildInfo CURRENT = read();

  public static BuildInfo current() {
    return CURRENT;
  }

  /** {@code policy-search 0.1.0 (commit 1a2b3c4, Lucene 10.5.0)}. */
  public String line() {
    return "policy-search " + version + " (commit " + commit + ", Lucene " + lucene + ")";
  }

  private static BuildInfo read() {
    Properties build = load("/org/policysearch/build.properties");
    Properties release = load("/org/policysearch/release.properties");
    String version = build.getProperty("version", "");
    if (version.isBlank() || version.contains("${")) version = "unknown";
    String commit = release.getProperty("commit", System.getProperty("policysearch.commit", ""));
    if (commit.isBlank()) commit = "unknown";
    return new BuildInfo(version, commit, org.apache.lucene.util.Version.LATEST.toString());
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // A resource inside our own jar that cannot be read: the fields say "unknown".
    }
    return p;
  }
}
