package org.policysearch.ingest.source;

import java.io.IOException;
import org.policysearch.ingest.IngestException;

/**
 * Reads one format. Implementations are stateless and safe to share between threads.
 *
 * <p>A reader takes the bytes from {@link SourceContent} (whole, or streamed for bulk formats), emits
 * each document to the sink, and throws {@link IngestException} when the whole file must be skipped:
 * parser failures are classified there (corrupt, no-text, undecodable, ...). An {@link IOException}
 * means the file system failed, not the content.
 */
public interface SourceReader {
  void read(SourceContent content, DocumentSink sink) throws IngestException, IOException;
}
