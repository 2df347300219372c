package org.policysearch.search.api;

import java.util.List;
import java.util.Optional;
import org.policysearch.doc.Articles;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.search.api.Interpretation;

/**
 * A whole document for reading.
 *
 * @param document         metadata and paragraphs (each with its place among articles)
 * @param paragraphs       every paragraph, with the query's matches marked (none without a query)
 * @param matches          number of marked ranges
 * @param interpretation   how the query was understood, or null without a query
 * @param articleParagraph the paragraph an {@code article=} request jumps to (where that article starts), or 0
 */
public record DocumentView(PolicyDocument document, List<Passage> paragraphs, int matches, Interpretation interpretation,
                           int articleParagraph) {
  /** A view that jumps nowhere. */
  public DocumentView(PolicyDocument document, List<Passage> paragraphs, int matches, Interpretation interpretation) {
    this(document, paragraphs, matches, interpretation, 0);
  }

  /** The table of contents: chapters, sections and articles with the paragraph each starts at; empty without articles. */
  public List<Articles.Entry> contents() {
    return Articles.contents(document.paragraphs());
  }

  /**
   * The same view jumping to an article typed as a user would (12, 十二, 第十二条, 第十二条之一).
   *
   * @throws InvalidRequestException when the text is not an article number
   * @throws NotFoundException       when the document has no such article (or no articles at all)
   */
  public DocumentView atArticle(String typed) throws InvalidRequestException, NotFoundException {
    String t = typed.strip();
    String shown = t.length() > 20 ? t.substring(0, 20) + "…" : t;
    Optional<Paragraph> p;
    try {
      p = Articles.find(document.paragraphs(), t);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("article", "'article' is an article number such as 12, 十二 or 第十二条, got '" + shown + "'",
          "参数 article 须是条的序号，如 12、十二 或 第十二条，收到的是“" + shown + "”");
    }
    if (p.isEmpty()) {
      List<Articles.Entry> articles = contents().stream().filter(e -> e.level().equals("article")).toList();
      if (articles.isEmpty()) {
        throw new NotFoundException("the document '" + document.id() + "' is not written in articles; cite it by paragraph",
            "文件“" + document.id() + "”不分条，请按段落引用");
      }
      String range = articles.get(0).label() + "–" + articles.get(articles.size() - 1).label();
      throw new NotFoundException("the document '" + document.id() + "' has no article " + shown + "; its articles run " + range,
          "文件“" + document.id() + "”没有第" + shown.replaceFirst("^第", "").replaceFirst("条$", "") + "条，它的条文为" + range);
    }
    return new DocumentView(document, paragraphs, matches, interpretation, p.get().number());
  }
}
