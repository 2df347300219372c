package org.policysearch.index;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;

/**
 * The parent's stored metadata: the {@link PolicyDocument} without its paragraphs (which live on the
 * children), as JSON. Internal to the index; the API's JSON is built elsewhere.
 */
public final class StoredMeta {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private StoredMeta() {}

  public static String encode(PolicyDocument d) {
    return GSON.toJson(d.withParagraphs(List.of()));
  }

  /** The stored document with the given paragraphs put back. */
  public static PolicyDocument decode(String json, List<Paragraph> paragraphs) {
    PolicyDocument d = GSON.fromJson(json, PolicyDocument.class);
    // Through the canonical constructor again: lists absent from JSON written before a field existed become empty.
    return new PolicyDocument(d.id(), d.file(), d.line(), d.title(), d.subtitle(), d.date(), d.region(),
        d.type(), d.source(), d.sourceUrl(), d.issuer(), d.docNumber(), d.officials(), d.themes(), d.flags(),
        paragraphs, d.header(), d.evidence(), d.encoding(), d.contentHash(), d.dates(), d.themeScores());
  }

  /** chapter, section, article, number, clause, item, item number, tab-separated (labels never hold a tab). */
  public static String encodeArticle(org.policysearch.doc.ArticlePosition a) {
    return String.join("\t", a.chapter(), a.section(), a.article(), Integer.toString(a.number()), Integer.toString(a.clause()),
        a.item(), Integer.toString(a.itemNumber()));
  }

  /** The position {@link #encodeArticle} wrote, or NONE for null (a paragraph outside articles). */
  public static org.policysearch.doc.ArticlePosition decodeArticle(String stored) {
    if (stored == null || stored.isEmpty()) return org.policysearch.doc.ArticlePosition.NONE;
    String[] f = stored.split("\t", -1);
    return new org.policysearch.doc.ArticlePosition(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5],
        Integer.parseInt(f[6]));
  }
}
