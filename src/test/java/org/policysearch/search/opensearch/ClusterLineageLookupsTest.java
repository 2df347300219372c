package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.StoredReferences;
import org.policysearch.search.TestIndex;

/**
 * The owners of many lineage keys at once ({@code _msearch}, {@link ClusterLineageLookups#BATCH} keys a request) are
 * those of each key looked up alone, over more than one batch, keys no document has included; an alias that does
 * not exist yet holds none.
 */
class ClusterLineageLookupsTest {
  static final String ALIAS = "lineage-lookups-test";
  @TempDir static Path dir;
  static List<PolicyDocument> docs = new ArrayList<>();
  static OpenSearchBackend cluster;

  @BeforeAll
  static void build() throws Exception {
    for (int i = 0; i < 12; i++) {
      // two documents of each title: a key with two owners
      docs.add(TestIndex.doc("d" + i, "关于第" + (i / 2) + "号事项的规定", "2020-01-0" + (1 + i % 9), "湖北省", "规章", List.of(), "正文" + i));
    }
    cluster = TestCluster.withDocuments(ALIAS, 2, dir, docs);
  }

  @AfterAll
  static void close() throws Exception {
    cluster.close();
  }

  @Test
  void manyKeysAtOnceAreEachKeyAlone() throws Exception {
    Set<String> keys = new LinkedHashSet<>();
    for (PolicyDocument d : docs) keys.addAll(StoredReferences.ownKeys(d.title(), d.docNumber()));
    assertTrue(keys.size() >= 6, "the documents' own keys: " + keys);
    for (int i = 0; keys.size() < ClusterLineageLookups.BATCH + 30; i++) keys.add(StoredReferences.TITLE + "无此文件" + i);
    try (Cluster c = TestCluster.client()) {
      ClusterLineageLookups lookups = new ClusterLineageLookups(c, ALIAS);
      Map<String, List<PolicyDocument>> all = lookups.owners(keys, 5);
      assertEquals(List.copyOf(keys), List.copyOf(all.keySet()), "every key, in order");
      int owned = 0;
      for (String key : keys) {
        List<String> alone = lookups.owners(key, 5).stream().map(PolicyDocument::id).sorted().toList();
        assertEquals(alone, all.get(key).stream().map(PolicyDocument::id).sorted().toList(), key);
        if (!alone.isEmpty()) owned++;
      }
      assertEquals(6, owned, "the six titles, each owned");
      assertEquals(2, all.get(StoredReferences.ownKeys(docs.get(0).title(), "").iterator().next()).size(), "a title of two documents");
      Map<String, List<PolicyDocument>> none = new ClusterLineageLookups(c, "no-such-alias").owners(List.copyOf(keys).subList(0, 3), 5);
      assertEquals(3, none.size());
      assertTrue(none.values().stream().allMatch(List::isEmpty), "an alias that does not exist yet holds none");
    }
  }
}
