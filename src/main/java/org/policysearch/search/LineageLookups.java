package org.policysearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.Reference;

/**
 * The term lookups lineage is resolved by (docs/lineage.md), over whichever index a backend keeps: the
 * embedded one ({@link LuceneLineageLookups}) or a cluster's ({@code search.opensearch}). The rules that
 * decide what a reference names are {@link LineageResolver}'s, written once over this interface; an
 * implementation only reads. Documents come with their repost mark as it stands now
 * ({@code meta().flags().duplicate()}), since the rules leave reposts aside. The order of what a lookup
 * returns carries no meaning.
 */
public interface LineageLookups extends Closeable {
  /** A document as lineage reads it: its metadata (no paragraphs) and its references as stored. */
  record Entry(PolicyDocument meta, List<Reference> references) {}

  /** The document of an id, or empty when the index has none. */
  Optional<Entry> document(String id) throws IOException;

  /** At most {@code limit} of the documents that have {@code key} as their own ({@code lineage_key}). */
  List<PolicyDocument> owners(String key, int limit) throws IOException;

  /**
   * {@link #owners(String, int)} of each of {@code keys}, keyed by key: a backend whose lookups are requests answers
   * them in one (the cluster), by default they are looked up one after another.
   */
  default Map<String, List<PolicyDocument>> owners(Collection<String> keys, int limit) throws IOException {
    Map<String, List<PolicyDocument>> out = new LinkedHashMap<>();
    for (String k : keys) out.put(k, owners(k, limit));
    return out;
  }

  /** Every document with a reference of key {@code key} ({@code cites_key}). */
  List<Entry> citing(String key) throws IOException;

  /** Every document with a reference that repeals another ({@code repeals_others}). */
  List<Entry> repealingOthers() throws IOException;

  /** Gives back what the lookups held open (an embedded backend's searcher); nothing by default. */
  @Override
  default void close() throws IOException {}
}
