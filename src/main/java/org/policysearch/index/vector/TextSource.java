package org.policysearch.index.vector;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.policysearch.doc.Paragraph;

/**
 * What the vector builder embeds: one consistent view of a text index (the embedded index's serving commit,
 * or a cluster index behind its alias), held for a whole pass while the text index goes on changing (the
 * next pass catches up).
 */
public interface TextSource extends Closeable {
  /** A document of the view: its id and the hash of the file it was read from. */
  interface Ref {
    String id();

    String fileHash();
  }

  /** What names this view: with a document's file hash, what tells a marker that its text is unchanged. */
  String generation();

  /** Every live document. */
  List<? extends Ref> documents() throws IOException;

  /** The paragraphs of one document of {@link #documents()}, in order (texts, numbers and heading flags). */
  List<Paragraph> paragraphs(Ref document) throws IOException;
}
