package org.policysearch.ingest.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.SkipReasons;

/**
 * Bytes of a text file to a string: strict UTF-8 first, then GB18030.
 *
 * <p>Why no detector: ICU4J, Tika and juniversalchardet guessed Big5 or nothing on short GBK text
 * (FINDINGS.md), while strict UTF-8 almost never accepts GBK bytes holding Chinese, so "valid UTF-8 or
 * else GB18030" is both simpler and more accurate. GB18030 is a superset of GBK and GB2312, so it reads
 * files labelled either. A byte-order mark decides outright (UTF-8, or UTF-16 as Windows Notepad's
 * "Unicode" saves it).
 */
public final class TextDecoder {
  private TextDecoder() {}

  public static final Charset GB18030 = Charset.forName("GB18030");

  /** How many leading bytes are searched for NUL to tell binary from text. */
  static final int BINARY_PROBE_BYTES = 8192;

  /** A decoded text and the charset name that decoded it ("UTF-8", "GB18030", "UTF-16LE", ...). */
  public record Decoded(String text, String charset) {}

  /** The result of one strict attempt: the text, or the byte offset where decoding failed. */
  record Attempt(String text, int errorOffset) {
    boolean ok() {
      return text != null;
    }
  }

  /**
   * @param what how to name the input in messages ("the file", "line 12")
   * @throws IngestException "binary" when NUL bytes appear near the start (and no UTF-16 mark explains
   *                         them), "undecodable" when neither charset fits
   */
  public static Decoded decode(byte[] b, String what) throws IngestException {
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      Attempt a = strict(b, 3, StandardCharsets.UTF_8);
      if (a.ok()) return new Decoded(a.text(), "UTF-8");
      throw new IngestException(SkipReasons.UNDECODABLE, what + " starts with a UTF-8 byte-order mark but has"
          + " invalid UTF-8 at byte " + a.errorOffset() + "; re-save it as UTF-8");
    }
    if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
      Charset cs = b[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      Attempt a = strict(b, 2, cs);
      if (a.ok()) return new Decoded(a.text(), cs.name());
      throw new IngestException(SkipReasons.UNDECODABLE, what + " starts with a UTF-16 byte-order mark but has"
          + " invalid UTF-16 at byte " + a.errorOffset() + "; re-save it as UTF-8");
    }
    int nul = indexOfNul(b, BINARY_PROBE_BYTES);
    if (nul >= 0) {
      throw new IngestException(SkipReasons.BINARY, what + " has a NUL byte at offset " + nul
          + ", so it is not text; if it is a document in another format, give it that format's extension");
    }
    Attempt utf8 = strict(b, 0, StandardCharsets.UTF_8);
    if (utf8.ok()) return new Decoded(utf8.text(), "UTF-8");
    Attempt gb = strict(b, 0, GB18030);
    if (gb.ok()) return new Decoded(gb.text(), "GB18030");
    throw new IngestException(SkipReasons.UNDECODABLE, what + " is neither UTF-8 (invalid at byte "
        + utf8.errorOffset() + ") nor GB18030/GBK (invalid at byte " + gb.errorOffset()
        + "); re-save it as UTF-8");
  }

  /** Decodes with REPORT on every error; never substitutes replacement characters. */
  static Attempt strict(byte[] b, int offset, Charset cs) {
    CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, offset, b.length - offset);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
        (long) ((b.length - offset) * (double) dec.maxCharsPerByte()) + 16));
    CoderResult r = dec.decode(in, out, true);
    if (!r.isError()) r = dec.flush(out);
    if (r.isError()) return new Attempt(null, in.position());
    out.flip();
    return new Attempt(out.toString(), -1);
  }

  static int indexOfNul(byte[] b, int limit) {
    int n = Math.min(b.length, limit);
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) return i;
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) return false;
    }
    return true;
  }

  /** \r\n and lone \r to \n, so every reader hands over the same line breaks. */
  public static String unifyLineBreaks(String s) {
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }
}
