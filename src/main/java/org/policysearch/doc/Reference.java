package org.policysearch.doc;

import java.util.Objects;

/**
 * One reference a document makes to another: a cited 《title》, a cited 文号, or both when the text gives the
 * number beside the title (按照《国务院关于…的意见》（国发〔2021〕16号）). Extracted from the text at ingest;
 * which document it names is decided when it is asked for, against the index of the day, so that a
 * reference to a document not yet indexed resolves as soon as that document is.
 *
 * @param title     the title as written between 《 and 》, without the marks ("" when only a 文号 is cited)
 * @param version   a version written in brackets after the title (2018年修正), kept apart ("" when none)
 * @param docNumber the 文号 as written (国发〔2021〕16号), "" when none
 * @param relation  what the citing text says it does with the cited document
 * @param paragraph the number of the paragraph the reference stands in (1-based)
 * @param context   the words around the reference in that paragraph (at most {@link #MAX_CONTEXT} characters)
 */
public record Reference(String title, String version, String docNumber, Relation relation, int paragraph, String context) {
  public static final int MAX_CONTEXT = 240;

  public Reference {
    title = Objects.requireNonNullElse(title, "");
    version = Objects.requireNonNullElse(version, "");
    docNumber = Objects.requireNonNullElse(docNumber, "");
    relation = Objects.requireNonNullElse(relation, Relation.MENTIONS);
    context = Objects.requireNonNullElse(context, "");
  }

  /** The relation as the text states it; {@link #MENTIONS} when it states none that we read. */
  public enum Relation {
    /** 根据, 依据, 依照: the citing document is made on the basis of the cited one. */
    RESTS_ON("rests_on"),
    /** 实施, 贯彻, 落实, 执行: the citing document carries the cited one out. */
    IMPLEMENTS("implements"),
    /** 废止: the citing document repeals the cited one. */
    REPEALS("repeals"),
    /** 修改, 修订: the citing document amends the cited one. */
    AMENDS("amends"),
    /** Any other mention. */
    MENTIONS("mentions");

    private final String label;

    Relation(String label) {
      this.label = label;
    }

    /** The name in JSON and on the command line. */
    public String label() {
      return label;
    }

    /** The relation of a label, or {@link #MENTIONS} for one that is not known. */
    public static Relation of(String label) {
      for (Relation r : values()) if (r.label.equals(label)) return r;
      return MENTIONS;
    }
  }
}
