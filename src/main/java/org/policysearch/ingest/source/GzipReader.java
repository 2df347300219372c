package org.policysearch.ingest.source;

import java.io.IOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.SkipReasons;
import org.policysearch.ingest.SourceFile;

/**
 * A gzip-compressed file ({@code reports.jsonl.gz}, {@code speech.txt.gz}, ...) is read as the file it
 * holds, by the reader of the extension before {@code .gz}, unpacked as it is read (never to disk): the
 * document ids are those of the file it holds ({@code reports.jsonl.gz#3} for a line without an id), the
 * hash is that of the compressed file. Unpacking stops at the limits of {@link Unpacking} (100:1, and the
 * size limit of the format inside); damaged or cut-short data skips the file as {@code corrupt}.
 */
final class GzipReader implements SourceReader {
  private final Map<String, SourceReader> inner;

  /** @param inner the readers of the formats a .gz may hold (not archives) */
  GzipReader(Map<String, SourceReader> inner) {
    this.inner = Map.copyOf(inner);
  }

  /** The extension of the file a .gz holds: "jsonl" for "a.jsonl.gz", "" for "a.gz". */
  static String innerExtension(String name) {
    return SourceFile.extensionOf(name.substring(0, name.length() - ".gz".length()));
  }

  @Override
  public void read(SourceContent content, DocumentSink sink) throws IngestException, IOException {
    String ext = innerExtension(content.relPath());
    if (Unpacking.isArchive(ext)) {
      throw new IngestException(SkipReasons.NESTED_ARCHIVE, "it is a compressed ." + ext
          + " archive: archives inside archives are not opened; unpack it into the corpus folder");
    }
    SourceReader reader = inner.get(ext);
    if (reader == null) {
      throw new IngestException(SkipReasons.UNKNOWN_EXTENSION, ext.isEmpty()
          ? "a .gz file is read as the file it holds, named by the extension before .gz (a.txt.gz, a.jsonl.gz);"
              + " this name has none"
          : "it holds a '." + ext + "' file, which is not a supported format");
    }
    long max = content.config().maxBytesFor(ext);
    content.decodedBy(stored -> {
      Unpacking.Counting counted = new Unpacking.Counting(stored);
      try {
        return Unpacking.guard(new GZIPInputStream(counted, 64 * 1024), counted::count, max, "gzip");
      } catch (ZipException | java.io.EOFException e) {
        throw Unpacking.damaged("gzip", e);
      }
    });
    try {
      reader.read(content, sink);
    } catch (Unpacking.Refused e) {
      throw e.toIngest();
    }
  }
}
