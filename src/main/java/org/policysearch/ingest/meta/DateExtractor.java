package org.policysearch.ingest.meta;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.DatedEvent;

/**
 * Finds the date of a document: when the meeting was held or the text published or, for a regulation,
 * the date of the version in the file. Candidates are ranked by kind, best first:
 * <ol>
 *   <li>{@link Kind#HEADER}: a 发布日期/发布时间/时间 header field (what the publisher stated);</li>
 *   <li>{@link Kind#MEETING}: a date in a meeting sentence near the top ("2月12日上午,2023年全市教育工作会议召开",
 *       "——2025年1月14日在…人民代表大会…上"); a date without a year takes the year written in the same
 *       sentence, else the year of the title;</li>
 *   <li>{@link Kind#PROMULGATION}: the latest date of the header lines of a regulation ("…通过", "…修正",
 *       "…公布"), else a line under the title that is only a date (or a date and its 令第N号), or the date
 *       line that signs a notice at its end;</li>
 *   <li>{@link Kind#EFFECTIVE}: "本条例自2017年7月1日起施行", when nothing says when it was adopted;</li>
 *   <li>{@link Kind#TITLE_YEAR}: a year in the title ("2023年度…讲话");</li>
 *   <li>{@link Kind#REPORT_YEAR}: the year whose tasks the work report sets out, as a resolution approving it
 *       says ("同意报告提出的2025年经济社会发展的总体要求");</li>
 *   <li>{@link Kind#REVIEW_YEAR}: the year after the one a work report reviews ("一、2024年工作回顾" → 2025).</li>
 * </ol>
 * Otherwise the date is unknown, an honest value. A date must come from evidence about the document
 * itself; the years a body mentions are the years of its facts (a court case's, a history's) or of
 * a licence notice pasted below it ("1900", "1949"), not its date: taking the first of them dated 11 of the
 * 16 party congress reports 1900, 1949 or 1931. Years of plans and targets ("到2035年", "2021—2025年",
 * "2025年底前") never count either: a document is not dated by what it plans.
 *
 * <p>The inferred kinds (title year, report year, reviewed year) only give years from {@link #FIRST_PLAUSIBLE_YEAR}
 * to this year: a date before the People's Republic or in the future needs a line that states it (a
 * dated meeting line, an adoption line, a signature). Thread-safe.
 */
public final class DateExtractor {
  /** Non-heading paragraphs at the top searched for a meeting sentence. */
  static final int MEETING_SCAN_PARAGRAPHS = 3;
  /** Blocks at the top searched for a regulation's header lines (刑法 lists 17 amendments). */
  static final int PROMULGATION_SCAN_BLOCKS = 40;
  /** Blocks at the end searched for a signing date line. */
  static final int SIGNATURE_SCAN_BLOCKS = 4;

  /** The first year a title or a reviewed year may give without a line that states the date. */
  static final int FIRST_PLAUSIBLE_YEAR = 1949;

  public enum Kind { HEADER, MEETING, PROMULGATION, EFFECTIVE, TITLE_YEAR, REPORT_YEAR, REVIEW_YEAR }

  /** Blocks at the top searched for a resolution's approval of a report (the report's name can be a block of its own). */
  static final int REPORT_SCAN_BLOCKS = 6;
  /** What may stand before the date that opens a regulation's header line. */
  private static final Pattern LEADING_BRACKETS = Pattern.compile("[\\s（(]{0,3}");
  /** The longest second half of a meeting line broken in two. */
  static final int MAX_CONTINUATION = 30;
  /**
   * A resolution approving a work report: "同意报告提出的2025年经济社会发展的总体要求", "同意报告提出的“十三五”时期
   * 主要目标任务、重大举措和2016年工作部署" (the report is for that year, the resolution adopted in it).
   */
  private static final Pattern REPORT_YEAR =
      Pattern.compile("(?:同意|批准)[^。]{0,12}报告[^。]{0,6}提出的[^。\\d]{0,30}?((?:19|20)\\d{2})年(?:的)?(?:经济社会|工作|国民经济|主要任务)");
  /**
   * A line under the title that is a date and nothing else, or a date with the order that made the text
   * ("1985年12月30日", "2017年11月22日 中华人民共和国国务院令第692号"), or the date that signs the notice
   * publishing a regulation ("一九九四年十二月六日" after 劳动部).
   */
  private static final Pattern DATE_LINE_REST = Pattern.compile("^\\s*([(（]?[^，。；]{0,20}令第[^，。；]{1,8}号[)）]?)?\\s*$");

  /** The last year a title or a reviewed year may give: this year. */
  private final int lastPlausibleYear;

  public DateExtractor() {
    this(LocalDate.now());
  }

  /** With another "today", for tests of the plausible years. */
  DateExtractor(LocalDate today) {
    this.lastPlausibleYear = today.getYear();
  }

  /**
   * The date decided, the kind of candidate it came from, the words that gave it, and every dated event
   * the document states about itself.
   */
  public record Result(DateInfo date, Kind kind, String detail, List<DatedEvent> events) {
    public Result {
      events = List.copyOf(events);
    }

    Result(DateInfo date, Kind kind, String detail) {
      this(date, kind, detail, List.of());
    }

    Result withEvents(List<DatedEvent> all) {
      return new Result(date, kind, detail, all);
    }
  }

  /**
   * Types dated by when they were delivered (the meeting, else the year of the title): reports, speeches
   * and the news of a meeting. A work report is dated by the year it is delivered ("安新县2024年政府工作报告",
   * "——2008年1月在…会议上"), never by the year it reviews ("一、2023年工作回顾").
   */
  static final Set<String> DELIVERED_TYPES = Set.of("讲话", "工作报告", "政府工作报告", "会议报道");

  /** Which verb of a regulation's header line says what happened on the date before it. */
  private static final Pattern EVENT_VERB = Pattern.compile("(通过)|(批准)|(公布|发布|颁布|印发)|(施行|生效)|(修正|修订|修改)|(废止)");
  private static final DatedEvent.Kind[] EVENT_KINDS = {DatedEvent.Kind.ADOPTED, DatedEvent.Kind.APPROVED,
      DatedEvent.Kind.PUBLISHED, DatedEvent.Kind.EFFECTIVE, DatedEvent.Kind.AMENDED, DatedEvent.Kind.REPEALED};

  private static final Pattern HEADER_DATE_KEY = Pattern.compile("日期|时间");
  /** A sentence that holds a meeting: "…会议召开", "潼南区召开…推进会", "——2025年1月14日在…人民代表大会…上". */
  private static final Pattern MEETING_HELD = Pattern.compile("召开|举行|开幕|闭幕|(?<!选)举办|在.{0,40}(会议|大会)上");
  /** Right after the date of a delivery line: "在…会议上", "于…大会". */
  private static final Pattern DELIVERED_AT = Pattern.compile("^\\s*[,，]?\\s*[在于].{0,40}(会议|大会)");
  private static final Pattern PROMULGATION_WORDS =
      Pattern.compile("通过|修正|修订|修改|批准|公布|发布|颁布|印发|施行|生效|废止");
  private static final Pattern EFFECTIVE_ONLY = Pattern.compile("施行|生效");
  /**
   * Where a regulation's header ends: its first article or first chapter. Not any "第三十一条": a header
   * line broken in two can start with one ("第三十一条的决定》第一次修正").
   */
  private static final Pattern ARTICLE_OR_CHAPTER = Pattern.compile("^第一条|^第[一二三四五六七八九十百零〇\\d]{1,8}[章节编]");
  private static final Pattern EFFECTIVE_SENTENCE = Pattern.compile("本\\S{0,12}?自\\s*$");
  /**
   * Words right before a year that make it a plan or target, not the document's year. A dash only after
   * a year ("2021—2025年"): the dash that opens a meeting line ("——一九四五年四月二十四日在…大会上") dates it.
   */
  private static final Pattern PLAN_BEFORE =
      Pattern.compile("(到|至|截至|截止|截止到|力争|预计|计划|争取|再到|展望|[\\d〇○零一二三四五六七八九年]\\s*[—－\\-~～])\\s*$");
  private static final Pattern PLAN_AFTER = Pattern.compile("^\\s*(年?底前|年?前|年以前|年以后|远景|年远景|年目标)");
  private static final Pattern REVIEW = Pattern.compile("^\\s*(工作)?回顾|^\\s*年?工作回顾|^\\s*年?(国内)?工作的?回顾");

  /**
   * The document's date from the strongest evidence there is, in this order: a header field; the meeting
   * sentence; the latest adoption or amendment line of a regulation, a dated header line, or a signature
   * line; the date it takes effect; the year of its title; the year a work report's approving resolution
   * names; the year after the one a work report reviews. Else unknown.
   */
  public Result extract(String title, String subtitle, Map<String, String> header, List<Block> blocks) {
    return extract(title, subtitle, header, blocks, "");
  }

  /**
   * The document's date by its type, with every dated event it states. Reports, speeches and meeting news
   * ({@link #DELIVERED_TYPES}) are dated by when they were delivered: a dated meeting line
   * ("——2008年1月在…会议上"), else the year of the title, else a meeting sentence of the same year, else
   * the year after the one reviewed; a header date of the same year only makes it more precise. Every
   * other type by {@link #extract(String, String, Map, List) the order above}: for regulations and rules
   * that is the version's publication (the latest adoption, approval, publication or amendment of its
   * header lines), never the date it takes effect while another is stated.
   */
  public Result extract(String title, String subtitle, Map<String, String> header, List<Block> blocks, String type) {
    List<DatedEvent> events = events(title, subtitle, header, blocks, type);
    Result generic = generic(title, subtitle, header, blocks);
    if (DELIVERED_TYPES.contains(type)) {
      Result delivered = delivered(title, subtitle, header, blocks);
      if (delivered != null) return delivered.withEvents(events);
    }
    return generic.withEvents(events);
  }

  private Result generic(String title, String subtitle, Map<String, String> header, List<Block> blocks) {
    Integer titleYear = firstYear(title);
    Result found = fromHeaderFields(header);
    if (found == null) found = fromMeetingSentence(subtitle, blocks, titleYear);
    if (found == null) found = fromPromulgationOrEffectiveDate(blocks);
    if (found == null && titleYear != null && plausible(titleYear)) found = new Result(DateInfo.year(titleYear), Kind.TITLE_YEAR, title);
    if (found == null) found = fromReportResolution(blocks);
    if (found == null) found = fromReviewedYear(blocks);
    // No evidence about the document's own date: unknown, not the first year its facts mention.
    return found != null ? found : new Result(DateInfo.UNKNOWN, null, "");
  }

  /** When a report, speech or meeting was delivered, by the order of {@link #extract(String, String, Map, List, String)}. */
  private Result delivered(String title, String subtitle, Map<String, String> header, List<Block> blocks) {
    Integer titleYear = firstYear(title);
    if (titleYear != null && !plausible(titleYear)) titleYear = null;
    Meeting m = meeting(subtitle, blocks, titleYear);
    Result found;
    if (m != null && (m.stated() || titleYear == null || m.result().date().year().equals(titleYear))) {
      found = m.result();
    } else if (titleYear != null) {
      found = new Result(DateInfo.year(titleYear), Kind.TITLE_YEAR, title);
    } else {
      found = fromReviewedYear(blocks);
    }
    if (found == null) return null;
    if (found.date().precision() == DateInfo.Precision.YEAR) {
      // A page's 发布日期 in the same year says more than the year alone (a speech posted after the meeting).
      Result posted = fromHeaderFields(header);
      if (posted != null && found.date().year().equals(posted.date().year())
          && posted.date().precision() != DateInfo.Precision.YEAR) {
        return new Result(posted.date(), found.kind(), found.detail() + "; day from " + posted.detail());
      }
    }
    return found;
  }

  /**
   * Every dated event the document states about itself: a header date (published), the meeting (delivered;
   * for a report or speech without one, the year of its title or after the one it reviews), each date of a
   * regulation's header lines by the verb after it (通过 adopted, 批准 approved, 公布 published, 施行
   * effective, 修正 amended, 废止 repealed), a dated line under the title or a signing line (published), the
   * date it takes effect ("本条例自…起施行"), the year of the report a resolution adopts (adopted).
   */
  List<DatedEvent> events(String title, String subtitle, Map<String, String> header, List<Block> blocks, String type) {
    Set<DatedEvent> out = new LinkedHashSet<>();
    Result h = fromHeaderFields(header);
    if (h != null) out.add(new DatedEvent(DatedEvent.Kind.PUBLISHED, h.date(), h.detail()));
    Integer titleYear = firstYear(title);
    if (titleYear != null && !plausible(titleYear)) titleYear = null;
    Meeting m = meeting(subtitle, blocks, titleYear);
    if (DELIVERED_TYPES.contains(type)) {
      Result d = delivered(title, subtitle, Map.of(), blocks);
      if (d != null) out.add(new DatedEvent(DatedEvent.Kind.DELIVERED, d.date(), d.detail()));
    } else if (m != null) {
      out.add(new DatedEvent(DatedEvent.Kind.DELIVERED, m.result().date(), m.result().detail()));
    }
    HeaderLines lines = HeaderLines.scan(blocks);
    out.addAll(lines.events);
    if (lines.datedLine != null) {
      out.add(new DatedEvent(DatedEvent.Kind.PUBLISHED, lines.datedLine.toDateInfo(), clip(lines.datedLineText)));
    }
    Result signed = fromSignatureLine(blocks);
    if (signed != null) out.add(new DatedEvent(DatedEvent.Kind.PUBLISHED, signed.date(), signed.detail()));
    Result effective = fromEffectiveSentence(blocks);
    if (effective != null) out.add(new DatedEvent(DatedEvent.Kind.EFFECTIVE, effective.date(), effective.detail()));
    Result resolution = fromReportResolution(blocks);
    if (resolution != null && !DELIVERED_TYPES.contains(type)) {
      out.add(new DatedEvent(DatedEvent.Kind.ADOPTED, resolution.date(), resolution.detail()));
    }
    // One event a kind and date: the same date stated twice (a header line and the sentence at the end) is one.
    List<DatedEvent> unique = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (DatedEvent e : out) {
      if (seen.add(e.kind() + " " + e.date().value())) unique.add(e);
    }
    return unique;
  }

  /** 1. A header field that names a date (发布日期, 时间, ...). */
  private static Result fromHeaderFields(Map<String, String> header) {
    for (Map.Entry<String, String> e : header.entrySet()) {
      if (!HEADER_DATE_KEY.matcher(e.getKey()).find()) continue;
      DateInfo d = DateMention.parse(e.getValue());
      if (d.known()) return new Result(d, Kind.HEADER, e.getKey() + ": " + e.getValue());
    }
    return null;
  }

  /** 2. The meeting sentence: the subtitle, then the first paragraphs. */
  private static Result fromMeetingSentence(String subtitle, List<Block> blocks, Integer titleYear) {
    Meeting m = meeting(subtitle, blocks, titleYear);
    return m == null ? null : m.result();
  }

  /**
   * A meeting found near the top. {@code stated}: from the line that says where the text was delivered
   * (the subtitle, a line opening with a dash, "——2008年1月在…会议上"), which may give a month without a day;
   * otherwise from a sentence of the first paragraphs that holds a meeting, which must give month and day.
   */
  private record Meeting(Result result, boolean stated) {}

  private static Meeting meeting(String subtitle, List<Block> blocks, Integer titleYear) {
    List<String> meetingTexts = new ArrayList<>();
    List<Boolean> stated = new ArrayList<>();
    if (!subtitle.isEmpty()) {
      meetingTexts.add(subtitle);
      stated.add(true);
    }
    int seen = 0;
    for (int i = 0; i < blocks.size() && seen < MEETING_SCAN_PARAGRAPHS; i++) {
      Block b = blocks.get(i);
      if (b.heading() && !b.text().startsWith("—") && !b.text().startsWith("（") && !b.text().startsWith("(")) continue;
      String text = b.text();
      // A meeting line broken in two ("——2026年1月26日在广东省第十四届" / "人民代表大会第五次会议上").
      if (text.startsWith("—") && !MEETING_HELD.matcher(text).find() && i + 1 < blocks.size()
          && blocks.get(i + 1).text().length() <= MAX_CONTINUATION) {
        text = text + blocks.get(i + 1).text();
      }
      meetingTexts.add(text);
      stated.add(text.startsWith("—") || text.startsWith("——"));
      seen++;
    }
    for (int t = 0; t < meetingTexts.size(); t++) {
      String text = meetingTexts.get(t);
      for (String sentence : sentences(text)) {
        // "…会议通过" without anyone holding a meeting is a regulation's header line, handled below.
        if (!MEETING_HELD.matcher(sentence).find()) continue;
        List<DateMention> ds = DateMention.findAll(sentence);
        for (DateMention d : ds) {
          if (d.month() == null || isPlan(sentence, d)) continue;
          // A month without a day only on the line that states where the text was delivered, next to its year.
          if (d.day() == null && !(stated.get(t) && d.year() != null && DELIVERED_AT.matcher(sentence.substring(d.end())).find())) {
            continue;
          }
          Integer y = d.year();
          if (y == null) y = yearIn(sentence, ds);
          if (y == null) y = titleYear;
          if (y == null) continue;
          return new Meeting(new Result(d.withYear(y).toDateInfo(), Kind.MEETING, clip(sentence)), stated.get(t));
        }
      }
    }
    return null;
  }

  /** What the header lines of a regulation or notice say, read once for steps 3 and 4. */
  private static final class HeaderLines {
    DateMention latest;
    DateMention effective;
    DateMention datedLine;
    String datedLineText = "";
    String latestLine = "";
    String effectiveLine = "";
    final List<DatedEvent> events = new ArrayList<>();

    static HeaderLines scan(List<Block> blocks) {
      HeaderLines h = new HeaderLines();
      h.read(blocks);
      return h;
    }

    private void read(List<Block> blocks) {
      for (int i = 0; i < Math.min(PROMULGATION_SCAN_BLOCKS, blocks.size()); i++) {
        String text = blocks.get(i).text();
        if (ARTICLE_OR_CHAPTER.matcher(text).find() && (blocks.get(i).heading() || text.startsWith("第一条"))) break;
        // A header line broken in two ("2019年3月15日 第十三届全国人民代表大会第二次" / "会议通过）").
        if (i + 1 < blocks.size() && !PROMULGATION_WORDS.matcher(text).find()) {
          String next = blocks.get(i + 1).text();
          if (next.length() <= 20 && PROMULGATION_WORDS.matcher(next).find() && DateMention.findAll(next).isEmpty()) {
            text = text + next;
          }
        }
        List<DateMention> ds = DateMention.findAll(text);
        if (datedLine == null && i > 0 && isDateLine(text)) {
          datedLine = ds.get(0);
          datedLineText = text;
        }
        if (ds.isEmpty() || !PROMULGATION_WORDS.matcher(text).find()) continue;
        // Only header lines that state a date near their start ("2020年5月14日 …第一次修正", "（2023年3月13日…通过）"),
        // or a whole header line in brackets ("（…会议通过 2002年8月16日…公告公布 自2002年8月23日起施行）").
        boolean bracketed = text.startsWith("（") && text.endsWith("）") || text.startsWith("(") && text.endsWith(")");
        // Not a sentence that merely starts near a date ("早在一九六七年一月十三日，…大会上…发布…"): a fact it recounts.
        boolean opensWithDay = ds.get(0).day() != null && LEADING_BRACKETS.matcher(text.substring(0, ds.get(0).start())).matches();
        if (!opensWithDay && !(bracketed && ds.stream().anyMatch(d -> d.day() != null))) continue;
        boolean onlyEffective = !PROMULGATION_WORDS.matcher(EFFECTIVE_ONLY.matcher(text).replaceAll("")).find();
        for (int k = 0; k < ds.size(); k++) {
          DateMention d = ds.get(k);
          if (d.year() == null || d.day() == null) continue;
          DatedEvent.Kind kind = eventKind(text, d, k + 1 < ds.size() ? ds.get(k + 1).start() : text.length());
          if (kind != null) events.add(new DatedEvent(kind, d.toDateInfo(), clip(text)));
          // "自2002年8月23日起施行" inside an adoption line is when it takes effect, not when it was made.
          if (!onlyEffective && text.substring(Math.max(0, d.start() - 1), d.start()).equals("自")) continue;
          if (onlyEffective) {
            if (effective == null || later(d, effective)) {
              effective = d;
              effectiveLine = text;
            }
          } else if (latest == null || later(d, latest)) {
            latest = d;
            latestLine = text;
          }
        }
      }
    }
  }

  /**
   * 3. Regulation header lines (latest adoption or amendment) and a notice's dated or signing line; then
   * 4. the effective date, from a header line or "本条例自…起施行".
   */
  private static Result fromPromulgationOrEffectiveDate(List<Block> blocks) {
    HeaderLines h = HeaderLines.scan(blocks);
    if (h.latest != null) return new Result(h.latest.toDateInfo(), Kind.PROMULGATION, clip(h.latestLine));
    if (h.datedLine != null) return new Result(h.datedLine.toDateInfo(), Kind.PROMULGATION, "dated " + clip(h.datedLineText));
    Result signed = fromSignatureLine(blocks);
    if (signed != null) return signed;
    if (h.effective != null) return new Result(h.effective.toDateInfo(), Kind.EFFECTIVE, clip(h.effectiveLine));
    return fromEffectiveSentence(blocks);
  }

  /**
   * What happened on a date of a header line: the first verb between it and the next date ("2003年9月26日
   * 福建省…会议批准" → approved, "根据2010年…《关于修改…的决定》修正" → amended); "自…起施行" is the date it
   * takes effect. Null when no verb follows.
   */
  static DatedEvent.Kind eventKind(String line, DateMention d, int until) {
    if (line.substring(Math.max(0, d.start() - 1), d.start()).equals("自")) return DatedEvent.Kind.EFFECTIVE;
    Matcher m = EVENT_VERB.matcher(line.substring(d.end(), Math.max(d.end(), until)));
    if (!m.find()) return null;
    for (int g = 1; g <= EVENT_KINDS.length; g++) {
      if (m.group(g) != null) return EVENT_KINDS[g - 1];
    }
    return null;
  }

  /** A line at the end that is a date and nothing else: the date a notice was signed. */
  private static Result fromSignatureLine(List<Block> blocks) {
    for (int i = Math.max(0, blocks.size() - SIGNATURE_SCAN_BLOCKS); i < blocks.size(); i++) {
      String text = Cleaner.trim(blocks.get(i).text().replaceAll("^[(（]|[)）]$", ""));
      List<DateMention> ds = DateMention.findAll(text);
      if (ds.size() == 1 && ds.get(0).start() == 0 && ds.get(0).end() == text.length() && ds.get(0).day() != null) {
        return new Result(ds.get(0).toDateInfo(), Kind.PROMULGATION, "signed " + text);
      }
    }
    return null;
  }

  /** "本条例自2020年1月1日起施行" near the end. */
  private static Result fromEffectiveSentence(List<Block> blocks) {
    for (int i = blocks.size() - 1; i >= Math.max(0, blocks.size() - 40); i--) {
      String text = blocks.get(i).text();
      int at = text.indexOf("起施行");
      if (at < 0) continue;
      for (DateMention d : DateMention.findAll(text)) {
        if (d.year() != null && d.day() != null && d.end() <= at
            && EFFECTIVE_SENTENCE.matcher(text.substring(Math.max(0, d.start() - 14), d.start())).find()) {
          return new Result(d.toDateInfo(), Kind.EFFECTIVE, clip(text));
        }
      }
    }
    return null;
  }

  /**
   * 6. The year whose tasks a work report sets out, as the resolution approving it says
   * ("会议…同意报告提出的2025年经济社会发展的总体要求…，决定批准这个报告"): a resolution is adopted that year.
   */
  private Result fromReportResolution(List<Block> blocks) {
    for (int i = 0; i < Math.min(REPORT_SCAN_BLOCKS, blocks.size()); i++) {
      Matcher m = REPORT_YEAR.matcher(DateMention.foldDigits(blocks.get(i).text()));
      if (m.find() && plausible(Integer.parseInt(m.group(1)))) {
        return new Result(DateInfo.year(Integer.parseInt(m.group(1))), Kind.REPORT_YEAR, clip(blocks.get(i).text()));
      }
    }
    return null;
  }

  /** 7. The year after the year a work report reviews. */
  private Result fromReviewedYear(List<Block> blocks) {
    for (int i = 0; i < Math.min(40, blocks.size()); i++) {
      Block b = blocks.get(i);
      if (!b.heading()) continue;
      for (DateMention d : DateMention.findAll(b.text())) {
        if (d.year() != null && d.month() == null && REVIEW.matcher(b.text().substring(d.end())).find()
            && plausible(d.year() + 1)) {
          return new Result(DateInfo.year(d.year() + 1), Kind.REVIEW_YEAR, b.text());
        }
      }
    }
    return null;
  }

  /** Whether a header line is a date alone, or a date followed by the order that made the text. */
  static boolean isDateLine(String line) {
    String text = Cleaner.trim(line.replaceAll("^[(（]|[)）]$", ""));
    List<DateMention> ds = DateMention.findAll(text);
    return ds.size() == 1 && ds.get(0).start() == 0 && ds.get(0).day() != null
        && DATE_LINE_REST.matcher(text.substring(ds.get(0).end())).matches();
  }

  /** A year an inferred kind may give: from 1949 to this year. */
  private boolean plausible(int year) {
    return year >= FIRST_PLAUSIBLE_YEAR && year <= lastPlausibleYear;
  }

  /** The first year in a text that is not a plan ("2023年度…" → 2023), or null. */
  static Integer firstYear(String text) {
    for (DateMention d : DateMention.findAll(text)) {
      if (d.year() != null && !isPlan(text, d)) return d.year();
    }
    return null;
  }

  private static Integer yearIn(String sentence, List<DateMention> ds) {
    for (DateMention d : ds) {
      if (d.year() != null && !isPlan(sentence, d)) return d.year();
    }
    return null;
  }

  /** "到2035年", "2021—2025年" (the second year), "2025年底前", "2035年远景目标". */
  static boolean isPlan(String text, DateMention d) {
    String before = text.substring(Math.max(0, d.start() - 4), d.start());
    String after = text.substring(d.end() - (text.charAt(d.end() - 1) == '年' ? 1 : 0), Math.min(text.length(), d.end() + 6));
    return PLAN_BEFORE.matcher(before).find() || (d.month() == null && PLAN_AFTER.matcher(after).find());
  }

  private static boolean later(DateMention a, DateMention b) {
    return a.toDateInfo().value().compareTo(b.toDateInfo().value()) > 0;
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '。' || c == '！' || c == '？' || c == '；') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) out.add(text.substring(start));
    return out;
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
