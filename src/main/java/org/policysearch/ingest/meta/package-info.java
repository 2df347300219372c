/**
 * Turns a {@link org.policysearch.ingest.RawDocument} (decoded text with line breaks plus any given
 * metadata) into a {@link org.policysearch.doc.PolicyDocument}: what enters is scraped or converted
 * text, what leaves is a cleaned, numbered, tagged document whose every metadata field carries its
 * evidence.
 *
 * <p>The stages, each a small class with one job, run in this order inside
 * {@link org.policysearch.ingest.meta.StandardDocumentBuilder}:
 * <ol>
 *   <li>{@link org.policysearch.ingest.meta.Cleaner}: drops site debris, moves header and credit lines
 *       into the header map, notices preview truncation (rules in {@code cleaning-rules.tsv});</li>
 *   <li>{@link org.policysearch.ingest.meta.ParagraphSplitter}: lines become numbered paragraphs,
 *       headings marked, over-long paragraphs split at sentence ends;</li>
 *   <li>extractors: {@link org.policysearch.ingest.meta.TitleExtractor},
 *       {@link org.policysearch.ingest.meta.DateExtractor},
 *       {@link org.policysearch.ingest.meta.RegionResolver} (votes gathered by {@code RegionVotes}) over the
 *       {@link org.policysearch.ingest.meta.Gazetteer},
 *       {@link org.policysearch.ingest.meta.TypeClassifier},
 *       {@link org.policysearch.ingest.meta.OfficialsExtractor},
 *       {@link org.policysearch.ingest.meta.IssuerExtractor},
 *       {@link org.policysearch.ingest.meta.RedactionDetector};</li>
 *   <li>{@link org.policysearch.ingest.meta.ThemeTagger}: themes per paragraph and per document
 *       (taxonomy in {@code themes.tsv}).</li>
 * </ol>
 * Given metadata wins over every extractor. Corpus-wide reposts are found afterwards by
 * {@link org.policysearch.ingest.meta.DuplicateResolver}: {@link org.policysearch.ingest.meta.Fingerprint}s
 * pick the pairs, {@link org.policysearch.ingest.meta.RepostCheck} decides on the full texts.
 *
 * <p>All data files are read once ({@link org.policysearch.ingest.meta.StandardDocumentBuilder#load()})
 * into immutable objects, so one builder serves many indexing threads. No Lucene here.
 *
 * <p>Imports {@code doc} (what it builds), {@code ingest} (what it builds from) and {@code text}; never
 * {@code index}, {@code search}, {@code web} or {@code cli}. Its {@link org.policysearch.ingest.meta.Gazetteer}
 * is also read by {@code search}, to resolve the regions users type.
 */
package org.policysearch.ingest.meta;
