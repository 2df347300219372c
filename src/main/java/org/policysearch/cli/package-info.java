/**
 * The command line behind {@code bin/policy-search}: {@link org.policysearch.cli.Main} and one class per
 * command (serve, index, search, similar, phrase, stats, inspect), each returning its exit code (0 ok, 1
 * finished with skipped input, 2 usage error, 3 failure); user errors end with a message, never a stack
 * trace. It wires the pieces together: the ingest pipeline and the indexer ({@link org.policysearch.cli.Pipeline}),
 * the search backend ({@link org.policysearch.cli.Backends}, the one place that chooses it from the
 * configuration), the server, the corpus watcher.
 *
 * <p>The top of the tree: it may import every product package, and none imports it; of {@code search} the
 * commands see only {@code search.api} and {@code search.json}, {@code Backends} alone the implementation
 * (tested). The {@code bench}
 * and {@code eval} commands live in the bench source set ({@code src/bench/java}, same package name) and
 * are loaded by name when present, so this package never depends on the harnesses.
 */
package org.policysearch.cli;
