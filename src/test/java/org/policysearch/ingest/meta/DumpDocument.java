package org.policysearch.ingest.meta;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.policysearch.doc.Evidence;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.RawDocument;

/**
 * Prints what the builder makes of text files (metadata, evidence, numbered paragraphs): the tool to look
 * at a document by eye. {@code java … DumpDocument FILE…}
 */
public final class DumpDocument {
  private DumpDocument() {}

  public static void main(String[] args) throws Exception {
    StandardDocumentBuilder builder = StandardDocumentBuilder.load();
    for (String a : args) {
      Path p = Path.of(a);
      String text = Files.readString(p, StandardCharsets.UTF_8);
      PolicyDocument d = builder.build(new RawDocument(p.getFileName().toString(), 0, text, "UTF-8", GivenMetadata.EMPTY, ""));
      System.out.println(render(d));
    }
  }

  static String render(PolicyDocument d) {
    StringBuilder sb = new StringBuilder();
    sb.append("=== ").append(d.id()).append('\n');
    sb.append("title: ").append(d.title()).append("\nsubtitle: ").append(d.subtitle()).append('\n');
    sb.append("date: ").append(d.date()).append("\nregion: ").append(d.region()).append('\n');
    sb.append("type: ").append(d.type()).append("\nsource: ").append(d.source()).append('\n');
    sb.append("issuer: ").append(d.issuer()).append("\ndocNumber: ").append(d.docNumber()).append('\n');
    sb.append("officials: ").append(d.officials()).append('\n');
    sb.append("themes: ").append(d.themes()).append("\nflags: ").append(d.flags()).append('\n');
    sb.append("header: ").append(d.header()).append('\n');
    for (Evidence e : d.evidence()) sb.append("  evidence ").append(e).append('\n');
    for (Paragraph p : d.paragraphs()) {
      String t = p.text().length() > 70 ? p.text().substring(0, 70) + "…" : p.text();
      sb.append(String.format("%3d%s %s  %s%n", p.number(), p.heading() ? "H" : " ", t, p.themes()));
    }
    return sb.toString();
  }
}
