package org.policysearch.doc;

import java.util.List;

/**
 * A paragraph of the cleaned body: what users read and cite.
 *
 * @param number  1-based position in reading order; stable while the source file is unchanged
 * @param text    the paragraph text as cleaned (not normalised: widths and quotation marks as written)
 * @param heading true for headings (一、…, (一)…, 第一章…, short title-like lines)
 * @param themes  themes whose rules match this paragraph
 * @param article where it stands among the 章/节/条/款/项 of a document built of articles ({@link Articles}),
 *                or {@link ArticlePosition#NONE}
 */
public record Paragraph(int number, String text, boolean heading, List<String> themes, ArticlePosition article) {
  public Paragraph {
    if (number < 1) throw new IllegalArgumentException("paragraph numbers start at 1: " + number);
    text = java.util.Objects.requireNonNull(text, "text");
    themes = List.copyOf(themes == null ? List.of() : themes);
    article = java.util.Objects.requireNonNullElse(article, ArticlePosition.NONE);
  }

  /** A paragraph outside any article structure (or before it is located). */
  public Paragraph(int number, String text, boolean heading, List<String> themes) {
    this(number, text, heading, themes, ArticlePosition.NONE);
  }

  /** The same paragraph at another position. */
  public Paragraph withArticle(ArticlePosition position) {
    return new Paragraph(number, text, heading, themes, position);
  }
}
