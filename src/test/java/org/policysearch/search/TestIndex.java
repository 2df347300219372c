package org.policysearch.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;
import org.policysearch.index.IndexLayout;
import org.policysearch.index.IndexStore;
import org.policysearch.index.analysis.Analyzers;
import org.policysearch.search.api.SearchLimits;
import org.policysearch.search.query.Synonyms;

/** Builds small indexes from documents made in the test, and a service over them. */
public final class TestIndex {
  private TestIndex() {}

  public static final Analyzers ANALYZERS = new Analyzers();

  public static PolicyDocument doc(String id, String title, String date, String regionPath, String type,
                                   List<String> themes, String... paragraphs) {
    List<Paragraph> ps = new ArrayList<>();
    for (String p : paragraphs) ps.add(new Paragraph(ps.size() + 1, p, false, List.of()));
    DateInfo di = switch (date.length()) {
      case 0 -> DateInfo.UNKNOWN;
      case 4 -> new DateInfo(date, DateInfo.Precision.YEAR);
      case 7 -> new DateInfo(date, DateInfo.Precision.MONTH);
      default -> new DateInfo(date, DateInfo.Precision.DAY);
    };
    String[] parts = regionPath.isEmpty() ? new String[0] : regionPath.split("/");
    RegionInfo region = regionPath.equals(RegionInfo.NATIONAL) ? RegionInfo.national(1)
        : new RegionInfo(parts.length > 0 ? parts[0] : "", parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "",
            regionPath, "", 1);
    return new PolicyDocument(id, id, 0, title, "", di, region, type, "", "", "", "", List.of(), themes, Flags.NONE,
        ps, null, List.of(), "UTF-8", Integer.toHexString(String.join("\n", paragraphs).hashCode()));
  }

  /** Each non-blank line of a text file is a paragraph (no cleaning: for tests of matching only). */
  public static PolicyDocument fromLines(Path file, String id, String date, String region) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    return doc(id, lines.get(0), date, region, "讲话", List.of(), lines.toArray(new String[0]));
  }

  public static void write(Path indexRoot, List<PolicyDocument> docs) throws IOException {
    try (IndexStore store = IndexStore.open(new IndexLayout(indexRoot), ANALYZERS, false, 64)) {
      for (PolicyDocument d : docs) store.put(d);
      store.commit();
    }
  }

  /** An embedded backend over a new index of {@code docs} at {@code indexRoot}, as the tests' backends are opened. */
  public static LuceneBackend backend(Path indexRoot, List<PolicyDocument> docs) throws IOException {
    write(indexRoot, docs);
    return LuceneBackend.open(indexRoot, ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS);
  }

  public static SearchService service(Path indexRoot) throws IOException {
    return new SearchService(new IndexLayout(indexRoot), ANALYZERS, Synonyms.load(null), SearchLimits.DEFAULTS);
  }
}
