package org.policysearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.policysearch.doc.DateInfo;
import org.policysearch.doc.Flags;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.RegionInfo;

/**
 * Test-only builder: one paragraph per non-empty line, the given title copied, nothing extracted.
 * Records every {@link RawDocument} it was handed so tests can check what the readers delivered
 * independently of any real builder.
 */
public final class LinesBuilder implements DocumentBuilder {
  public final ConcurrentLinkedQueue<RawDocument> seen = new ConcurrentLinkedQueue<>();

  @Override
  public PolicyDocument build(RawDocument raw) throws IngestException {
    seen.add(raw);
    List<Paragraph> ps = new ArrayList<>();
    for (String line : raw.text().split("\n")) {
      if (!line.isBlank()) ps.add(new Paragraph(ps.size() + 1, line.strip(), false, List.of()));
    }
    if (ps.isEmpty()) throw new IngestException(SkipReasons.NO_TEXT, "no non-blank line");
    return new PolicyDocument(DocumentIds.of(raw), raw.file(), raw.line(), raw.given().title(), "", DateInfo.UNKNOWN,
        RegionInfo.NONE, raw.given().type(), raw.given().source(), raw.given().sourceUrl(), "", "", List.of(),
        List.of(), Flags.NONE, ps, Map.of(), List.of(), raw.encoding(), raw.contentHash());
  }

  /** The raw document delivered for a file (and line), failing when there is none. */
  public RawDocument raw(String file, int line) {
    return seen.stream().filter(r -> r.file().equals(file) && r.line() == line).findFirst()
        .orElseThrow(() -> new AssertionError("no raw document for " + file + ":" + line + "; seen " + seen.stream()
            .map(r -> r.file() + ":" + r.line()).toList()));
  }
}
