package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.doc.Official;

/**
 * People named with their role: "市政府副市长邱实出席会议" → 副市长 邱实, "市教育局党组书记、局长范玉姣作了…"
 * → 市教育局党组书记、局长 范玉姣, "区委常委、宣传部长何礼兵,区人大常委会副主任陈默、区政协副主席全冬出席"
 * → three officials.
 *
 * <p>A match is a post word (局长, 副市长, 书记, 主任, …) right before a name: a common surname and one or two
 * more characters, followed by what follows a name in these texts (出席, 作, 主持, 同志, a comma, …). The
 * role reaches back over the organisation and joined posts ("党组书记、局长") up to punctuation or the
 * previous person. A leading "市政府"/"省政府" before a post of that government is dropped (市政府副市长 is
 * 副市长). Masked names (×, _) are skipped. Thread-safe.
 */
public final class OfficialsExtractor {
  /** The role is read back at most this far. */
  static final int ROLE_MAX_CHARS = 24;
  static final int BYLINE_MAX_CHARS = 30;

  /** Common single and compound surnames; a name starts with one. (和 is left out: "主任和委员".) */
  private static final String SURNAMES_1 =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
  private static final String SURNAMES_2 = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|令狐|夏侯|轩辕|端木|独孤|南宫|西门|呼延";
  /** Posts, longest first where one ends another (副市长 before 市长). */
  private static final String POSTS = "常务副市长|常务副省长|常务副县长|常务副区长|副市长|副省长|副县长|副区长|副州长|副盟长|副旗长|"
      + "市长|省长|县长|区长|州长|盟长|旗长|副书记|书记|副局长|局长|副主任|主任|副主席|主席|副厅长|厅长|副部长|宣传部长|"
      + "组织部长|部长|副校长|校长|副院长|院长|副总理|总理|秘书长|检察长|副处长|处长|副科长|科长|督学|巡视员|调研员|园长|"
      + "副司长|司长|署长|行长|社长|总编辑|主编|董事长|总经理|委员|常委";
  /** What follows a name; not a full stop (",专业领航校长成长;" is no person). */
  private static final String AFTER_NAME = "出席|作|主持|同志|讲话|指出|强调|表示|代表|要求|参加|在|对|所|就|致辞|宣读|传达|"
      + "通报|介绍|带领|率|一行|等|和|与|及|[,，、：:（(\\s]|$";
  /** Posts found in one pass; the name is then matched right after each. */
  private static final PhraseTrie<Boolean> POST_TRIE = postTrie();
  private static final Pattern NAME = Pattern.compile(
      "[\\s　]*((?:" + SURNAMES_2 + "|[" + SURNAMES_1 + "])[\\p{IsHan}]{1,2}?)(?=" + AFTER_NAME + ")");
  /** Role text may not reach back over these. */
  private static final String ROLE_STOP = "，,。；;：:！？!?（()）\"“”《》【】 \t　";
  /** Words a role never reaches back over ("会议上北京市市长" → 北京市市长, "审议了国务院总理" → 国务院总理). */
  private static final List<String> ROLE_STOP_WORDS = List.of("议上", "的", "了", "由", "向", "经", "是", "为", "时");
  private static final Pattern GOVERNMENT_PREFIX = Pattern.compile("^(省|市|区|县|州|盟|旗)(人民)?政府(?=(常务)?副?\\1长)");
  /** Two-character "names" that are words right after a post ("书记高度重视", "局长同志"). */
  private static final Pattern NOT_A_NAME = Pattern.compile("^(高度|亲自|多次|专门|同志|带头|分别|一行|指出|强调|要求|表示|等人|及其|和其|"
      + "在会|作了|参加|出席|主持|讲话|为首|牵头|负责|任组长|同时|率先|在此|成长|成为|全面|全体|全部|方面|关于|安全|明确|严格|包括|应当|"
      + "国家|时代|和谐|向上|向好|常态|强化|万元|任务|任职|任期|管理|职责|工作|会议|研究|发展|于是|于此|从事|年度|江山|平安|文明|金融|"
      + "和副|和各|及各|等同志|等人员|包括|林业|农业|师生|韦伯)$");

  public List<Official> extract(List<Block> blocks) {
    Map<String, Official> byName = new LinkedHashMap<>();
    for (Block b : blocks) {
      String text = b.text();
      int previousEnd = 0;
      Matcher m = NAME.matcher(text);
      for (PhraseTrie.Match<Boolean> post : POST_TRIE.findAll(text)) {
        if (post.start() < previousEnd) continue;
        m.region(post.end(), text.length());
        if (!m.lookingAt()) continue;
        String name = m.group(1);
        if (name.contains("×") || name.contains("_") || NOT_A_NAME.matcher(name).matches()) continue;
        // At the end of a line only in a short byline ("省长　王予波"), not after a long sentence.
        if (m.end(1) == text.length() && text.length() > BYLINE_MAX_CHARS) continue;
        int roleStart = post.start();
        int limit = Math.max(previousEnd, post.start() - ROLE_MAX_CHARS);
        while (roleStart > limit && ROLE_STOP.indexOf(text.charAt(roleStart - 1)) < 0 && !stopWordBefore(text, roleStart)) {
          roleStart--;
        }
        String role = text.substring(roleStart, post.end());
        role = GOVERNMENT_PREFIX.matcher(role).replaceFirst("");
        role = role.replaceAll("^[、\\s]+", "");
        byName.putIfAbsent(name, new Official(role, name));
        previousEnd = m.end(1);
      }
    }
    return new ArrayList<>(byName.values());
  }

  private static PhraseTrie<Boolean> postTrie() {
    java.util.Map<String, Boolean> m = new java.util.HashMap<>();
    for (String p : POSTS.split("\\|")) m.put(p, Boolean.TRUE);
    return PhraseTrie.of(m);
  }

  private static boolean stopWordBefore(String text, int at) {
    for (String w : ROLE_STOP_WORDS) {
      if (at >= w.length() && text.startsWith(w, at - w.length())) return true;
    }
    return false;
  }
}
