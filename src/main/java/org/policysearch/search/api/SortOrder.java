package org.policysearch.search.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Result order. */
public enum SortOrder {
  RELEVANCE, DATE_DESC, DATE_ASC;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "relevance", "date_desc", "date_asc"; the error lists the valid values. */
  public static SortOrder parse(String s) throws InvalidRequestException {
    if (s == null || s.isBlank()) return RELEVANCE;
    for (SortOrder o : values()) {
      if (o.value().equals(s.strip().toLowerCase(Locale.ROOT))) return o;
    }
    List<String> valid = Arrays.stream(values()).map(SortOrder::value).toList();
    throw new InvalidRequestException("sort", "unknown sort '" + s + "'; valid values: " + String.join(", ", valid),
        "未知的排序方式“" + s + "”：可用 relevance（相关度）、date_desc（最新）、date_asc（最早）", valid);
  }
}
