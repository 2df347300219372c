package org.policysearch.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.StoredMeta;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;

/**
 * The metadata a hit shows, as the cluster holds it ({@link IndexDesign#packMeta}): every seed document's metadata
 * comes back as it went in, in well under half the bytes a page's answer carried before (its UTF-8 in base64), and
 * a value that is not what the product wrote is said to be unreadable, not read as something else.
 */
class HitMetaTest {
  @Test
  void everySeedsMetadataComesBackWholeAndShorter() throws Exception {
    List<PolicyDocument> seeds = new Ingester(IngestConfig.DEFAULTS, Builders.standard()).ingestAll(Path.of("src/test/resources/seeds")).documents();
    assertEquals(5, seeds.size());
    long packed = 0;
    long plain = 0;
    for (PolicyDocument d : seeds) {
      String meta = StoredMeta.encode(d);
      assertFalse(d.evidence().isEmpty(), "a seed's metadata carries its evidence: " + d.id());
      String value = IndexDesign.packMeta(meta);
      assertEquals(meta, IndexDesign.unpackMeta(value), d.id());
      packed += value.length();
      plain += Base64.getEncoder().encodeToString(meta.getBytes(StandardCharsets.UTF_8)).length();
    }
    assertTrue(packed * 2 < plain, "packed " + packed + " characters against " + plain);
  }

  @Test
  void aValueTheProductDidNotWriteIsUnreadable() {
    String whole = IndexDesign.packMeta("{\"id\":\"x\",\"title\":\"关于做好防溺水工作的通知\"}");
    for (String bad : List.of("not base64!", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 1, 2, 3}),
        whole.substring(0, whole.length() / 2 / 4 * 4))) {
      IOException e = assertThrows(IOException.class, () -> IndexDesign.unpackMeta(bad), bad);
      assertTrue(e.getMessage().contains(IndexDesign.HIT_META), e.getMessage());
    }
  }
}
