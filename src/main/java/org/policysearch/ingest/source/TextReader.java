package org.policysearch.ingest.source;

import java.io.IOException;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;

/**
 * Plain text (.txt) and Markdown (.md): decoded by {@link TextDecoder}, line breaks unified, otherwise
 * as written. Markdown syntax is left in place; the builder sees "# 标题" as a line like any other.
 */
public final class TextReader implements SourceReader {
  @Override
  public void read(SourceContent content, DocumentSink sink) throws IngestException, IOException {
    TextDecoder.Decoded d = TextDecoder.decode(content.readAll(), "the file");
    sink.accept(new RawDocument(content.relPath(), 0, TextDecoder.unifyLineBreaks(d.text()), d.charset(),
        GivenMetadata.EMPTY, content.documentHash()));
  }
}
