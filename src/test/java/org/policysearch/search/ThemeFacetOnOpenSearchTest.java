package org.policysearch.search;

import org.junit.jupiter.api.BeforeAll;
import org.policysearch.search.opensearch.TestCluster;

/**
 * The theme facet tree and theme filters ({@link ThemeFacetTest}, every test of it) asked of the OpenSearch backend: the test node, three shards,
 * the same documents and the same expected values.
 */
class ThemeFacetOnOpenSearchTest extends ThemeFacetTest {
  /** After {@link ThemeFacetTest#build} (JUnit runs a superclass's first): the same documents, now on the cluster. */
  @BeforeAll
  static void onTheCluster() throws Exception {
    engine.close();
    engine = TestCluster.withDocuments("theme-facet", 3, dir, DOCS);
  }
}
