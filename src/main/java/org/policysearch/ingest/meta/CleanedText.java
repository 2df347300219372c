package org.policysearch.ingest.meta;

import java.util.List;
import java.util.Map;

/**
 * What is left of a text after cleaning.
 *
 * @param lines            the real text, one trimmed non-empty line per entry, in reading order
 * @param header           header and credit fields moved out of the body (label as written → value)
 * @param truncated        a preview marker was found: the text is incomplete
 * @param truncationDetail the marker that showed it ("" when not truncated)
 * @param sources          site names given by navigation lines ("到文鼎文库首页" → 文鼎文库), first first
 * @param removed          how many lines or pieces each rule removed, by rule name, in firing order
 */
public record CleanedText(
    List<String> lines,
    Map<String, String> header,
    boolean truncated,
    String truncationDetail,
    List<String> sources,
    Map<String, Integer> removed) {

  public CleanedText {
    lines = List.copyOf(lines);
    header = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(header));
    sources = List.copyOf(sources);
    removed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(removed));
  }
}
