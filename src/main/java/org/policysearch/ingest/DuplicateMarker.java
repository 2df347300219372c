package org.policysearch.ingest;

import java.util.List;
import java.util.function.UnaryOperator;
import org.policysearch.doc.PolicyDocument;

/**
 * The corpus-wide pass {@link Ingester#ingestAll} runs after every file is read, where reposted copies
 * get {@link Flags#duplicateOf()} set. It sees all documents at once, which no per-file builder can.
 * It must return every document it was given (marking, not dropping), in the same order.
 */
@FunctionalInterface
public interface DuplicateMarker extends UnaryOperator<List<PolicyDocument>> {
  /** Marks nothing: the default until a real marker is plugged in. */
  DuplicateMarker NONE = docs -> docs;
}
