package org.policysearch.search.api;

import java.util.List;

/**
 * A paragraph shown with a hit.
 *
 * @param paragraph  1-based paragraph number (cite as "第N段")
 * @param text       the paragraph as written
 * @param heading    whether it is a heading
 * @param highlights matched ranges in {@code text}; a matched phrase is one range
 * @param html       {@code text} HTML-escaped with each highlight in {@code <mark>}
 */
public record Passage(int paragraph, String text, boolean heading, List<Span> highlights, String html) {}
