package org.policysearch.search;

import org.junit.jupiter.api.BeforeAll;
import org.policysearch.search.opensearch.TestCluster;

/**
 * The exact guarantee of {@link ExactGuaranteeTest}, every test of it, asked of the OpenSearch backend (the test
 * node, three shards: totals and counts summed over shards): the same documents, the mixed one with its widths,
 * traditional characters, spaces and runs included, the same random strings, the same brute-force answers.
 */
class ExactGuaranteeOnOpenSearchTest extends ExactGuaranteeTest {
  /** After {@link ExactGuaranteeTest#build} (JUnit runs a superclass's first): the same documents, now on the cluster. */
  @BeforeAll
  static void onTheCluster() throws Exception {
    engine.close(); // the embedded backend the superclass opened: this class asks the same of the cluster
    engine = TestCluster.withDocuments("exact-guarantee", 3, dir, docs);
  }
}
