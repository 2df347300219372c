package org.policysearch.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policysearch.Config;
import org.policysearch.index.CorpusIndexer;
import org.policysearch.index.IndexStore;
import org.policysearch.index.StoredFingerprint;
import org.policysearch.ingest.Builders;
import org.policysearch.ingest.IngestConfig;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.Paragraph;
import org.policysearch.ingest.PolicyDocument;
import org.policysearch.text.CharClass;
import org.policysearch.text.TextNormalizer;

/** Wires the stages together: ingest → index, as the index and serve commands run them. */
final class Pipeline {
  private Pipeline() {}

  static final double RAM_BUFFER_MB = 256;

  static CorpusIndexer indexer(Config c) {
    Ingester ingester = new Ingester(IngestConfig.DEFAULTS, Builders.standard());
    return new CorpusIndexer(ingester, Common.analyzers(c), Pipeline::fingerprint, Pipeline::resolveDuplicates,
        Runtime.getRuntime().availableProcessors(), RAM_BUFFER_MB);
  }

  /** Exact fingerprint of the body's characters (letters, digits, Chinese), blind to debris-free layout. */
  static StoredFingerprint fingerprint(PolicyDocument d) {
    long h = 1125899906842597L;
    int n = 0;
    for (Paragraph p : d.paragraphs()) {
      String t = TextNormalizer.normalizeToString(p.text());
      for (int i = 0; i < t.length(); ) {
        int cp = t.codePointAt(i);
        i += Character.charCount(cp);
        if (CharClass.isCjk(cp) || CharClass.isAlnum(cp)) {
          h = 31 * h + cp;
          n++;
        }
      }
    }
    return new StoredFingerprint(h, 0, n);
  }

  /** Same body: the earliest (by date, then id) is the original, the others its reposts. */
  static Map<String, String> resolveDuplicates(List<IndexStore.IndexedDocument> docs) {
    Map<Long, IndexStore.IndexedDocument> first = new HashMap<>();
    for (IndexStore.IndexedDocument d : docs) {
      if (d.fingerprint().length() == 0) continue;
      first.merge(d.fingerprint().exact(), d, (a, b) -> earlier(a, b) ? a : b);
    }
    Map<String, String> out = new HashMap<>();
    for (IndexStore.IndexedDocument d : docs) {
      IndexStore.IndexedDocument f = first.get(d.fingerprint().exact());
      if (f != null && !f.id().equals(d.id()) && d.fingerprint().length() > 0) out.put(d.id(), f.id());
    }
    return out;
  }

  private static boolean earlier(IndexStore.IndexedDocument a, IndexStore.IndexedDocument b) {
    String da = a.date().isEmpty() ? "9999" : a.date();
    String db = b.date().isEmpty() ? "9999" : b.date();
    int c = da.compareTo(db);
    return c != 0 ? c < 0 : a.id().compareTo(b.id()) < 0;
  }
}
