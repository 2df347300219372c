/**
 * The search backend over an OpenSearch cluster (docs/opensearch.md): {@link
 * org.policysearch.search.opensearch.OpenSearchBackend} answers the {@code SearchBackend} interface with the
 * same records as the embedded backend, from the same query compiler, filter reading, facet lists and
 * passages; {@code ClusterIndexer} runs the ingest pipeline into the cluster; {@code IndexDesign} holds the
 * mapping and analysis settings; {@code Cluster} is the official Java client ({@code org.opensearch.client}),
 * the only OpenSearch code the product uses.
 *
 * <p>Imports {@code doc}, {@code text}, {@code index} (field names, schema, mapper helpers, analyzers),
 * {@code ingest} (the pipeline and its corpus-wide rules, as {@code index} does), {@code search} (its
 * shared rules), {@code search.api} and {@code search.query}; never {@code web} or {@code cli}. Only
 * {@code cli.Backends} imports it.
 */
package org.policysearch.search.opensearch;
