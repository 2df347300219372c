/**
 * Checks and measurements of the fast smartcn against stock, for the benchmark harness:
 * {@link org.policysearch.index.analysis.smartcn.bench.SmartcnBenchmark#run} (throughput of stock,
 * stock with only its hash bug fixed, and ours) and {@link
 * org.policysearch.index.analysis.smartcn.bench.SmartcnDifferential#run} (token-for-token comparison
 * over a whole corpus). In: texts, usually from {@link
 * org.policysearch.index.analysis.smartcn.bench.SharedCorpus}. Out: result records with a printable
 * form. Not used by the index.
 */
package org.policysearch.index.analysis.smartcn.bench;
