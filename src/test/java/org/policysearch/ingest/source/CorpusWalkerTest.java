package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.policysearch.ingest.Fixtures.reasons;
import static org.policysearch.ingest.Fixtures.relPaths;
import static org.policysearch.ingest.Fixtures.skipFor;
import static org.policysearch.ingest.Fixtures.write;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.ingest.CorpusListing;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Skip;
import org.policysearch.ingest.SkipReasons;
import org.policysearch.ingest.SourceFile;

class CorpusWalkerTest {
  @TempDir Path root;

  private CorpusListing list() {
    return new CorpusWalker(IngestConfig.DEFAULTS, Readers.standard().extensions()).list(root);
  }

  @Test
  void listsSupportedFilesSortedWithSlashPathsAndFileHashes() throws Exception {
    write(root, "b.txt", "乙");
    write(root, "a.md", "甲");
    write(root, "sub/dir/c.txt", "丙");
    write(root, "NOTES.md", "说明");
    CorpusListing l = list();
    assertEquals(List.of("NOTES.md", "a.md", "b.txt", "sub/dir/c.txt"), relPaths(l));
    assertEquals(List.of(), l.skipped());
    SourceFile c = l.files().get(3);
    assertEquals(3, c.size());
    byte[] bytes = "丙".getBytes(StandardCharsets.UTF_8);
    assertEquals(Hashing.hex(Hashing.sha256().digest(bytes)), c.hash(), "without a sidecar: plain SHA-256");
  }

  @Test
  void hiddenFilesAndFoldersAreIgnoredSilently() throws Exception {
    write(root, ".DS_Store", "x");
    write(root, ".git/config.txt", "x");
    write(root, "kept.txt", "保留");
    CorpusListing l = list();
    assertEquals(List.of("kept.txt"), relPaths(l));
    assertEquals(List.of(), l.skipped());
  }

  @Test
  void theCorpusFolderOwnReadmeIsNotADocumentButOneInASubfolderIs() throws Exception {
    write(root, "README.md", "# 语料说明");
    write(root, "readme.txt", "说明");
    write(root, "sub/README.md", "# 一篇文件");
    write(root, "kept.txt", "保留");
    CorpusListing l = list();
    assertEquals(List.of("kept.txt", "sub/README.md"), relPaths(l));
    assertEquals(List.of(), l.skipped());
  }

  @Test
  void unknownExtensionsAndEmptyFilesAreSkippedWithReasons() throws Exception {
    write(root, "photo.jpg", new byte[] {1, 2, 3});
    write(root, "noext", "文字");
    write(root, "empty.txt", new byte[0]);
    write(root, "ok.txt", "好");
    CorpusListing l = list();
    assertEquals(List.of("ok.txt"), relPaths(l));
    assertEquals(List.of("empty.txt empty", "noext unknown-extension", "photo.jpg unknown-extension"),
        reasons(l.skipped()));
    assertTrue(skipFor(l.skipped(), "photo.jpg").detail().contains("'.jpg' is not a supported format; supported: .doc .docx .htm .html .jsonl .md .pdf .txt,"
        + " each also gzip-compressed (.txt.gz), and .zip archives of them"),
        skipFor(l.skipped(), "photo.jpg").detail());
  }

  @Test
  void aFileOverTheSizeLimitIsReportedFromItsSizeWithoutBeingRead() throws Exception {
    Path big = root.resolve("big.txt");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024); // sparse: no 50 MB written, and none must be read
    }
    CorpusListing l = list();
    assertEquals(List.of(), l.files());
    Skip s = skipFor(l.skipped(), "big.txt");
    assertEquals(SkipReasons.TOO_LARGE, s.reason());
    assertTrue(s.detail().contains("52428800 bytes, more than the 20971520 allowed for .txt"), s.detail());
    assertTrue(s.detail().contains("(not read)"), s.detail());
  }

  @Test
  void jsonlHasItsOwnLargerLimit() throws Exception {
    Path big = root.resolve("bulk.jsonl");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(30L * 1024 * 1024);
    }
    IngestConfig cfg = IngestConfig.DEFAULTS.withMaxJsonlFileBytes(25L * 1024 * 1024);
    CorpusListing l = new CorpusWalker(cfg, Set.of("jsonl")).list(root);
    assertEquals(List.of("bulk.jsonl too-large"), reasons(l.skipped()));
    assertTrue(l.skipped().get(0).detail().contains("split it into several files"));
  }

  @Test
  void aLinkToAnAncestorFolderIsALoopAndTheWalkEnds() throws Exception {
    write(root, "a/doc.txt", "文");
    Files.createSymbolicLink(root.resolve("a/back"), root);
    Files.createSymbolicLink(root.resolve("a/self"), root.resolve("a"));
    CorpusListing l = list();
    assertEquals(List.of("a/doc.txt"), relPaths(l));
    assertEquals(List.of("a/back symlink-loop", "a/self symlink-loop"), reasons(l.skipped()));
    assertTrue(skipFor(l.skipped(), "a/back").detail().contains("its own ancestor folder '.'"));
  }

  @Test
  void aLinkToItselfIsALoopAndABrokenLinkAnIoError() throws Exception {
    Files.createSymbolicLink(root.resolve("self.txt"), root.resolve("self.txt"));
    Files.createSymbolicLink(root.resolve("gone.txt"), root.resolve("missing.txt"));
    CorpusListing l = list();
    assertEquals(List.of("gone.txt io-error", "self.txt symlink-loop"), reasons(l.skipped()));
    assertTrue(skipFor(l.skipped(), "gone.txt").detail().contains("broken link"));
  }

  @Test
  void linksToAFolderOrFileAlreadyListedAreReadOnce(@TempDir Path outside) throws Exception {
    write(root, "real/doc.txt", "文");
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
    Files.createSymbolicLink(root.resolve("same.txt"), root.resolve("real/doc.txt"));
    write(outside, "ext.txt", "外部");
    Files.createSymbolicLink(root.resolve("linked"), outside);
    CorpusListing l = list();
    // "alias" sorts first, so the folder is listed under that name and "real" is the repeat.
    assertEquals(List.of("alias/doc.txt", "linked/ext.txt"), relPaths(l));
    assertEquals(List.of("real duplicate-path", "same.txt duplicate-path"), reasons(l.skipped()));
  }

  @Test
  void oddFileNamesWork() throws Exception {
    assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
        "file names with Chinese need a UTF-8 locale for the JVM (LC_ALL=C.UTF-8)");
    write(root, "有 空格 的文件.txt", "一");
    write(root, "line\nbreak.txt", "二");
    write(root, "目录/子 目录/#1 (final) [v2].txt", "三");
    CorpusListing l = list();
    assertEquals(List.of("line\nbreak.txt", "有 空格 的文件.txt", "目录/子 目录/#1 (final) [v2].txt"), relPaths(l));
    assertEquals(List.of(), l.skipped());
  }

  @Test
  void pipesAreNotRead() throws Exception {
    Path fifo = root.resolve("pipe.txt");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      assumeTrue(Files.exists(fifo), "mkfifo is not available here: " + e.getMessage());
      return;
    }
    assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo did not make a pipe");
    CorpusListing l = list(); // must not block on opening the pipe
    assertEquals(List.of("pipe.txt io-error"), reasons(l.skipped()));
  }

  @Test
  void unreadableFilesAreIoErrors() throws Exception {
    Path f = write(root, "secret.txt", "机密");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(f), "running as root: permissions do not stop reading");
    CorpusListing l = list();
    assertEquals(List.of("secret.txt io-error"), reasons(l.skipped()));
    assertTrue(l.skipped().get(0).detail().contains("permission denied"));
  }

  @Test
  void sidecarsAreNotDocumentsButChangeTheHash() throws Exception {
    write(root, "a.txt", "正文");
    String before = list().files().get(0).hash();
    write(root, "a.txt.meta.json", "{\"title\": \"标题\"}");
    CorpusListing l = list();
    assertEquals(List.of("a.txt"), relPaths(l));
    assertEquals(List.of(), l.skipped());
    String with = l.files().get(0).hash();
    assertNotEquals(before, with);
    write(root, "a.txt.meta.json", "{\"title\": \"新标题\"}");
    assertNotEquals(with, list().files().get(0).hash(), "editing only the sidecar changes the hash");
  }

  @Test
  void aSidecarWithoutItsDocumentIsAWarning() throws Exception {
    write(root, "a.txt", "正文");
    write(root, "typo.meta.json", "{}");
    CorpusListing l = list();
    assertEquals(List.of("a.txt"), relPaths(l));
    assertEquals(List.of("typo.meta.json bad-sidecar"), reasons(l.skipped()));
  }

  @Test
  void aMissingRootIsAUsageErrorNotAnEmptyCorpus() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CorpusWalker(IngestConfig.DEFAULTS, Set.of("txt")).list(root.resolve("nope")));
    assertTrue(e.getMessage().contains("does not exist"));
  }
}
