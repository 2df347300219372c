/**
 * The benchmark harness behind {@code bin/policy-search bench}: options and a corpus folder in,
 * {@code BENCHMARKS.md} out. It depends on everything (ingest, index, search, the server) and nothing
 * depends on it; the command in {@code cli} only hands it the indexer the program really uses.
 *
 * <p>The stages, each measured in the same run as its reference: {@link org.policysearch.bench.Tokenisation}
 * (the raw rate of the analyzer in use on the same text, one thread and all cores) next to a bulk import
 * with the real {@link org.policysearch.index.CorpusIndexer}; {@link org.policysearch.bench.CorpusScaler}
 * (real paragraphs reshuffled into about a million, with given regions, years and types); the fixed
 * {@link org.policysearch.bench.QueryMix} in process ({@link org.policysearch.bench.InProcessRunner}) and
 * over HTTP against a child server JVM with a 1 GB heap ({@link org.policysearch.bench.ServerProcess},
 * {@link org.policysearch.bench.HttpRunner}); then {@link org.policysearch.bench.Report} writes the figures
 * with PASS/MISS against the targets. Benchmarks are not tests: CI runs only {@code --smoke}.
 */
package org.policysearch.bench;
