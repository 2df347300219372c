package org.policysearch.search.api;

import java.util.List;
import org.policysearch.doc.ArticlePosition;

/**
 * A paragraph shown with a hit.
 *
 * @param paragraph  1-based paragraph number (cite as "第N段")
 * @param text       the paragraph as written
 * @param heading    whether it is a heading
 * @param highlights matched ranges in {@code text}; a matched phrase is one range
 * @param html       {@code text} HTML-escaped with each highlight in {@code <mark>}
 * @param article    where the paragraph stands among 章/节/条/款/项 (cite as 第十二条第二款), or NONE
 */
public record Passage(int paragraph, String text, boolean heading, List<Span> highlights, String html, ArticlePosition article) {
  public Passage {
    article = java.util.Objects.requireNonNullElse(article, ArticlePosition.NONE);
  }

  /** A passage outside articles. */
  public Passage(int paragraph, String text, boolean heading, List<Span> highlights, String html) {
    this(paragraph, text, heading, highlights, html, ArticlePosition.NONE);
  }
}
