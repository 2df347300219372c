package org.policysearch.doc;

/**
 * What a reader citing the document must know.
 *
 * @param truncated   the page showed only a preview: the text is incomplete
 * @param redacted    names are masked (×, _, ……)
 * @param duplicateOf id of the first copy when this text was reposted ("" when original)
 */
public record Flags(boolean truncated, boolean redacted, String duplicateOf) {
  public static final Flags NONE = new Flags(false, false, "");

  public Flags {
    duplicateOf = duplicateOf == null ? "" : duplicateOf;
  }

  public boolean duplicate() {
    return !duplicateOf.isEmpty();
  }
}
