package org.policysearch.doc;

import java.util.List;

/**
 * A paragraph of the cleaned body: what users read and cite.
 *
 * @param number  1-based position in reading order; stable while the source file is unchanged
 * @param text    the paragraph text as cleaned (not normalised: widths and quotation marks as written)
 * @param heading true for headings (一、…, (一)…, 第一章…, short title-like lines)
 * @param themes  themes whose rules match this paragraph
 */
public record Paragraph(int number, String text, boolean heading, List<String> themes) {
  public Paragraph {
    if (number < 1) throw new IllegalArgumentException("paragraph numbers start at 1: " + number);
    text = java.util.Objects.requireNonNull(text, "text");
    themes = List.copyOf(themes == null ? List.of() : themes);
  }
}
