package org.policysearch.web;

import com.google.gson.JsonObject;

/** What the admin endpoints may do; supplied by whoever runs the server (it knows the corpus). */
public interface AdminActions {
  /** Brings the index up to date with the corpus and refreshes the searcher; returns the summary. */
  JsonObject reindex() throws Exception;

  /**
   * As {@link #reindex()}, or with {@code rebuild} a whole new index written beside the serving one and
   * swapped in when complete. Servers that cannot rebuild refuse it.
   */
  default JsonObject reindex(boolean rebuild) throws Exception {
    if (rebuild) {
      throw new Problem.Exception(Problem.of(503, "Unavailable", "this server cannot rebuild its index", "这个服务无法重建索引"));
    }
    return reindex();
  }

  /** No admin actions (a server over an index without a corpus). */
  AdminActions NONE = () -> {
    throw new Problem.Exception(Problem.of(503, "Unavailable", "this server has no corpus to reindex", "这个服务没有可重新索引的文件库"));
  };
}
