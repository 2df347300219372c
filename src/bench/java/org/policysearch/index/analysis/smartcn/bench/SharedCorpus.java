package org.policysearch.index.analysis.smartcn.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts for the smartcn differential runs and benchmarks: the shared corpus ({@code *.jsonl}, one
 * JSON document per line with a {@code "text"} field) and the seed documents ({@code corpus/*.txt}).
 */
public final class SharedCorpus {
  private SharedCorpus() {}

  /** The shared corpus, as seen from the project root. */
  public static final Path DEFAULT_DIR = Path.of("..", "shared", "data", "corpus");

  /** The seed documents checked in with the project. */
  public static final Path SEED_DIR = Path.of("src/test/resources/seeds");

  /**
   * The texts of every {@code every}-th line of each {@code *.jsonl} file of {@code dir} (files in
   * name order), until {@code maxChars} chars are collected.
   */
  public static List<String> read(Path dir, int every, long maxChars) throws IOException {
    if (every < 1) throw new IllegalArgumentException("every must be 1 or more, not " + every);
    List<String> texts = new ArrayList<>();
    long chars = 0;
    for (Path file : sorted(dir, "*.jsonl")) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
          if (n++ % every != 0 || line.isBlank()) continue;
          JsonElement text = JsonParser.parseString(line).getAsJsonObject().get("text");
          if (text == null || text.isJsonNull()) continue;
          String s = text.getAsString();
          texts.add(s);
          chars += s.length();
          if (chars >= maxChars) return texts;
        }
      }
    }
    return texts;
  }

  /** The whole of every {@code *.txt} file in {@code dir}, in name order. */
  public static List<String> readSeeds(Path dir) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path file : sorted(dir, "*.txt")) texts.add(Files.readString(file, StandardCharsets.UTF_8));
    return texts;
  }

  private static List<Path> sorted(Path dir, String glob) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  static long utf8Bytes(List<String> texts) {
    long bytes = 0;
    for (String t : texts) bytes += t.getBytes(StandardCharsets.UTF_8).length;
    return bytes;
  }

  static long chars(List<String> texts) {
    long chars = 0;
    for (String t : texts) chars += t.length();
    return chars;
  }
}
