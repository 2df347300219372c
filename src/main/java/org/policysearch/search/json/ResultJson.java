package org.policysearch.search.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import org.policysearch.doc.DocumentJson;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.search.api.DocumentView;
import org.policysearch.search.api.CitedBy;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.CitingDocument;
import org.policysearch.search.api.ExportRow;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Facets;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.IndexRun;
import org.policysearch.search.api.IndexStats;
import org.policysearch.search.api.Interpretation;
import org.policysearch.search.api.PartialMatches;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.PhraseResult;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SemanticStatus;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.api.Span;
import org.policysearch.search.api.Suggestion;

/**
 * The JSON of every result, written once and used by both the HTTP API and the command line's
 * {@code --json}, so the two always return the same records. Field names are snake_case and
 * documented in the OpenAPI document.
 */
public final class ResultJson {
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
  public static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();

  private ResultJson() {}

  public static JsonObject search(SearchResult r) {
    JsonObject o = new JsonObject();
    o.addProperty("total", r.total());
    o.addProperty("folded_reposts", r.foldedReposts());
    o.addProperty("by_meaning", r.byMeaning());
    o.addProperty("answered_by", r.answeredBy());
    o.addProperty("page", r.page());
    o.addProperty("size", r.size());
    o.addProperty("took_ms", r.tookMs());
    o.addProperty("timed_out", r.timedOut());
    o.addProperty("sort", r.sort().value());
    o.add("query", interpretation(r.interpretation()));
    o.add("filters", filters(r.filters()));
    JsonArray hits = new JsonArray();
    for (Hit h : r.hits()) hits.add(hit(h));
    o.add("hits", hits);
    o.add("partial", partial(r.partial()));
    o.add("facets", facets(r.facets()));
    return o;
  }

  /** Documents that hold all the words but one (null when not looked for): each hit as in {@code hits}, plus {@code missing}. */
  public static JsonElement partial(PartialMatches p) {
    if (p == null) return JsonNull.INSTANCE;
    JsonObject o = new JsonObject();
    o.addProperty("total", p.total());
    o.add("words", strings(p.words()));
    JsonArray hits = new JsonArray();
    for (PartialMatches.PartialHit h : p.hits()) {
      JsonObject ho = hit(h.hit());
      ho.add("missing", strings(h.missing()));
      hits.add(ho);
    }
    o.add("hits", hits);
    return o;
  }

  public static JsonObject hit(Hit h) {
    JsonObject o = document(h.document());
    o.addProperty("paragraphs", h.paragraphs());
    o.addProperty("score", h.score());
    JsonArray ps = new JsonArray();
    for (Passage p : h.passages()) ps.add(passage(p));
    o.add("passages", ps);
    return o;
  }

  /**
   * A document's metadata, the same record as {@code inspect --json} ({@link DocumentJson#summary});
   * {@code paragraphs} is the paragraph count.
   */
  public static JsonObject document(PolicyDocument d) {
    return DocumentJson.summary(d);
  }

  public static JsonObject region(RegionInfo r) {
    return DocumentJson.region(r);
  }

  public static JsonObject passage(Passage p) {
    JsonObject o = new JsonObject();
    o.addProperty("paragraph", p.paragraph());
    o.addProperty("text", p.text());
    o.addProperty("heading", p.heading());
    JsonArray hl = new JsonArray();
    for (Span s : p.highlights()) {
      JsonArray pair = new JsonArray();
      pair.add(s.start());
      pair.add(s.end());
      hl.add(pair);
    }
    o.add("highlights", hl);
    o.addProperty("html", p.html());
    o.add("article", org.policysearch.doc.DocumentJson.article(p.article()));
    return o;
  }

  public static JsonObject interpretation(Interpretation i) {
    JsonObject o = new JsonObject();
    o.addProperty("q", i.query());
    o.addProperty("explanation", i.explanation());
    JsonArray cs = new JsonArray();
    for (Interpretation.Clause c : i.clauses()) {
      JsonObject co = new JsonObject();
      co.addProperty("kind", c.kind());
      co.addProperty("text", c.text());
      co.addProperty("normalized", c.normalized());
      co.addProperty("scope", c.scope());
      co.addProperty("excluded", c.excluded());
      co.add("segments", strings(c.segments()));
      co.add("must_match", strings(c.mustMatch()));
      co.add("synonyms", strings(c.synonyms()));
      cs.add(co);
    }
    o.add("clauses", cs);
    o.add("filters", filterReadings(i.filters()));
    return o;
  }

  /** How each filter value was read: {facet, given, value, how, documents}. */
  public static JsonArray filterReadings(List<Interpretation.FilterReading> readings) {
    JsonArray a = new JsonArray();
    for (Interpretation.FilterReading f : readings) {
      JsonObject o = new JsonObject();
      o.addProperty("facet", f.facet());
      o.addProperty("given", f.given());
      o.addProperty("value", f.value());
      o.addProperty("how", f.how());
      o.addProperty("documents", f.documents());
      a.add(o);
    }
    return a;
  }

  public static JsonObject filters(Filters f) {
    JsonObject o = new JsonObject();
    o.add("region", strings(f.regions()));
    JsonArray years = new JsonArray();
    f.years().forEach(years::add);
    o.add("year", years);
    o.addProperty("from", f.yearFrom());
    o.addProperty("to", f.yearTo());
    o.add("theme", strings(f.themes()));
    o.add("type", strings(f.types()));
    o.addProperty("include_duplicates", f.includeDuplicates());
    o.addProperty("effective_on", f.effectiveOn() == null ? null : f.effectiveOn().toString());
    o.addProperty("cites", f.cites());
    return o;
  }

  public static JsonObject facets(Facets f) {
    JsonObject o = new JsonObject();
    o.add("region", facetValues(f.region()));
    o.add("year", facetValues(f.year()));
    o.addProperty("year_unknown", f.yearUnknown());
    o.add("theme", facetValues(f.theme()));
    o.add("type", facetValues(f.type()));
    return o;
  }

  static JsonArray facetValues(List<FacetValue> vs) {
    JsonArray a = new JsonArray();
    for (FacetValue v : vs) {
      JsonObject o = new JsonObject();
      o.addProperty("value", v.value());
      o.addProperty("label", v.label());
      o.addProperty("count", v.count());
      o.addProperty("selected", v.selected());
      o.add("children", facetValues(v.children()));
      a.add(o);
    }
    return a;
  }

  /** A whole document: its metadata, then every paragraph with the query's matches marked. */
  public static JsonObject documentView(DocumentView v) {
    JsonObject o = document(v.document());
    o.addProperty("matches", v.matches());
    o.add("query", v.interpretation() == null ? JsonNull.INSTANCE : interpretation(v.interpretation()));
    JsonArray ps = new JsonArray();
    for (int i = 0; i < v.paragraphs().size(); i++) {
      JsonObject p = passage(v.paragraphs().get(i));
      p.add("themes", strings(v.document().paragraphs().get(i).themes()));
      ps.add(p);
    }
    o.add("paragraphs", ps);
    JsonArray toc = new JsonArray();
    for (org.policysearch.doc.Articles.Entry e : v.contents()) {
      JsonObject c = new JsonObject();
      c.addProperty("level", e.level());
      c.addProperty("label", e.label());
      if (e.level().equals("article")) c.addProperty("number", e.number());
      c.addProperty("paragraph", e.paragraph());
      toc.add(c);
    }
    o.add("contents", toc);
    o.addProperty("article_paragraph", v.articleParagraph() == 0 ? null : v.articleParagraph());
    return o;
  }

  /**
   * A document's lineage added to its JSON ({@link #documentView}): {@code cites}, every reference it makes,
   * and {@code cited_by}, the first page of the documents that cite it.
   */
  public static JsonObject withLineage(JsonObject document, List<CitedReference> cites, CitedBy citedBy) {
    document.add("cites", cites(cites));
    document.add("cited_by", citedBy(citedBy));
    return document;
  }

  /** A document whose lineage the backend cannot give now (its index stopped answering after the document was read): both fields null. */
  public static JsonObject withoutLineage(JsonObject document) {
    document.add("cites", com.google.gson.JsonNull.INSTANCE);
    document.add("cited_by", com.google.gson.JsonNull.INSTANCE);
    return document;
  }

  /** The references of a document ({@code cites ID --json}, {@code cites} of {@code /api/documents/{id}}). */
  public static JsonArray cites(List<CitedReference> cites) {
    JsonArray a = new JsonArray();
    for (CitedReference c : cites) {
      JsonObject o = new JsonObject();
      o.addProperty("title", c.title());
      o.addProperty("version", c.version());
      o.addProperty("doc_number", c.docNumber());
      o.addProperty("relation", c.relation());
      o.addProperty("paragraph", c.paragraph());
      o.addProperty("context", c.context());
      o.addProperty("status", c.status());
      o.add("target", c.target() == null ? JsonNull.INSTANCE : documentRef(c.target()));
      a.add(o);
    }
    return a;
  }

  /** A page of citing documents ({@code /api/documents/{id}/cited-by}, {@code cited-by ID --json}). */
  public static JsonObject citedBy(CitedBy c) {
    JsonObject o = new JsonObject();
    o.addProperty("id", c.id());
    o.addProperty("total", c.total());
    o.addProperty("page", c.page());
    o.addProperty("size", c.size());
    JsonArray docs = new JsonArray();
    for (CitingDocument d : c.documents()) {
      JsonObject j = documentRef(d.document());
      j.addProperty("relation", d.relation());
      j.addProperty("paragraph", d.paragraph());
      j.addProperty("context", d.context());
      docs.add(j);
    }
    o.add("documents", docs);
    o.add("facets", facets(c.facets()));
    JsonArray table = new JsonArray();
    for (CitedBy.RegionYear cell : c.table()) {
      JsonObject j = new JsonObject();
      j.addProperty("region", cell.region());
      j.addProperty("year", cell.year());
      j.addProperty("count", cell.count());
      table.add(j);
    }
    o.add("table", table);
    return o;
  }

  static JsonObject documentRef(CitedReference.DocumentRef d) {
    JsonObject o = new JsonObject();
    o.addProperty("id", d.id());
    o.addProperty("title", d.title());
    o.addProperty("region", d.region());
    o.addProperty("date", d.date());
    o.addProperty("type", d.type());
    return o;
  }

  public static JsonObject similar(SimilarResult r) {
    JsonObject o = new JsonObject();
    JsonObject src = new JsonObject();
    src.addProperty("id", r.sourceId());
    src.addProperty("paragraph", r.sourceParagraph() == 0 ? null : r.sourceParagraph());
    src.add("region", region(r.sourceRegion()));
    o.add("source", src);
    o.addProperty("mode", r.mode());
    o.addProperty("subject", r.subject());
    o.addProperty("answered_by", r.answeredBy());
    o.addProperty("took_ms", r.tookMs());
    JsonArray items = new JsonArray();
    for (SimilarResult.Item i : r.items()) items.add(similarItem(i));
    o.add("items", items);
    JsonArray national = new JsonArray();
    for (SimilarResult.Item i : r.national()) national.add(similarItem(i));
    o.add("national", national);
    return o;
  }

  static JsonObject similarItem(SimilarResult.Item i) {
    JsonObject x = new JsonObject();
    x.addProperty("id", i.id());
    x.addProperty("title", i.title());
    x.addProperty("date", i.date());
    x.add("region", region(i.region()));
    x.addProperty("type", i.type());
    x.addProperty("paragraph", i.paragraph());
    x.addProperty("text", i.text());
    x.addProperty("score", i.score());
    x.addProperty("citation", i.citation());
    JsonArray passages = new JsonArray();
    for (Passage p : i.passages()) passages.add(passage(p));
    x.add("passages", passages);
    JsonObject why = new JsonObject();
    why.add("terms", strings(i.why().terms()));
    why.add("phrases", strings(i.why().phrases()));
    why.addProperty("same_subject", i.why().sameSubject());
    why.addProperty("semantic", i.why().semantic());
    x.add("why", why);
    return x;
  }

  public static JsonObject phrase(PhraseResult r) {
    JsonObject o = new JsonObject();
    o.addProperty("phrase", r.phrase());
    o.addProperty("normalized", r.normalized());
    o.addProperty("documents", r.documents());
    o.addProperty("corpus_documents", r.corpusDocuments());
    o.addProperty("paragraphs", r.paragraphs());
    o.addProperty("occurrences", r.occurrences());
    o.addProperty("took_ms", r.tookMs());
    o.addProperty("timed_out", r.timedOut());
    o.add("by_year", counts(r.byYear(), "year"));
    JsonObject unknown = new JsonObject();
    unknown.addProperty("documents", r.yearUnknown().documents());
    unknown.addProperty("occurrences", r.yearUnknown().occurrences());
    unknown.addProperty("corpus_documents", r.yearUnknown().corpusDocuments());
    o.add("year_unknown", unknown);
    o.add("by_region", counts(r.byRegion(), "region"));
    JsonArray regionYears = new JsonArray();
    for (PhraseResult.RegionYear c : r.byRegionYear()) {
      JsonObject x = new JsonObject();
      x.addProperty("region", c.region());
      x.addProperty("year", c.year());
      x.addProperty("documents", c.documents());
      x.addProperty("occurrences", c.occurrences());
      regionYears.add(x);
    }
    o.add("by_region_year", regionYears);
    o.addProperty("page", r.page());
    o.addProperty("size", r.size());
    JsonArray items = new JsonArray();
    for (PhraseResult.Occurrence x : r.items()) {
      JsonObject i = new JsonObject();
      i.addProperty("id", x.id());
      i.addProperty("title", x.title());
      i.addProperty("date", x.date());
      i.add("region", region(x.region()));
      i.addProperty("paragraph", x.paragraph());
      i.addProperty("left", x.left());
      i.addProperty("match", x.match());
      i.addProperty("right", x.right());
      i.addProperty("start", x.start());
      i.addProperty("end", x.end());
      items.add(i);
    }
    o.add("items", items);
    o.add("filters", filterReadings(r.filters()));
    return o;
  }

  private static JsonArray counts(List<PhraseResult.Count> cs, String key) {
    JsonArray a = new JsonArray();
    for (PhraseResult.Count c : cs) {
      JsonObject o = new JsonObject();
      o.addProperty(key, c.value());
      o.addProperty("documents", c.documents());
      o.addProperty("occurrences", c.occurrences());
      o.addProperty("corpus_documents", c.corpusDocuments());
      o.addProperty("share", Math.round(c.share() * 10_000) / 10_000.0);
      a.add(o);
    }
    return a;
  }

  public static JsonObject suggestions(String prefix, List<Suggestion> list) {
    JsonObject o = new JsonObject();
    o.addProperty("q", prefix);
    JsonArray a = new JsonArray();
    for (Suggestion s : list) {
      JsonObject x = new JsonObject();
      x.addProperty("text", s.text());
      x.addProperty("kind", s.kind());
      x.addProperty("label", s.label());
      x.addProperty("count", s.count());
      a.add(x);
    }
    o.add("suggestions", a);
    return o;
  }

  public static JsonObject stats(IndexStats s) {
    JsonObject o = new JsonObject();
    o.addProperty("documents", s.documents());
    o.addProperty("paragraphs", s.paragraphs());
    o.addProperty("duplicates", s.duplicates());
    o.addProperty("index_bytes", s.bytes());
    o.addProperty("committed_at", s.committedAt());
    o.addProperty("schema", s.schema());
    o.addProperty("analyzer", s.analyzer());
    o.add("facets", facets(s.facets()));
    return o;
  }

  /**
   * One export row as a JSON Lines record: the columns of {@link ExportRow#HEADER} in that order, the
   * paragraph a number and the flags booleans.
   */
  public static JsonObject exportRow(ExportRow r) {
    JsonObject o = new JsonObject();
    o.addProperty("id", r.id());
    o.addProperty("title", r.title());
    o.addProperty("issuer", r.issuer());
    o.addProperty("doc_number", r.docNumber());
    o.addProperty("region", r.region());
    o.addProperty("date", r.date());
    o.addProperty("paragraph", r.paragraph());
    o.addProperty("text", r.text());
    o.addProperty("source", r.source());
    o.addProperty("source_url", r.sourceUrl());
    o.addProperty("type", r.type());
    o.addProperty("truncated", r.truncated());
    o.addProperty("redacted", r.redacted());
    o.addProperty("citation", r.citation());
    o.addProperty("reference", r.reference());
    o.addProperty("cites", r.cites());
    return o;
  }

  /** How far semantic search is: the {@code semantic} object of {@code /api/stats} and {@code /api/health}. */
  /** A reindex's summary: the admin endpoint's answer and the index command's {@code --json}. */
  public static JsonObject indexRun(IndexRun s) {
    JsonObject o = new JsonObject();
    o.addProperty("added", s.added());
    o.addProperty("updated", s.updated());
    o.addProperty("removed", s.removed());
    o.addProperty("unchanged", s.unchangedFiles());
    o.addProperty("kept", s.keptFiles());
    JsonArray sk = new JsonArray();
    for (IndexRun.SkippedInput k : s.skipped()) {
      JsonObject x = new JsonObject();
      x.addProperty("file", k.file());
      x.addProperty("line", k.line());
      x.addProperty("reason", k.reason());
      x.addProperty("detail", k.detail());
      sk.add(x);
    }
    o.add("skipped", sk);
    o.addProperty("documents", s.documents());
    o.addProperty("duplicates_changed", s.duplicatesChanged());
    o.addProperty("rebuilt", s.rebuilt());
    o.addProperty("rebuild_reason", s.rebuildReason());
    o.addProperty("recovered", s.recovered());
    o.addProperty("took_ms", s.tookMs());
    return o;
  }

  public static JsonObject semantic(SemanticStatus s) {
    JsonObject o = new JsonObject();
    o.addProperty("state", s.state());
    o.addProperty("searchable", s.searchable());
    o.addProperty("embedded_paragraphs", s.embedded());
    o.addProperty("total_paragraphs", s.total());
    o.addProperty("model", s.model());
    o.addProperty("detail", s.detail());
    return o;
  }

  static JsonArray strings(List<String> xs) {
    JsonArray a = new JsonArray();
    xs.forEach(a::add);
    return a;
  }

  public static String toJson(JsonElement e) {
    return GSON.toJson(e);
  }
}
