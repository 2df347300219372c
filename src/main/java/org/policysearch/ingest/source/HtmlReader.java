package org.policysearch.ingest.source;

import java.io.IOException;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;
import org.policysearch.ingest.SkipReasons;

/**
 * HTML pages (.html, .htm): the main content only, with paragraph breaks, and the metadata of the
 * page head as {@link org.policysearch.ingest.GivenMetadata} of origin "html-meta". See
 * {@link HtmlDecoding} for the charset, {@link HtmlMainContent} for what counts as content,
 * {@link HtmlMetadata} for the meta names. Encoding reported as {@code html/CHARSET}.
 */
public final class HtmlReader implements SourceReader {
  /**
   * jsoup's tree depth cap (its default, stated here because safety depends on it): deeper elements
   * are attached at this depth, so 100,000 nested divs parse flat and fast. Our own walks are iterative.
   */
  static final int MAX_DEPTH = 512;

  @Override
  public void read(SourceContent content, DocumentSink sink) throws IngestException, IOException {
    sink.accept(parse(content.readAll(), content));
  }

  /** Also used for Word files that are really web pages. */
  static RawDocument parse(byte[] bytes, SourceContent content) throws IngestException {
    TextDecoder.Decoded decoded = HtmlDecoding.decode(bytes);
    Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
    Document doc = parser.parseInput(decoded.text(), "");
    var given = HtmlMetadata.extract(doc);
    String text = HtmlMainContent.text(doc.body());
    if (text.isBlank()) {
      throw new IngestException(SkipReasons.NO_TEXT, "the page has no text outside its navigation and scripts"
          + " (its content may be loaded by JavaScript: save the rendered page instead)");
    }
    return new RawDocument(content.relPath(), 0, text, "html/" + decoded.charset(), given, content.documentHash());
  }
}
