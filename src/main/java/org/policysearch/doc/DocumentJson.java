package org.policysearch.doc;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link PolicyDocument}, shared by {@code inspect --json} and the HTTP API so that
 * both show the same names. Field names are snake_case; a value that is not known is {@code null}
 * where the type has no natural empty value ({@code date}, {@code year}, {@code duplicate_of}) and
 * "" / 0 / [] otherwise (all region fields are "" and confidence 0 when the region is unknown).
 *
 * <pre>
 * {file, line, id, title, subtitle, date, date_precision (day|month|year|unknown), year,
 *  dates: [{kind (delivered|adopted|approved|published|effective|amended|repealed), value, precision, evidence}],
 *  region: {province, city, county, path, code, confidence, as_written}, type, source, source_url, issuer,
 *  doc_number, officials: [{role, name}], themes, theme_scores: [{theme, score, evidence}],
 *  truncated, redacted, duplicate_of,
 *  paragraphs (count in summary; [{number, text, heading, themes}] in full), encoding,
 *  evidence: [{field, value, origin, detail}], header: {name: value}}
 * </pre>
 */
public final class DocumentJson {
  private DocumentJson() {}

  /** Writes nulls (they are part of the format) and Chinese and &lt;&gt; as they are. */
  public static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  public static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create();

  /** Everything but the paragraph texts: {@code paragraphs} is their count. */
  public static JsonObject summary(PolicyDocument d) {
    JsonObject o = head(d);
    o.addProperty("paragraphs", d.paragraphs().size());
    tail(o, d);
    return o;
  }

  /** Everything, with {@code paragraphs} as [{number, text, heading, themes, article}]. */
  public static JsonObject full(PolicyDocument d) {
    JsonObject o = head(d);
    JsonArray ps = new JsonArray();
    for (Paragraph p : d.paragraphs()) {
      JsonObject po = new JsonObject();
      po.addProperty("number", p.number());
      po.addProperty("text", p.text());
      po.addProperty("heading", p.heading());
      po.add("themes", strings(p.themes()));
      po.add("article", article(p.article()));
      ps.add(po);
    }
    o.add("paragraphs", ps);
    tail(o, d);
    return o;
  }

  private static JsonObject head(PolicyDocument d) {
    JsonObject o = new JsonObject();
    o.addProperty("file", d.file());
    o.addProperty("line", d.line());
    o.addProperty("id", d.id());
    o.addProperty("title", d.title());
    o.addProperty("subtitle", d.subtitle());
    if (d.date().known()) o.addProperty("date", d.date().value());
    else o.add("date", JsonNull.INSTANCE);
    o.addProperty("date_precision", d.date().precision().name().toLowerCase(Locale.ROOT));
    if (d.year() != null) o.addProperty("year", d.year());
    else o.add("year", JsonNull.INSTANCE);
    JsonArray dates = new JsonArray();
    for (DatedEvent e : d.dates()) {
      JsonObject eo = new JsonObject();
      eo.addProperty("kind", e.kind().label());
      eo.addProperty("value", e.date().value());
      eo.addProperty("precision", e.date().precision().name().toLowerCase(Locale.ROOT));
      eo.addProperty("evidence", e.evidence());
      dates.add(eo);
    }
    o.add("dates", dates);
    o.add("region", region(d.region()));
    o.addProperty("type", d.type());
    o.addProperty("source", d.source());
    o.addProperty("source_url", d.sourceUrl());
    o.addProperty("issuer", d.issuer());
    o.addProperty("doc_number", d.docNumber());
    JsonArray officials = new JsonArray();
    for (Official of : d.officials()) {
      JsonObject oo = new JsonObject();
      oo.addProperty("role", of.role());
      oo.addProperty("name", of.name());
      officials.add(oo);
    }
    o.add("officials", officials);
    o.add("themes", strings(d.themes()));
    JsonArray scores = new JsonArray();
    for (ThemeScore t : d.themeScores()) {
      JsonObject to = new JsonObject();
      to.addProperty("theme", t.theme());
      to.addProperty("score", t.score());
      to.addProperty("evidence", t.evidence());
      scores.add(to);
    }
    o.add("theme_scores", scores);
    o.addProperty("truncated", d.flags().truncated());
    o.addProperty("redacted", d.flags().redacted());
    if (d.flags().duplicate()) o.addProperty("duplicate_of", d.flags().duplicateOf());
    else o.add("duplicate_of", JsonNull.INSTANCE);
    return o;
  }

  /**
   * A paragraph's place among articles: {chapter, section, article, number, clause, item, cite}, or null for a
   * paragraph outside articles (a document without them, or its preamble).
   */
  public static JsonElement article(ArticlePosition a) {
    if (a.chapter().isEmpty() && a.section().isEmpty() && a.article().isEmpty()) return JsonNull.INSTANCE;
    JsonObject o = new JsonObject();
    o.addProperty("chapter", a.chapter());
    o.addProperty("section", a.section());
    o.addProperty("article", a.article());
    o.addProperty("number", a.number());
    o.addProperty("clause", a.clause());
    o.addProperty("item", a.item());
    o.addProperty("cite", a.cite());
    return o;
  }

  /** {province, city, county, path, code, confidence, as_written}. */
  public static JsonObject region(RegionInfo r) {
    JsonObject ro = new JsonObject();
    ro.addProperty("province", r.province());
    ro.addProperty("city", r.city());
    ro.addProperty("county", r.county());
    ro.addProperty("path", r.path());
    ro.addProperty("code", r.code());
    ro.addProperty("confidence", r.confidence());
    ro.addProperty("as_written", r.asWritten());
    return ro;
  }

  private static void tail(JsonObject o, PolicyDocument d) {
    o.addProperty("encoding", d.encoding());
    JsonArray evidence = new JsonArray();
    for (Evidence e : d.evidence()) {
      JsonObject eo = new JsonObject();
      eo.addProperty("field", e.field());
      eo.addProperty("value", e.value());
      eo.addProperty("origin", e.origin());
      eo.addProperty("detail", e.detail());
      evidence.add(eo);
    }
    o.add("evidence", evidence);
    JsonObject header = new JsonObject();
    // Sorted: the record holds an unordered map, and the same document must print the same way.
    for (Map.Entry<String, String> h : new TreeMap<>(d.header()).entrySet()) header.addProperty(h.getKey(), h.getValue());
    o.add("header", header);
  }

  private static JsonArray strings(java.util.List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
