package org.policysearch.doc;

/**
 * A date known to some precision.
 *
 * @param value     ISO form cut to the precision: "2023-02-12", "2023-02" or "2023"; "" when unknown
 * @param precision how much of the date is known
 */
public record DateInfo(String value, Precision precision) {
  public enum Precision { DAY, MONTH, YEAR, UNKNOWN }

  public static final DateInfo UNKNOWN = new DateInfo("", Precision.UNKNOWN);

  public DateInfo {
    value = value == null ? "" : value;
    if (precision == null) precision = Precision.UNKNOWN;
    String pattern = switch (precision) {
      case DAY -> "\\d{4}-\\d{2}-\\d{2}";
      case MONTH -> "\\d{4}-\\d{2}";
      case YEAR -> "\\d{4}";
      case UNKNOWN -> "";
    };
    if (!value.matches(pattern)) {
      throw new IllegalArgumentException("date '" + value + "' does not match precision " + precision);
    }
  }

  public static DateInfo day(int y, int m, int d) {
    return new DateInfo(String.format("%04d-%02d-%02d", y, m, d), Precision.DAY);
  }

  public static DateInfo month(int y, int m) {
    return new DateInfo(String.format("%04d-%02d", y, m), Precision.MONTH);
  }

  public static DateInfo year(int y) {
    return new DateInfo(String.format("%04d", y), Precision.YEAR);
  }

  public boolean known() {
    return precision != Precision.UNKNOWN;
  }

  public Integer year() {
    return known() ? Integer.valueOf(value.substring(0, 4)) : null;
  }
}
