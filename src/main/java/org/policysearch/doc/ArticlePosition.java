package org.policysearch.doc;

import java.util.Objects;

/**
 * Where a paragraph stands in a document built of articles, as lawyers cite it: 第三章 第一节 第十二条 第二款
 * 第（三）项. Labels are kept as written (第十二条之一 stays so; a document whose numbering skips or repeats is
 * never renumbered); the numbers are read from them for jumping and sorting.
 *
 * @param chapter  the 编/章 heading's number as written ("第三章"), or ""
 * @param section  the 节 as written ("第一节"), or ""
 * @param article  the 条 as written ("第十二条", "第十二条之一"), or "" before the first article
 * @param number   the article's number (12 for 第十二条 and 第十二条之一; 0 when none or unreadable)
 * @param clause   the 款 within the article, from 1; 0 when the article has a single paragraph (cited as the
 *                 article alone) or the paragraph is not in an article
 * @param item     the 项 as written ("（三）"), or ""
 * @param itemNumber the item's number (3), or 0
 */
public record ArticlePosition(String chapter, String section, String article, int number, int clause, String item,
                              int itemNumber) {
  public static final ArticlePosition NONE = new ArticlePosition("", "", "", 0, 0, "", 0);

  public ArticlePosition {
    chapter = Objects.requireNonNullElse(chapter, "");
    section = Objects.requireNonNullElse(section, "");
    article = Objects.requireNonNullElse(article, "");
    item = Objects.requireNonNullElse(item, "");
  }

  /** Whether the paragraph is inside an article. */
  public boolean inArticle() {
    return !article.isEmpty();
  }

  /** The citation of the position: 第十二条, 第十二条第二款, 第十二条第二款第三项; "" outside articles. */
  public String cite() {
    if (article.isEmpty()) return "";
    StringBuilder sb = new StringBuilder(article);
    if (clause > 0) sb.append('第').append(Articles.chinese(clause)).append('款');
    if (itemNumber > 0) sb.append('第').append(Articles.chinese(itemNumber)).append('项');
    return sb.toString();
  }
}
