package org.policysearch.ingest.meta;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;

/**
 * Whether one document is a repost of another, decided on their full texts: a repost is the same text
 * (after cleaning) published again, so nearly every shingle of each must be in the other, and nothing
 * the documents say about themselves may tell them apart.
 *
 * <ul>
 *   <li>Text: at least {@link #MIN_SHARED} of the distinct {@link Fingerprint#SHINGLE}-character
 *       shingles of <em>each</em> body are in the other. Both ways, so that a text quoting another whole
 *       is not its copy; 95% leaves room for a repost's other title line, a credit line the cleaner kept
 *       or a typo, and none for a changed article.</li>
 *   <li>Region: two documents of regions neither of which contains the other (郑州市, 洛阳市; 北京市,
 *       上海市) are two documents, however alike their texts: a city's regulation copied from another
 *       city's, with the names changed, differs in only a few shingles.</li>
 *   <li>Issuer: two different issuers, likewise.</li>
 *   <li>Dates: a day written in one body and not in the other (an amendment line "2024年4月26日…第三次修正",
 *       a meeting or signature date) makes them two versions of a regulation or two speeches, however few
 *       articles changed. A site's 发布日期 is not in the body (the cleaner moves it to the header): a
 *       repost published on another day still has the same body.</li>
 * </ul>
 */
public final class RepostCheck {
  /** Share of each body's shingles that must be in the other. */
  public static final double MIN_SHARED = 0.95;

  /** A document with the sorted distinct shingle hashes of its body. */
  public record Texts(PolicyDocument doc, long[] shingles) {
    public static Texts of(PolicyDocument d) {
      return new Texts(d, Fingerprint.shingleHashes(d.bodyText()));
    }
  }

  /**
   * The decision with its figures.
   *
   * @param repost whether {@code b} and {@code a} are the same text
   * @param aInB   share of a's shingles found in b
   * @param bInA   share of b's shingles found in a
   * @param reason in words: "same text", "96.2% / 97.0% of shingles shared", or what tells them apart
   */
  public record Verdict(boolean repost, double aInB, double bInA, String reason) {}

  private RepostCheck() {}

  public static Verdict check(Texts a, Texts b) {
    int both = Fingerprint.shared(a.shingles(), b.shingles());
    double aInB = a.shingles().length == 0 ? 0 : (double) both / a.shingles().length;
    double bInA = b.shingles().length == 0 ? 0 : (double) both / b.shingles().length;
    String shares = String.format(Locale.ROOT, "%.1f%% / %.1f%% of shingles shared", 100 * aInB, 100 * bInA);
    if (aInB < MIN_SHARED || bInA < MIN_SHARED) return new Verdict(false, aInB, bInA, "different texts: " + shares);
    String apart = apart(a.doc(), b.doc());
    if (apart != null) return new Verdict(false, aInB, bInA, apart + " (" + shares + ")");
    return new Verdict(true, aInB, bInA, aInB == 1 && bInA == 1 ? "same text" : shares);
  }

  /** What the metadata says that makes the two different documents, or null when nothing does. */
  static String apart(PolicyDocument a, PolicyDocument b) {
    String ra = a.region().path();
    String rb = b.region().path();
    if (!ra.isEmpty() && !rb.isEmpty() && !within(ra, rb) && !within(rb, ra)) return "different regions " + ra + " / " + rb;
    if (!a.issuer().isEmpty() && !b.issuer().isEmpty() && !a.issuer().equals(b.issuer())) {
      return "different issuers " + a.issuer() + " / " + b.issuer();
    }
    Set<String> onlyA = days(a);
    Set<String> onlyB = days(b);
    Set<String> inBoth = new TreeSet<>(onlyA);
    inBoth.retainAll(onlyB);
    onlyA.removeAll(inBoth);
    onlyB.removeAll(inBoth);
    if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
      return "dates in one text only " + String.join(",", onlyA) + " / " + String.join(",", onlyB);
    }
    return null;
  }

  /** Every full date (day precision) written in the body, as ISO values. */
  private static Set<String> days(PolicyDocument d) {
    Set<String> out = new TreeSet<>();
    for (Paragraph p : d.paragraphs()) {
      for (DateMention m : DateMention.findAll(p.text())) {
        if (m.year() != null && m.day() != null) out.add(m.toDateInfo().value());
      }
    }
    return out;
  }

  /** Whether region path {@code inner} is {@code outer} or lies under it. */
  private static boolean within(String inner, String outer) {
    return inner.equals(outer) || inner.startsWith(outer + "/");
  }
}
