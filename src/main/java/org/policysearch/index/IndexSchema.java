package org.policysearch.index;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an index was built with, recorded in every commit's user data. An index whose schema or analyzer
 * differs from the running code's is rebuilt (beside the serving one), never silently queried with
 * mismatched analysis.
 */
public final class IndexSchema {
  /**
   * Bump when fields or their options change. 2: document-level words, exact pairs and units on the
   * parent. 3: the fingerprint is a MinHash sketch (reposts decided on the text), and dates are only taken
   * from evidence about the document, so every document is read again. 4: length norms on the
   * document-level and title exact pairs (similar documents). 5: themes are paths of a two-level taxonomy
   * indexed at every level, and the stored document carries its dated events and theme scores. 6: the
   * first day in force and the repeal day as doc values (the effective_on filter), and each paragraph's place
   * among 章/节/条/款/项 stored. 7: lineage (a document's own keys, the keys
   * of its references and the references themselves, docs/lineage.md). 8: documents that repeal others
   * marked, for effective_on.
   */
  public static final int VERSION = 8;

  static final String KEY_SCHEMA = "schema";
  static final String KEY_ANALYZER = "analyzer";
  static final String KEY_COMMITTED = "committed_at";
  static final String KEY_DOCUMENTS = "documents";

  private IndexSchema() {}

  static Map<String, String> userData(String analyzerVersion, long documents) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(KEY_SCHEMA, Integer.toString(VERSION));
    m.put(KEY_ANALYZER, analyzerVersion);
    m.put(KEY_COMMITTED, java.time.Instant.now().toString());
    m.put(KEY_DOCUMENTS, Long.toString(documents));
    return m;
  }

  /** Why an index with this user data cannot be used as is, or null when it can. */
  static String incompatibility(Map<String, String> userData, String analyzerVersion) {
    String schema = userData.get(KEY_SCHEMA);
    if (schema == null) return "the index records no schema version";
    if (!schema.equals(Integer.toString(VERSION))) {
      return "the index schema is version " + schema + ", this program writes version " + VERSION;
    }
    String analyzer = userData.get(KEY_ANALYZER);
    if (!analyzerVersion.equals(analyzer)) {
      return "the index was analysed with " + analyzer + ", this program analyses with " + analyzerVersion;
    }
    return null;
  }
}
