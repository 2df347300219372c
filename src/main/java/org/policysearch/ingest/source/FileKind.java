package org.policysearch.ingest.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file really is, from its first bytes, whatever its extension says. Word files in the wild are
 * often misnamed: a .docx renamed .doc, a web page or RTF saved as .doc (common on government sites),
 * an encrypted .docx (which is an OLE2 container, like a .doc).
 */
enum FileKind {
  ZIP, OLE2, PDF, RTF, HTML, XML, OTHER;

  static FileKind of(byte[] b) {
    if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) return ZIP;
    if (b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
        && (b[3] & 0xFF) == 0xE0 && (b[4] & 0xFF) == 0xA1 && (b[5] & 0xFF) == 0xB1 && (b[6] & 0xFF) == 0x1A
        && (b[7] & 0xFF) == 0xE1) {
      return OLE2;
    }
    String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1)
        .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("%pdf-")) return PDF;
    if (head.startsWith("{\\rtf")) return RTF;
    if (head.startsWith("<?xml")) return head.contains("<html") ? HTML : XML;
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
        || head.startsWith("<meta") || head.startsWith("<!--")) {
      return HTML;
    }
    return OTHER;
  }

  /** First bytes in hex, for messages about unrecognised files. */
  static String hexStart(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(8, b.length); i++) sb.append(String.format("%02X", b[i] & 0xFF));
    return sb.toString();
  }
}
