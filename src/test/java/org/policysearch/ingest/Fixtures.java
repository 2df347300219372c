package org.policysearch.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.policysearch.doc.PolicyDocument;

/** Small helpers for building corpus folders in tests. */
public final class Fixtures {
  private Fixtures() {}

  public static Path write(Path root, String rel, String text) throws IOException {
    return write(root, rel, text, StandardCharsets.UTF_8);
  }

  public static Path write(Path root, String rel, String text, Charset cs) throws IOException {
    return write(root, rel, text.getBytes(cs));
  }

  public static Path write(Path root, String rel, byte[] bytes) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  /** "file: reason" for each skip, line numbers included, in the order given. */
  public static List<String> reasons(List<Skip> skips) {
    return skips.stream().map(s -> s.file() + (s.line() > 0 ? ":" + s.line() : "") + " " + s.reason())
        .collect(Collectors.toList());
  }

  public static Skip skipFor(List<Skip> skips, String file) {
    return skips.stream().filter(s -> s.file().equals(file)).findFirst()
        .orElseThrow(() -> new AssertionError("no skip for " + file + " in " + skips));
  }

  public static List<String> relPaths(CorpusListing l) {
    return l.files().stream().map(SourceFile::relPath).toList();
  }

  public static PolicyDocument doc(List<PolicyDocument> docs, String id) {
    return docs.stream().filter(d -> d.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no document " + id + " in " + docs.stream().map(PolicyDocument::id).toList()));
  }
}
