package org.policysearch.web;

import org.junit.jupiter.api.BeforeAll;
import org.policysearch.search.SearchCoreTestDocs;
import org.policysearch.search.opensearch.TestCluster;

/**
 * The API contract of {@link HttpApiTest}, every test of it, with the server over the OpenSearch backend (the test
 * node, three shards) holding the same documents: the same status codes, problem documents and JSON shapes and values.
 * What differs by design: /api/health and /api/stats name the backend {@code opensearch}.
 */
class HttpApiOnOpenSearchTest extends HttpApiTest {
  /** After {@link HttpApiTest#start} (JUnit runs a superclass's first): the same documents on the cluster, served. */
  @BeforeAll
  static void onTheCluster() throws Exception {
    app.stop();
    engine.close();
    engine = TestCluster.withDocuments("http-api", 3, dir, SearchCoreTestDocs.DOCS);
    withoutCorpus = TestCluster.backend("http-api", 3, null);
    serve();
  }

  @Override
  String backend() {
    return "opensearch";
  }
}
