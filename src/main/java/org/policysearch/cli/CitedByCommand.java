package org.policysearch.cli;

import java.io.PrintStream;
import java.util.Set;
import org.policysearch.Config;
import org.policysearch.search.api.CitedBy;
import org.policysearch.search.api.CitingDocument;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SearchRequest;
import org.policysearch.search.json.ResultJson;

/** {@code cited-by ID [filters] [--page N] [--size N] [--json]}: who cites a document, first adopters first. */
final class CitedByCommand implements Main.Command {
  @Override
  public String summary() {
    return "the documents that cite a document, oldest first: ID [--region R] [--year Y] [--type T] [--page N] [--size N] [--json]";
  }

  @Override
  public String usage(String name) {
    return "usage: bin/policy-search cited-by ID [options]\n"
        + "  ID               a document's id (as search prints it)\n"
        + Common.FILTER_HELP.replaceAll("(?m)^  --cites.*\n", "")
        + "  --page N / --size N  which page of citing documents (1), and how many on it (10)\n"
        + "  --json           print the record /api/documents/{id}/cited-by returns\n"
        + Common.LOCATION_HELP;
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Common.union(Common.LOCATION, Set.of("region", "year", "from", "to", "theme", "type", "page", "size")),
        Set.of("json"));
    if (a.positional().size() != 1) throw new Args.UsageException("give one document id: cited-by ID");
    String id = a.positional().get(0);
    Config c = Common.config(a);
    try (SearchBackend backend = Backends.open(c)) {
      CitedBy r = backend.citedBy(id, Common.filters(a), a.getInt("page", 1), a.getInt("size", SearchRequest.DEFAULT_SIZE));
      if (a.flag("json")) {
        Common.printJson(out, ResultJson.citedBy(r));
        return 0;
      }
      out.printf("被 %d 篇文件引用%n", r.total());
      int n = (r.page() - 1) * r.size();
      for (CitingDocument d : r.documents()) {
        out.printf("%d. [%s] %s  %s %s  %s%n   第%d段 %s%n", ++n, d.relation(), d.document().title(), d.document().region(),
            d.document().date(), d.document().id(), d.paragraph(), d.context());
      }
      if (!r.table().isEmpty()) {
        out.println();
        out.println("按地区和年份：");
        for (CitedBy.RegionYear cell : r.table()) {
          out.printf("  %s %s：%d%n", cell.region().isEmpty() ? "（地区不详）" : cell.region(), cell.year() == null ? "（年份不详）" : cell.year(),
              cell.count());
        }
      }
      return 0;
    } catch (InvalidRequestException | NotFoundException e) {
      err.println("cited-by: " + e.getMessage());
      return 2;
    }
  }
}
