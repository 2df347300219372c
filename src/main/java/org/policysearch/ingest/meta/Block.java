package org.policysearch.ingest.meta;

/**
 * A paragraph of the cleaned body before it is numbered and tagged.
 *
 * @param text     the paragraph as cleaned (markdown '#' markers removed)
 * @param heading  true for headings
 * @param markdown true when the heading was written as a markdown '#' line (level in {@link #level})
 * @param level    markdown heading level (1 for '#'), 0 otherwise
 */
public record Block(String text, boolean heading, boolean markdown, int level) {
  static Block of(String text, boolean heading) {
    return new Block(text, heading, false, 0);
  }

  Block asHeading() {
    return heading ? this : new Block(text, true, markdown, level);
  }
}
