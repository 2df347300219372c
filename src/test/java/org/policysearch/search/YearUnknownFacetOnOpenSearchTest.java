package org.policysearch.search;

import org.junit.jupiter.api.BeforeAll;
import org.policysearch.search.opensearch.TestCluster;

/**
 * Documents without a date counted apart in the year facet and the phrase statistics ({@link YearUnknownFacetTest}, every test of it) asked of the OpenSearch backend: the test node, three shards,
 * the same documents and the same expected values.
 */
class YearUnknownFacetOnOpenSearchTest extends YearUnknownFacetTest {
  /** After {@link YearUnknownFacetTest#build} (JUnit runs a superclass's first): the same documents, now on the cluster. */
  @BeforeAll
  static void onTheCluster() throws Exception {
    engine.close();
    engine = TestCluster.withDocuments("year-unknown-facet", 3, dir, DOCS);
  }
}
