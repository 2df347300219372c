package org.policysearch.search.api;

/**
 * What the serving index holds.
 *
 * @param documents   documents (parents), reposts included
 * @param paragraphs  paragraphs
 * @param duplicates  documents marked as reposts of another
 * @param bytes       size of the index on disk
 * @param committedAt time of the last commit (ISO-8601)
 * @param schema      schema version of the index
 * @param analyzer    analysis chain version
 * @param facets      documents by region, year, theme and type (reposts excluded)
 */
public record IndexStats(long documents, long paragraphs, long duplicates, long bytes, String committedAt, String schema,
                         String analyzer, Facets facets) {}
