package org.policysearch.search;

import java.util.List;
import org.policysearch.ingest.RegionInfo;

/**
 * Paragraphs similar to a given one ("其他地区怎么说").
 *
 * @param sourceId        document of the given paragraph, or null for pasted text
 * @param sourceParagraph its number, or 0 for pasted text
 * @param sourceRegion    its region (results exclude it), or {@link RegionInfo#NONE}
 * @param items           best first
 */
public record SimilarResult(String sourceId, int sourceParagraph, RegionInfo sourceRegion, List<Item> items, long tookMs) {
  /**
   * A similar paragraph with what is needed to cite it.
   *
   * @param citation ready to paste: 《title》（region，date），第N段
   */
  public record Item(String id, String title, String date, RegionInfo region, String type, int paragraph, String text,
                     float score, String citation) {}
}
