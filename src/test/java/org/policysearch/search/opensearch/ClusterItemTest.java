package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.policysearch.search.api.BackendUnavailableException;

/**
 * The answers of an {@code _msearch} read as the answer of a search of their own would be: an index that does not
 * exist holds nothing, a cluster pushing back or failing is unavailable for now (503 to the user, not a failure of
 * the program), a refusal of what we sent is an error with the cluster's reason.
 */
class ClusterItemTest {
  private static JsonObject item(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }

  @Test
  void eachAnswerOfAMultiSearchMeansWhatItsStatusMeansAlone() throws Exception {
    JsonObject ok = item("{\"took\":1,\"hits\":{\"hits\":[]},\"status\":200}");
    assertSame(ok, Cluster.item(ok, "look up"));
    assertNull(Cluster.item(item("{\"error\":{\"type\":\"index_not_found_exception\"},\"status\":404}"), "look up"));
    for (int status : new int[] {429, 503}) {
      BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
          () -> Cluster.item(item("{\"error\":{\"type\":\"es_rejected_execution_exception\"},\"status\":" + status + "}"), "look up"));
      assertTrue(e.getMessage().contains("overloaded or not ready (HTTP " + status + ")"), e.getMessage());
    }
    BackendUnavailableException failed = assertThrows(BackendUnavailableException.class,
        () -> Cluster.item(item("{\"error\":{\"type\":\"search_phase_execution_exception\"},\"status\":500}"), "look up"));
    assertTrue(failed.getMessage().contains("failed to answer (HTTP 500)"), failed.getMessage());
    IOException refused = assertThrows(IOException.class,
        () -> Cluster.item(item("{\"error\":{\"type\":\"parsing_exception\",\"reason\":\"unknown query [x]\"},\"status\":400}"), "look up keys"));
    assertTrue(refused.getMessage().startsWith("the search cluster refused to look up keys: "), refused.getMessage());
    assertTrue(refused.getMessage().contains("unknown query [x]"), refused.getMessage());
    assertEquals(IOException.class, refused.getClass());
  }
}
