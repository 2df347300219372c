// The page's whole state lives in the URL's query string, so a search can be shared and the back
// button works. parse() and toQuery() are inverses for every state the page can reach.

export const VIEWS = ['results', 'compare', 'phrase', 'doc'];
export const SORTS = ['relevance', 'date_desc', 'date_asc'];
const LISTS = ['region', 'year', 'theme', 'type'];

/** The state of an empty page. */
export function empty() {
  return {
    view: 'results', q: '', region: [], year: [], from: '', to: '', effectiveOn: '', cites: '', theme: [], type: [], duplicates: false,
    semantic: false, sort: 'relevance', page: 1, id: '', p: 0, simId: '', simP: 0,
  };
}

function positive(v) {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function year(v) {
  return /^\d{4}$/.test(v ?? '') ? v : '';
}

function day(v) {
  return /^\d{4}-\d{2}-\d{2}$/.test(v ?? '') ? v : '';
}

/** State from a query string such as location.search. Unknown or malformed values fall back to defaults. */
export function parse(search) {
  const u = new URLSearchParams(search);
  const s = empty();
  const view = u.get('view');
  s.view = VIEWS.includes(view) ? view : 'results';
  s.q = u.get('q') ?? '';
  for (const k of LISTS) {
    const seen = new Set();
    for (const v of u.getAll(k)) {
      const t = v.trim();
      if (t && !seen.has(t) && (k !== 'year' || year(t))) { seen.add(t); s[k].push(t); }
    }
  }
  s.from = year(u.get('from'));
  s.to = year(u.get('to'));
  s.effectiveOn = day(u.get('effective_on'));
  s.cites = (u.get('cites') ?? '').trim();
  s.duplicates = u.get('duplicates') === 'true';
  s.semantic = u.get('semantic') === 'true';
  s.sort = SORTS.includes(u.get('sort')) ? u.get('sort') : 'relevance';
  s.page = positive(u.get('page')) || 1;
  s.id = u.get('id') ?? '';
  s.p = positive(u.get('p'));
  s.simId = u.get('sim_id') ?? '';
  s.simP = positive(u.get('sim_p'));
  if (s.view === 'doc' && !s.id) s.view = 'results';
  return s;
}

/** The query string (without '?') of a state; defaults are left out so URLs stay short. */
export function toQuery(s) {
  const u = new URLSearchParams();
  if (s.view !== 'results') u.set('view', s.view);
  if (s.view === 'doc') u.set('id', s.id);
  if (s.q) u.set('q', s.q);
  for (const k of LISTS) for (const v of s[k]) u.append(k, v);
  if (s.from) u.set('from', s.from);
  if (s.to) u.set('to', s.to);
  if (s.effectiveOn) u.set('effective_on', s.effectiveOn);
  if (s.cites) u.set('cites', s.cites);
  if (s.duplicates) u.set('duplicates', 'true');
  if (s.semantic) u.set('semantic', 'true');
  if (s.sort !== 'relevance') u.set('sort', s.sort);
  if (s.page > 1) u.set('page', String(s.page));
  if (s.view === 'doc' && s.p) u.set('p', String(s.p));
  if (s.simId && s.simP) { u.set('sim_id', s.simId); u.set('sim_p', String(s.simP)); }
  return u.toString();
}

/** A copy of the state with changes applied; changing what is searched resets the page. */
export function withChanges(s, changes) {
  const next = { ...s, region: [...s.region], year: [...s.year], theme: [...s.theme], type: [...s.type], ...changes };
  const resetsPage = ['q', 'region', 'year', 'from', 'to', 'effectiveOn', 'cites', 'theme', 'type', 'duplicates', 'semantic', 'sort', 'view'].some((k) => k in changes);
  if (resetsPage && !('page' in changes)) next.page = 1;
  if (next.view !== 'doc') { next.id = ''; next.p = 0; }
  return next;
}

/** The href of a state, for links that also work when opened in a new tab. */
export function href(s) {
  const q = toQuery(s);
  return q ? `?${q}` : './';
}

/** The filters as API parameters (reposts are folded into their originals unless duplicates is set). */
export function filterParams(s) {
  return { region: s.region, year: s.year, from: s.from, to: s.to, effective_on: s.effectiveOn, cites: s.cites, theme: s.theme, type: s.type,
    duplicates: s.duplicates ? 'true' : '' };
}

/** Whether any filter is set. */
export function hasFilters(s) {
  return LISTS.some((k) => s[k].length > 0) || Boolean(s.from || s.to || s.effectiveOn || s.cites) || s.duplicates;
}

/** Toggle one value of a repeatable filter. */
export function toggle(s, key, value) {
  const list = s[key].includes(value) ? s[key].filter((v) => v !== value) : [...s[key], value];
  return withChanges(s, { [key]: list });
}

/** What the main view shows, ignoring the similar-paragraphs panel: a change here reloads the view. */
export function mainKey(s) {
  return toQuery({ ...s, simId: '', simP: 0 });
}
