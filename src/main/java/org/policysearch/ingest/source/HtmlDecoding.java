package org.policysearch.ingest.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.ingest.IngestException;

/**
 * The charset of an HTML page: a byte-order mark, else the {@code <meta charset>} or http-equiv
 * declaration, else the text-file rule (strict UTF-8, then GB18030).
 *
 * <p>Chinese declarations (gbk, gb2312, gb18030, ...) and UTF-8 are both read with the text-file rule:
 * a page that declares gbk but is valid UTF-8 was re-saved without its meta being updated (common on
 * scraped and mirrored pages). Strict UTF-8 never accepts real GBK Chinese, so trying it first costs
 * nothing; decoding such a page as GB18030 instead would succeed and give mojibake, because GB18030
 * accepts most UTF-8 byte pairs. Any other declared charset (Big5, Shift_JIS, ...) is used when the
 * bytes decode strictly with it.
 */
final class HtmlDecoding {
  private HtmlDecoding() {}

  /** Declarations are looked for in this many leading bytes, as browsers do (HTML spec: 1024; a little more). */
  static final int SNIFF_BYTES = 4096;

  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:\\-]+)");

  private static final Set<String> TEXT_RULE_LABELS = Set.of(
      "utf-8", "utf8", "gbk", "gb2312", "gb_2312-80", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn",
      "x-euc-cn", "csgb2312", "iso-ir-58", "chinese");

  static TextDecoder.Decoded decode(byte[] b) throws IngestException {
    Optional<String> declared = declaredCharset(b);
    if (declared.isPresent() && !TEXT_RULE_LABELS.contains(declared.get()) && !hasBom(b)) {
      Optional<Charset> cs = lookup(declared.get());
      if (cs.isPresent()) {
        TextDecoder.Attempt a = TextDecoder.strict(b, 0, cs.get());
        if (a.ok()) return new TextDecoder.Decoded(a.text(), cs.get().name());
      }
    }
    return TextDecoder.decode(b, "the page");
  }

  /** The charset label declared in the page's first bytes, lower-cased. */
  static Optional<String> declaredCharset(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  private static Optional<Charset> lookup(String label) {
    try {
      return Charset.isSupported(label) ? Optional.of(Charset.forName(label)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      // An illegal charset name in a page is the page's problem: fall back to the text-file rule.
      return Optional.empty();
    }
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 2 && ((b[0] & 0xFF) == 0xEF || (b[0] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFE);
  }
}
