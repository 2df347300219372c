package org.policysearch.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Opens the Lucene directory of a generation folder for writing. Production uses the file system as it
 * is; tests pass a directory that fails like a full disk, to prove that a failed run leaves the last
 * commit serving.
 */
@FunctionalInterface
interface DirectoryFactory {
  Directory open(Path generation) throws IOException;

  DirectoryFactory FILE_SYSTEM = FSDirectory::open;
}
