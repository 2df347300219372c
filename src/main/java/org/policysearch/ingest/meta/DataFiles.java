package org.policysearch.ingest.meta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated data files that users edit: comments start with '#', blank lines are skipped. */
final class DataFiles {
  /** Classpath folder of every data file of this package. */
  static final String BASE = "/org/policysearch/ingest/";

  private DataFiles() {}

  /** One data row: its 1-based line number (for error messages) and its tab-separated cells. */
  record Row(String file, int line, List<String> cells) {
    String cell(int i) {
      return i < cells.size() ? cells.get(i).strip() : "";
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(file + ":" + line + ": " + message);
    }
  }

  static Reader open(String name) {
    InputStream in = DataFiles.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IllegalStateException("missing data file on the classpath: " + BASE + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static List<Row> readTsv(String name) {
    try (Reader r = open(name)) {
      return parseTsv(name, r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Rows of TSV text in memory (tests, or a user's extra rules). */
  static List<Row> parseTsv(String name, String tsv) {
    try {
      return parseTsv(name, new java.io.StringReader(tsv));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  static List<Row> parseTsv(String name, Reader reader) throws IOException {
    List<Row> rows = new ArrayList<>();
    BufferedReader r = new BufferedReader(reader);
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (n == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
      if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
      rows.add(new Row(name, n, List.of(line.split("\t", -1))));
    }
    return rows;
  }

  /** Rows of a simple CSV with a header line and optionally double-quoted cells without commas inside. */
  static List<Row> readCsv(String name) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(open(name))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (n == 1 || line.isBlank()) continue; // header
        List<String> cells = new ArrayList<>();
        for (String c : line.split(",", -1)) {
          c = c.strip();
          if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) c = c.substring(1, c.length() - 1);
          cells.add(c);
        }
        rows.add(new Row(name, n, List.copyOf(cells)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return rows;
  }
}
