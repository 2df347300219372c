/**
 * Text normalisation shared by indexing, querying and highlighting: {@link org.policysearch.text.TextNormalizer}
 * (full-width to half-width, traditional to simplified, quotation and title marks, spaces),
 * {@link org.policysearch.text.NormalizedText} (a normalised string with its map back to the characters
 * as written, so highlights land on the source) and {@link org.policysearch.text.CharClass}.
 *
 * <p>It imports only the JDK and its own data file ({@code t2s.tsv}); every other package may import
 * it, and it must import none of ours.
 */
package org.policysearch.text;
