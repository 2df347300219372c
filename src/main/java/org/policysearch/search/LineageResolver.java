package org.policysearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.policysearch.doc.DatedEvent;
import org.policysearch.doc.PolicyDocument;
import org.policysearch.doc.Reference;
import org.policysearch.doc.RegionInfo;
import org.policysearch.index.DocumentMapper;
import org.policysearch.index.StoredReferences;
import org.policysearch.search.api.CitedReference;
import org.policysearch.search.api.CitedReference.DocumentRef;
import org.policysearch.search.api.InvalidRequestException;
import org.policysearch.text.CitationKeys;

/**
 * Resolves references against one reader of the index (docs/lineage.md), whichever backend keeps it
 * ({@link LineageLookups}: the rules are here, once). Nothing is linked at indexing: a reference finds its
 * candidates by a term lookup on {@code lineage_key}, and the citers of a document by a lookup of its own
 * keys on {@code cites_key}, so both directions are true for the index of the moment whichever side was
 * added, changed or deleted last. One instance per request: it remembers the candidates it looked up.
 *
 * <p>The rule, for precision first (a wrong link is worse than none): a cited 文号 links to the one
 * document that has it as its own (the longest tail of the issuer code that some document has). A title
 * links among the documents whose title has the same key, reposts and the citing document aside: those
 * that existed when the citing document was issued (their first dated event not later than its date),
 * of the citing document's own region first, then of each region above it, then national ones; in the
 * first of these that has any: the one, or of several versions of one standing rule (a 法, 条例, 办法, 解释 …)
 * the one in force at the citing date (the latest dated by then; when the index holds only later versions,
 * the oldest of them). Several documents of one name that is no standing
 * rule (decisions titled 《关于修改部分地方性法规的决定》) are different acts, and the one meant may be missing
 * from the index: none is linked, whatever the dates. A title that no region of the chain has links only when all its documents are
 * of one region named in the title (《北京市物业管理条例》 cited from Shanghai). Otherwise unresolved.
 */
final class LineageResolver {
  /** Titles of standing rules, which are revised under one name: several versions are one work. */
  private static final Pattern STANDING_RULE = Pattern.compile(".*(法|法典|条例|规定|办法|细则|规则|章程|准则|规范|标准|解释)(\\(.*\\))?$");
  /** More candidates than this for one key and the key is no name: nothing is linked (and nothing read). */
  static final int MAX_CANDIDATES = 200;

  private final LineageLookups index;
  private final Map<String, List<Candidate>> byKey = new HashMap<>();

  LineageResolver(LineageLookups index) {
    this.index = index;
  }

  /** A document as a reference may name it: what the rule reads of it. */
  record Candidate(String id, PolicyDocument meta, String titleKey, Long epochDay, Long firstDay) {
    String region() {
      return meta.region().path();
    }

    DocumentRef ref() {
      return new DocumentRef(id, meta.title(), meta.region().path(), meta.date().value(), meta.type());
    }

    /** A document as the rule reads it: its title's key, its date and its first dated event as epoch days. */
    static Candidate of(PolicyDocument d) {
      Long day = DocumentMapper.epochDay(d.date().value());
      Long first = day;
      for (DatedEvent e : d.dates()) {
        Long ed = DocumentMapper.epochDay(e.date().value());
        if (ed != null && (first == null || ed < first)) first = ed;
      }
      return new Candidate(d.id(), d, CitationKeys.title(d.title()).key(), day, first);
    }
  }

  /** A reference and how it resolved: the target when resolved. */
  record Resolution(Reference reference, String status, Candidate target) {}

  /** The document of an id with its references, or null when no document has it. */
  Citer citer(String id) throws IOException {
    return index.document(id).map(LineageResolver::citer).orElse(null);
  }

  /** A citing document: its metadata and references. */
  record Citer(Candidate self, List<Reference> references) {}

  private static Citer citer(LineageLookups.Entry e) {
    return new Citer(Candidate.of(e.meta()), e.references());
  }

  /** Every reference of a document, resolved. */
  List<Resolution> resolveAll(Citer c) throws IOException {
    prefetch(c.references());
    List<Resolution> out = new ArrayList<>(c.references().size());
    for (Reference r : c.references()) out.add(resolve(c.self(), r));
    return out;
  }

  Resolution resolve(Candidate citer, Reference r) throws IOException {
    String numberKey = CitationKeys.docNumber(r.docNumber());
    if (!numberKey.isEmpty()) {
      for (String tail : CitationKeys.docNumberTails(numberKey)) {
        List<Candidate> owners = others(candidates(StoredReferences.NUMBER + tail), citer);
        if (owners.size() == 1) return new Resolution(r, CitedReference.RESOLVED, owners.get(0));
        if (owners.size() > 1) return new Resolution(r, CitedReference.AMBIGUOUS, null);
      }
    }
    String titleKey = CitationKeys.title(r.title()).key();
    if (titleKey.isEmpty()) return new Resolution(r, CitedReference.UNRESOLVED, null);
    if (titleKey.equals(citer.titleKey())) return new Resolution(r, CitedReference.SELF, null);
    List<Candidate> all = others(candidates(StoredReferences.TITLE + titleKey), citer);
    // only what existed when the citing document was issued (its first dated event not later)
    List<Candidate> existing = all.stream()
        .filter(c -> citer.epochDay() == null || c.firstDay() == null || c.firstDay() <= citer.epochDay())
        .toList();
    if (existing.isEmpty()) return new Resolution(r, CitedReference.UNRESOLVED, null);
    for (String region : chain(citer.region())) {
      List<Candidate> here = existing.stream().filter(c -> c.region().equals(region)).toList();
      if (!here.isEmpty()) return pick(r, here, all.stream().filter(c -> c.region().equals(region)).count(), titleKey, citer);
    }
    Set<String> regions = new LinkedHashSet<>();
    for (Candidate c : all) regions.add(c.region());
    if (regions.size() == 1) {
      String region = regions.iterator().next();
      if (namesRegion(titleKey, region)) return pick(r, existing, all.size(), titleKey, citer);
    }
    return new Resolution(r, CitedReference.AMBIGUOUS, null);
  }

  /**
   * Among the candidates of one region that existed at the citing date: the one, or the latest version of a
   * standing rule. {@code named} counts every document of that region with the key, later ones included.
   */
  private Resolution pick(Reference r, List<Candidate> existing, long named, String titleKey, Candidate citer) {
    boolean standing = STANDING_RULE.matcher(titleKey).matches();
    // several acts of one name (decisions, notices): the one meant may be one the index lacks
    if (!standing && named > 1) return new Resolution(r, CitedReference.AMBIGUOUS, null);
    if (existing.size() == 1) return new Resolution(r, CitedReference.RESOLVED, existing.get(0));
    // versions of one rule: the one in force when cited (the latest dated by then), else, when the index holds
    // only later versions, the oldest of them (the nearest to the text cited); undated versions cannot be placed
    if (existing.stream().anyMatch(c -> c.epochDay() == null)) return new Resolution(r, CitedReference.AMBIGUOUS, null);
    // two of one date are no versions but parts or copies (the 民法典 kept as one document a book): no link
    if (existing.stream().map(Candidate::epochDay).distinct().count() < existing.size()) {
      return new Resolution(r, CitedReference.AMBIGUOUS, null);
    }
    Comparator<Candidate> byDate = Comparator.comparing(Candidate::epochDay).thenComparing(Candidate::id);
    List<Candidate> inForce = existing.stream().filter(c -> citer.epochDay() == null || c.epochDay() <= citer.epochDay()).toList();
    Candidate version = inForce.isEmpty() ? existing.stream().min(byDate).orElseThrow() : inForce.stream().max(byDate).orElseThrow();
    return new Resolution(r, CitedReference.RESOLVED, version);
  }

  /** The citing document's region, each region above it, then national ("湖北省/鄂州市" → itself, 湖北省, 全国). */
  static List<String> chain(String path) {
    List<String> out = new ArrayList<>(DocumentMapper.regionPaths(path));
    java.util.Collections.reverse(out);
    out.remove(RegionInfo.NATIONAL);
    out.add(RegionInfo.NATIONAL);
    return out;
  }

  /** Whether a title names the region (its most specific level, with or without 省/市/区/县 …). */
  static boolean namesRegion(String titleKey, String regionPath) {
    if (regionPath.isEmpty() || regionPath.equals(RegionInfo.NATIONAL)) return false;
    String last = regionPath.substring(regionPath.lastIndexOf('/') + 1);
    if (titleKey.contains(last)) return true;
    String shortName = last.replaceAll("(省|市|自治区|特别行政区|区|县|自治州|自治县|盟|旗)$", "");
    return shortName.length() >= 2 && titleKey.startsWith(shortName);
  }

  private static List<Candidate> others(List<Candidate> cands, Candidate citer) {
    List<Candidate> out = new ArrayList<>(cands.size());
    for (Candidate c : cands) if (!c.id().equals(citer.id()) && !c.meta().flags().duplicate()) out.add(c);
    return out;
  }

  /** The documents that have a key as their own (at most {@link #MAX_CANDIDATES}; a key with more names nothing). */
  List<Candidate> candidates(String key) throws IOException {
    List<Candidate> cached = byKey.get(key);
    if (cached != null) return cached;
    List<Candidate> out = candidatesOf(index.owners(key, MAX_CANDIDATES + 1));
    byKey.put(key, out);
    return out;
  }

  private static List<Candidate> candidatesOf(List<PolicyDocument> owners) {
    List<Candidate> out = new ArrayList<>();
    if (owners.size() <= MAX_CANDIDATES) for (PolicyDocument d : owners) out.add(Candidate.of(d));
    return out;
  }

  /**
   * Looks up at once the candidates of every key these references may be resolved by (their 文号's tails, their
   * title), so that resolving them asks nothing more of the index: on a cluster one request instead of one per key.
   * A key resolving stops before is looked up for nothing, a term lookup at most.
   */
  void prefetch(Collection<Reference> refs) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    for (Reference r : refs) {
      String numberKey = CitationKeys.docNumber(r.docNumber());
      if (!numberKey.isEmpty()) for (String tail : CitationKeys.docNumberTails(numberKey)) keys.add(StoredReferences.NUMBER + tail);
      String titleKey = CitationKeys.title(r.title()).key();
      if (!titleKey.isEmpty()) keys.add(StoredReferences.TITLE + titleKey);
    }
    keys.removeAll(byKey.keySet());
    if (keys.isEmpty()) return;
    for (Map.Entry<String, List<PolicyDocument>> e : index.owners(keys, MAX_CANDIDATES + 1).entrySet()) {
      byKey.put(e.getKey(), candidatesOf(e.getValue()));
    }
  }

  /** A document that cites another, with the first reference that resolves to it. */
  record Citing(Candidate citer, Reference reference) {}

  /**
   * Every document whose references resolve to {@code target} (in no defined order). Each candidate citer is
   * read once; a document cited by thousands costs thousands of reads, nothing more.
   */
  List<Citing> citersOf(Candidate target) throws IOException {
    Set<String> keys = StoredReferences.ownKeys(target.meta().title(), target.meta().docNumber());
    Map<String, List<LineageLookups.Entry>> citing = new LinkedHashMap<>();
    List<Reference> toResolve = new ArrayList<>();
    for (String key : keys) {
      List<LineageLookups.Entry> es = index.citing(key);
      citing.put(key, es);
      for (LineageLookups.Entry e : es) {
        for (Reference r : e.references()) if (!java.util.Collections.disjoint(StoredReferences.keys(r), keys)) toResolve.add(r);
      }
    }
    prefetch(toResolve);
    Map<String, Citing> out = new LinkedHashMap<>();
    for (String key : keys) {
      for (LineageLookups.Entry e : citing.get(key)) {
        Citer c = citer(e);
        if (out.containsKey(c.self().id()) || c.self().id().equals(target.id())) continue;
        for (Reference r : c.references()) {
          if (java.util.Collections.disjoint(StoredReferences.keys(r), keys)) continue;
          Resolution res = resolve(c.self(), r);
          if (res.target() != null && res.target().id().equals(target.id())) {
            out.put(c.self().id(), new Citing(c.self(), r));
            break;
          }
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Documents that cite a 文号 no indexed document has as its own (their references stay unresolved text). */
  List<Citing> citersOfNumber(String numberKey) throws IOException {
    List<Citing> out = new ArrayList<>();
    for (LineageLookups.Entry e : index.citing(StoredReferences.NUMBER + numberKey)) {
      Citer c = citer(e);
      for (Reference r : c.references()) {
        if (CitationKeys.docNumberTails(CitationKeys.docNumber(r.docNumber())).contains(numberKey)) {
          out.add(new Citing(c.self(), r));
          break;
        }
      }
    }
    return out;
  }

  /** The document that has a 文号 as its own, or null (none, or several). */
  Candidate ownerOf(String numberKey) throws IOException {
    List<Candidate> owners = candidates(StoredReferences.NUMBER + numberKey).stream().filter(c -> !c.meta().flags().duplicate()).toList();
    return owners.size() == 1 ? owners.get(0) : null;
  }

  /** The document of an id as a candidate, or null. */
  Candidate document(String id) throws IOException {
    Citer c = citer(id);
    return c == null ? null : c.self();
  }

  /** Every document with a reference that repeals another, with its references. */
  List<Citer> repealingOthers() throws IOException {
    List<Citer> out = new ArrayList<>();
    for (LineageLookups.Entry e : index.repealingOthers()) out.add(citer(e));
    return out;
  }

  /**
   * The documents citing a document id, or a 文号 (the {@code cites=} filter): the citers of the document that
   * has it as its own, or, when none has, every document that cites it (a reference to a document not indexed
   * stays text).
   */
  List<Citing> citing(String cites) throws InvalidRequestException, IOException {
    Candidate doc = document(cites);
    if (doc != null) return citersOf(doc);
    String number = CitationKeys.docNumber(cites);
    if (number.isEmpty()) {
      String shown = cites.length() > 40 ? cites.substring(0, 40) + "…" : cites;
      throw new InvalidRequestException("cites", "cites is a document id or a 文号 such as 国发〔2021〕16号; no document has the id '"
          + shown + "'", "cites 应为文件编号或文号（如 国发〔2021〕16号）；没有编号为“" + shown + "”的文件");
    }
    Candidate owner = ownerOf(number);
    return owner != null ? citersOf(owner) : citersOfNumber(number);
  }
}
