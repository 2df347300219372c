package org.policysearch.web;

import com.google.gson.JsonObject;

/** What the admin endpoints may do; supplied by whoever runs the server (it knows the corpus). */
public interface AdminActions {
  /** Brings the index up to date with the corpus and refreshes the searcher; returns the summary. */
  JsonObject reindex() throws Exception;

  /** No admin actions (a server over an index without a corpus). */
  AdminActions NONE = () -> {
    throw new Problem.Exception(new Problem(503, "Unavailable", "this server has no corpus to reindex", null, java.util.List.of()));
  };
}
