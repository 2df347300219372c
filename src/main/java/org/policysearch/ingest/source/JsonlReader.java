package org.policysearch.ingest.source;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.policysearch.ingest.DocumentIds;
import org.policysearch.ingest.DuplicateIds;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;
import org.policysearch.ingest.Skip;
import org.policysearch.ingest.SkipReasons;

/**
 * JSON Lines bulk files, one document a line, as in {@code shared/data/corpus/*.jsonl}:
 * {@code {id, title, region, region_code, date, year, doc_type, text, source, url}}, every field but
 * {@code text} optional, other fields ignored.
 *
 * <p>Streamed: one line in memory at a time (at most {@link org.policysearch.ingest.IngestConfig#maxJsonlLineBytes()}),
 * so a 60 MB file costs no more than its largest line. A bad line is skipped with its line number and
 * the rest goes on. Mapping: id ← {@code id}, else {@code FILE#LINE}; date ← {@code date}, else
 * {@code year}; region ← the {@code region} path as given ({@code 中华人民共和国} passes through; the
 * builder maps it to 全国); type ← {@code doc_type}; sourceUrl ← {@code url}. An id repeated within the
 * file is reported on the later line, which is skipped. Content hash: SHA-256 of the line's bytes.
 * Lines are decoded like text files (strict UTF-8, else GB18030), blank lines are ignored.
 */
public final class JsonlReader implements SourceReader {
  @Override
  public void read(SourceContent content, DocumentSink sink) throws IngestException, IOException {
    String file = content.relPath();
    InputStream in = content.openStream();
    LineSplitter lines = new LineSplitter(in, content.config().maxJsonlLineBytes());
    DuplicateIds ids = new DuplicateIds();
    int lineNo = 0;
    while (lines.next()) {
      lineNo++;
      if (lines.tooLong()) {
        sink.skip(new Skip(file, lineNo, SkipReasons.TOO_LARGE, "the line has " + lines.fullLength()
            + " bytes, more than the " + content.config().maxJsonlLineBytes() + " allowed for one JSONL document"));
        continue;
      }
      byte[] b = lines.bytes();
      int off = lineNo == 1 && lines.length() >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB
          && (b[2] & 0xFF) == 0xBF ? 3 : 0;
      int len = lines.length() - off;
      if (isBlank(b, off, len)) continue;
      try {
        RawDocument raw = parse(file, lineNo, b, off, len, content);
        String first = ids.claim(raw.given().id(), Integer.toString(lineNo));
        if (first != null) {
          sink.skip(DuplicateIds.repeatedOnLine(file, lineNo, raw.given().id(), first));
        } else {
          sink.accept(raw);
        }
      } catch (IngestException e) {
        sink.skip(new Skip(file, lineNo, e.reason(), e.getMessage()));
      }
    }
  }

  private static RawDocument parse(String file, int lineNo, byte[] b, int off, int len, SourceContent content)
      throws IngestException {
    byte[] bytes = java.util.Arrays.copyOfRange(b, off, off + len);
    TextDecoder.Attempt utf8 = TextDecoder.strict(bytes, 0, StandardCharsets.UTF_8);
    String charset = "UTF-8";
    String json = utf8.text();
    if (!utf8.ok()) {
      TextDecoder.Attempt gb = TextDecoder.strict(bytes, 0, TextDecoder.GB18030);
      if (!gb.ok()) {
        throw new IngestException(SkipReasons.UNDECODABLE, "the line is neither UTF-8 (invalid at byte "
            + utf8.errorOffset() + ") nor GB18030; save the file as UTF-8");
      }
      charset = "GB18030";
      json = gb.text();
    }
    JsonObject o = object(json);
    JsonElement text = o.get("text");
    if (text == null || text.isJsonNull()) {
      throw new IngestException(SkipReasons.MISSING_TEXT, "the line has no \"text\" field; every document needs one");
    }
    if (!text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
      throw new IngestException(SkipReasons.MISSING_TEXT, "\"text\" must be a string");
    }
    if (text.getAsString().isBlank()) {
      throw new IngestException(SkipReasons.MISSING_TEXT, "\"text\" is empty");
    }
    String id = string(o, "id");
    String date = string(o, "date");
    GivenMetadata given = new GivenMetadata("given", id.isEmpty() ? DocumentIds.forLine(file, lineNo) : id,
        string(o, "title"), date.isEmpty() ? string(o, "year") : date, string(o, "region"), string(o, "doc_type"),
        null, string(o, "source"), string(o, "url"), "", "");
    return new RawDocument(file, lineNo, TextDecoder.unifyLineBreaks(text.getAsString()), "jsonl/" + charset, given,
        content.lineHash(b, off, len));
  }

  private static JsonObject object(String json) throws IngestException {
    JsonElement e;
    try {
      JsonReader r = new JsonReader(new StringReader(json));
      r.setStrictness(Strictness.STRICT);
      e = JsonParser.parseReader(r);
      if (r.peek() != JsonToken.END_DOCUMENT) throw new JsonParseException("more text after the JSON value");
    } catch (JsonParseException | IOException | IllegalStateException ex) {
      throw new IngestException(SkipReasons.BAD_JSON, "the line is not valid JSON (" + JsonMessages.of(ex, true) + ")", ex);
    }
    if (!e.isJsonObject()) {
      throw new IngestException(SkipReasons.BAD_JSON, "the line must be one JSON object {...}, not " + kind(e));
    }
    return e.getAsJsonObject();
  }

  /** A string or number field as a string; "" when absent or null; other types are refused. */
  private static String string(JsonObject o, String field) throws IngestException {
    JsonElement v = o.get(field);
    if (v == null || v.isJsonNull()) return "";
    if (v.isJsonPrimitive()) return v.getAsString();
    throw new IngestException(SkipReasons.BAD_JSON, "\"" + field + "\" must be a string, not " + kind(v));
  }

  private static String kind(JsonElement e) {
    if (e.isJsonArray()) return "an array";
    if (e.isJsonObject()) return "an object";
    if (e.isJsonNull()) return "null";
    var p = e.getAsJsonPrimitive();
    return p.isString() ? "a string" : p.isNumber() ? "a number" : "a boolean";
  }

  private static boolean isBlank(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] != ' ' && b[i] != '\t') return false;
    }
    return true;
  }
}
