package org.policysearch.search.opensearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policysearch.doc.Paragraph;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.index.CorpusChanges;
import org.policysearch.index.Fields;
import org.policysearch.index.StoredMeta;
import org.policysearch.ingest.CorpusListing;
import org.policysearch.ingest.DuplicateIds;
import org.policysearch.ingest.FileResult;
import org.policysearch.ingest.Ingester;
import org.policysearch.ingest.Skip;
import org.policysearch.ingest.SourceFile;
import org.policysearch.ingest.meta.DuplicateResolver;
import org.policysearch.ingest.meta.Fingerprint;
import org.policysearch.search.api.BackendUnavailableException;
import org.policysearch.search.api.IndexRun;

/**
 * Brings the cluster's index up to date with the corpus folder through the same ingest pipeline and the
 * same rules as the embedded indexer ({@code index.CorpusIndexer}): only new or changed files (content hash
 * per file, kept on each document) are read and sent; documents of files gone leave; an id another file
 * holds is skipped with the same reason; reposts are decided by {@link DuplicateResolver} over the stored
 * fingerprints of every document. Documents go in bulk requests of bounded size; a bulk the cluster
 * rejects for load (429, 503) is sent again after a growing pause, item by item for partial rejections.
 *
 * <p>A rebuild (asked for, or when the index's {@code _meta} records another schema or analyzer) writes a
 * new index, merges it to one segment per shard ({@link #mergeToOneSegment}) and moves the alias to it in one atomic
 * {@code _aliases} call that also deletes the old one:
 * searches see the old index until the new one is complete. The first run creates the first index.
 */
final class ClusterIndexer {
  /** Documents per bulk request (the bulk requests themselves: {@link ClusterBulk}). */
  static final int BATCH_DOCUMENTS = ClusterBulk.BATCH_DOCUMENTS;

  private final Cluster cluster;
  private final String alias;
  private final int shards;
  private final int replicas;
  private final Ingester ingester;
  private final ParagraphWords words;
  private final ClusterDocuments documents;

  /** {@code words}: the words chain the suggested words are read with (null: an indexer that only reads, as in tests). */
  ClusterIndexer(Cluster cluster, String alias, int shards, int replicas, Ingester ingester, ParagraphWords words) {
    this.cluster = cluster;
    this.alias = alias;
    this.shards = shards;
    this.replicas = replicas;
    this.ingester = ingester;
    this.words = words;
    this.documents = new ClusterDocuments(cluster);
  }

  /** The concrete index behind the alias, or null when there is none yet. */
  String currentIndex() throws IOException {
    Cluster.Answer a = cluster.get("/_alias/" + alias);
    if (a.status() == 404) return null;
    JsonObject o = Cluster.ok(a, "read the alias " + alias);
    return o.keySet().isEmpty() ? null : o.keySet().iterator().next();
  }

  /** What {@code _meta} of {@code index} says is wrong with it for this program, or null. */
  String incompatibility(String index) throws IOException {
    JsonObject m = Cluster.ok(cluster.get("/" + index + "/_mapping"), "read the mapping of " + index);
    JsonObject mappings = m.getAsJsonObject(index).getAsJsonObject("mappings");
    JsonObject meta = mappings.has("_meta") ? mappings.getAsJsonObject("_meta") : null;
    return IndexDesign.incompatibility(meta, IndexDesign.analyzerVersion());
  }

  IndexRun run(Path corpus, boolean rebuild, OpenSearchBackend.ClusterProgress progress) throws IOException {
    long t0 = System.nanoTime();
    String current = currentIndex();
    String reason = null;
    if (current != null) {
      reason = rebuild ? "a rebuild was asked for" : incompatibility(current);
    }
    boolean fresh = current == null || reason != null;
    String target = fresh ? createIndex() : current;
    try {
      Run r = new Run(corpus, target, fresh, progress);
      r.go();
      refresh(target);
      int marks = r.marked + applyDuplicates(target);
      refresh(target);
      long docs = count(target);
      JsonObject mapping = new JsonObject();
      mapping.add("_meta", IndexDesign.committed(IndexDesign.analyzerVersion(), docs));
      Cluster.ok(cluster.json("PUT", "/" + target + "/_mapping", mapping), "record the run in the mapping");
      if (fresh) {
        progress.merging();
        mergeToOneSegment(target);
        swapAlias(current, target);
      }
      return new IndexRun(r.added, r.updated, r.removed, r.unchanged, r.kept,
          r.skipped.stream().map(k -> new IndexRun.SkippedInput(k.file(), k.line(), k.reason(), k.detail())).toList(), docs, marks,
          current != null && reason != null, reason, null, r.bytesRead, (System.nanoTime() - t0) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      // A new index that never got the alias is of no use to anyone: remove it, the old one keeps serving.
      if (fresh) cluster.json("DELETE", "/" + target, null);
      throw e;
    }
  }

  private String createIndex() throws IOException {
    String name = alias + "-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Cluster.ok(cluster.json("PUT", "/" + name, IndexDesign.createIndex(shards, replicas, IndexDesign.analyzerVersion())),
        "create the index " + name);
    return name;
  }

  /** The longest pause between two looks at a merge that is still running. */
  private static final long MERGE_POLL_MAX_MS = 2_000;

  /**
   * Merges a new index, once it is written and before it takes the alias, to one segment per shard. A search pays per
   * segment on the node (its scorers, doc values and, for every {@code terms} facet, the map from each segment's
   * values to the shard's): the shared corpus's index as built is one segment of 377,000 documents and five of 450 to
   * 1,600 (the last refreshes), and the same index merged to one segment answered the mix's searches 5 % sooner for
   * exact phrases, 18 % for facet-filtered and 16 % for word queries (2.77 / 3.07 / 4.33 ms against 2.62 / 2.52 / 3.65,
   * the two copies on one node queried in turn; docs/opensearch.md, "Latency"), at 8 s more for the build. The index
   * is read far more than it is written: later runs add only changed files, in small segments the merge policy
   * merges as usual. The merge runs as a task on the cluster (a shard of national size merges for longer than any
   * request waits), which this polls; a merge that fails fails the build like any of its steps, and the old index keeps
   * serving.
   */
  private void mergeToOneSegment(String index) throws IOException {
    JsonObject started = Cluster.ok(cluster.json("POST", "/" + index + "/_forcemerge",
        java.util.Map.of("max_num_segments", "1", "wait_for_completion", "false"), null), "merge " + index);
    String task = started.get("task").getAsString();
    long pause = 100;
    while (true) {
      JsonObject t = Cluster.ok(cluster.get("/_tasks/" + task), "follow the merge of " + index);
      if (t.has("completed") && t.get("completed").getAsBoolean()) {
        if (t.has("error")) throw new IOException("the search cluster could not merge " + index + ": " + t.get("error"));
        refresh(index); // searches see the merged segment only once the shard's reader is opened again
        return;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while the cluster merged " + index);
      }
      pause = Math.min(MERGE_POLL_MAX_MS, pause * 2);
    }
  }

  /** The alias to {@code target} and the old index deleted, in one atomic request. */
  private void swapAlias(String old, String target) throws IOException {
    JsonArray actions = new JsonArray();
    JsonObject add = new JsonObject();
    add.addProperty("index", target);
    add.addProperty("alias", alias);
    actions.add(QueryTranslator.wrap("add", add));
    if (old != null) {
      JsonObject remove = new JsonObject();
      remove.addProperty("index", old);
      actions.add(QueryTranslator.wrap("remove_index", remove));
    }
    JsonObject body = new JsonObject();
    body.add("actions", actions);
    Cluster.ok(cluster.json("POST", "/_aliases", body), "move the alias " + alias);
  }

  private void refresh(String index) throws IOException {
    Cluster.ok(cluster.json("POST", "/" + index + "/_refresh", null), "refresh " + index);
  }

  long count(String index) throws IOException {
    return Cluster.ok(cluster.get("/" + index + "/_count"), "count").get("count").getAsLong();
  }

  /** One run over the corpus into {@code target}. */
  private final class Run {
    final Path corpus;
    final String target;
    final boolean fresh;
    final OpenSearchBackend.ClusterProgress progress;
    final List<Skip> skipped = new ArrayList<>();
    final Map<String, String> indexedHash = new HashMap<>();
    final Map<String, List<String>> idsOfFile = new HashMap<>();
    final DuplicateIds ids = new DuplicateIds();
    long added;
    long updated;
    long removed;
    long unchanged;
    long kept;
    long bytesRead;
    /** Documents sent with a repost mark other than the one ingest gave them (decided before sending). */
    int marked;
    /** The repost mark of each document this run sends, decided before it is sent ({@link #decideMarks}). */
    Map<String, String> marks = Map.of();
    final ClusterBulk bulk;

    Run(Path corpus, String target, boolean fresh, OpenSearchBackend.ClusterProgress progress) {
      this.corpus = corpus;
      this.target = target;
      this.fresh = fresh;
      this.progress = progress;
      this.bulk = new ClusterBulk(cluster, target);
    }

    void go() throws IOException {
      List<JsonObject> held = fresh ? List.of() : scan(target, List.of(Fields.ID, Fields.FILE, Fields.FILE_HASH, Fields.META, Fields.FINGERPRINT));
      for (JsonObject d : held) {
        String file = d.get(Fields.FILE).getAsString();
        indexedHash.put(file, d.get(Fields.FILE_HASH).getAsString());
        idsOfFile.computeIfAbsent(file, k -> new ArrayList<>()).add(d.get(Fields.ID).getAsString());
        ids.hold(d.get(Fields.ID).getAsString(), file);
      }
      CorpusListing listing = ingester.list(corpus);
      skipped.addAll(listing.skipped());
      // The embedded index's incremental rule, on what the cluster holds.
      CorpusChanges changes = CorpusChanges.of(listing, indexedHash);
      List<SourceFile> toRead = changes.toRead();
      long bytesTotal = changes.bytesToRead();
      unchanged = changes.unchanged();
      for (String file : changes.gone()) {
        List<String> gone = idsOfFile.getOrDefault(file, List.of());
        for (String id : gone) bulk.delete(id);
        removed += gone.size();
        ids.release(file);
      }
      Set<String> replaced = new HashSet<>(changes.gone());
      for (SourceFile f : toRead) replaced.add(f.relPath());
      decideMarks(toRead, held, replaced);
      long done = 0;
      for (SourceFile f : toRead) {
        write(ingester.read(corpus, f));
        bytesRead += f.size();
        progress.update(++done, toRead.size(), bytesRead, bytesTotal, added + updated);
      }
      bulk.flush();
    }

    /**
     * The repost marks of the documents this run sends, decided before they are sent, over their fingerprints and
     * those of the documents the index keeps ({@code held} but those of the {@code replaced} files): each is then
     * written once, with its mark. Marking afterwards meant sending a repost twice, and OpenSearch keeps the first
     * version as a soft-deleted document (for its replicas' history) until a merge after its retention lease has
     * moved on, counted meanwhile in the BM25 statistics as Lucene counts every deleted document: similar documents
     * then scored 1-20 % off the embedded index's whenever the corpus held a repost. This reads the files to send
     * twice (the fingerprints first: their ingest, not their indexing, again). Marks that change on documents kept
     * from earlier runs are set afterwards ({@link #applyDuplicates}), which also settles any this guess missed.
     */
    private void decideMarks(List<SourceFile> toRead, List<JsonObject> held, Set<String> replaced) throws IOException {
      if (toRead.isEmpty()) return;
      List<DuplicateResolver.Candidate> candidates = new ArrayList<>();
      for (JsonObject d : held) {
        if (!replaced.contains(d.get(Fields.FILE).getAsString())) candidates.add(candidate(d));
      }
      Map<String, SourceFile> fileOf = new HashMap<>();
      for (SourceFile f : toRead) {
        for (PolicyDocument d : ingester.read(corpus, f).documents()) {
          if (fileOf.putIfAbsent(d.id(), f) != null) continue; // an id two files give: the second is skipped when sent
          candidates.add(new DuplicateResolver.Candidate(d.id(), d.date().value(), Fingerprint.of(d)));
        }
      }
      // The full texts of the pairs the fingerprints pick: those of this run read again, each of their files once
      // (a file may hold thousands of documents: JSON Lines), and only they kept; the others from the index.
      Set<String> wanted = DuplicateResolver.idsToLoad(candidates);
      Map<String, PolicyDocument> texts = new HashMap<>();
      Set<SourceFile> files = new java.util.LinkedHashSet<>();
      for (String id : wanted) if (fileOf.containsKey(id)) files.add(fileOf.get(id));
      for (SourceFile f : files) {
        for (PolicyDocument d : ingester.read(corpus, f).documents()) {
          if (wanted.contains(d.id()) && f.equals(fileOf.get(d.id()))) texts.put(d.id(), d);
        }
      }
      marks = DuplicateResolver.resolve(candidates, id -> fileOf.containsKey(id) ? texts.get(id) : load(target, id));
    }

    /** The documents of one file: replace what the cluster held from it, skipping ids another file owns. */
    private void write(FileResult r) throws IOException {
      SourceFile f = r.file();
      skipped.addAll(r.skipped());
      boolean wasIndexed = indexedHash.containsKey(f.relPath());
      if (r.documents().isEmpty() && wasIndexed) {
        kept++;
        return;
      }
      Set<String> now = new HashSet<>();
      if (wasIndexed) ids.release(f.relPath());
      for (PolicyDocument d : r.documents()) {
        String owner = ids.claim(d.id(), f.relPath());
        if (owner != null) {
          skipped.add(DuplicateIds.repeatedInIndex(f.relPath(), d.line(), d.id(), owner));
          continue;
        }
        now.add(d.id());
        if (wasIndexed) updated++;
        else added++;
        String mark = marks.getOrDefault(d.id(), "");
        if (!mark.equals(d.flags().duplicateOf())) {
          d = d.withFlags(new org.policysearch.doc.Flags(d.flags().truncated(), d.flags().redacted(), mark));
          marked++;
        }
        bulk.index(d.id(), IndexDesign.document(d, f.hash(), encode(Fingerprint.of(d)), words));
      }
      // ids the file no longer produces leave with its old version
      for (String old : idsOfFile.getOrDefault(f.relPath(), List.of())) if (!now.contains(old)) bulk.delete(old);
    }
  }

  /**
   * Every document of {@code index} with the given source fields, in id order, a page at a time
   * (search_after: no scroll context to keep open).
   */
  List<JsonObject> scan(String index, List<String> fields) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    JsonElement after = null;
    while (true) {
      JsonObject body = new JsonObject();
      body.addProperty("size", 1000);
      JsonArray src = new JsonArray();
      fields.forEach(src::add);
      body.add("_source", src);
      JsonArray sort = new JsonArray();
      sort.add(Fields.ID);
      body.add("sort", sort);
      if (after != null) body.add("search_after", after);
      JsonArray hits = Cluster.ok(cluster.json("POST", "/" + index + "/_search", body), "list the documents")
          .getAsJsonObject("hits").getAsJsonArray("hits");
      for (JsonElement h : hits) out.add(h.getAsJsonObject().getAsJsonObject("_source"));
      if (hits.size() < 1000) return out;
      after = hits.get(hits.size() - 1).getAsJsonObject().get("sort");
    }
  }

  /** Repost marks decided over every document's fingerprint, as the embedded index does; returns how many changed. */
  private int applyDuplicates(String index) throws IOException {
    List<JsonObject> all = scan(index, List.of(Fields.ID, Fields.META, Fields.FINGERPRINT, Fields.DUPLICATE_OF));
    List<DuplicateResolver.Candidate> candidates = new ArrayList<>(all.size());
    for (JsonObject d : all) candidates.add(candidate(d));
    Map<String, String> marks = DuplicateResolver.resolve(candidates, id -> load(index, id));
    Map<String, String> changed = new java.util.LinkedHashMap<>();
    for (JsonObject d : all) {
      String want = marks.getOrDefault(d.get(Fields.ID).getAsString(), "");
      if (!want.equals(d.get(Fields.DUPLICATE_OF).getAsString())) changed.put(d.get(Fields.ID).getAsString(), want);
    }
    // The whole document again with its new mark, never a partial update: an update rebuilds the document from its
    // _source, which leaves out what is indexed only (the document's words, the lineage keys) and the paragraphs, and
    // the repost would no longer be found by its words (bench --backend opensearch: 7 reposts missed by quoted
    // strings). They are read a batch at a time.
    ClusterBulk updates = new ClusterBulk(cluster, index);
    List<String> ids = List.copyOf(changed.keySet());
    for (int from = 0; from < ids.size(); from += BATCH_DOCUMENTS) {
      for (ClusterDocuments.Held h : documents.readWithSource(index, ids.subList(from, Math.min(ids.size(), from + BATCH_DOCUMENTS)))) {
        JsonObject src = h.source();
        String id = src.get(Fields.ID).getAsString();
        src.addProperty(Fields.DUPLICATE_OF, changed.get(id));
        updates.index(id, IndexDesign.document(h.document(), src.get(Fields.FILE_HASH).getAsString(),
            Base64.getDecoder().decode(src.get(Fields.FINGERPRINT).getAsString()), words));
      }
    }
    updates.flush();
    return changed.size();
  }

  /** A document as the repost rule sees it, from its {@code _source} (id, stored metadata and fingerprint). */
  private static DuplicateResolver.Candidate candidate(JsonObject source) {
    PolicyDocument meta = StoredMeta.decode(source.get(Fields.META).getAsString(), List.of());
    return new DuplicateResolver.Candidate(source.get(Fields.ID).getAsString(), meta.date().value(),
        decode(Base64.getDecoder().decode(source.get(Fields.FINGERPRINT).getAsString())));
  }

  /** A whole document (metadata and paragraphs) from the index. */
  PolicyDocument load(String index, String id) throws IOException {
    List<ClusterDocuments.Held> found = documents.read(index, List.of(id));
    return found.isEmpty() ? null : found.get(0).document();
  }

  /**
   * The metadata of a document from its {@code _source} (or its hit's stored fields, read into the same shape): its
   * stored metadata and its repost mark as it stands now, without paragraphs, which the source does not hold
   * ({@link ClusterDocuments} reads whole documents).
   */
  static PolicyDocument fromSource(JsonObject src) {
    return fromSource(src, List.of());
  }

  /** The document of a {@code _source} with these paragraphs. */
  static PolicyDocument fromSource(JsonObject src, List<Paragraph> paras) {
    PolicyDocument d = StoredMeta.decode(src.get(Fields.META).getAsString(), paras);
    String dupOf = src.has(Fields.DUPLICATE_OF) ? src.get(Fields.DUPLICATE_OF).getAsString() : "";
    if (!dupOf.equals(d.flags().duplicateOf())) {
      d = d.withFlags(new org.policysearch.doc.Flags(d.flags().truncated(), d.flags().redacted(), dupOf));
    }
    return d;
  }

  /** The fingerprint's bytes as the embedded index stores them: exact hash, shingle count, the sketch's bins. */
  static byte[] encode(Fingerprint f) {
    ByteBuffer b = ByteBuffer.allocate(12 + 4 * Fingerprint.BINS);
    b.putLong(f.exact()).putInt(f.shingles());
    for (int v : f.sketch()) b.putInt(v);
    return b.array();
  }

  static Fingerprint decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long exact = b.getLong();
    int shingles = b.getInt();
    int[] sketch = new int[Fingerprint.BINS];
    for (int i = 0; i < sketch.length; i++) sketch[i] = b.getInt();
    return new Fingerprint(exact, shingles, sketch);
  }
}
