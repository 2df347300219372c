/**
 * A faster smartcn: {@link org.policysearch.index.analysis.smartcn.FastSmartChineseAnalyzer} and
 * {@link org.policysearch.index.analysis.smartcn.FastSmartChineseTokenizer} give exactly the tokens
 * of Lucene's {@code SmartChineseAnalyzer} and {@code HMMChineseTokenizer} (10.5.0) — terms, offsets,
 * positions, types, final offset — for any input, several times faster.
 *
 * <p>In: a {@code Reader} of text (after any char filters). Out: smartcn's token stream. Inside:
 * sentences from the stock {@code SegmentingTokenizerBase}; per sentence, {@code SentenceSegmenter}
 * builds smartcn's candidate graph and finds its cheapest path over smartcn's own dictionaries,
 * loaded once per JVM by {@link org.policysearch.index.analysis.smartcn.SmartcnDictionaries} into
 * {@code WordTrie} and {@code BigramTable}. Design, equivalence tests and speed: docs/fast-segmenter.md;
 * the stock hashing bug that costs most of smartcn's time: docs/smartcn-hash-bug.md.
 *
 * <p>Imports only Lucene (and smartcn's dictionaries from its jar), nothing of ours. Its benchmark and the
 * trimmed stock copy it is measured against live in the bench source set ({@code smartcn.bench}).
 */
package org.policysearch.index.analysis.smartcn;
