package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.Reference;
import org.policysearch.doc.Reference.Relation;
import org.policysearch.text.CitationKeys;

/**
 * The references a document makes to other documents (docs/lineage.md): each 《title》 that names a
 * document (not a certificate or a form), with a version or 文号 in brackets right after it kept apart, and
 * each 文号 cited on its own, with the paragraph it stands in and the relation the words around it state.
 *
 * <p>Bounded on any input: a 《 without its 》 within {@link #MAX_TITLE} characters is not a title (the scan
 * goes on after it), a document keeps at most {@link #MAX_REFERENCES} references, and one reference per
 * cited key (the first place it is cited; its relation is the first one stated anywhere).
 *
 * <p>What it finds is stored in the index ({@code index.Fields#REFERENCES}, {@code CITES_KEY}): a change
 * that alters its output for some text bumps {@code index.IndexSchema#VERSION}, so indexes are rebuilt.
 */
public final class ReferenceExtractor {
  /** Longest title read between 《 and 》; longer runs are an unbalanced mark, not a title. */
  public static final int MAX_TITLE = CitationKeys.MAX_TITLE_KEY;
  /** References kept per document (one per distinct cited title or number). */
  public static final int MAX_REFERENCES = 1000;
  /** How far back (in characters, within the sentence) the words that state a relation are looked for. */
  static final int CUE_WINDOW = 150;

  /** Things in title marks that are not documents: certificates, licences, forms, cards. */
  private static final Pattern NOT_A_DOCUMENT = Pattern.compile(
      ".*(证|证书|执照|证明|证明书|许可证|卡|簿|表|单|牌|协议|合同|回执|凭证|申请书|承诺书|告知书|责任书|协议书|通知书|决定书|建议书|登记书)$");
  /** 国发〔2021〕16号 as written: any of the brackets people use, the issuer code before it. */
  private static final Pattern DOC_NUMBER = Pattern.compile(
      "([\\p{IsHan}A-Za-z]{1,12})\\s*[〔\\[［(（【]\\s*(\\d{4})\\s*[〕\\]］)）】]\\s*第?\\s*(\\d{1,5})\\s*号");
  /** Words that end the issuer code of a cited 文号 from the left (the words before it are not part of it). */
  private static final Pattern CODE_START = Pattern.compile(
      ".*(根据|依据|依照|按照|参照|参考|执行|贯彻|落实|印发|转发|文件|方案|通知|意见|要求|精神|规定|和|及|与|、|的|号|为|对|在|将|以|即|见|经|本)");
  /** Issuer codes are short (国发, 国办发, 鄂政办发, 发改投资): a longer run before the bracket holds other words. */
  static final int MAX_CODE = 6;
  private static final Pattern AMENDED_AFTER = Pattern.compile("^\\s*(第[一二三四五六七八九十0-9]+次)?(修正|修订|修改)");
  private static final Pattern AMENDED_BY_THIS = Pattern.compile("^[^。；;，,]{0,6}?(作如下修改|作出如下修改|修改如下|作如下修正|作如下修订)");
  private static final Pattern ENACTS = Pattern.compile("^[^。；;]*?制定本(条例|办法|规定|细则|规则|解释|决定|法|实施办法|实施细则|意见|方案)");
  /** "《A》以及…发布的《B》同时废止。": the sentence ends by repealing what it lists. */
  private static final Pattern SENTENCE_ENDS_REPEALED = Pattern.compile("^[^。；;]*(同时|即行|予以|一并)废止[。；;]");
  private static final Pattern REPEALED_AFTER = Pattern.compile("^[^。；;，,]{0,30}?废止");

  private ReferenceExtractor() {}

  /**
   * The references of a document's paragraphs. {@code ownNumber} is the document's own 文号: where the
   * text states it, it is not a reference.
   */
  public static List<Reference> extract(List<Paragraph> paragraphs, String ownNumber) {
    String own = CitationKeys.docNumber(ownNumber);
    Map<String, Reference> byKey = new LinkedHashMap<>();
    for (Paragraph p : paragraphs) {
      for (Reference r : inParagraph(p.number(), p.text())) {
        String numberKey = CitationKeys.docNumber(r.docNumber());
        if (r.title().isEmpty() && numberKey.equals(own)) continue;
        String key = r.title().isEmpty() ? "n:" + numberKey : "t:" + CitationKeys.title(r.title()).key() + "|" + numberKey;
        Reference seen = byKey.get(key);
        if (seen == null) {
          if (byKey.size() >= MAX_REFERENCES) continue;
          byKey.put(key, r);
        } else if (seen.relation() == Relation.MENTIONS && r.relation() != Relation.MENTIONS) {
          byKey.put(key, new Reference(seen.title(), seen.version(), seen.docNumber(), r.relation(), seen.paragraph(), seen.context()));
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  /** Every reference in one paragraph, in the order written (repeats included). */
  static List<Reference> inParagraph(int number, String text) {
    return found(number, text).stream().map(Found::reference).toList();
  }

  /** As {@link #inParagraph}, with where each stands: from {@code at} to {@code end} (the title marks and brackets included). */
  static List<Found> found(int number, String text) {
    List<Found> found = new ArrayList<>();
    List<int[]> titleSpans = new ArrayList<>();
    int i = 0;
    while (true) {
      int open = text.indexOf('《', i);
      if (open < 0) break;
      int close = closing(text, open);
      if (close < 0) {
        i = open + 1;
        continue;
      }
      String title = text.substring(open + 1, close).strip();
      int end = close + 1;
      String version = "";
      String docNo = "";
      // up to two brackets right after the title: a version (2018年修正) and/or the number (国发〔2021〕16号)
      for (int k = 0; k < 2; k++) {
        int[] br = bracketAt(text, end);
        if (br == null) break;
        String inside = text.substring(br[0] + 1, br[1]);
        if (docNo.isEmpty() && !CitationKeys.docNumber(inside).isEmpty()) {
          docNo = cleanNumber(inside);
        } else if (version.isEmpty() && isVersion(inside)) {
          version = inside.strip();
        } else {
          break;
        }
        end = br[1] + 1;
      }
      titleSpans.add(new int[] {open, end});
      i = close + 1;
      // inside an open 〈: a title named within another title (《关于修改〈浙江省实施《X》办法〉的决定》, the outer
      // marks cut off by a paragraph break), which this document does not cite
      if (!isDocumentTitle(title) || insideAngleMarks(text, open)) continue;
      CitationKeys.Title key = CitationKeys.title(title);
      if (key.key().isEmpty() && docNo.isEmpty()) continue;
      if (version.isEmpty()) version = key.version();
      found.add(new Found(open, end, new Reference(title, version, docNo, relation(text, open, end, titleSpans), number, context(text, open, end))));
    }
    Matcher m = DOC_NUMBER.matcher(text);
    while (m.find()) {
      if (inside(titleSpans, m.start(), m.end())) continue;
      String written = cleanNumber(m.group());
      if (written.isEmpty()) continue;
      int start = m.end() - written.length(); // the words caught before the issuer code are the cue, not the number
      found.add(new Found(start, m.end(), new Reference("", "", written, relation(text, start, m.end(), titleSpans), number,
          context(text, start, m.end()))));
    }
    found.sort(java.util.Comparator.comparingInt(Found::at));
    return found;
  }

  /** A reference and where it stands in its paragraph. */
  record Found(int at, int end, Reference reference) {}

  /** The 》 that closes the 《 at {@code open} (nested marks allowed), or -1 when there is none close enough. */
  private static int closing(String text, int open) {
    int depth = 0;
    int limit = Math.min(text.length(), open + MAX_TITLE + 2);
    for (int j = open; j < limit; j++) {
      char c = text.charAt(j);
      if (c == '《') depth++;
      else if (c == '》' && --depth == 0) return j;
      else if (c == '\n') return -1;
    }
    return -1;
  }

  /** The bracket that opens right at {@code at} and closes within 40 characters: {open, close}, or null. */
  private static int[] bracketAt(String text, int at) {
    if (at >= text.length()) return null;
    char c = text.charAt(at);
    char want = c == '（' ? '）' : c == '(' ? ')' : 0;
    if (want == 0) return null;
    int close = text.indexOf(want, at + 1);
    if (close < 0 || close - at > 40) return null;
    return new int[] {at, close};
  }

  private static boolean insideAngleMarks(String text, int at) {
    int depth = 0;
    for (int j = 0; j < at; j++) {
      char c = text.charAt(j);
      if (c == '〈') depth++;
      else if (c == '〉' && depth > 0) depth--;
    }
    return depth > 0;
  }

  private static boolean isVersion(String inside) {
    // "（以下简称《决定》…）" names the title, it is no version
    if (inside.startsWith("以下") || inside.contains("简称") || inside.indexOf('《') >= 0 || inside.indexOf('〈') >= 0) return false;
    return inside.matches(".*(\\d{4}|修正|修订|修改|版|草案|征求意见稿).*") && inside.length() <= 30;
  }

  private static boolean isDocumentTitle(String title) {
    return !title.isEmpty() && !NOT_A_DOCUMENT.matcher(title).matches();
  }

  /** A cited 文号 as written without the words before its issuer code ("按照国办发〔2021〕5号" → "国办发〔2021〕5号"). */
  static String cleanNumber(String written) {
    Matcher m = DOC_NUMBER.matcher(written);
    if (!m.find()) return "";
    String code = m.group(1);
    Matcher cut = CODE_START.matcher(code);
    int from = cut.lookingAt() ? cut.end() : 0;
    from = Math.max(from, code.length() - MAX_CODE);
    if (code.length() - from < 1) return "";
    return written.substring(m.start() + from, m.end()).strip();
  }

  private static boolean inside(List<int[]> spans, int start, int end) {
    for (int[] s : spans) if (start >= s[0] && end <= s[1]) return true;
    return false;
  }

  /**
   * The relation the words around a reference state: the nearest cue before it in the same sentence
   * (title contents not read), or 废止 after it ("《X》同时废止"). The law headers "…《关于修改〈X〉的决定》第一次修正"
   * say that the cited decision amended this document: a mention, not a relation of this one.
   */
  static Relation relation(String text, int start, int end, List<int[]> titleSpans) {
    String after = text.substring(end, Math.min(text.length(), end + 40));
    if (AMENDED_AFTER.matcher(after).find()) return Relation.MENTIONS;
    int from = Math.max(0, start - CUE_WINDOW);
    for (int j = start - 1; j >= from; j--) {
      char c = text.charAt(j);
      if (c == '。' || c == '；' || c == ';' || c == '！' || c == '？' || c == '\n') {
        from = j + 1;
        break;
      }
    }
    StringBuilder before = new StringBuilder(text.substring(from, start));
    for (int[] s : titleSpans) {
      for (int j = Math.max(s[0], from); j < Math.min(s[1], start); j++) before.setCharAt(j - from, '　');
    }
    Relation best = null;
    int bestAt = -1;
    for (Object[] cue : CUES) {
      int at = before.lastIndexOf((String) cue[0]);
      // "…修改的《X》", "…实施的《X》": the verb describes the cited document's history, it states no relation of this one
      while (at >= 0 && at + ((String) cue[0]).length() < before.length() && before.charAt(at + ((String) cue[0]).length()) == '的') {
        at = at == 0 ? -1 : before.lastIndexOf((String) cue[0], at - 1);
      }
      if (at > bestAt) {
        bestAt = at;
        best = (Relation) cue[1];
      }
    }
    String masked = maskTitles(text, end, titleSpans);
    // "《A》（法释〔1999〕10号）、《B》和《C》同时废止": the other titles and their numbers in between do not count
    String bare = masked.replace("　", "").replaceAll("[（(][^（）()]{0,40}[）)]", "");
    if (REPEALED_AFTER.matcher(bare).find() || SENTENCE_ENDS_REPEALED.matcher(bare).find()) return Relation.REPEALS;
    if (AMENDED_BY_THIS.matcher(masked).find()) return Relation.AMENDS;
    // "依照《X》…，结合本省实际，制定本条例": whatever the verb, the sentence that enacts the document names its basis
    if ((best == null || best == Relation.MENTIONS) && ENACTS.matcher(masked).find()) return Relation.RESTS_ON;
    return best == null ? Relation.MENTIONS : best;
  }

  /** The sentence after {@code end} with the titles in it blanked ("《X》、《Y》同时废止"). */
  private static String maskTitles(String text, int end, List<int[]> titleSpans) {
    StringBuilder after = new StringBuilder(text.substring(end, Math.min(text.length(), end + CUE_WINDOW)));
    for (int k = 0; k < after.length(); k++) {
      if (text.charAt(end + k) == '《') {
        int close = closing(text, end + k);
        if (close < 0) break;
        for (int j = end + k; j <= close && j - end < after.length(); j++) after.setCharAt(j - end, '　');
      }
    }
    return after.toString();
  }

  private static final Object[][] CUES = {
      {"根据", Relation.RESTS_ON}, {"依据", Relation.RESTS_ON},
      {"实施", Relation.IMPLEMENTS}, {"贯彻", Relation.IMPLEMENTS}, {"落实", Relation.IMPLEMENTS}, {"执行", Relation.IMPLEMENTS},
      {"废止", Relation.REPEALS},
      {"修改", Relation.AMENDS}, {"修订", Relation.AMENDS},
      // the cues that state no relation of the list still end the reach of an earlier one: "根据…，按照《X》" mentions X
      {"按照", Relation.MENTIONS}, {"依照", Relation.MENTIONS}, {"参照", Relation.MENTIONS}, {"适用", Relation.MENTIONS},
      {"违反", Relation.MENTIONS}, {"符合", Relation.MENTIONS}, {"遵守", Relation.MENTIONS},
  };

  /** The paragraph's words around a reference: at most {@link Reference#MAX_CONTEXT} characters, "…" where cut. */
  static String context(String text, int start, int end) {
    int span = end - start;
    int room = Math.max(0, Reference.MAX_CONTEXT - span) / 2;
    int from = Math.max(0, start - room);
    int to = Math.min(text.length(), end + room);
    if (to - from > Reference.MAX_CONTEXT) to = from + Reference.MAX_CONTEXT;
    return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
  }
}
