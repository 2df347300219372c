package org.policysearch.ingest.meta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.doc.RegionInfo;

/**
 * The issuing body (发文机关, the body that enacted a regulation, or the one that held the meeting) and the
 * document number (文号) where the text states them. Rules, first that applies:
 * <ol>
 *   <li>a header field (发布机构, 发文机关; 文号, 发文字号);</li>
 *   <li>a regulation's first header line: "上海市第十三届人民代表大会常务委员会第三十次会议通过" → 上海市人民代表大会常务委员会,
 *       "中华人民共和国国务院令第397号公布" → 国务院, "最高人民法院审判委员会第1586次会议通过" → 最高人民法院;</li>
 *   <li>the title "XX关于…": XX when it ends like an organisation (国务院关于… → 国务院);</li>
 *   <li>"我代表国务院/省人民政府…" in a work report;</li>
 *   <li>the organisation whose head reports at or holds the meeting in the first paragraphs ("市教育局党组书记、
 *       局长范玉姣作了…工作报告" → 市教育局), else the education or government body named most there.</li>
 * </ol>
 * An organisation written without its place ("市教育局", "区教委") is qualified with the region's name at that
 * level (鄂州市教育局, 潼南区教委); when that level of the region is unknown (a masked county) there is no
 * issuer rather than a vague one. Thread-safe.
 */
public final class IssuerExtractor {
  private final Gazetteer gazetteer;

  public IssuerExtractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  static final int SCAN_BLOCKS = 12;
  /** A document number standing alone on a line this short is the document's own, not a reference. */
  static final int DOCNO_LINE_MAX_CHARS = 40;

  /** A value found in the text and where ("" when none). */
  public record Found(String value, String detail) {}

  private static final String NUM = "[一二三四五六七八九十百零〇\\d]+";
  private static final Pattern CONGRESS = Pattern.compile(
      "([\\p{IsHan}]{0,12}?)(?:第?" + NUM + "届)?(全国人民代表大会常务委员会|全国人民代表大会|人民代表大会常务委员会|人民代表大会)(?:第" + NUM + "次)?(?:会议|全体会议)");
  private static final Pattern DECREE = Pattern.compile("(?:中华人民共和国)?([\\p{IsHan}]{2,20}?)令\\s*第\\s*" + NUM + "\\s*号");
  private static final Pattern COMMITTEE = Pattern.compile("([\\p{IsHan}]{2,20}?(?:法院|检察院))(?:审判委员会|检察委员会)第" + NUM + "次");
  private static final Pattern BOARD = Pattern.compile("(?:经)?([\\p{IsHan}]{2,24}?)第" + NUM + "次(?:常务会议|部务会议|局务会议|委务会议|主任会议|署务会议|行务会议)");
  private static final Pattern TITLE_ORG = Pattern.compile(
      "^([\\p{IsHan}、]{2,40}?(?:政府|办公厅|办公室|委员会|局|厅|部|院|署|委|会|中心|法院|检察院|党委|党组|国务院))(?:关于|印发|转发)");
  private static final Pattern ON_BEHALF = Pattern.compile("我代表((?:[\\p{IsHan}]{2,10})?(?:国务院|人民政府|政府))");
  /** An education or government body, with its place name ("聊城市教育和体育局") or without ("市教育局"). */
  private static final Pattern ORG = Pattern.compile(
      "((?:省|市|区|县|盟|旗|州|自治区)?(?:教育和体育局|教育体育局|教体局|教育局|教委|教育委员会|教育厅|人民政府|政府))");
  /** After an organisation, within its clause: it holds the meeting or its head reports ("…局长范玉姣作了题为《…》的…报告"). */
  private static final Pattern HOST_AFTER =
      Pattern.compile("^[^，。；,;]{0,24}?(召开|主办|举办|承办|(?<!工)作了?[^，。；,;]{0,50}?报告)");
  /** A weaker sign: someone of the organisation speaks ("市政府副市长邱实出席会议并讲话"); the host reports. */
  private static final Pattern SPEAKS_AFTER = Pattern.compile("^[^，。；,;]{0,24}?(讲话|致辞)");
  private static final Pattern DOCNO = Pattern.compile(
      "[\\p{IsHan}]{0,12}[〔\\[［【(（]\\s*(?:19|20)\\d{2}\\s*[〕\\]］】)）]\\s*第?\\s*\\d{1,5}\\s*号");

  /** The document's own number (文号 or decree number) and where it was found; "" when none. */
  public Found docNumber(Map<String, String> header, List<Block> blocks) {
    for (Map.Entry<String, String> e : header.entrySet()) {
      if (e.getKey().contains("文号") || e.getKey().contains("字号")) return new Found(e.getValue(), "header " + e.getKey());
    }
    String docNumber = "";
    String docDetail = "";
    int n = Math.min(SCAN_BLOCKS, blocks.size());
    // Document number: on a line of its own near the top, or the decree that promulgated a regulation.
    for (int i = 0; i < n && docNumber.isEmpty(); i++) {
      String t = blocks.get(i).text();
      Matcher m = DOCNO.matcher(t);
      if (t.length() <= DOCNO_LINE_MAX_CHARS && m.find()) {
        docNumber = m.group().strip();
        docDetail = "line " + (i + 1);
        break;
      }
      Matcher d = DECREE.matcher(t);
      if (d.find() && t.matches(".*令\\s*第.*号\\s*(公布|发布|颁布).*") && DateMention.findAll(t).size() > 0) {
        docNumber = d.group().strip();
        docDetail = "promulgation line";
      }
    }
    return new Found(docNumber, docDetail);
  }

  /** The issuing body and the words that name it; "" when the text does not tell. */
  public Found issuer(String title, Map<String, String> header, List<Block> blocks, int titleBlock, RegionInfo region) {
    String issuer = "";
    String issuerDetail = "";
    for (Map.Entry<String, String> e : header.entrySet()) {
      if (e.getKey().matches("(发布|发文)(机构|机关|单位)")) {
        issuer = e.getValue();
        issuerDetail = "header " + e.getKey();
      }
    }
    int n = Math.min(SCAN_BLOCKS, blocks.size());
    if (issuer.isEmpty()) {
      for (int i = 0; i < n && issuer.isEmpty(); i++) {
        String t = blocks.get(i).text();
        if (DateMention.findAll(t).isEmpty()) continue;
        String found = regulationIssuer(t);
        if (found != null) {
          issuer = found;
          issuerDetail = DateExtractor.clip(t);
        }
      }
    }
    if (issuer.isEmpty()) {
      Matcher m = TITLE_ORG.matcher(title);
      if (m.find()) {
        issuer = m.group(1);
        issuerDetail = "title";
      }
    }
    if (issuer.isEmpty()) {
      for (int i = 0; i < n; i++) {
        if (i == titleBlock) continue;
        Matcher m = ON_BEHALF.matcher(blocks.get(i).text());
        if (m.find()) {
          String q = qualify(m.group(1), region);
          if (!q.isEmpty()) {
            issuer = q;
            issuerDetail = DateExtractor.clip(blocks.get(i).text());
          }
          break;
        }
      }
    }
    if (issuer.isEmpty()) {
      Found host = host(blocks, titleBlock, region);
      issuer = host.value();
      issuerDetail = host.detail();
    }
    return new Found(issuer, issuerDetail);
  }

  /**
   * The organisation that holds the meeting or whose head reports in the first paragraphs ("市教育局党组书记、
   * 局长范玉姣作了…工作报告"), else one whose member speaks there ("市政府副市长邱实出席会议并讲话"), else the
   * one named most there; qualified with the region. Empty value (and the reason as detail) when none or
   * when its place is unknown.
   */
  private Found host(List<Block> blocks, int titleBlock, RegionInfo region) {
    String host = null;
    String hostText = "";
    String speaker = null;
    String speakerText = "";
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(SCAN_BLOCKS, blocks.size()); i++) {
      if (i == titleBlock) continue;
      for (String sentence : DateExtractor.sentences(blocks.get(i).text())) {
        Matcher m = ORG.matcher(sentence);
        while (m.find()) {
          String org = withPlace(sentence, m.start(), m.group(1));
          if (org == null) continue;
          counts.merge(org, 1, Integer::sum);
          String after = sentence.substring(m.end());
          if (host == null && (HOST_AFTER.matcher(after).find()
              || sentence.substring(Math.max(0, m.start() - 3), m.start()).endsWith("我代表"))) {
            host = org;
            hostText = sentence;
          }
          if (speaker == null && SPEAKS_AFTER.matcher(after).find()) {
            speaker = org;
            speakerText = sentence;
          }
        }
      }
    }
    if (host == null && speaker != null) {
      host = speaker;
      hostText = speakerText;
    }
    if (host == null && !counts.isEmpty()) {
      host = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      hostText = "named most in the first paragraphs";
    }
    if (host == null) return new Found("", "");
    String q = qualify(host, region);
    return q.isEmpty() ? new Found("", host + " (its place is not known)") : new Found(q, DateExtractor.clip(hostText));
  }

  /**
   * The organisation with the place name written before it ("聊城" + "市教育和体育局"), the bare form when
   * nothing or a non-name stands before it ("代表" + "市教育局"), or null when the bare form follows other
   * Han text that is no place ("贯彻落实教育部和省教育厅" keeps 省教育厅; "党委政府" is not a body).
   */
  private String withPlace(String sentence, int start, String org) {
    for (int len = Math.min(10, start); len >= 2; len--) {
      String before = sentence.substring(start - len, start);
      String candidate = before + org.substring(0, 1);
      if (!gazetteer.lookup(candidate).isEmpty() || !gazetteer.lookup(before).isEmpty()) {
        String place = gazetteer.lookup(candidate).isEmpty() ? before : candidate;
        return place + (place.endsWith(org.substring(0, 1)) ? org.substring(1) : org);
      }
    }
    if ("省市区县盟旗州自".indexOf(org.charAt(0)) < 0) return null; // "党委政府", "人民政府" with nothing to qualify
    return org;
  }

  /** The enacting body of a regulation's header line, or null. */
  static String regulationIssuer(String line) {
    Matcher c = CONGRESS.matcher(line);
    if (c.find()) {
      String place = c.group(1);
      // "2017年12月27日日照市…": the first 日 ends the date.
      if (c.start(1) > 0 && Character.isDigit(line.charAt(c.start(1) - 1)) && place.startsWith("日")) place = place.substring(1);
      String body = c.group(2);
      return body.startsWith("全国") ? body : place + body;
    }
    Matcher d = DECREE.matcher(line);
    if (d.find()) return d.group(1).replaceAll("^中华人民共和国", "");
    Matcher j = COMMITTEE.matcher(line);
    if (j.find()) return j.group(1);
    Matcher b = BOARD.matcher(line);
    if (b.find()) return b.group(1).replaceAll("^.*日\\s*", "").replaceAll("^经", "");
    return null;
  }

  /**
   * "市教育局" → "鄂州市教育局" for a region in 鄂州市; a name that already carries its place is kept. Empty
   * when the level the organisation belongs to is unknown.
   */
  static String qualify(String org, RegionInfo region) {
    if (org.startsWith("国务院") || org.contains("全国")) return org;
    char level = org.charAt(0);
    String rest = org.substring(1);
    boolean bare = "省市区县盟旗州".indexOf(level) >= 0;
    if (!bare) return org;
    if (org.startsWith("自治区")) {
      return region.province().endsWith("自治区") ? region.province() + org.substring(3) : "";
    }
    String name = switch (level) {
      case '省' -> region.province();
      case '市' -> !region.city().isEmpty() ? region.city() : region.province();
      case '盟', '州' -> region.city();
      case '区', '县', '旗' -> region.county();
      default -> "";
    };
    // "县教育局" in a region whose county is unknown, or is a 市: the body's place is not known.
    if (name.isEmpty() || name.charAt(name.length() - 1) != level) return "";
    return name + rest;
  }
}
