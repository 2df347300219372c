package org.policysearch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.SkipReasons;

class TextDecoderTest {
  private static final String TEXT = "鄂州市召开2023年全市教育工作会议。\n会议强调，要办好人民满意的教育。";

  @Test
  void utf8WithoutBom() throws Exception {
    TextDecoder.Decoded d = TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "the file");
    assertEquals(TEXT, d.text());
    assertEquals("UTF-8", d.charset());
  }

  @Test
  void utf8BomIsDroppedFromTheText() throws Exception {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[body.length + 3];
    b[0] = (byte) 0xEF;
    b[1] = (byte) 0xBB;
    b[2] = (byte) 0xBF;
    System.arraycopy(body, 0, b, 3, body.length);
    TextDecoder.Decoded d = TextDecoder.decode(b, "the file");
    assertEquals(TEXT, d.text());
    assertEquals("UTF-8", d.charset());
  }

  @Test
  void gbkBytesAreReadAsGb18030() throws Exception {
    TextDecoder.Decoded d = TextDecoder.decode(TEXT.getBytes(TextDecoder.GB18030), "the file");
    assertEquals(TEXT, d.text());
    assertEquals("GB18030", d.charset());
    // GBK proper (what older Windows tools write) is a subset of GB18030.
    assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(java.nio.charset.Charset.forName("GBK")), "f").text());
  }

  @Test
  void utf16WithBomAsNotepadSavesIt() throws Exception {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_16LE);
    byte[] b = new byte[body.length + 2];
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xFE;
    System.arraycopy(body, 0, b, 2, body.length);
    TextDecoder.Decoded d = TextDecoder.decode(b, "the file");
    assertEquals(TEXT, d.text());
    assertEquals("UTF-16LE", d.charset());
  }

  @Test
  void nulBytesMeanBinary() {
    byte[] b = {'%', 'P', 'N', 'G', 0, 1, 2, 3};
    IngestException e = assertThrows(IngestException.class, () -> TextDecoder.decode(b, "the file"));
    assertEquals(SkipReasons.BINARY, e.reason());
    assertTrue(e.getMessage().contains("NUL byte at offset 4"), e.getMessage());
  }

  @Test
  void bytesValidInNeitherCharsetAreUndecodable() {
    byte[] b = {'a', (byte) 0xFF, 'b', (byte) 0x80, 'c'};
    IngestException e = assertThrows(IngestException.class, () -> TextDecoder.decode(b, "the file"));
    assertEquals(SkipReasons.UNDECODABLE, e.reason());
    assertTrue(e.getMessage().contains("neither UTF-8 (invalid at byte 1)"), e.getMessage());
  }

  @Test
  void lineBreaksAreUnified() {
    assertEquals("a\nb\nc\n", TextDecoder.unifyLineBreaks("a\r\nb\rc\r\n"));
  }
}
