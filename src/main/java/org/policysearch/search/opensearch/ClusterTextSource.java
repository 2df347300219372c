package org.policysearch.search.opensearch;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.policysearch.doc.Paragraph;
import org.policysearch.index.Fields;
import org.policysearch.index.vector.TextSource;

/**
 * The text the vector builder embeds on a cluster: the concrete index behind the alias when the pass began (its
 * name is the generation, as the embedded index's generation folder is: a rebuild is a new one), its documents
 * listed by id, their paragraphs read whole by {@link ClusterDocuments}. Should the alias move during the pass,
 * the pass reads the index it began with until that is deleted; the next pass catches up.
 */
final class ClusterTextSource implements TextSource {
  record Ref(String id, String fileHash) implements TextSource.Ref {}

  private final ClusterIndexer indexer;
  private final ClusterDocuments documents;
  private final String index;

  private ClusterTextSource(ClusterIndexer indexer, ClusterDocuments documents, String index) {
    this.indexer = indexer;
    this.documents = documents;
    this.index = index;
  }

  /** The index behind the alias now, or empty when there is none yet. */
  static Optional<ClusterTextSource> open(ClusterIndexer indexer, ClusterDocuments documents) throws IOException {
    String index = indexer.currentIndex();
    return index == null ? Optional.empty() : Optional.of(new ClusterTextSource(indexer, documents, index));
  }

  @Override
  public String generation() {
    return index;
  }

  @Override
  public List<Ref> documents() throws IOException {
    List<Ref> out = new ArrayList<>();
    for (JsonObject s : indexer.scan(index, List.of(Fields.ID, Fields.FILE_HASH))) {
      out.add(new Ref(s.get(Fields.ID).getAsString(), s.get(Fields.FILE_HASH).getAsString()));
    }
    return out;
  }

  @Override
  public List<Paragraph> paragraphs(TextSource.Ref document) throws IOException {
    List<ClusterDocuments.Held> held = documents.read(index, List.of(document.id()));
    if (held.isEmpty()) throw new IOException("document " + document.id() + " left " + index + " during the pass; the next pass catches up");
    return held.get(0).paragraphs();
  }

  @Override
  public void close() {}
}
