package org.policysearch.doc;

/** A person named in the text with the role stated beside the name, e.g. 副市长 邱实. */
public record Official(String role, String name) {}
