package org.policysearch.ingest.source;

import org.policysearch.ingest.RawDocument;
import org.policysearch.ingest.Skip;

/** Where a {@link SourceReader} delivers what it read from one file. */
public interface DocumentSink {
  /** A decoded document; what happens next (building, limits) is the sink's business. */
  void accept(RawDocument raw);

  /** Part of the file was skipped (a JSONL line), with the reason. The reader goes on. */
  void skip(Skip skip);
}
