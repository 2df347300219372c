package org.policysearch.ingest.source;

import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The text of an element with its paragraph structure: block elements and {@code <br>} become line
 * breaks, table cells are separated by tabs, whitespace inside a paragraph collapses as a browser shows
 * it (except in {@code <pre>}), and each line is trimmed, including the full-width spaces Chinese pages
 * indent paragraphs with. Iterative, so any nesting depth is safe.
 */
final class HtmlText {
  private HtmlText() {}

  static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "caption", "center", "dd",
      "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
      "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
      "table", "tbody", "tfoot", "thead", "tr", "ul", "option", "legend");

  static boolean isBlock(Element e) {
    return BLOCKS.contains(e.normalName());
  }

  /** @param skip elements left out with everything inside them */
  static String of(Element root, Predicate<Element> skip) {
    StringBuilder sb = new StringBuilder();
    int[] preDepth = {0};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          String s = t.getWholeText();
          sb.append(preDepth[0] > 0 ? s : s.replaceAll("[ \\t\\n\\r\\f\\u00A0]+", " "));
        } else if (node instanceof Element e) {
          if (e != root && skip.test(e)) return FilterResult.SKIP_ENTIRELY;
          String n = e.normalName();
          if (n.equals("br")) sb.append('\n');
          else if (n.equals("td") || n.equals("th")) sb.append('\t');
          else if (n.equals("img") && !e.attr("alt").isBlank()) sb.append(e.attr("alt").strip());
          else if (isBlock(e)) sb.append('\n');
          if (n.equals("pre")) preDepth[0]++;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
          if (isBlock(e)) sb.append('\n');
          if (e.normalName().equals("pre")) preDepth[0]--;
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    return tidyLines(sb);
  }

  /** Trims every line (also U+3000 and no-break spaces) and drops empty ones. */
  static String tidyLines(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.toString().split("\n")) {
      String t = strip(line);
      if (t.isEmpty()) continue;
      if (!out.isEmpty()) out.append('\n');
      out.append(t);
    }
    return out.toString();
  }

  private static String strip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isSpace(s.charAt(a))) a++;
    while (b > a && isSpace(s.charAt(b - 1))) b--;
    return s.substring(a, b);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF';
  }
}
