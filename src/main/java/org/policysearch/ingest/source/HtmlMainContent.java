package org.policysearch.ingest.source;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the element that holds a page's article and drops the page chrome around it.
 *
 * <p>First, chrome that is never content is removed (scripts, styles, navigation, asides, hidden
 * elements, and headers and footers outside an {@code <article>}). Then the first of
 * {@link #CONTAINERS} that holds a fair share of the page's text wins: these are the content containers
 * of the CMSs most Chinese government sites run (TRS WCM, UCAP, ...). Otherwise a text-density search:
 * every element is scored by the Chinese text it holds outside links, and from {@code <body>} down the
 * search moves into the child that holds most of its parent's score, stopping where the text spreads
 * over several children, which is the article's paragraphs. Link-heavy blocks (menus, "related
 * articles") are dropped from what the density search picked.
 */
final class HtmlMainContent {
  private HtmlMainContent() {}

  /** Content containers in order of trust. */
  static final List<String> CONTAINERS =
      List.of("#zoom", ".TRS_Editor", ".article-content", "#UCAP-CONTENT", ".pages_content", "article");

  /** A container must hold at least this share of the page's scored text, so a teaser box does not win. */
  static final double MIN_CONTAINER_SHARE = 0.3;
  /** The density search enters a child holding this share of its parent's text when it has block children. */
  static final double DESCEND_SHARE = 0.7;
  /**
   * A child whose lines are only {@code <br>}-separated is entered when it holds this share; a single
   * paragraph is never entered, so a long one does not cost the closing lines (signature, date) after it.
   */
  static final double DESCEND_BR_SHARE = 0.9;
  /** A block whose text is more than this share link text is navigation, in the density fallback. */
  static final double LINK_BLOCK_SHARE = 0.5;

  private static final String CHROME = "script, style, noscript, template, iframe, nav, aside, button, select, input,"
      + " textarea, svg, canvas, object, embed, map, [hidden], [aria-hidden=true], [role=navigation], [role=banner],"
      + " [role=contentinfo], [role=complementary], [role=search], [style~=(?i)display\\s*:\\s*none],"
      + " [style~=(?i)visibility\\s*:\\s*hidden]";

  /** The text of the page's main content, with one paragraph a line ("" when the body has none). */
  static String text(Element body) {
    removeChrome(body);
    Scores scores = Scores.of(body);
    double total = scores.text(body);
    for (String selector : CONTAINERS) {
      Element best = null;
      for (Element e : body.select(selector)) {
        if (best == null || scores.text(e) > scores.text(best)) best = e;
      }
      if (best != null && scores.text(best) > 0 && scores.text(best) >= MIN_CONTAINER_SHARE * total) {
        return HtmlText.of(best, e -> false);
      }
    }
    Element dense = densest(body, scores);
    return HtmlText.of(dense, e -> HtmlText.isBlock(e) && scores.links(e) > LINK_BLOCK_SHARE * (scores.links(e) + scores.text(e)));
  }

  static void removeChrome(Element body) {
    body.select(CHROME).remove();
    for (Element e : body.select("header, footer")) {
      if (e.closest("article") == null) e.remove();
    }
  }

  static Element densest(Element body, Scores scores) {
    Element cur = body;
    while (true) {
      Element best = null;
      for (Element c : cur.children()) {
        if (best == null || scores.text(c) > scores.text(best)) best = c;
      }
      if (best == null || scores.text(cur) <= 0) return cur;
      double share = scores.text(best) / scores.text(cur);
      if (share >= DESCEND_SHARE && hasBlocks(best, scores) || share >= DESCEND_BR_SHARE && hasBreaks(best)) {
        cur = best;
      } else {
        return cur;
      }
    }
  }

  /** Has at least one block child with text: a container of paragraphs rather than a paragraph. */
  private static boolean hasBlocks(Element e, Scores scores) {
    for (Element c : e.children()) {
      if (HtmlText.isBlock(c) && scores.text(c) > 0) return true;
    }
    return false;
  }

  /** Lines broken with {@code <br>}: more than one paragraph without block elements. */
  private static boolean hasBreaks(Element e) {
    int br = 0;
    for (Element c : e.children()) {
      if (c.normalName().equals("br") && ++br >= 2) return true;
    }
    return false;
  }

  /**
   * Per element, the weight of the text inside it outside links, and inside links. Weight: a Chinese
   * character counts 1, another letter or digit 0.2 (about a word of Latin script per character).
   */
  static final class Scores {
    private final Map<Element, double[]> map = new IdentityHashMap<>();

    static Scores of(Element root) {
      Scores s = new Scores();
      int[] inLink = {0};
      NodeTraversor.traverse(new NodeVisitor() {
        @Override
        public void head(Node node, int depth) {
          if (node instanceof TextNode t && node.parent() instanceof Element p) {
            s.slot(p)[inLink[0] > 0 ? 1 : 0] += weight(t.getWholeText());
          } else if (node instanceof Element e && e.normalName().equals("a")) {
            inLink[0]++;
          }
        }

        @Override
        public void tail(Node node, int depth) {
          if (node instanceof Element e) {
            if (e.normalName().equals("a")) inLink[0]--;
            if (e != root && e.parent() != null) {
              double[] mine = s.slot(e);
              double[] up = s.slot(e.parent());
              up[0] += mine[0];
              up[1] += mine[1];
            }
          }
        }
      }, root);
      return s;
    }

    private double[] slot(Element e) {
      return map.computeIfAbsent(e, k -> new double[2]);
    }

    double text(Element e) {
      double[] v = map.get(e);
      return v == null ? 0 : v[0];
    }

    double links(Element e) {
      double[] v = map.get(e);
      return v == null ? 0 : v[1];
    }

    static double weight(String s) {
      double w = 0;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) w += 1;
        else if (Character.isLetterOrDigit(cp)) w += 0.2;
        i += Character.charCount(cp);
      }
      return w;
    }
  }
}
