package org.policysearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.Evidence;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;

/**
 * The fallback builder WITHOUT metadata extraction: every non-empty line becomes a paragraph, and
 * only metadata given with the text (JSONL fields, HTML meta, sidecar) is used. No cleaning of web
 * debris, no title, date or region found in the text, no themes, no flags. It exists so that ingest
 * and {@code inspect} work end to end before the extracting builder is plugged into
 * {@link Builders#standard()}; keep it for tests of the file formats, where extraction would only
 * add noise.
 */
public final class PlainDocumentBuilder implements DocumentBuilder {
  private static final Pattern DATE =
      Pattern.compile("^(\\d{4})(?:\\s*[-/.年]\\s*(\\d{1,2})(?:\\s*[-/.月]\\s*(\\d{1,2}))?)?");

  @Override
  public PolicyDocument build(RawDocument raw) throws IngestException {
    List<Paragraph> paragraphs = new ArrayList<>();
    for (String line : raw.text().split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) paragraphs.add(new Paragraph(paragraphs.size() + 1, t, false, List.of()));
    }
    paragraphs = new ArrayList<>(org.policysearch.doc.Articles.locate(paragraphs));
    if (paragraphs.isEmpty()) {
      throw new IngestException(SkipReasons.NO_TEXT, "the text has no non-blank line");
    }
    GivenMetadata g = raw.given();
    List<Evidence> evidence = new ArrayList<>();
    String why = switch (g.origin()) {
      case "given" -> "a field of the JSONL line";
      case "sidecar" -> "the .meta.json sidecar (or, for fields it lacks, the file's own metadata)";
      case "html-meta" -> "the page's <meta> tags or <title>";
      default -> "given with the document (" + g.origin() + ")";
    };
    note(evidence, "title", g.title(), g.origin(), why);
    DateInfo date = parseDate(g.date());
    note(evidence, "date", date.value(), g.origin(), why + ": '" + g.date() + "'");
    RegionInfo region = region(g.region());
    note(evidence, "region", region.path(), g.origin(), why + ": '" + g.region() + "'");
    note(evidence, "type", g.type(), g.origin(), why);
    note(evidence, "source", g.source(), g.origin(), why);
    note(evidence, "source_url", g.sourceUrl(), g.origin(), why);
    note(evidence, "issuer", g.issuer(), g.origin(), why);
    note(evidence, "doc_number", g.docNumber(), g.origin(), why);
    List<String> themes = g.themes() == null ? List.of() : g.themes();
    note(evidence, "themes", String.join(",", themes), g.origin(), why);
    return new PolicyDocument(DocumentIds.of(raw), raw.file(), raw.line(), g.title(), "", date, region,
        g.type(), g.source(), g.sourceUrl(), g.issuer(), g.docNumber(), List.of(), themes, Flags.NONE,
        paragraphs, java.util.Map.of(), evidence, raw.encoding(), raw.contentHash());
  }

  private static void note(List<Evidence> ev, String field, String value, String origin, String detail) {
    if (!value.isEmpty()) ev.add(new Evidence(field, value, origin, detail));
  }

  /** "2023-02-12", "2023年2月12日", "2023-2", "2023" and the like; anything else is unknown. */
  static DateInfo parseDate(String s) {
    Matcher m = DATE.matcher(s.strip());
    if (!m.find()) return DateInfo.UNKNOWN;
    int y = Integer.parseInt(m.group(1));
    if (m.group(2) == null) return DateInfo.year(y);
    int mo = Integer.parseInt(m.group(2));
    if (mo < 1 || mo > 12) return DateInfo.year(y);
    if (m.group(3) == null) return DateInfo.month(y, mo);
    int d = Integer.parseInt(m.group(3));
    return d >= 1 && d <= 31 ? DateInfo.day(y, mo, d) : DateInfo.month(y, mo);
  }

  /** A given '/' path taken level by level, without a gazetteer: no codes, no completion. */
  static RegionInfo region(String given) {
    if (given.isEmpty()) return RegionInfo.NONE;
    if (given.equals(RegionInfo.NATIONAL) || given.equals("中华人民共和国")) return RegionInfo.national(1);
    String[] levels = given.split("/");
    return new RegionInfo(levels[0], levels.length > 1 ? levels[1] : "", levels.length > 2 ? levels[2] : "",
        given, "", 1);
  }
}
