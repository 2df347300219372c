package org.policysearch.search.api;

/**
 * One reference a document makes, as resolved against the index now (docs/lineage.md).
 *
 * @param title       the cited title as written, without 《》 ("" when only a 文号 is cited)
 * @param version     the version written after it, e.g. 2018年修正 ("" when none)
 * @param docNumber   the cited 文号 as written ("" when none)
 * @param relation    rests_on, implements, repeals, amends or mentions
 * @param paragraph   the paragraph of the citing document it stands in
 * @param context     the words around it in that paragraph
 * @param status      {@link #RESOLVED}, {@link #UNRESOLVED} (no document of that title or number is indexed),
 *                    {@link #AMBIGUOUS} (several are, and region and date do not tell which) or {@link #SELF}
 *                    (the document names itself)
 * @param target      the cited document when resolved, else null
 */
public record CitedReference(String title, String version, String docNumber, String relation, int paragraph, String context,
                             String status, DocumentRef target) {
  public static final String RESOLVED = "resolved";
  public static final String UNRESOLVED = "unresolved";
  public static final String AMBIGUOUS = "ambiguous";
  public static final String SELF = "self";

  /** A document named by a reference or citing one: enough to list it and link to it. */
  public record DocumentRef(String id, String title, String region, String date, String type) {}
}
