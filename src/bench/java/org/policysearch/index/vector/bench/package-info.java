/**
 * Measurements of the embedding model for docs/semantic.md, run by hand (not by the index):
 * {@link org.policysearch.index.vector.bench.EmbeddingBenchmark} embeds real paragraphs of the shared corpus
 * and prints the throughput per thread count and what the query prefix does. In: a JSONL file of the
 * corpus. Out: lines of text.
 */
package org.policysearch.index.vector.bench;
