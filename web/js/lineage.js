// A document's lineage (docs/lineage.md): what it rests on (its references, each linked to the cited
// document when resolved), and who cites it: a region × year table and a list, first adopters first, each
// with the citing paragraph; more pages from /api/documents/{id}/cited-by. Every text goes in through el()
// (textContent), never as HTML.
import { getJson, documentPath } from './api.js';
import { el, num } from './dom.js';
import { docHref } from './widgets.js';
import { empty, href } from './state.js';

const RELATIONS = { rests_on: '依据', implements: '实施', repeals: '废止', amends: '修改', mentions: '提及' };
const STATUS = {
  unresolved: '库中没有这篇文件',
  ambiguous: '库中有多篇同名文件，地区和日期无法确定是哪一篇，未链接',
  self: '本文件自身',
};

function relation(r) {
  return el('span', { class: `relation rel-${r}` }, RELATIONS[r] || r);
}

function cited(r) {
  const name = [r.title ? `《${r.title}》` : '', r.version ? `（${r.version}）` : '', r.doc_number ? `（${r.doc_number}）` : ''].join('');
  return name || r.doc_number;
}

/** The section of a document view; {@code state} builds the links. */
export function render(doc, state) {
  const cites = doc.cites || [];
  const by = doc.cited_by;
  if (!cites.length && (!by || !by.total)) return null;
  return el('section', { class: 'lineage', 'aria-labelledby': 'lineage-title' },
    el('h2', { id: 'lineage-title' }, '政策脉络'),
    citesList(cites, state),
    by && by.total ? citedBy(doc.id, by, state) : el('p', { class: 'muted' }, '库中还没有引用本文件的文件。'));
}

function citesList(cites, state) {
  if (!cites.length) return el('p', { class: 'muted' }, '本文件没有引用其他文件。');
  const resolved = cites.filter((r) => r.status === 'resolved').length;
  return el('div', { class: 'lineage-cites' },
    el('h3', {}, `本文引用（${num(cites.length)} 项，${num(resolved)} 项在库中）`),
    el('ol', { class: 'cites-list' }, cites.map((r) => el('li', {},
      relation(r.relation), ' ',
      r.target ? el('a', { href: docHref(state, r.target.id), 'data-nav': '' }, cited(r)) : el('span', {}, cited(r)),
      r.target ? el('span', { class: 'muted' }, ` ${r.target.region || ''} ${r.target.date || ''}`)
        : el('span', { class: 'muted', title: STATUS[r.status] || '' }, `（${STATUS[r.status] || r.status}）`),
      ' ',
      el('a', { class: 'para-link', href: docHref(state, state.id, r.paragraph), 'data-nav': '', title: r.context }, `第${r.paragraph}段`)))));
}

function citedBy(id, by, state) {
  const list = el('ol', { class: 'cited-by-list' });
  const more = el('button', { type: 'button', class: 'more' }, '更多');
  let page = 1;
  const add = (docs) => docs.forEach((d) => list.append(el('li', {},
    el('a', { href: docHref(state, d.id, d.paragraph), 'data-nav': '' }, d.title || d.id), ' ',
    el('span', { class: 'muted' }, `${(d.region || '地区不详').split('/').join('')} ${d.date || '日期不详'} `), relation(d.relation),
    el('blockquote', { class: 'citing-paragraph' }, `第${d.paragraph}段：${d.context}`))));
  add(by.documents);
  const update = (shown) => { more.hidden = shown >= by.total; };
  update(by.documents.length);
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await getJson(`${documentPath(id)}/cited-by`, { page: page + 1, size: by.size });
      page += 1;
      add(next.documents);
      update(list.children.length);
    } catch (e) {
      more.replaceWith(el('p', { class: 'note note-warn' }, e.message));
    } finally {
      more.disabled = false;
    }
  });
  // The citing documents as a search (cites=id): narrowed there by region, year, theme and words, counted in the facets.
  const asSearch = el('a', { class: 'cited-by-search', href: href({ ...empty(), cites: id }), 'data-nav': '' }, '在检索中筛选这些文件');
  return el('div', { class: 'lineage-cited-by' },
    el('h3', {}, `被 ${num(by.total)} 篇文件引用（最早的在前）`), asSearch,
    table(by.table),
    list, more);
}

/** Provinces (rows) × years (columns): how many citing documents. */
export function table(cells) {
  if (!cells || !cells.length) return null;
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => (a === null) - (b === null) || a - b);
  const regions = [...new Set(cells.map((c) => c.region))];
  const at = new Map(cells.map((c) => [`${c.region}\u0000${c.year}`, c.count]));
  return el('div', { class: 'table-wrap' }, el('table', { class: 'matrix lineage-table' },
    el('caption', {}, '引用本文件的文件：各地区逐年篇数'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '地区'), years.map((y) => el('th', { scope: 'col' }, y === null ? '年份不详' : String(y))),
      el('th', { scope: 'col' }, '合计'))),
    el('tbody', {}, regions.map((r) => el('tr', {},
      el('th', { scope: 'row' }, r || '地区不详'),
      years.map((y) => {
        const n = at.get(`${r}\u0000${y}`);
        return el('td', n ? {} : { class: 'zero' }, n ? num(n) : '·');
      }),
      el('td', { class: 'row-total' }, num(cells.filter((c) => c.region === r).reduce((s, c) => s + c.count, 0))))))));
}
