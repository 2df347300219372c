/**
 * The root holds only {@link org.policysearch.Config}: the one immutable configuration record, its named
 * defaults and {@code policy-search.properties}, read once at start and handed down.
 *
 * <p>Packages, in the direction of their dependencies: {@code text} (normalisation) and {@code doc} (the
 * document vocabulary) depend on nothing of ours; {@code ingest} turns files into documents; {@code index}
 * writes them to Lucene; {@code search} answers queries; {@code web} and {@code cli} face users. The
 * benchmark and measurement harnesses live apart in {@code src/bench/java} and are never imported by
 * these packages. {@code docs/architecture.md} is the map.
 */
package org.policysearch;
