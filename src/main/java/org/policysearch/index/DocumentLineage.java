package org.policysearch.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.policysearch.doc.InForce;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.Reference;
import org.policysearch.ingest.meta.ReferenceExtractor;

/**
 * What every index keeps of a document for lineage and the {@code effective_on} filter (docs/lineage.md),
 * decided once for the embedded index ({@link DocumentMapper}) and the cluster's
 * ({@code search.opensearch.IndexDesign}), so that both resolve against the same keys.
 *
 * @param ownKeys       what a citation can name the document by ({@link Fields#LINEAGE_KEY})
 * @param citesKeys     the keys of every reference it makes ({@link Fields#CITES_KEY})
 * @param repealsOthers whether a reference repeals another document ({@link Fields#REPEALS_OTHERS})
 * @param references    its references, as extracted from its paragraphs ({@link Fields#REFERENCES})
 * @param inForceFrom   the first day in force as epoch day ({@link Fields#IN_FORCE_FROM}), null when unknown
 * @param repealedOn    the epoch day it says it was repealed ({@link Fields#REPEALED_ON}), null when none
 */
public record DocumentLineage(Set<String> ownKeys, Set<String> citesKeys, boolean repealsOthers, List<Reference> references,
                              Long inForceFrom, Long repealedOn) {
  /** The value of {@link Fields#REPEALS_OTHERS} on a document that repeals another. */
  public static final String REPEALS = "1";

  public static DocumentLineage of(PolicyDocument d) {
    List<Reference> refs = ReferenceExtractor.extract(d.paragraphs(), d.docNumber());
    Set<String> cited = new LinkedHashSet<>();
    for (Reference r : refs) cited.addAll(StoredReferences.keys(r));
    return new DocumentLineage(StoredReferences.ownKeys(d.title(), d.docNumber()), cited,
        refs.stream().anyMatch(r -> r.relation() == Reference.Relation.REPEALS), refs,
        InForce.from(d).map(from -> DocumentMapper.epochDay(from.value())).orElse(null),
        InForce.repealed(d).map(r -> DocumentMapper.epochDay(r.value())).orElse(null));
  }

  /** The references in their stored form. */
  public String encodedReferences() {
    return StoredReferences.encode(references);
  }
}
