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
    PolicyDocument withoutBody = new PolicyDocument(d.id(), d.file(), d.line(), d.title(), d.subtitle(),
        d.date(), d.region(), d.type(), d.source(), d.sourceUrl(), d.issuer(), d.docNumber(), d.officials(),
        d.themes(), d.flags(), List.of(), d.header(), d.evidence(), d.encoding(), d.contentHash());
    return GSON.toJson(withoutBody);
  }

  /** The stored document with the given paragraphs put back. */
  public static PolicyDocument decode(String json, List<Paragraph> paragraphs) {
    PolicyDocument d = GSON.fromJson(json, PolicyDocument.class);
    return new PolicyDocument(d.id(), d.file(), d.line(), d.title(), d.subtitle(), d.date(), d.region(),
        d.type(), d.source(), d.sourceUrl(), d.issuer(), d.docNumber(), d.officials(), d.themes(), d.flags(),
        paragraphs, d.header(), d.evidence(), d.encoding(), d.contentHash());
  }
}
