package org.policysearch.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;

/**
 * Generates a corpus of a given number of paragraphs from a real one, so that the benchmarks see a
 * realistic size: each synthetic document takes the paragraph count of a random real document and is
 * filled with runs of consecutive real paragraphs (3–20 at a time, so neighbouring paragraphs still
 * belong together), from random documents; it gets a real region (全国, a province, city or county),
 * a year (recent years more often), a date and a type. Everything is given as JSONL fields, so the
 * document builder does not have to guess. Deterministic for a seed and a source corpus.
 *
 * <p>Output: {@code scaled-0001.jsonl}, ... of at most {@code maxFileBytes} each (the importer reads
 * files in parallel and shows progress by file).
 */
public final class CorpusScaler {
  /** Document types given to synthetic documents, besides those of the source corpus. */
  static final List<String> TYPES = List.of("讲话", "工作报告", "通知", "意见", "实施方案", "会议报道", "地方性法规", "规划");
  static final int FIRST_YEAR = 1990;
  static final int LAST_YEAR = 2026;
  static final int MIN_RUN = 3;
  static final int MAX_RUN = 20;

  /** A source document: title and paragraph texts. */
  record Source(String title, List<String> paragraphs) {}

  /** What was written. */
  public record Result(Path dir, int files, long documents, long paragraphs, long chars, long textBytes, long fileBytes) {}

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final List<Source> sources;
  private final Regions regions;
  private final List<String> types;

  CorpusScaler(List<Source> sources, Regions regions, List<String> sourceTypes) {
    if (sources.isEmpty()) throw new IllegalArgumentException("the source corpus has no documents to scale from");
    this.sources = sources;
    this.regions = regions;
    LinkedHashSet<String> t = new LinkedHashSet<>(TYPES);
    sourceTypes.stream().filter(s -> !s.isBlank()).forEach(t::add);
    this.types = List.copyOf(t);
  }

  static CorpusScaler of(List<PolicyDocument> docs, Regions regions) {
    List<Source> sources = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (PolicyDocument d : docs) {
      if (d.paragraphs().isEmpty()) continue;
      sources.add(new Source(d.title(), d.paragraphs().stream().map(Paragraph::text).toList()));
      if (!d.type().isEmpty() && !types.contains(d.type())) types.add(d.type());
    }
    return new CorpusScaler(sources, regions, types);
  }

  static Regions regionsOf(List<PolicyDocument> docs) {
    return Regions.fromPaths(docs.stream().map(d -> d.region().path()).toList());
  }

  List<String> types() {
    return types;
  }

  /** Writes about {@code targetParagraphs} paragraphs (the last document may overshoot a little) into {@code out}. */
  public Result write(long targetParagraphs, long seed, Path out, long maxFileBytes) throws IOException {
    Files.createDirectories(out);
    SplittableRandom r = new SplittableRandom(seed);
    int[] start = new int[sources.size() + 1];
    for (int i = 0; i < sources.size(); i++) start[i + 1] = start[i] + sources.get(i).paragraphs().size();
    int pool = start[sources.size()];
    int files = 0;
    long docs = 0;
    long paras = 0;
    long chars = 0;
    long textBytes = 0;
    long fileBytes = 0;
    BufferedWriter w = null;
    long inFile = 0;
    try {
      while (paras < targetParagraphs) {
        if (w == null || inFile >= maxFileBytes) {
          if (w != null) w.close();
          files++;
          w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out.resolve(String.format("scaled-%04d.jsonl", files))),
              StandardCharsets.UTF_8), 1 << 16);
          inFile = 0;
        }
        Source shape = sources.get(r.nextInt(sources.size()));
        long want = Math.min(shape.paragraphs().size(), targetParagraphs - paras);
        List<String> body = new ArrayList<>((int) want);
        String title = null;
        while (body.size() < want) {
          int g = r.nextInt(pool);
          int doc = Arrays.binarySearch(start, g);
          doc = doc >= 0 ? doc : -doc - 2;
          Source src = sources.get(doc);
          if (title == null) title = src.title();
          int len = MIN_RUN + r.nextInt(MAX_RUN - MIN_RUN + 1);
          for (int i = g - start[doc]; i < src.paragraphs().size() && len-- > 0 && body.size() < want; i++) {
            body.add(src.paragraphs().get(i));
          }
        }
        docs++;
        String region = regions.pick(r);
        int year = year(r);
        String date = date(r, year);
        String type = types.get(r.nextInt(types.size()));
        String leaf = region.substring(region.lastIndexOf('/') + 1);
        JsonObject o = new JsonObject();
        o.addProperty("id", String.format("scaled-%07d", docs));
        o.addProperty("title", (region.equals(RegionInfo.NATIONAL) ? "" : leaf) + year + "年" + stripYear(title));
        o.addProperty("region", region);
        o.addProperty("date", date);
        o.addProperty("year", year);
        o.addProperty("doc_type", type);
        String text = String.join("\n", body);
        o.addProperty("text", text);
        o.addProperty("source", "policy-search bench generator (seed " + seed + ")");
        String line = GSON.toJson(o);
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        w.write(line);
        w.write('\n');
        inFile += bytes.length;
        fileBytes += bytes.length;
        paras += body.size();
        for (String p : body) {
          chars += p.length();
          textBytes += p.getBytes(StandardCharsets.UTF_8).length;
        }
      }
    } finally {
      if (w != null) w.close();
    }
    return new Result(out, files, docs, paras, chars, textBytes, fileBytes);
  }

  /** 1990–2026, each year more likely than the one before (weight = years since 1989). */
  static int year(SplittableRandom r) {
    int n = LAST_YEAR - FIRST_YEAR + 1;
    int total = n * (n + 1) / 2;
    int x = r.nextInt(total);
    for (int i = 0; i < n; i++) {
      x -= i + 1;
      if (x < 0) return FIRST_YEAR + i;
    }
    return LAST_YEAR;
  }

  /** A day (80%), a month (10%) or only the year (10%). */
  static String date(SplittableRandom r, int year) {
    double x = r.nextDouble();
    int month = 1 + r.nextInt(12);
    if (x < 0.1) return Integer.toString(year);
    if (x < 0.2) return String.format("%d-%02d", year, month);
    return String.format("%d-%02d-%02d", year, month, 1 + r.nextInt(28));
  }

  private static String stripYear(String title) {
    String t = title == null ? "" : title.strip();
    t = t.replaceFirst("^\\d{4}年", "");
    return t.isEmpty() ? "文件" : t;
  }
}
