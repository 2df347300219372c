package org.policysearch.index;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.policysearch.doc.Reference;
import org.policysearch.text.CitationKeys;

/**
 * A document's references as stored ({@link Fields#REFERENCES}), and the lineage keys of documents and
 * references ({@link Fields#LINEAGE_KEY}, {@link Fields#CITES_KEY}): "t:" + title key, "n:" + 文号 key.
 */
public final class StoredReferences {
  public static final String TITLE = "t:";
  public static final String NUMBER = "n:";
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private StoredReferences() {}

  /** The compact stored form of one reference. */
  private record Stored(String t, String v, String n, String r, int p, String c) {}

  public static String encode(List<Reference> refs) {
    List<Stored> out = new ArrayList<>(refs.size());
    for (Reference r : refs) out.add(new Stored(r.title(), r.version(), r.docNumber(), r.relation().label(), r.paragraph(), r.context()));
    return GSON.toJson(out);
  }

  public static List<Reference> decode(String json) {
    if (json == null || json.isEmpty()) return List.of();
    List<Stored> in = GSON.fromJson(json, new TypeToken<List<Stored>>() {}.getType());
    List<Reference> out = new ArrayList<>(in.size());
    for (Stored s : in) out.add(new Reference(s.t(), s.v(), s.n(), Reference.Relation.of(s.r()), s.p(), s.c()));
    return out;
  }

  /** The keys a document can be cited by: its title's and its own 文号's. */
  public static Set<String> ownKeys(String title, String docNumber) {
    Set<String> keys = new LinkedHashSet<>();
    String t = CitationKeys.title(title).key();
    if (!t.isEmpty()) keys.add(TITLE + t);
    String n = CitationKeys.docNumber(docNumber);
    if (!n.isEmpty()) keys.add(NUMBER + n);
    return keys;
  }

  /** The keys a reference may find its document by: its title's, and every tail of its 文号's code. */
  public static Set<String> keys(Reference r) {
    Set<String> keys = new LinkedHashSet<>();
    String t = CitationKeys.title(r.title()).key();
    if (!t.isEmpty()) keys.add(TITLE + t);
    for (String n : CitationKeys.docNumberTails(CitationKeys.docNumber(r.docNumber()))) keys.add(NUMBER + n);
    return keys;
  }
}
