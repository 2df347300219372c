package org.policysearch.doc;

import java.util.Objects;

/**
 * One theme of a document with how strongly the text shows it and why.
 *
 * @param theme    the theme's path in the taxonomy ("科技、教育/学前教育", "城乡建设、环境保护/生态环境")
 * @param score    keyword hits, title hits weighing {@code ThemeTagger.TITLE_FACTOR} times, rounded to 0.1
 * @param evidence the keywords found and where ("title: 幼儿园; body: 学前教育×12, 幼儿园×8")
 */
public record ThemeScore(String theme, double score, String evidence) {
  public ThemeScore {
    Objects.requireNonNull(theme, "theme");
    evidence = Objects.requireNonNullElse(evidence, "");
  }
}
