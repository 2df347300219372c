package org.policysearch.cli;

import java.io.PrintStream;
import java.util.Set;
import org.policysearch.Config;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.search.api.NotFoundException;
import org.policysearch.search.api.Passage;
import org.policysearch.search.api.SearchBackend;
import org.policysearch.search.api.SimilarMode;
import org.policysearch.search.api.SimilarResult;
import org.policysearch.search.json.ResultJson;

/** {@code similar --id ID --paragraph N | --text TEXT [--size N] [--mode documents|paragraphs] [--json]}. */
final class SimilarCommand implements Main.Command {
  @Override
  public String summary() {
    return "similar documents from other regions: --id ID --paragraph N, or --text TEXT [--size N] [--mode paragraphs] [--semantic] [--json]";
  }

  @Override
  public String usage(String name) {
    return "usage: bin/policy-search similar --id ID --paragraph N [options]\n"
        + "       bin/policy-search similar --text TEXT [options]\n"
        + "  --id ID          a document's id (as search prints it) and --paragraph N its paragraph (from 1)\n"
        + "  --text TEXT      or any text (up to 5,000 characters)\n"
        + "  --size N         how many documents (10)\n"
        + "  --mode M         documents (one entry per document, the default) or paragraphs\n"
        + "  --semantic       fuse in the documents nearest by meaning (once the paragraph vectors are built)\n"
        + "  --json           print the record /api/similar returns\n"
        + Common.LOCATION_HELP;
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(argv, Common.union(Common.LOCATION, Set.of("id", "paragraph", "text", "size", "mode")), Set.of("json", "semantic"));
    String id = a.get("id", null);
    String text = a.get("text", null);
    if ((id == null) == (text == null)) throw new Args.UsageException("give either --id ID --paragraph N, or --text TEXT");
    Config c = Common.config(a);
    try (SearchBackend backend = Backends.open(c)) {
      int size = a.getInt("size", 10);
      SimilarMode mode = SimilarMode.parse(a.get("mode", null));
      SimilarResult r = id != null
          ? backend.similarTo(id, a.getInt("paragraph", 1), size, mode, a.flag("semantic"))
          : backend.similarToText(text, size, mode, a.flag("semantic"));
      if (a.flag("json")) {
        Common.printJson(out, ResultJson.similar(r));
        if (r.items().isEmpty()) Common.printEmptyAnswer(out, err, true, c, backend, "没有找到其他地区的相似文件");
        return 0;
      }
      if (!r.subject().isEmpty()) out.println("主题：" + r.subject());
      int n = 0;
      for (SimilarResult.Item i : r.items()) {
        out.printf("%d. %s%n", ++n, i.citation());
        for (Passage p : i.passages()) out.printf("   第%d段 %s%n", p.paragraph(), Common.marked(p));
        if (!i.why().terms().isEmpty()) out.println("   共有：" + String.join("、", i.why().terms()));
      }
      if (r.items().isEmpty()) Common.printEmptyAnswer(out, err, false, c, backend, "没有找到其他地区的相似文件");
      if (!r.national().isEmpty()) {
        out.println();
        out.println("全国层面（法律、行政法规等，另列）：");
        int m = 0;
        for (SimilarResult.Item i : r.national()) {
          out.printf("%d. %s%n", ++m, i.citation());
          for (Passage p : i.passages()) out.printf("   第%d段 %s%n", p.paragraph(), Common.marked(p));
        }
      }
      return 0;
    } catch (InvalidRequestException | NotFoundException e) {
      err.println("similar: " + e.getMessage());
      return 2;
    }
  }
}
