package org.policysearch.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.policysearch.search.api.FacetValue;
import org.policysearch.search.api.Facets;
import org.policysearch.search.api.Filters;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.PhraseRequest;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SortOrder;

/**
 * The fixed mix of requests the latency and throughput figures are measured on, the same at every
 * corpus size. Words are policy vocabulary that occurs at every size, from very common (发展) to rare.
 * Searches ask for what the web page asks for: 10 hits with 3 passages each, facet counts, by relevance.
 * Filter values (the largest province, one of its cities, the most frequent year and type) and the
 * paragraphs for "similar" are taken from the index, deterministically, because they differ by corpus.
 */
public final class QueryMix {
  /** The classes reported separately. */
  public enum Kind {
    WORDS("word queries"), EXACT("exact phrases"), FACETED("facet-filtered"), SIMILAR("similar paragraphs"),
    PHRASE_STATS("phrase statistics");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** The same words unquoted (a word query) and quoted (an exact phrase): their latencies are compared. */
  static final List<String> PAIRED = List.of("高质量发展", "义务教育", "生态环境保护", "乡村振兴", "营商环境", "依法行政",
      "食品安全", "科技创新", "社会保障体系", "知识产权保护");
  /** Further word queries: several words that must all occur, common and rare. */
  static final List<String> MORE_WORDS = List.of("教育 改革", "安全生产 责任制", "城市 更新 改造", "人才 引进 政策", "发展");
  /** Further exact phrases, long ones. */
  static final List<String> MORE_EXACT = List.of("人民代表大会常务委员会", "推动经济社会发展");
  /** Phrase statistics (counts by year and region, first page of occurrences in context). */
  static final List<String> PHRASES = List.of("高质量发展", "义务教育", "营商环境", "知识产权保护", "人民代表大会常务委员会");
  /** Queries whose best hit's best paragraph is the source of a "similar paragraphs" request. */
  static final List<String> SIMILAR_SEEDS = List.of("教育", "生态环境", "安全生产", "科技创新", "乡村振兴");

  /** One request of the mix. Exactly one of search / phrase / similar is set. */
  public record Request(Kind kind, String label, SearchRequest search, PhraseRequest phrase, String similarId,
                        int similarParagraph) {
    /** The same request as an API path with its query string. */
    public String httpPath() {
      if (search != null) {
        StringBuilder sb = new StringBuilder("/api/search?q=").append(enc(search.query()));
        filters(sb, search.filters());
        return sb.append("&size=").append(search.size()).append("&passages=").append(search.passages()).toString();
      }
      if (phrase != null) {
        StringBuilder sb = new StringBuilder("/api/phrase?q=").append(enc(phrase.phrase()));
        filters(sb, phrase.filters());
        return sb.append("&size=").append(phrase.size()).append("&context=").append(phrase.context()).toString();
      }
      return "/api/similar?id=" + enc(similarId) + "&paragraph=" + similarParagraph + "&size=" + SIMILAR_SIZE;
    }

    /** Runs it in process; returns what it found (hits, occurrences or similar paragraphs). */
    public long run(SearchBackend engine) throws IOException, InvalidRequestException, org.policysearch.search.api.NotFoundException {
      if (search != null) return engine.search(search).total();
      if (phrase != null) return engine.phrase(phrase).occurrences();
      return engine.similarTo(similarId, similarParagraph, SIMILAR_SIZE, SimilarMode.DOCUMENTS, false).items().size();
    }
  }

  static final int SIMILAR_SIZE = 10;

  /** The filter values picked from the index, shown in the report. */
  public record Picks(String province, String city, Integer year, String type) {}

  private final List<Request> requests;
  private final Picks picks;

  private QueryMix(List<Request> requests, Picks picks) {
    this.requests = List.copyOf(requests);
    this.picks = picks;
  }

  public List<Request> requests() {
    return requests;
  }

  public Picks picks() {
    return picks;
  }

  public List<Request> of(Kind kind) {
    return requests.stream().filter(r -> r.kind == kind).toList();
  }

  /** Builds the mix for the index behind {@code engine}. */
  public static QueryMix build(SearchBackend engine) throws IOException {
    Facets f = engine.facets();
    String province = null;
    String city = null;
    for (FacetValue v : f.region()) {
      if (v.value().equals(org.policysearch.doc.RegionInfo.NATIONAL)) continue;
      if (province == null) province = v.value();
      if (!v.children().isEmpty()) {
        city = v.children().get(0).value(); // the largest city of the largest province that has cities
        break;
      }
    }
    Integer year = null;
    long best = -1;
    for (FacetValue v : f.year()) {
      if (v.count() > best) {
        best = v.count();
        year = Integer.parseInt(v.value());
      }
    }
    String type = f.type().isEmpty() ? null : f.type().get(0).value();
    Picks picks = new Picks(province, city, year, type);

    List<Request> out = new ArrayList<>();
    for (String w : PAIRED) out.add(search(Kind.WORDS, w, Filters.NONE));
    for (String w : MORE_WORDS) out.add(search(Kind.WORDS, w, Filters.NONE));
    for (String w : PAIRED) out.add(search(Kind.EXACT, "\"" + w + "\"", Filters.NONE));
    for (String w : MORE_EXACT) out.add(search(Kind.EXACT, "\"" + w + "\"", Filters.NONE));

    List<String> region = province == null ? List.of() : List.of(province);
    List<String> cityOrProvince = city != null ? List.of(city) : region;
    List<Integer> years = year == null ? List.of() : List.of(year);
    List<String> types = type == null ? List.of() : List.of(type);
    out.add(search(Kind.FACETED, "教育", new Filters(region, List.of(), null, null, List.of(), List.of(), false)));
    out.add(search(Kind.FACETED, "\"高质量发展\"", new Filters(List.of(), years, null, null, List.of(), List.of(), false)));
    out.add(search(Kind.FACETED, "安全生产", new Filters(List.of(), List.of(), null, null, List.of(), types, false)));
    out.add(search(Kind.FACETED, "乡村振兴", new Filters(region, List.of(), year == null ? null : year - 4, year, List.of(),
        List.of(), false)));
    out.add(search(Kind.FACETED, "科技创新", new Filters(cityOrProvince, List.of(), null, null, List.of(), List.of(), false)));
    out.add(search(Kind.FACETED, "", new Filters(region, years, null, null, List.of(), List.of(), false)));

    for (String seed : SIMILAR_SEEDS) {
      try {
        SearchResult r = engine.search(new SearchRequest(seed, Filters.NONE, SortOrder.RELEVANCE, 1, 1, 1));
        if (r.hits().isEmpty()) continue;
        Hit h = r.hits().get(0);
        int para = h.passages().isEmpty() ? 1 : h.passages().get(0).paragraph();
        out.add(new Request(Kind.SIMILAR, "similar to " + h.document().id() + " ¶" + para + " (best for " + seed + ")", null,
            null, h.document().id(), para));
      } catch (InvalidRequestException e) {
        throw new IllegalStateException("a fixed query of the mix is invalid: " + seed, e);
      }
    }
    for (String p : PHRASES) {
      out.add(new Request(Kind.PHRASE_STATS, "\"" + p + "\"", null, new PhraseRequest("\"" + p + "\"", Filters.NONE, 1,
          PhraseRequest.DEFAULT_SIZE, PhraseRequest.DEFAULT_CONTEXT), null, 0));
    }
    return new QueryMix(out, picks);
  }

  private static Request search(Kind kind, String q, Filters f) {
    String label = (q.isEmpty() ? "(all)" : q) + describe(f);
    return new Request(kind, label, new SearchRequest(q, f, SortOrder.RELEVANCE, 1, SearchRequest.DEFAULT_SIZE,
        SearchRequest.DEFAULT_PASSAGES), null, null, 0);
  }

  static String describe(Filters f) {
    List<String> parts = new ArrayList<>();
    f.regions().forEach(r -> parts.add("region=" + r));
    f.years().forEach(y -> parts.add("year=" + y));
    if (f.yearFrom() != null) parts.add("from=" + f.yearFrom());
    if (f.yearTo() != null) parts.add("to=" + f.yearTo());
    f.types().forEach(t -> parts.add("type=" + t));
    f.themes().forEach(t -> parts.add("theme=" + t));
    return parts.isEmpty() ? "" : " [" + String.join(", ", parts) + "]";
  }

  private static void filters(StringBuilder sb, Filters f) {
    f.regions().forEach(r -> sb.append("&region=").append(enc(r)));
    f.years().forEach(y -> sb.append("&year=").append(y));
    if (f.yearFrom() != null) sb.append("&from=").append(f.yearFrom());
    if (f.yearTo() != null) sb.append("&to=").append(f.yearTo());
    f.types().forEach(t -> sb.append("&type=").append(enc(t)));
    f.themes().forEach(t -> sb.append("&theme=").append(enc(t)));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
