package org.policysearch.ingest.source;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;
import org.policysearch.ingest.Skip;
import org.policysearch.ingest.SkipReasons;
import org.policysearch.ingest.SourceFile;

/**
 * A .zip of documents is read as if it were a folder: every entry with a supported extension is read by
 * its reader, in path order, unpacked in memory (never to disk). The documents keep the archive as their
 * file (so the index follows the archive as one file: changed, it is read again; deleted, its documents
 * leave), and an entry's path inside it is its id: {@code laws.zip/sub/a.txt}, or {@code laws.zip/b.jsonl#3}
 * for a JSONL line without an id.
 *
 * <p>Skipped with the reason, the other entries read: an entry whose path leaves the archive ({@code ../},
 * an absolute path, a drive letter: {@code unsafe-path}), an archive inside the archive
 * ({@code nested-archive}), an unknown extension, an entry over the size limit of its format or that
 * unpacks more than 100:1 ({@link Unpacking}), a damaged entry. Names starting with '.' and macOS's
 * {@code __MACOSX/} folder are ignored, as in the corpus folder; sidecars inside an archive are not
 * applied (reported). An archive that cannot be opened at all (cut short, not a zip) is skipped whole.
 * Entry names are UTF-8, else GB18030 (zips made on Chinese Windows).
 */
final class ZipReader implements SourceReader {
  /** More entries than this are not read: a corpus archive of policy documents has far fewer. */
  static final int MAX_ENTRIES = 100_000;

  private final Map<String, SourceReader> inner;

  /** @param inner the readers of the formats an archive may hold (not archives) */
  ZipReader(Map<String, SourceReader> inner) {
    this.inner = Map.copyOf(inner);
  }

  @Override
  public void read(SourceContent content, DocumentSink sink) throws IngestException, IOException {
    Path path = content.path();
    if (path == null) {
      throw new IngestException(SkipReasons.NESTED_ARCHIVE, "archives inside archives are not opened");
    }
    try (ZipFile zip = open(path)) {
      List<? extends ZipEntry> entries = zip.stream()
          .sorted(Comparator.comparing(ZipEntry::getName)).toList();
      Set<String> seen = new HashSet<>();
      int read = 0;
      for (ZipEntry e : entries) {
        if (e.isDirectory()) continue;
        String name = e.getName().replace('\\', '/');
        String rel = content.relPath() + "/" + name;
        if (leavesTheArchive(name)) {
          sink.skip(new Skip(rel, 0, SkipReasons.UNSAFE_PATH, "its path inside the archive leads out of it ('../',"
              + " an absolute path or a drive letter); such entries are never read"));
          continue;
        }
        if (hidden(name)) continue;
        if (!seen.add(name)) {
          sink.skip(new Skip(rel, 0, SkipReasons.DUPLICATE_ID, "the archive holds this path twice; the first is read"));
          continue;
        }
        if (++read > MAX_ENTRIES) {
          sink.skip(new Skip(rel, 0, SkipReasons.TOO_LARGE, "the archive holds more than " + MAX_ENTRIES
              + " files; this one and those after it are not read: split the archive"));
          return;
        }
        readEntry(zip, e, name, content, sink);
      }
    } catch (ZipException e) {
      throw new IngestException(SkipReasons.CORRUPT, "the zip archive cannot be opened (" + e.getMessage()
          + "): it is damaged or cut short; download or copy it again", e);
    }
  }

  private void readEntry(ZipFile zip, ZipEntry e, String name, SourceContent archive, DocumentSink sink) {
    String rel = archive.relPath() + "/" + name;
    String fileName = name.substring(name.lastIndexOf('/') + 1);
    String ext = SourceFile.extensionOf(fileName);
    if (Sidecars.isSidecarName(fileName)) {
      sink.skip(new Skip(rel, 0, SkipReasons.BAD_SIDECAR, "sidecars inside an archive are not applied;"
          + " unpack the archive into the corpus folder to use them"));
      return;
    }
    if (Unpacking.isArchive(ext)) {
      sink.skip(new Skip(rel, 0, SkipReasons.NESTED_ARCHIVE, "it is an archive inside the archive, which is not"
          + " opened; unpack it into the corpus folder"));
      return;
    }
    SourceReader reader = inner.get(ext);
    if (reader == null) {
      sink.skip(new Skip(rel, 0, SkipReasons.UNKNOWN_EXTENSION, (ext.isEmpty() ? "the name has no extension"
          : "'." + ext + "' is not a supported format") + "; supported: ." + String.join(" .", new TreeSet<>(inner.keySet()))));
      return;
    }
    long max = archive.config().maxBytesFor(ext);
    if (e.getSize() > max) {
      sink.skip(new Skip(rel, 0, SkipReasons.TOO_LARGE, "it unpacks to " + e.getSize() + " bytes, more than the "
          + max + " allowed for ." + ext + "; split it"));
      return;
    }
    long compressed = Math.max(e.getCompressedSize(), 1);
    SourceContent entry = SourceContent.ofEntry(rel,
        () -> Unpacking.guard(zip.getInputStream(e), () -> compressed, max, "zip"), archive.config());
    EntrySink entrySink = new EntrySink(archive.relPath(), rel, sink);
    try {
      reader.read(entry, entrySink);
      if (entrySink.documents == 0 && entrySink.skips == 0) {
        sink.skip(new Skip(rel, 0, SkipReasons.NO_TEXT, "the file holds no document"));
      }
    } catch (Unpacking.Refused x) {
      sink.skip(new Skip(rel, 0, x.reason, x.getMessage()));
    } catch (IngestException x) {
      sink.skip(new Skip(rel, 0, x.reason(), x.getMessage()));
    } catch (IOException x) {
      sink.skip(new Skip(rel, 0, SkipReasons.CORRUPT, "the entry cannot be unpacked (" + x.getClass().getSimpleName()
          + ": " + x.getMessage() + ")"));
    } catch (RuntimeException x) {
      sink.skip(new Skip(rel, 0, SkipReasons.CORRUPT, "the ." + ext + " parser rejected it ("
          + x.getClass().getSimpleName() + ": " + x.getMessage() + ")"));
    } finally {
      entry.close();
    }
  }

  /** Entry names are UTF-8 by the zip standard; archives made on Chinese Windows write GB18030 (GBK) instead. */
  private static ZipFile open(Path path) throws IOException {
    try {
      return new ZipFile(path.toFile(), StandardCharsets.UTF_8);
    } catch (ZipException e) {
      if (!String.valueOf(e.getMessage()).contains("bad entry name")) throw e;
      return new ZipFile(path.toFile(), Charset.forName("GB18030"));
    }
  }

  /** An absolute path, a drive letter, or a '..' segment: a path that would leave a folder it was unpacked into. */
  static boolean leavesTheArchive(String name) {
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) return true;
    for (String seg : name.split("/")) {
      if (seg.equals("..")) return true;
    }
    return false;
  }

  /** Ignored like hidden files in the corpus folder: a segment starting with '.', and macOS's resource forks. */
  private static boolean hidden(String name) {
    if (name.startsWith("__MACOSX/")) return true;
    for (String seg : name.split("/")) {
      if (seg.startsWith(".")) return true;
    }
    return false;
  }

  /** Gives the documents of an entry the archive as their file and the entry's path as their default id. */
  private static final class EntrySink implements DocumentSink {
    private final String archive;
    private final String entry;
    private final DocumentSink out;
    int documents;
    int skips;

    EntrySink(String archive, String entry, DocumentSink out) {
      this.archive = archive;
      this.entry = entry;
      this.out = out;
    }

    @Override
    public void accept(RawDocument raw) {
      documents++;
      GivenMetadata given = raw.given().id().isEmpty()
          ? raw.given().overriddenBy(new GivenMetadata("", entry, "", "", "", "", null, "", "", "", ""))
          : raw.given();
      out.accept(new RawDocument(archive, raw.line(), raw.text(), raw.encoding(), given, raw.contentHash()));
    }

    @Override
    public void skip(Skip skip) {
      skips++;
      out.skip(skip);
    }
  }
}
