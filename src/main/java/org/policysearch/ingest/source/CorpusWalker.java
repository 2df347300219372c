package org.policysearch.ingest.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.policysearch.ingest.CorpusListing;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.Skip;
import org.policysearch.ingest.SkipReasons;
import org.policysearch.ingest.SourceFile;

/**
 * Lists the corpus folder: every file that a reader can take, with its size and hash, and a
 * {@link Skip} for every file it refuses. Reads nothing but what hashing needs, never throws for a bad
 * file, and never holds a whole file in memory.
 *
 * <p>Rules: names starting with '.' (files and folders) are ignored silently, as hidden by convention, and
 * so is the corpus folder's own {@code README.md} ({@link #isFolderReadme});
 * {@code *.meta.json} files are sidecars, not documents ({@link Sidecars}); links are followed, but a
 * folder is entered once (a link back to an ancestor is a "symlink-loop", another link to a folder or
 * file already listed is a "duplicate-path"); size limits are checked from the file size before any
 * byte is read. The walk uses an explicit stack, so deep trees do not exhaust the call stack.
 */
public final class CorpusWalker {
  private final IngestConfig config;
  private final Set<String> extensions;

  /** @param extensions lower-case extensions without dot that some reader handles */
  public CorpusWalker(IngestConfig config, Set<String> extensions) {
    this.config = config;
    this.extensions = Set.copyOf(extensions);
  }

  /** Real paths of the folders from the root down to one folder, to detect links to an ancestor. */
  private record Chain(Path real, Chain parent) {
    boolean contains(Path p) {
      for (Chain c = this; c != null; c = c.parent) {
        if (c.real.equals(p)) return true;
      }
      return false;
    }
  }

  private record Dir(Path path, String rel, Chain chain) {}

  private record Candidate(String name, Path path, String rel, long size, Optional<Path> sidecar) {}

  /**
   * @throws IllegalArgumentException when the root is not an existing folder (a usage error, not bad input)
   */
  public CorpusListing list(Path root) {
    Path rootReal;
    try {
      rootReal = root.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("the corpus folder " + root + " does not exist or cannot be opened: " + e.getMessage(), e);
    }
    if (!Files.isDirectory(rootReal)) {
      throw new IllegalArgumentException("the corpus path " + root + " is not a folder");
    }
    List<SourceFile> files = new ArrayList<>();
    List<Skip> skipped = new ArrayList<>();
    Map<Path, String> dirsSeen = new HashMap<>();
    Map<Path, String> filesSeen = new HashMap<>();
    dirsSeen.put(rootReal, ".");
    List<Candidate> candidates = new ArrayList<>();
    Deque<Dir> stack = new ArrayDeque<>();
    stack.push(new Dir(root, "", new Chain(rootReal, null)));
    while (!stack.isEmpty()) {
      Dir d = stack.pop();
      List<String> names;
      try {
        names = names(d.path);
      } catch (IOException | DirectoryIteratorException | InvalidPathException e) {
        skipped.add(new Skip(d.rel.isEmpty() ? "." : d.rel, 0, SkipReasons.IO_ERROR, "the folder cannot be listed ("
            + describe(e) + "); its files are left out" + encodingHint(e)));
        continue;
      }
      List<Candidate> docs = new ArrayList<>();
      Set<String> sidecars = new TreeSet<>();
      for (String name : names) {
        if (name.startsWith(".")) continue;
        if (d.rel.isEmpty() && isFolderReadme(name)) continue;
        Path p = d.path.resolve(name);
        String rel = d.rel.isEmpty() ? name : d.rel + "/" + name;
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
          skipped.add(new Skip(rel, 0, SkipReasons.IO_ERROR, Files.isSymbolicLink(p)
              ? "it is a broken link (to " + linkTarget(p) + "); fix or remove the link"
              : name.indexOf('\uFFFD') >= 0
                  // The name's bytes are not UTF-8 (a GBK name from a Windows zip, say): decoded, it names no file.
                  ? "its name is not valid UTF-8 (GBK from a Windows zip?), so it cannot be opened; rename it, e.g. with"
                      + " convmv -f gbk -t utf8 --notest"
                  : "it disappeared while the folder was listed"));
          continue;
        } catch (FileSystemException e) {
          if (Files.isSymbolicLink(p) && String.valueOf(e.getReason()).contains("symbolic links")) {
            skipped.add(new Skip(rel, 0, SkipReasons.SYMLINK_LOOP, "it is a link that leads back to itself (to "
                + linkTarget(p) + "); remove the link"));
          } else {
            skipped.add(new Skip(rel, 0, SkipReasons.IO_ERROR, "its attributes cannot be read (" + describe(e) + ")"));
          }
          continue;
        } catch (IOException e) {
          skipped.add(new Skip(rel, 0, SkipReasons.IO_ERROR, "its attributes cannot be read (" + describe(e) + ")"));
          continue;
        }
        if (a.isDirectory()) {
          enterFolder(p, rel, d, dirsSeen, stack, skipped);
        } else if (a.isRegularFile()) {
          if (Sidecars.isSidecarName(name)) {
            sidecars.add(name);
          } else {
            docs.add(new Candidate(name, p, rel, a.size(), Optional.empty()));
          }
        } else {
          skipped.add(new Skip(rel, 0, SkipReasons.IO_ERROR,
              "it is not a regular file (a pipe, socket or device); only files and folders are read"));
        }
      }
      candidates.addAll(withSidecars(d, docs, sidecars, skipped));
    }
    // Checked in path order, so that of two links to one file the first path wins, whatever the walk order.
    candidates.sort(Comparator.comparing(Candidate::rel));
    for (Candidate c : candidates) accept(c, filesSeen, files, skipped);
    files.sort(Comparator.comparing(SourceFile::relPath));
    skipped.sort(Comparator.comparing(Skip::file).thenComparingInt(Skip::line));
    return new CorpusListing(files, skipped);
  }

  /** Gives each document of a folder its sidecar; warns about sidecars no document uses. */
  private static List<Candidate> withSidecars(Dir d, List<Candidate> docs, Set<String> sidecars, List<Skip> skipped) {
    List<Candidate> out = new ArrayList<>(docs.size());
    Set<String> used = new HashSet<>();
    Map<String, String> shadowedFor = new HashMap<>();
    for (Candidate c : docs) {
      Optional<String> sidecar = Sidecars.pick(c.name, sidecars);
      sidecar.ifPresent(used::add);
      for (String name : Sidecars.candidateNames(c.name)) {
        if (sidecars.contains(name) && !sidecar.orElse("").equals(name)) shadowedFor.put(name, c.name);
      }
      out.add(new Candidate(c.name, c.path, c.rel, c.size, sidecar.map(d.path::resolve)));
    }
    for (String s : sidecars) {
      if (used.contains(s)) continue;
      String rel = d.rel.isEmpty() ? s : d.rel + "/" + s;
      String stem = s.substring(0, s.length() - Sidecars.SUFFIX.length());
      String doc = shadowedFor.get(s);
      skipped.add(new Skip(rel, 0, SkipReasons.BAD_SIDECAR, doc != null
          ? "it is not used: for '" + doc + "' the more specific '" + doc + Sidecars.SUFFIX + "' applies, and"
              + " sidecars are not merged; move its fields there"
          : "no document in its folder uses this sidecar: it applies to a document named '" + stem + "' or '"
              + stem + ".EXT' with a supported extension; check the name"));
    }
    return out;
  }

  private static void enterFolder(Path p, String rel, Dir parent, Map<Path, String> dirsSeen, Deque<Dir> stack,
      List<Skip> skipped) {
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      skipped.add(new Skip(rel, 0, SkipReasons.IO_ERROR, "the folder cannot be resolved (" + describe(e) + ")"));
      return;
    }
    if (parent.chain.contains(real)) {
      skipped.add(new Skip(rel, 0, SkipReasons.SYMLINK_LOOP, "it is a link to its own ancestor folder '"
          + dirsSeen.get(real) + "'; following it would never end, so it is not entered"));
    } else if (dirsSeen.containsKey(real)) {
      skipped.add(new Skip(rel, 0, SkipReasons.DUPLICATE_PATH, "it is the same folder as '" + dirsSeen.get(real)
          + "', which is already listed; a folder is read once"));
    } else {
      dirsSeen.put(real, rel);
      stack.push(new Dir(p, rel, new Chain(real, parent.chain)));
    }
  }

  private void accept(Candidate c, Map<Path, String> filesSeen, List<SourceFile> files,
      List<Skip> skipped) {
    String ext = SourceFile.extensionOf(c.name);
    if (!extensions.contains(ext)) {
      skipped.add(new Skip(c.rel, 0, SkipReasons.UNKNOWN_EXTENSION, (ext.isEmpty() ? "the name has no extension"
          : "'." + ext + "' is not a supported format") + "; supported: " + supported()));
      return;
    }
    // A .gz is limited as the file it holds (a .jsonl.gz as JSONL); what it holds is checked when it is read.
    String limitExt = ext.equals("gz") ? GzipReader.innerExtension(c.name) : ext;
    try {
      Path real = c.path.toRealPath();
      String first = filesSeen.putIfAbsent(real, c.rel);
      if (first != null) {
        skipped.add(new Skip(c.rel, 0, SkipReasons.DUPLICATE_PATH, "it is the same file as '" + first
            + "' (a link), which is already listed; a file is read once"));
        return;
      }
    } catch (IOException e) {
      skipped.add(new Skip(c.rel, 0, SkipReasons.IO_ERROR, "the file cannot be resolved (" + describe(e) + ")"));
      return;
    }
    if (c.size == 0) {
      skipped.add(new Skip(c.rel, 0, SkipReasons.EMPTY, "the file has 0 bytes"));
      return;
    }
    long limit = config.maxBytesFor(limitExt);
    if (c.size > limit) {
      skipped.add(new Skip(c.rel, 0, SkipReasons.TOO_LARGE, "the file has " + c.size + " bytes, more than the "
          + limit + " allowed for ." + ext + (limit == config.maxJsonlFileBytes() ? "; split it into several files"
          : "; split it, or convert it to text") + " (not read)"));
      return;
    }
    byte[] sidecarBytes = null;
    if (c.sidecar.isPresent()) {
      try {
        sidecarBytes = Sidecars.readBytes(c.sidecar.get());
      } catch (IOException | IngestException e) {
        // The file is still listed; the same failure is reported as "bad-sidecar" when it is read, and
        // hashing without the sidecar here matches what the read will hash.
        sidecarBytes = null;
      }
    }
    try {
      files.add(new SourceFile(c.rel, c.path, c.size, Hashing.fileHash(c.path, sidecarBytes)));
    } catch (AccessDeniedException e) {
      skipped.add(new Skip(c.rel, 0, SkipReasons.IO_ERROR, "the file cannot be read: permission denied;"
          + " fix its permissions or move it out of the corpus folder"));
    } catch (IOException e) {
      skipped.add(new Skip(c.rel, 0, SkipReasons.IO_ERROR, "the file cannot be read (" + describe(e) + ")"));
    }
  }

  /**
   * The corpus folder's own description ({@code README.md}, {@code README.txt} or {@code README}, any case,
   * directly in the corpus folder: where its files came from, their licence) is not a document.
   */
  static boolean isFolderReadme(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.equals("readme.md") || n.equals("readme.txt") || n.equals("readme");
  }

  /** ".doc .docx ... .txt, each also gzip-compressed (.txt.gz), and .zip archives of them". */
  private String supported() {
    TreeSet<String> formats = new TreeSet<>(extensions);
    boolean gz = formats.remove("gz");
    boolean zip = formats.remove("zip");
    return "." + String.join(" .", formats) + (gz ? ", each also gzip-compressed (.txt.gz)" : "")
        + (zip ? ", and .zip archives of them" : "");
  }

  private static List<String> names(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) names.add(p.getFileName().toString());
    }
    names.sort(Comparator.naturalOrder());
    return names;
  }

  private static String linkTarget(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException e) {
      return "an unreadable target: " + describe(e);
    }
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return m == null || m.isBlank() ? kind : kind + ": " + m;
  }

  /** File names that the JVM cannot decode are the usual reason for InvalidPathException on Linux. */
  private static String encodingHint(Throwable e) {
    Throwable t = e instanceof DirectoryIteratorException die ? die.getCause() : e;
    if (t instanceof InvalidPathException) {
      return "; a file name in it cannot be decoded with the JVM's file-name encoding ("
          + System.getProperty("sun.jnu.encoding") + "): run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    }
    return "";
  }
}
