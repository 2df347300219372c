package org.policysearch.doc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cleaned document as the rest of the system sees it: text split into numbered paragraphs, plus
 * metadata that each carries the evidence that produced it. This is our document, not Lucene's; the
 * index package holds the single mapper between the two.
 *
 * @param id          stable id: the file's path relative to the corpus folder (with '/' separators),
 *                    or the {@code id} given in a JSONL line; never a content hash
 * @param file        path of the source file relative to the corpus folder
 * @param line        1-based line in a JSONL file, or 0 for whole-file documents
 * @param title       main title ("" when none could be found)
 * @param subtitle    e.g. "——在2021年全市教育系统工作会议上的讲话" without the dash ("" when none)
 * @param date        meeting or publication date with its precision, or {@link DateInfo#UNKNOWN}
 * @param region      province › city › county, or {@link RegionInfo#NONE}
 * @param type        讲话, 工作报告, 会议报道, 署名文章, 通知, 法规, ... ("" when unknown)
 * @param source      site or journal the text came from ("" when unknown)
 * @param sourceUrl   URL the text was taken from ("" when unknown)
 * @param issuer      发文机关 or the body that held the meeting ("" when unknown)
 * @param docNumber   文号 such as 国发〔2023〕5号 ("" when none)
 * @param officials   people named with their role
 * @param themes      document-level themes from the taxonomy, most salient first
 * @param flags       truncated / redacted / duplicate
 * @param paragraphs  the cleaned body, numbered from 1 in reading order
 * @param header      header and credit lines moved out of the body (发布日期, 来源, 撰稿, 编辑, ...)
 * @param evidence    how each metadata field was decided
 * @param encoding    the character encoding the file was decoded with (UTF-8, GB18030, ...) or the format
 * @param contentHash hex SHA-256 of the source bytes (file, or the JSONL line) for incremental indexing
 * @param dates       every dated event the document states about itself (delivered, adopted, published, …),
 *                    in the order found; {@link #date} is the one its type is dated by
 * @param themeScores the document's themes with their scores and evidence, in the order of {@link #themes}
 */
public record PolicyDocument(
    String id,
    String file,
    int line,
    String title,
    String subtitle,
    DateInfo date,
    RegionInfo region,
    String type,
    String source,
    String sourceUrl,
    String issuer,
    String docNumber,
    List<Official> officials,
    List<String> themes,
    Flags flags,
    List<Paragraph> paragraphs,
    Map<String, String> header,
    List<Evidence> evidence,
    String encoding,
    String contentHash,
    List<DatedEvent> dates,
    List<ThemeScore> themeScores) {

  public PolicyDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    title = Objects.requireNonNullElse(title, "");
    subtitle = Objects.requireNonNullElse(subtitle, "");
    date = Objects.requireNonNullElse(date, DateInfo.UNKNOWN);
    region = Objects.requireNonNullElse(region, RegionInfo.NONE);
    type = Objects.requireNonNullElse(type, "");
    source = Objects.requireNonNullElse(source, "");
    sourceUrl = Objects.requireNonNullElse(sourceUrl, "");
    issuer = Objects.requireNonNullElse(issuer, "");
    docNumber = Objects.requireNonNullElse(docNumber, "");
    officials = List.copyOf(Objects.requireNonNullElse(officials, List.of()));
    themes = List.copyOf(Objects.requireNonNullElse(themes, List.of()));
    flags = Objects.requireNonNullElse(flags, Flags.NONE);
    paragraphs = List.copyOf(Objects.requireNonNullElse(paragraphs, List.of()));
    header = Map.copyOf(Objects.requireNonNullElse(header, Map.of()));
    evidence = List.copyOf(Objects.requireNonNullElse(evidence, List.of()));
    encoding = Objects.requireNonNullElse(encoding, "");
    contentHash = Objects.requireNonNullElse(contentHash, "");
    dates = List.copyOf(Objects.requireNonNullElse(dates, List.of()));
    themeScores = List.copyOf(Objects.requireNonNullElse(themeScores, List.of()));
  }

  /** A document without dated events or theme scores (built from given metadata, or in tests). */
  public PolicyDocument(String id, String file, int line, String title, String subtitle, DateInfo date, RegionInfo region,
      String type, String source, String sourceUrl, String issuer, String docNumber, List<Official> officials,
      List<String> themes, Flags flags, List<Paragraph> paragraphs, Map<String, String> header, List<Evidence> evidence,
      String encoding, String contentHash) {
    this(id, file, line, title, subtitle, date, region, type, source, sourceUrl, issuer, docNumber, officials, themes,
        flags, paragraphs, header, evidence, encoding, contentHash, List.of(), List.of());
  }

  /** The same document with other paragraphs (the index stores them apart from the metadata). */
  public PolicyDocument withParagraphs(List<Paragraph> newParagraphs) {
    return new PolicyDocument(id, file, line, title, subtitle, date, region, type, source, sourceUrl,
        issuer, docNumber, officials, themes, flags, newParagraphs, header, evidence, encoding, contentHash, dates, themeScores);
  }

  /** The year of {@link #date}, or null when the date is unknown. */
  public Integer year() {
    return date.year();
  }

  /** The same document with another flags value (used when duplicates are resolved corpus-wide). */
  public PolicyDocument withFlags(Flags newFlags) {
    return new PolicyDocument(id, file, line, title, subtitle, date, region, type, source, sourceUrl,
        issuer, docNumber, officials, themes, newFlags, paragraphs, header, evidence, encoding, contentHash, dates, themeScores);
  }

  /** Plain text of the body: paragraphs joined with newlines. */
  public String bodyText() {
    StringBuilder sb = new StringBuilder();
    for (Paragraph p : paragraphs) {
      if (!sb.isEmpty()) sb.append('\n');
      sb.append(p.text());
    }
    return sb.toString();
  }
}
