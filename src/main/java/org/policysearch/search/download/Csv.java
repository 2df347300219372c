package org.policysearch.search.download;

/** CSV cells for spreadsheets: RFC 4180 quoting, and formula characters defused. */
public final class Csv {
  /** UTF-8 byte-order mark: Excel only reads a CSV file as UTF-8 (and shows Chinese) when it starts with one. */
  public static final String BOM = "\uFEFF";

  private Csv() {}

  public static String row(String... cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(cell(cells[i]));
    }
    return sb.append("\r\n").toString();
  }

  public static String cell(String v) {
    String s = v == null ? "" : v;
    // A cell starting with = + - @ would run as a formula in a spreadsheet: prefix it so it stays text.
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
