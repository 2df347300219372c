package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.DocumentLineage;
import org.policysearch.index.DocumentMapper;
import org.policysearch.index.Fields;
import org.policysearch.index.IndexSchema;
import org.policysearch.index.StoredMeta;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.search.Ranking;

/**
 * The index on the cluster: its analysis, its mapping, and the one mapping of a {@link PolicyDocument} to
 * the JSON sent for it. One OpenSearch document per policy document, its paragraphs a {@code nested} array
 * (nested documents are Lucene blocks, children before the parent, as in the embedded index). Field names
 * are those of {@link Fields}, so the query compiler's Lucene queries translate field for field
 * ({@link QueryTranslator}): the exact pairs and units are sub-fields of the text they are made from.
 *
 * <p>Analysis: the words are the stock {@code smartcn_tokenizer} + {@code porter_stem} + {@code smartcn_stop}
 * (what {@code SmartChineseAnalyzer} with its default stop set is) behind our normalising char filter; the
 * exact units and pairs are our tokenizers behind the same char filter. The char filter and the two
 * tokenizers come from the policy-search analysis plugin (src/opensearch/java), built from the very classes
 * the embedded index runs; {@code OpenSearchAnalysisTest} compares every chain token for token.
 */
final class IndexDesign {
  private IndexDesign() {}

  static final String NORMALIZE = "policy_search_normalize";
  static final String EXACT_PAIRS_TOKENIZER = "policy_search_exact_pairs";
  static final String EXACT_UNITS_TOKENIZER = "policy_search_exact_units";
  static final String WORDS = "ps_words";
  static final String PAIRS = "ps_exact_pairs";
  static final String UNITS = "ps_exact_units";
  static final String INFIX = "ps_words_infix";
  private static final String INFIX_GRAMS = "ps_infix_grams";
  /**
   * Longest text the {@code infix} sub-fields answer for. "A word holding 营商" was a {@code wildcard *营商*}, which
   * walks the field's whole term dictionary each time it runs, and inside the passages' inner hits it runs once per
   * hit: most of a search's time on the cluster. Each word indexed with all its substrings up to this many
   * characters (stock {@code ngram} filter over the words chain, documents only, no norms) makes it one
   * {@code term} query. Typed words are short; a longer text keeps the wildcard, with the same matches.
   */
  static final int INFIX_MAX = 8;
  static final String INFIX_SUB = "infix";

  /** Number of paragraphs of the document (a hit says how many its document has). Cluster-only: the embedded index counts the block. */
  static final String PARAGRAPH_COUNT = "paragraph_count";
  /** The nested paragraphs. */
  static final String PARAGRAPHS = "paragraphs";
  /** Sub-field names of the exact chains under a text field. */
  static final String PAIRS_SUB = "pairs";
  static final String UNITS_SUB = "units";

  /**
   * Lucene field (as the query compiler names it) → the field on the cluster. Paragraph fields are
   * relative to {@link #PARAGRAPHS} (inside a nested query they take its prefix).
   */
  static final Map<String, String> FIELD = Map.of(
      Fields.DOC_WORDS, Fields.DOC_WORDS,
      Fields.DOC_PAIRS, Fields.DOC_WORDS + "." + PAIRS_SUB,
      Fields.DOC_UNITS, Fields.DOC_WORDS + "." + UNITS_SUB,
      Fields.TITLE_WORDS, Fields.TITLE_WORDS,
      Fields.TITLE_PAIRS, Fields.TITLE_WORDS + "." + PAIRS_SUB,
      Fields.TITLE_UNITS, Fields.TITLE_WORDS + "." + UNITS_SUB,
      Fields.BODY_WORDS, PARAGRAPHS + "." + Fields.PARA_TEXT,
      Fields.BODY_PAIRS, PARAGRAPHS + "." + Fields.PARA_TEXT + "." + PAIRS_SUB,
      Fields.BODY_UNITS, PARAGRAPHS + "." + Fields.PARA_TEXT + "." + UNITS_SUB);

  /** The Lucene fields of smartcn words, whose cluster fields have the {@link #INFIX_SUB} sub-field. */
  static final Set<String> WORDS_FIELDS = Set.of(Fields.DOC_WORDS, Fields.TITLE_WORDS, Fields.BODY_WORDS);
  /**
   * The version of what this class sends beyond the embedded index's schema ({@link IndexSchema#VERSION},
   * shared, so a change here alone does not rebuild the embedded index). Bump when the mapping or the document
   * sent changes. 1 (recorded as nothing): the first cluster index. 2: lineage (the document's own keys, its
   * references' keys, the references, the repeals mark) and the days in force, for lineage and effective_on.
   * 3: stored copies of what hits show and the infix sub-fields (search latency). 4: the suggestion fields
   * ({@link Fields#SUGGEST_TITLE}, {@link Fields#PARA_SUGGEST_WORDS}) and the similar-documents BM25
   * on the document and title pairs. 5: the paragraphs left out of {@code _source} (read from their stored fields by
   * {@link ClusterDocuments}): a document's stored data is its metadata alone, so reading a hit no longer
   * decompresses its whole text (search latency, index size). 6: each field ranked with the embedded searcher's
   * BM25 ({@link Ranking#search}: b 0.3 on the document-level body fields), the similar documents' BM25 asked for in
   * their requests instead of set on the pair fields: searches on one shard now score as the embedded index does.
   * 7: what hits show read from doc values ({@link #HIT_META} added), nothing stored on the document itself: its
   * stored data still held the whole text as the recovery source, and reading a hit decompressed it (search latency).
   * 8: {@link #HIT_META} deflated ({@link #packMeta}): a page's answer was mostly its hits' metadata in base64.
   */
  static final int MAPPING_VERSION = 8;
  static final String META_MAPPING = "mapping";

  /**
   * The similarities of the mapping, those a search ranks with ({@link Ranking#search}): BM25 with weak length
   * normalisation on the document-level body fields, Lucene's defaults elsewhere, as the embedded index's searcher.
   * Both are declared, the default too, so that the scores do not rest on the engine's default. Similar documents
   * rank the same pair fields with their own BM25 ({@link Ranking#SIMILAR}), asked for in the request with the
   * plugin's {@code policy_search_bm25} query ({@link ClusterSimilarIndex}): a field has one similarity in a mapping.
   */
  static final String SEARCH_SIMILARITY = "ps_search";
  static final String DOCUMENT_SIMILARITY = "ps_search_document";

  /** The similarity of the mapping that ranks {@code luceneField} as the embedded searcher does. */
  private static String similarity(String luceneField) {
    return Ranking.search(luceneField).equals(Ranking.DOCUMENT) ? DOCUMENT_SIMILARITY : SEARCH_SIMILARITY;
  }

  private static JsonObject bm25(Ranking.Bm25 p) {
    JsonObject o = type("BM25");
    o.addProperty("k1", p.k1());
    o.addProperty("b", p.b());
    return o;
  }

  /** What the index records in its mapping's {@code _meta}: a difference from the running code forces a rebuild. */
  static JsonObject meta(String analyzerVersion) {
    JsonObject m = new JsonObject();
    m.addProperty("schema", Integer.toString(IndexSchema.VERSION));
    m.addProperty(META_MAPPING, Integer.toString(MAPPING_VERSION));
    m.addProperty("analyzer", analyzerVersion);
    m.addProperty("analysis_plugin", "policy-search");
    return m;
  }

  /** {@code _meta} at the end of an indexing run: when, and how many documents (what stats report as the commit). */
  static JsonObject committed(String analyzerVersion, long documents) {
    JsonObject m = meta(analyzerVersion);
    m.addProperty("committed_at", java.time.Instant.now().toString());
    m.addProperty("documents", Long.toString(documents));
    return m;
  }

  /** Why an index with this {@code _meta} cannot be used as is, or null when it can. */
  static String incompatibility(JsonObject meta, String analyzerVersion) {
    if (meta == null || !meta.has("schema")) return "the index records no schema version";
    String schema = meta.get("schema").getAsString();
    if (!schema.equals(Integer.toString(IndexSchema.VERSION))) {
      return "the index schema is version " + schema + ", this program writes version " + IndexSchema.VERSION;
    }
    String mapping = meta.has(META_MAPPING) ? meta.get(META_MAPPING).getAsString() : "1";
    if (!mapping.equals(Integer.toString(MAPPING_VERSION))) {
      return "the cluster mapping is version " + mapping + ", this program writes version " + MAPPING_VERSION;
    }
    String analyzer = meta.has("analyzer") ? meta.get("analyzer").getAsString() : "";
    if (!analyzerVersion.equals(analyzer)) {
      return "the index was analysed with " + analyzer + ", this program analyses with " + analyzerVersion;
    }
    return null;
  }

  /** The analysis settings alone (also what the analysis test creates its index with). */
  static JsonObject analysis() {
    JsonObject analyzer = new JsonObject();
    analyzer.add(WORDS, custom(NORMALIZE, "smartcn_tokenizer", "porter_stem", "smartcn_stop"));
    analyzer.add(PAIRS, custom(NORMALIZE, EXACT_PAIRS_TOKENIZER));
    analyzer.add(UNITS, custom(NORMALIZE, EXACT_UNITS_TOKENIZER));
    analyzer.add(INFIX, custom(NORMALIZE, "smartcn_tokenizer", "porter_stem", "smartcn_stop", INFIX_GRAMS));
    JsonObject grams = new JsonObject();
    grams.addProperty("type", "ngram");
    grams.addProperty("min_gram", 1);
    grams.addProperty("max_gram", INFIX_MAX);
    JsonObject filter = new JsonObject();
    filter.add(INFIX_GRAMS, grams);
    JsonObject a = new JsonObject();
    a.add("analyzer", analyzer);
    a.add("filter", filter);
    return a;
  }

  private static JsonObject custom(String charFilter, String tokenizer, String... filters) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "custom");
    JsonArray cf = new JsonArray();
    cf.add(charFilter);
    o.add("char_filter", cf);
    o.addProperty("tokenizer", tokenizer);
    JsonArray f = new JsonArray();
    for (String s : filters) f.add(s);
    o.add("filter", f);
    return o;
  }

  /** The body of the create-index request: settings (shards, replicas, analysis) and mappings. */
  static JsonObject createIndex(int shards, int replicas, String analyzerVersion) {
    JsonObject settings = new JsonObject();
    settings.addProperty("number_of_shards", shards);
    settings.addProperty("number_of_replicas", replicas);
    // A page of up to limits.result_window documents, and facets with every value (regions number thousands).
    settings.addProperty("max_result_window", 10_000);
    settings.addProperty("max_inner_result_window", INNER_WINDOW);
    settings.addProperty("max_ngram_diff", INFIX_MAX - 1);
    settings.add("analysis", analysis());
    JsonObject similarity = new JsonObject();
    similarity.add(SEARCH_SIMILARITY, bm25(Ranking.DEFAULT));
    similarity.add(DOCUMENT_SIMILARITY, bm25(Ranking.DOCUMENT));
    settings.add("similarity", similarity);
    JsonObject props = new JsonObject();
    // What a hit shows is read from doc values (id, metadata, repost mark, paragraph count) and, for each paragraph,
    // from its own document's stored fields: never from a document's stored data, which holds the whole text as the
    // recovery source (HitFields says why). The metadata's doc values are its own field, HIT_META: a keyword's doc
    // values are a compressed terms dictionary, read a block of values at a time; a binary field's are each value's
    // bytes as they are.
    props.add(Fields.ID, keyword());
    props.add(Fields.FILE, keyword());
    props.add(Fields.FILE_HASH, notIndexed("keyword"));
    props.add(Fields.META, notIndexed("keyword"));
    JsonObject hitMeta = type("binary");
    hitMeta.addProperty("doc_values", true);
    props.add(HIT_META, hitMeta);
    props.add(Fields.FINGERPRINT, notIndexed("binary"));
    props.add(Fields.TITLE_WORDS, text(WORDS, 0, true, Fields.TITLE_WORDS, Fields.TITLE_PAIRS, Fields.TITLE_UNITS));
    props.add(Fields.DOC_WORDS, text(WORDS, Fields.PARAGRAPH_GAP, true, Fields.DOC_WORDS, Fields.DOC_PAIRS, Fields.DOC_UNITS));
    props.add(Fields.SUGGEST_TITLE, docValuesOnly());
    props.add(Fields.REGION, keyword());
    props.add(Fields.THEME, keyword());
    props.add(Fields.TYPE, keyword());
    props.add(Fields.DUPLICATE_OF, keyword());
    props.add(Fields.YEAR, type("integer"));
    props.add(Fields.DATE, type("long"));
    props.add(Fields.DUPLICATE, type("integer"));
    props.add(PARAGRAPH_COUNT, type("integer"));
    // lineage and effective_on (DocumentLineage): term lookups of keys, the references read back, days in force
    props.add(Fields.LINEAGE_KEY, keyword());
    props.add(Fields.CITES_KEY, keyword());
    props.add(Fields.REPEALS_OTHERS, keyword());
    props.add(Fields.REFERENCES, notIndexed("keyword"));
    props.add(Fields.IN_FORCE_FROM, type("long"));
    props.add(Fields.REPEALED_ON, type("long"));
    JsonObject para = new JsonObject();
    para.addProperty("type", "nested");
    JsonObject pp = new JsonObject();
    pp.add(Fields.PARA_TEXT, stored(text(WORDS, 0, false, Fields.BODY_WORDS, Fields.BODY_PAIRS, Fields.BODY_UNITS)));
    pp.add(Fields.PARA_NUMBER, stored(type("integer")));
    pp.add(Fields.PARA_SUGGEST_WORDS, docValuesOnly());
    pp.add(Fields.PARA_HEADING, stored(notIndexed("boolean")));
    pp.add(Fields.PARA_THEMES, stored(notIndexed("keyword")));
    // where the paragraph stands among 章/节/条/款/项, as the embedded index stores it (StoredMeta.encodeArticle)
    pp.add(Fields.PARA_ARTICLE, stored(notIndexed("keyword")));
    para.add("properties", pp);
    props.add(PARAGRAPHS, para);
    JsonObject mappings = new JsonObject();
    mappings.addProperty("dynamic", "strict");
    mappings.add("_meta", meta(analyzerVersion));
    // The document-level body is the paragraphs again: indexed for matching whole documents, not kept in _source.
    JsonObject source = new JsonObject();
    JsonArray excludes = new JsonArray();
    excludes.add(Fields.DOC_WORDS);
    // Nor the paragraphs: each is stored in its own (nested) document, where searches read it. A source that leaves
    // fields out makes the node keep the whole document as sent in _recovery_source, for replicas to catch up from
    // (a replica that replayed this source would lose the text), until merges prune it: the document's stored data
    // holds the whole text all the same, so searches read none of it (HitFields); whole documents are read from the
    // source, which stays small.
    excludes.add(PARAGRAPHS);
    // the metadata again, for hits (doc values): the source has it as Fields.META
    excludes.add(HIT_META);
    // the keys are looked up, never read back (the references they come from are kept)
    excludes.add(Fields.LINEAGE_KEY);
    excludes.add(Fields.CITES_KEY);
    source.add("excludes", excludes);
    mappings.add("_source", source);
    mappings.add("properties", props);
    JsonObject body = new JsonObject();
    body.add("settings", settings);
    body.add("mappings", mappings);
    return body;
  }

  private static JsonObject keyword() {
    return type("keyword");
  }

  private static JsonObject type(String t) {
    JsonObject o = new JsonObject();
    o.addProperty("type", t);
    return o;
  }

  private static JsonObject stored(JsonObject field) {
    field.addProperty("store", true);
    return field;
  }

  /**
   * The most inner hits one request may ask of a document (the index's {@code max_inner_result_window}): a whole
   * document is read this many paragraphs at a time ({@link ClusterDocuments}).
   */
  static final int INNER_WINDOW = 10_000;

  /**
   * A document's metadata ({@link StoredMeta#encode}) as binary doc values, base64 in the document sent and in the
   * hits' fields: what a hit shows of its document without reading the document's stored data ({@link HitFields}).
   */
  static final String HIT_META = "hit_meta";
  /**
   * The metadata as {@link #HIT_META} holds it: its UTF-8 deflated (raw deflate), in base64 as a binary field is sent.
   * Every hit of every page answers it (as base64 again), and the metadata's JSON (evidence, dates, theme scores, most
   * of it Chinese) is about 4 KB a document: deflated, about a third, so a page's answer of ten hits is some 35 KB
   * shorter to write, send and parse.
   */
  static String packMeta(String meta) {
    java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
    try {
      d.setInput(meta.getBytes(StandardCharsets.UTF_8));
      d.finish();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(meta.length());
      byte[] buf = new byte[8192];
      while (!d.finished()) out.write(buf, 0, d.deflate(buf));
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } finally {
      d.end();
    }
  }

  /** The metadata from {@link #HIT_META}'s value ({@link #packMeta}); bytes that do not inflate are a broken index. */
  static String unpackMeta(String base64) throws java.io.IOException {
    java.util.zip.Inflater in = new java.util.zip.Inflater(true);
    try {
      in.setInput(Base64.getDecoder().decode(base64));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(base64.length() * 3);
      byte[] buf = new byte[8192];
      while (!in.finished()) {
        int n = in.inflate(buf);
        if (n == 0 && (in.needsInput() || in.needsDictionary())) throw new java.io.IOException("the index holds a truncated " + HIT_META);
        out.write(buf, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (java.util.zip.DataFormatException | IllegalArgumentException e) {
      throw new java.io.IOException("the index holds an unreadable " + HIT_META + ": " + e.getMessage(), e);
    } finally {
      in.end();
    }
  }

  /** Fields a hit reads from doc values ({@link HitFields#askDocValues}). */
  static final List<String> HIT_FIELDS = List.of(Fields.ID, HIT_META, Fields.DUPLICATE_OF, PARAGRAPH_COUNT);
  /**
   * The search extension of the plugin that answers a page's passages (its {@code PassagesSearchExt.NAME}: the plugin
   * is built apart from the product, against the server's classes, so the name is written in both).
   */
  static final String PASSAGES_EXT = "policy_search_passages";
  /** Fields a paragraph read as an inner hit has, by their full path. */
  static final List<String> PARAGRAPH_FIELDS = List.of(Fields.PARA_TEXT, Fields.PARA_NUMBER, Fields.PARA_HEADING, Fields.PARA_THEMES,
      Fields.PARA_ARTICLE).stream().map(f -> PARAGRAPHS + "." + f).toList();

  /** A keyword read only by aggregations: doc values, no terms. */
  private static JsonObject docValuesOnly() {
    JsonObject o = keyword();
    o.addProperty("index", false);
    return o;
  }

  private static JsonObject notIndexed(String t) {
    JsonObject o = type(t);
    if (!t.equals("binary")) o.addProperty("index", false);
    o.addProperty("doc_values", false);
    return o;
  }

  /**
   * A text field of smartcn words with its exact pairs (positions; length norms where the embedded index
   * keeps them: document and title), exact units (documents only) and the words' substrings ({@link #INFIX_MAX})
   * as sub-fields; each ranked as the embedded index ranks the Lucene field it stands for ({@code words},
   * {@code pairs}, {@code units}).
   */
  private static JsonObject text(String analyzer, int gap, boolean normedPairs, String words, String pairsField, String unitsField) {
    JsonObject o = type("text");
    o.addProperty("analyzer", analyzer);
    o.addProperty("similarity", similarity(words));
    if (gap > 0) o.addProperty("position_increment_gap", gap);
    JsonObject pairs = type("text");
    pairs.addProperty("analyzer", PAIRS);
    pairs.addProperty("index_options", "positions");
    pairs.addProperty("norms", normedPairs);
    pairs.addProperty("similarity", similarity(pairsField));
    if (gap > 0) pairs.addProperty("position_increment_gap", gap);
    JsonObject units = type("text");
    units.addProperty("analyzer", UNITS);
    units.addProperty("index_options", "docs");
    units.addProperty("norms", false);
    units.addProperty("similarity", similarity(unitsField));
    JsonObject infix = type("text");
    infix.addProperty("analyzer", INFIX);
    infix.addProperty("index_options", "docs");
    infix.addProperty("norms", false);
    JsonObject fields = new JsonObject();
    fields.add(PAIRS_SUB, pairs);
    fields.add(UNITS_SUB, units);
    fields.add(INFIX_SUB, infix);
    o.add("fields", fields);
    return o;
  }

  /**
   * The JSON of one document as sent to the cluster; {@code fingerprint} is the repost fingerprint's bytes,
   * {@code words} gives a paragraph's suggestible words.
   */
  static JsonObject document(PolicyDocument d, String fileHash, byte[] fingerprint, ParagraphWords words) {
    JsonObject o = new JsonObject();
    o.addProperty(Fields.ID, d.id());
    o.addProperty(Fields.FILE, d.file());
    o.addProperty(Fields.FILE_HASH, fileHash);
    String meta = StoredMeta.encode(d);
    o.addProperty(Fields.META, meta);
    o.addProperty(HIT_META, packMeta(meta));
    o.addProperty(Fields.FINGERPRINT, Base64.getEncoder().encodeToString(fingerprint));
    o.addProperty(Fields.TITLE_WORDS, d.subtitle().isEmpty() ? d.title() : d.title() + "\n" + d.subtitle());
    if (!d.title().isEmpty()) o.addProperty(Fields.SUGGEST_TITLE, d.title());
    JsonArray body = new JsonArray();
    JsonArray paras = new JsonArray();
    for (Paragraph p : d.paragraphs()) {
      body.add(p.text());
      JsonObject c = new JsonObject();
      c.addProperty(Fields.PARA_TEXT, p.text());
      c.addProperty(Fields.PARA_NUMBER, p.number());
      c.add(Fields.PARA_SUGGEST_WORDS, strings(words.of(p.text())));
      c.addProperty(Fields.PARA_HEADING, p.heading());
      c.addProperty(Fields.PARA_THEMES, String.join("|", p.themes()));
      c.addProperty(Fields.PARA_ARTICLE, StoredMeta.encodeArticle(p.article()));
      paras.add(c);
    }
    o.add(Fields.DOC_WORDS, body);
    o.addProperty(PARAGRAPH_COUNT, d.paragraphs().size());
    o.add(PARAGRAPHS, paras);
    o.add(Fields.REGION, strings(DocumentMapper.regionPaths(d.region().path())));
    Set<String> themePaths = new LinkedHashSet<>();
    for (String theme : d.themes()) themePaths.addAll(DocumentMapper.regionPaths(theme));
    o.add(Fields.THEME, strings(List.copyOf(themePaths)));
    if (!d.type().isEmpty()) o.addProperty(Fields.TYPE, d.type());
    if (d.year() != null) o.addProperty(Fields.YEAR, d.year());
    Long day = DocumentMapper.epochDay(d.date().value());
    if (day != null) o.addProperty(Fields.DATE, day);
    o.addProperty(Fields.DUPLICATE, d.flags().duplicate() ? 1 : 0);
    o.addProperty(Fields.DUPLICATE_OF, d.flags().duplicateOf());
    addLineage(o, DocumentLineage.of(d));
    return o;
  }

  /** What the embedded index keeps for lineage and effective_on ({@link DocumentLineage}), the same values. */
  private static void addLineage(JsonObject o, DocumentLineage l) {
    o.add(Fields.LINEAGE_KEY, strings(List.copyOf(l.ownKeys())));
    o.add(Fields.CITES_KEY, strings(List.copyOf(l.citesKeys())));
    if (l.repealsOthers()) o.addProperty(Fields.REPEALS_OTHERS, DocumentLineage.REPEALS);
    o.addProperty(Fields.REFERENCES, l.encodedReferences());
    if (l.inForceFrom() != null) o.addProperty(Fields.IN_FORCE_FROM, l.inForceFrom());
    if (l.repealedOn() != null) o.addProperty(Fields.REPEALED_ON, l.repealedOn());
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  /** The analyzer version of the chains above: the embedded one's, since the tokens are the same (tested). */
  static String analyzerVersion() {
    return Analyzers.VERSION;
  }
}
