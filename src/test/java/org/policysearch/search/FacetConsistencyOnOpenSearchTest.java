package org.policysearch.search;

import org.junit.jupiter.api.BeforeAll;
import org.policysearch.search.opensearch.TestCluster;

/**
 * The facet-consistency test of {@link FacetConsistencyTest} asked of the OpenSearch backend (the test node, three
 * shards: every count summed over shards), on the same documents with the same queries and filter sets.
 */
class FacetConsistencyOnOpenSearchTest extends FacetConsistencyTest {
  /** After {@link FacetConsistencyTest#build} (JUnit runs a superclass's first): the same documents, now on the cluster. */
  @BeforeAll
  static void onTheCluster() throws Exception {
    engine.close();
    engine = TestCluster.withDocuments("facet-consistency", 3, dir, SearchCoreTestDocs.DOCS);
  }
}
