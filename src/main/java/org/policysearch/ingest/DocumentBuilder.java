package org.policysearch.ingest;

import org.policysearch.doc.PolicyDocument;

/**
 * Turns decoded text into a {@link PolicyDocument}: cleans web debris, extracts metadata (given
 * metadata wins), splits and numbers paragraphs, assigns themes and flags.
 */
public interface DocumentBuilder {
  /**
   * @throws IngestException with reason "no-text" when nothing of the body remains after cleaning
   */
  PolicyDocument build(RawDocument raw) throws IngestException;
}
