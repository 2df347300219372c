package org.policysearch.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policysearch.ingest.CorpusListing;
import org.policysearch.ingest.SourceFile;

/**
 * The incremental rule, the same for every index a corpus is written to (the Lucene index, a cluster): a
 * file is read again when it is new or its content hash differs from the one indexed; a file the index
 * holds that the corpus no longer lists leaves the index, unless it is listed as unreadable right now (it
 * keeps its old version until it can be read).
 *
 * @param toRead      new and changed files, in corpus order
 * @param unchanged   files whose hash is the one indexed (not read)
 * @param bytesToRead the size of the files to read
 * @param gone        indexed files to remove
 */
public record CorpusChanges(List<SourceFile> toRead, long unchanged, long bytesToRead, Set<String> gone) {
  /** @param indexedHash the content hash of every file the index holds, by path relative to the corpus */
  public static CorpusChanges of(CorpusListing listing, Map<String, String> indexedHash) {
    List<SourceFile> toRead = new ArrayList<>();
    long unchanged = 0;
    long bytes = 0;
    Set<String> listed = new HashSet<>();
    for (SourceFile f : listing.files()) {
      listed.add(f.relPath());
      String h = indexedHash.get(f.relPath());
      if (h != null && h.equals(f.hash())) {
        unchanged++;
      } else {
        toRead.add(f);
        bytes += f.size();
      }
    }
    Set<String> unreadableNow = new HashSet<>();
    listing.skipped().forEach(s -> unreadableNow.add(s.file()));
    Set<String> gone = new HashSet<>();
    for (String file : indexedHash.keySet()) {
      if (!listed.contains(file) && !unreadableNow.contains(file)) gone.add(file);
    }
    return new CorpusChanges(List.copyOf(toRead), unchanged, bytes, Set.copyOf(gone));
  }
}
