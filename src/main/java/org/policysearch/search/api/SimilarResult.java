package org.policysearch.search.api;

import java.util.List;
import org.policysearch.doc.RegionInfo;

/**
 * Documents (or paragraphs) like a given paragraph or pasted text ("其他地区怎么说"), from other regions.
 *
 * @param sourceId        document of the given paragraph, or null for pasted text
 * @param sourceParagraph its number, or 0 for pasted text
 * @param sourceRegion    its region (results exclude its area), or {@link RegionInfo#NONE}
 * @param mode            {@code documents} (one entry per document, best first) or {@code paragraphs}
 * @param subject         what the ranking took the subject to be: the title (place names taken out) of the
 *                        source document, or of the best match for pasted text; "" when none was used
 * @param answeredBy      {@code lexical} (words and pairs) or {@code hybrid} (also paragraph embeddings)
 * @param items           best first: documents of other regions (national ones are in {@code national})
 * @param national        in {@code documents} mode, the best national documents on the subject (laws, State
 *                        Council regulations: what the regional ones implement), at most
 *                        {@code SimilarService.NATIONAL_SHOWN}, apart from the precedents of other regions
 *                        because they answer another question; empty in {@code paragraphs} mode and for a
 *                        national source
 */
public record SimilarResult(String sourceId, int sourceParagraph, RegionInfo sourceRegion, String mode, String subject,
                            String answeredBy, List<Item> items, List<Item> national, long tookMs) {
  /**
   * A similar document (or paragraph) with what is needed to cite it and to see why it came up.
   *
   * @param paragraph its best paragraph (the one {@code text} and {@code citation} are of)
   * @param citation  ready to paste: 《title》（region，date），第N段
   * @param passages  its best paragraphs, shared terms marked (in paragraphs mode: the one paragraph)
   * @param why       what it shares with the source
   */
  public record Item(String id, String title, String date, RegionInfo region, String type, int paragraph, String text,
                     float score, String citation, List<Passage> passages, Why why) {}

  /**
   * Why a result came up.
   *
   * @param terms       the rarest words it shares with the source, most telling first
   * @param phrases     longer stretches it shares (runs of shared words in its shown paragraphs)
   * @param sameSubject its title names the subject (see {@link SimilarResult#subject()})
   * @param semantic    the paragraph embeddings ranked it too
   */
  public record Why(List<String> terms, List<String> phrases, boolean sameSubject, boolean semantic) {}
}
