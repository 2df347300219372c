package org.policysearch.cli;

import java.io.PrintStream;
import java.util.Set;
import org.policysearch.Config;
import org.policysearch.search.api.Hit;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.PartialMatches;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.api.SearchResult;
import org.policysearch.search.api.SortOrder;
import org.policysearch.search.json.ResultJson;

/** {@code search QUERY [filters] [--duplicates] [--sort S] [--page N] [--size N] [--json]}. */
final class SearchCommand implements Main.Command {
  @Override
  public String summary() {
    return "search the index: QUERY [--region R] [--year Y] [--theme T] [--type T] [--duplicates] [--semantic] [--sort S] [--page N] [--size N] [--json]";
  }

  @Override
  public String usage(String name) {
    return "usage: bin/policy-search search QUERY [options]\n"
        + "  QUERY            words, \"exact phrases\", -excluded, OR, title:词; empty lists every document\n"
        + Common.FILTER_HELP
        + "  --sort S         relevance (default), date_desc, date_asc\n"
        + "  --semantic       also rank by meaning (unquoted queries, by relevance, once the vectors are built)\n"
        + "  --page N         page, from 1.  --size N  documents per page (10).  --passages N  paragraphs per document\n"
        + "  --json           print the record /api/search returns\n"
        + Common.LOCATION_HELP;
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Common.union(Common.LOCATION, Common.FILTERS, Set.of("sort", "page", "size", "passages")), Set.of("json", "duplicates", "semantic"));
    String q = String.join(" ", a.positional());
    Config c = Common.config(a);
    try (SearchBackend backend = Backends.open(c)) {
      SearchRequest r = new SearchRequest(q, Common.filters(a, a.flag("duplicates")), SortOrder.parse(a.get("sort", "relevance")),
          a.getInt("page", 1), a.getInt("size", SearchRequest.DEFAULT_SIZE), a.getInt("passages", SearchRequest.DEFAULT_PASSAGES),
          a.flag("semantic"));
      SearchResult res = backend.search(r);
      if (a.flag("json")) {
        Common.printJson(out, ResultJson.search(res));
        if (res.total() == 0) Common.printEmptyAnswer(out, err, true, c, backend, "没有找到符合条件的文件");
        return 0;
      }
      // Where the total stands, as on the page: the reposts left out and how to see them.
      String folded = res.foldedReposts() == 0 ? "" : "，另有 " + res.foldedReposts() + " 篇转载已合并（--duplicates 显示）";
      out.printf("共 %d 篇%s (%d ms)%s  %s%n", res.total(), folded, res.tookMs(), res.timedOut() ? " [超时，结果可能不全]" : "",
          res.interpretation().explanation().isEmpty() ? "(全部)" : "查询: " + res.interpretation().explanation());
      Common.printFilterReadings(out, res.interpretation().filters());
      int n = (r.page() - 1) * r.size();
      for (Hit h : res.hits()) printHit(out, ++n, h, "");
      if (res.total() == 0) Common.printEmptyAnswer(out, err, false, c, backend, "没有找到符合条件的文件");
      PartialMatches partial = res.partial();
      if (partial != null && !partial.hits().isEmpty()) {
        // Not matches: said apart, with the word each one lacks, so nobody cites one as if it were.
        out.printf("%n—— 以下 %d 篇只含部分检索词（每篇缺一个词，不计入上面的总数）——%n", partial.total());
        int m = (int) Math.max(0, n - res.total());
        for (PartialMatches.PartialHit p : partial.hits()) printHit(out, ++m, p.hit(), " [缺：" + String.join("、", p.missing()) + "]");
      }
      return 0;
    } catch (InvalidRequestException e) {
      err.println("search: " + e.getMessage());
      return 2;
    }
  }

  private static void printHit(PrintStream out, int n, Hit h, String note) {
    var d = h.document();
    StringBuilder flags = new StringBuilder(note);
    if (d.flags().truncated()) flags.append(" [节选]");
    if (d.flags().redacted()) flags.append(" [含隐去信息]");
    if (d.flags().duplicate()) flags.append(" [转载，原文 ").append(d.flags().duplicateOf()).append("]");
    out.printf("%n%d. %s%s%n   %s · %s · %s%s  id=%s%n", n, d.title().isEmpty() ? d.id() : d.title(), flags,
        d.region().path().isEmpty() ? "地区不详" : d.region().path(), d.date().value().isEmpty() ? "日期不详" : d.date().value(),
        d.type().isEmpty() ? "类型不详" : d.type(), d.themes().isEmpty() ? "" : " · " + String.join("、", d.themes()), d.id());
    for (Passage p : h.passages()) {
      // a paragraph of an article is cited as lawyers cite it, the paragraph number beside it
      String where = p.article().inArticle() ? p.article().cite() + "（第" + p.paragraph() + "段）" : "第" + p.paragraph() + "段";
      out.printf("   %s: %s%n", where, Common.marked(p));
    }
  }
}
