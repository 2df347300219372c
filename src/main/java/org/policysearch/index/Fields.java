package org.policysearch.index;

/**
 * Every field name of the index, declared once, with why it exists.
 *
 * <p>Layout: each document is one Lucene block: its paragraphs as child documents ({@link #KIND} =
 * {@link #KIND_PARAGRAPH}) followed by the parent ({@link #KIND_DOCUMENT}). Paragraphs are what a hit
 * points to and what users cite; the parent holds the metadata, the facets and the title. Queries on
 * the body run on paragraphs and are joined to their parent, so matching, counting and facets are per
 * document while the best paragraphs are found within the block (children precede their parent, so a
 * document's paragraphs are the doc ids between the previous parent and it).
 */
public final class Fields {
  private Fields() {}

  // ---- both kinds
  /** "doc" or "para": the parent filter of the block join. */
  public static final String KIND = "kind";
  public static final String KIND_DOCUMENT = "doc";
  public static final String KIND_PARAGRAPH = "para";
  /** Document id on parent and children: one delete/update term removes the whole block. */
  public static final String ID = "id";
  /** Source file relative to the corpus, on parent and children: a deleted file's blocks go by one term. */
  public static final String FILE = "file";

  // ---- parent (document) fields
  /** Id on the parent only: doc-values updates (duplicate flags) must not touch the children. */
  public static final String DOC_KEY = "doc_key";
  /** Hash of the source file (+ sidecar): decides whether an incremental run re-reads the file. */
  public static final String FILE_HASH = "file_hash";
  /** The document's metadata as JSON (no paragraphs; those are stored on the children). */
  public static final String META = "meta";
  /** Title and subtitle, smartcn words, for title: queries and a ranking boost. */
  public static final String TITLE_WORDS = "title";
  /** Title, exact pairs and units, so that quoted title: queries keep the exact guarantee. */
  public static final String TITLE_PAIRS = "title_pairs";
  public static final String TITLE_UNITS = "title_units";
  /** Region paths of every level ("湖北省", "湖北省/鄂州市"): filter terms and facet doc values. */
  public static final String REGION = "region";
  /** Year: points for ranges and sets, doc values for facet counts. */
  public static final String YEAR = "year";
  /** Theme paths of every level ("科技、教育", "科技、教育/学前教育") and type: filter terms and facet doc values. */
  public static final String THEME = "theme";
  public static final String TYPE = "type";
  /** Date as epoch day: range filters and sorting; missing dates sort last. */
  public static final String DATE = "date";
  /**
   * First day in force as epoch day ({@link org.policysearch.doc.InForce#from}), doc values only: the
   * {@code effective_on} filter reads it beside the facets; absent when the corpus does not know.
   */
  public static final String IN_FORCE_FROM = "in_force_from";
  /** Epoch day the document says it was repealed ({@link org.policysearch.doc.InForce#repealed}); absent when none. */
  public static final String REPEALED_ON = "repealed_on";
  /** 1 when the document is a repost of another; updatable doc values so a later original can flip it. */
  public static final String DUPLICATE = "dup";
  /** Id of the original when {@link #DUPLICATE} is 1 (updatable binary doc values). */
  public static final String DUPLICATE_OF = "dup_of";
  /**
   * The body at the document level: the words, exact pairs and exact units of every paragraph in one
   * multi-valued field of the parent, paragraphs {@link #PARAGRAPH_GAP} positions apart (and no pair is
   * made across two), so a phrase still never spans paragraphs. Matching and ranking whole documents
   * then reads one posting per document instead of joining every matching paragraph to its parent,
   * which at a million paragraphs was most of a query's time. Analysed once with the paragraph fields
   * (the tokens are replayed into both), so it costs indexing no second segmentation.
   */
  public static final String DOC_WORDS = "doc_words";
  public static final String DOC_PAIRS = "doc_exact2";
  public static final String DOC_UNITS = "doc_exact1";
  /** Positions between two paragraphs in the document-level fields. */
  public static final int PARAGRAPH_GAP = 100;
  /**
   * The body's {@link org.policysearch.ingest.meta.Fingerprint} (exact hash, shingle count, MinHash sketch),
   * stored: every indexing run compares all documents' to find reposts, including those it did not read.
   */
  public static final String FINGERPRINT = "fingerprint";

  /**
   * What a citation can name this document by (docs/lineage.md): "t:" + the key of its title and "n:" + the
   * key of its own 文号 ({@link org.policysearch.text.CitationKeys}). A term lookup finds the candidates of a
   * reference, so a reference resolves against the index of the day: both directions stay true when either
   * side is added, changed or deleted, with nothing to update in the other document.
   */
  public static final String LINEAGE_KEY = "lineage_key";
  /** The keys of every reference the document makes, as {@link #LINEAGE_KEY}: who may cite a document is one term lookup. */
  public static final String CITES_KEY = "cites_key";
  /**
   * "1" on a document that repeals another ({@code repeals} references): the few documents the
   * effective_on filter reads to learn which documents the corpus says were repealed by others.
   */
  public static final String REPEALS_OTHERS = "repeals_others";
  /** The document's references ({@link org.policysearch.doc.Reference}) as JSON, stored. */
  public static final String REFERENCES = "refs";

  // ---- child (paragraph) fields
  /** smartcn words of the paragraph: BM25 ranking. Norms kept: short paragraphs that match score higher. */
  public static final String BODY_WORDS = "words";
  /** Pairs of adjacent exact units with positions: a quoted string is a phrase of pairs. No norms, no offsets. */
  public static final String BODY_PAIRS = "exact2";
  /** Single exact units, docs only: one-unit quoted strings ("教", "2023"). */
  public static final String BODY_UNITS = "exact1";
  /** Paragraph number (1-based), stored and as doc values. */
  public static final String PARA_NUMBER = "para_no";
  /** Paragraph text as written (cleaned, not normalised): passages, highlighting, KWIC. */
  public static final String PARA_TEXT = "para_text";
  /** 1 when the paragraph is a heading. */
  public static final String PARA_HEADING = "para_heading";
  /** Paragraph themes, stored ("|" separated). */
  public static final String PARA_THEMES = "para_themes";
  /**
   * Where the paragraph stands among 章/节/条/款/项 ({@link StoredMeta#encodeArticle}), stored when it has a
   * place: a hit's passage and an exported row are cited 第十二条第二款 without reading the whole document.
   */
  public static final String PARA_ARTICLE = "para_article";

  // ---- the search cluster's own (docs/opensearch.md): what the embedded index reads from its term dictionary
  // and stored fields, the cluster counts by aggregations over doc values
  /** The title as one keyword on documents: the suggested titles, counted by a composite aggregation. */
  public static final String SUGGEST_TITLE = "suggest_title";
  /**
   * The distinct suggestible words of a paragraph ({@code search.Suggester#suggestible}) as keywords: the
   * number of paragraphs holding a word, which the embedded suggester reads as the document frequency of
   * {@link #BODY_WORDS}.
   */
  public static final String PARA_SUGGEST_WORDS = "para_suggest_words";
}
