package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.policysearch.doc.Articles;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.Evidence;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Official;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.doc.ThemeScore;
import org.policysearch.ingest.DocumentBuilder;
import org.policysearch.ingest.GivenMetadata;
import org.policysearch.ingest.IngestException;
import org.policysearch.ingest.RawDocument;

/**
 * The {@link DocumentBuilder} of the project: cleaning, paragraphs, metadata with evidence, themes and
 * flags, in the order described in this package's documentation. Given metadata wins over every
 * extractor; what was given and could not be used (a region the gazetteer does not know, a date that is
 * no date) is recorded in the evidence and extraction is used instead.
 *
 * <p>Built once ({@link #load()}) from the data files on the classpath; immutable, so one instance serves
 * every indexing thread.
 */
public final class StandardDocumentBuilder implements DocumentBuilder {
  static final String TEXT = "text";
  static final String DEFAULT = "default";

  private final Cleaner cleaner;
  private final ParagraphSplitter splitter = new ParagraphSplitter();
  private final TitleExtractor titles = new TitleExtractor();
  private final DateExtractor dates = new DateExtractor();
  private final Gazetteer gazetteer;
  private final RegionResolver regions;
  private final TypeRules typeRules;
  private final TypeClassifier types;
  private final OfficialsExtractor officials = new OfficialsExtractor();
  private final IssuerExtractor issuers;
  private final RedactionDetector redaction = new RedactionDetector();
  private final ThemeTagger themes;

  public StandardDocumentBuilder(CleaningRules rules, ThemeTaxonomy taxonomy, Gazetteer gazetteer, TypeRules typeRules) {
    this.cleaner = new Cleaner(rules);
    this.gazetteer = gazetteer;
    this.regions = new RegionResolver(gazetteer);
    this.typeRules = typeRules;
    this.types = new TypeClassifier(typeRules);
    this.issuers = new IssuerExtractor(gazetteer);
    this.themes = new ThemeTagger(taxonomy);
  }

  /** A builder over the data files shipped in the resources. */
  public static StandardDocumentBuilder load() {
    return new StandardDocumentBuilder(CleaningRules.load(), ThemeTaxonomy.load(), Gazetteer.load(), TypeRules.load());
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public TypeRules typeRules() {
    return typeRules;
  }

  @Override
  public PolicyDocument build(RawDocument raw) throws IngestException {
    GivenMetadata given = raw.given();
    String givenOrigin = given.origin().isEmpty() ? "given" : given.origin();
    List<Evidence> evidence = new ArrayList<>();

    CleanedText cleaned = cleaner.clean(raw.text());
    if (cleaned.lines().isEmpty()) {
      throw new IngestException("no-text", "nothing of the text of " + raw.file()
          + (raw.line() > 0 ? " line " + raw.line() : "") + " remains after removing page debris");
    }
    List<Block> blocks = new ArrayList<>(splitter.split(cleaned.lines()));
    Map<String, String> header = cleaned.header();

    // Title and subtitle; their lines are headings.
    TitleExtractor.Result tr = titles.extract(blocks);
    if (tr.titleBlock() >= 0) blocks.set(tr.titleBlock(), blocks.get(tr.titleBlock()).asHeading());
    if (tr.subtitleBlock() >= 0) blocks.set(tr.subtitleBlock(), blocks.get(tr.subtitleBlock()).asHeading());
    String title;
    if (!given.title().isEmpty()) {
      title = given.title();
      evidence.add(new Evidence("title", title, givenOrigin, "given title"));
    } else {
      title = tr.title();
      evidence.add(new Evidence("title", title, TEXT, tr.rule()));
    }
    String subtitle = tr.subtitle();
    if (!subtitle.isEmpty()) evidence.add(new Evidence("subtitle", subtitle, TEXT, tr.rule()));

    // Source.
    String source;
    if (!given.source().isEmpty()) {
      source = given.source();
      evidence.add(new Evidence("source", source, givenOrigin, "given source"));
    } else {
      source = sourceFromText(header, cleaned.sources(), evidence);
    }

    // Document number first: its prefix (鄂政发) is evidence for the region.
    IssuerExtractor.Found docNo = !given.docNumber().isEmpty()
        ? new IssuerExtractor.Found(given.docNumber(), "given")
        : issuers.docNumber(header, blocks);
    if (!docNo.value().isEmpty()) {
      evidence.add(new Evidence("docNumber", docNo.value(), docNo.detail().equals("given") ? givenOrigin : TEXT, docNo.detail()));
    }
    RegionInfo region = region(given, givenOrigin, title, subtitle, blocks, tr.titleBlock(), docNo.value(), evidence);
    String type = type(given, givenOrigin, title, subtitle, blocks, tr.titleBlock(), source, evidence);
    // The date after the type: a report is dated by its delivery, a regulation by its publication.
    DateExtractor.Result dr = dates.extract(title, subtitle, header, blocks, type);
    DateInfo date = date(given, givenOrigin, dr, evidence);
    String issuer = given.issuer();
    if (!issuer.isEmpty()) {
      evidence.add(new Evidence("issuer", issuer, givenOrigin, "given issuer"));
    } else {
      IssuerExtractor.Found found = issuers.issuer(title, header, blocks, tr.titleBlock(), region);
      issuer = found.value();
      if (!issuer.isEmpty()) evidence.add(new Evidence("issuer", issuer, TEXT, found.detail()));
    }

    List<Official> people = officials.extract(blocks);

    // Flags.
    RedactionDetector.Result red = redaction.detect(blocks);
    Flags flags = new Flags(cleaned.truncated(), red.redacted(), "");
    if (cleaned.truncated()) evidence.add(new Evidence("truncated", "true", TEXT, cleaned.truncationDetail()));
    if (red.redacted()) evidence.add(new Evidence("redacted", "true", TEXT, red.detail()));

    // Paragraphs and themes.
    List<String> texts = blocks.stream().map(Block::text).toList();
    // The title's place names say nothing of its subject (恩施土家族苗族自治州… is not about 民族事务).
    ThemeTagger.Result th = themes.tag(gazetteer.withoutNames(title), texts);
    List<Paragraph> paragraphs = new ArrayList<>(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      paragraphs.add(new Paragraph(i + 1, blocks.get(i).text(), blocks.get(i).heading(), th.paragraphThemes().get(i)));
    }
    paragraphs = Articles.locate(paragraphs); // 章/节/条/款/项 of regulations, rules and notices written in articles
    List<String> docThemes;
    List<ThemeScore> themeScores;
    if (given.themes() != null) {
      docThemes = given.themes();
      themeScores = List.of();
      evidence.add(new Evidence("themes", String.join(",", docThemes), givenOrigin, "given themes"));
    } else {
      docThemes = th.documentThemes();
      themeScores = th.scores();
      for (ThemeScore t : themeScores) evidence.add(new Evidence("themes", t.theme(), TEXT, t.score() + " " + t.evidence()));
    }

    String id = given.id().isEmpty() ? raw.file() : given.id();
    return new PolicyDocument(id, raw.file(), raw.line(), title, subtitle, date, region, type, source,
        given.sourceUrl(), issuer, docNo.value(), people, docThemes, flags, paragraphs, header, evidence,
        raw.encoding(), raw.contentHash(), dr.events(), themeScores);
  }

  /** The given date when it is one, else the extracted date. */
  private static DateInfo date(GivenMetadata given, String givenOrigin, DateExtractor.Result dr, List<Evidence> evidence) {
    if (!given.date().isEmpty()) {
      DateInfo d = DateMention.parse(given.date());
      if (d.known()) {
        evidence.add(new Evidence("date", d.value(), givenOrigin, "given date " + given.date()));
        return d;
      }
      evidence.add(new Evidence("date", "", givenOrigin, "given date '" + given.date() + "' is not a date: ignored"));
    }
    if (dr.date().known()) {
      evidence.add(new Evidence("date", dr.date().value(), TEXT, dr.kind().name().toLowerCase(Locale.ROOT) + ": " + dr.detail()));
    }
    return dr.date();
  }

  /** The given region when the gazetteer knows it, else the region resolved from the text. */
  private RegionInfo region(GivenMetadata given, String givenOrigin, String title, String subtitle, List<Block> blocks,
      int titleBlock, String docNumber, List<Evidence> evidence) {
    if (!given.region().isEmpty()) {
      Optional<RegionInfo> r = gazetteer.resolveGiven(given.region(), 1.0);
      if (r.isPresent()) {
        evidence.add(new Evidence("region", r.get().path(), givenOrigin, "given region " + given.region()));
        return r.get();
      }
      evidence.add(new Evidence("region", "", givenOrigin, "given region '" + given.region() + "' is not in the gazetteer: ignored"));
    }
    RegionResolver.Result rr = regions.resolve(title, subtitle, blocks, titleBlock, docNumber);
    evidence.add(new Evidence("region", rr.region().path(), rr.region().known() ? TEXT : DEFAULT, rr.detail()));
    return rr.region();
  }

  /** The given type as mapped by doc-types.tsv, else the type the rules vote for ("" when none). */
  private String type(GivenMetadata given, String givenOrigin, String title, String subtitle, List<Block> blocks,
      int titleBlock, String source, List<Evidence> evidence) {
    if (!given.type().isEmpty()) {
      Optional<String> mapped = typeRules.mapGiven(given.type());
      if (mapped.isPresent()) {
        evidence.add(new Evidence("type", mapped.get(), givenOrigin, "given type " + given.type()));
        return mapped.get();
      }
    }
    TypeClassifier.Result tc = types.classify(title, subtitle, blocks, titleBlock, source);
    if (!tc.type().isEmpty()) evidence.add(new Evidence("type", tc.type(), TEXT, tc.detail()));
    return tc.type();
  }

  /** 来源 header field, else a site named by a navigation line, else a journal citation (出处). */
  private static String sourceFromText(Map<String, String> header, List<String> sites, List<Evidence> evidence) {
    for (Map.Entry<String, String> e : header.entrySet()) {
      if (e.getKey().endsWith("来源")) {
        evidence.add(new Evidence("source", e.getValue(), TEXT, "header " + e.getKey()));
        return e.getValue();
      }
    }
    if (!sites.isEmpty()) {
      evidence.add(new Evidence("source", sites.get(0), TEXT, "navigation line naming the site"));
      return sites.get(0);
    }
    String cite = header.getOrDefault("出处", "");
    if (!cite.isEmpty()) {
      String journal = cite.replaceAll("^(《[^》]+》).*$", "$1");
      evidence.add(new Evidence("source", journal, TEXT, "citation " + cite));
      return journal;
    }
    return "";
  }
}
