package org.policysearch.ingest.source;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.policysearch.ingest.GivenMetadata;

/**
 * Metadata that a page states in its head: the {@code <meta>} conventions of Chinese government sites
 * (ArticleTitle, PubDate, ContentSource, SiteName) and of the web at large (Open Graph, article:*,
 * Dublin Core), plus {@code <title>} and the canonical link. Names are matched case-insensitively; the
 * first listed name present wins.
 */
final class HtmlMetadata {
  private HtmlMetadata() {}

  static final List<String> TITLE = List.of("articletitle", "og:title", "dc.title");
  static final List<String> DATE = List.of("pubdate", "publishdate", "article:published_time", "firstpublishedtime",
      "publishtime", "publish_date", "dcterms.issued", "dc.date.issued", "dcterms.date", "dc.date", "date");
  static final List<String> SOURCE = List.of("contentsource", "source", "sitename", "og:site_name");
  static final List<String> URL = List.of("og:url", "url");

  /** Separators between an article title and site or column names in {@code <title>}. */
  private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s*(?:_|\\||｜|\\s-\\s|\\s–\\s|\\s—\\s)\\s*");

  private static final Pattern DATE_PREFIX =
      Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");

  static GivenMetadata extract(Document doc) {
    Map<String, String> metas = new HashMap<>();
    for (Element m : doc.select("meta[content]")) {
      String key = m.hasAttr("name") ? m.attr("name") : m.hasAttr("property") ? m.attr("property") : m.attr("itemprop");
      String content = m.attr("content").strip();
      if (!key.isBlank() && !content.isEmpty()) metas.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), content);
    }
    String title = first(metas, TITLE);
    if (title.isEmpty()) title = titleFromTitleTag(doc.title());
    String url = "";
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null) url = canonical.attr("href").strip();
    if (!isAbsoluteUrl(url)) url = first(metas, URL);
    if (!isAbsoluteUrl(url)) url = "";
    return new GivenMetadata("html-meta", "", title, normalizeDate(first(metas, DATE)), "", "", null,
        first(metas, SOURCE), url, "", "");
  }

  private static String first(Map<String, String> metas, List<String> names) {
    for (String n : names) {
      String v = metas.get(n);
      if (v != null) return v;
    }
    return "";
  }

  /**
   * {@code <title>} of a government page is usually "article_column_site"; the longest part is the
   * article's title (site and column names are short), whichever side it is on.
   */
  static String titleFromTitleTag(String title) {
    String best = "";
    for (String part : TITLE_SEPARATORS.split(title.strip())) {
      if (part.length() > best.length()) best = part;
    }
    return best.strip();
  }

  /** "2023-02-12 10:30:00", "2023/2/12", "2023-02-12T08:00+08:00" → "2023-02-12"; other forms as written. */
  static String normalizeDate(String s) {
    Matcher m = DATE_PREFIX.matcher(s.strip());
    if (!m.find()) return s.strip();
    return String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  private static boolean isAbsoluteUrl(String u) {
    String l = u.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }
}
