// The phrase view for journalists: how often an exact phrase occurs by year (an SVG bar chart drawn
// here, no library), a region × year table, and every occurrence in context (KWIC) with a CSV download.
// Every count stands beside its denominator (the documents the corpus holds for that year or region), and
// the chart can show shares instead of counts: more hits in a year with more documents collected is not
// a trend.
import { getJson, apiUrl } from './api.js';
import { append, el, num } from './dom.js';
import { chips } from './facets.js';
import { filterParams } from './state.js';
import { docHref, notice, pager } from './widgets.js';

export const PAGE_SIZE = 20;
const SVG = 'http://www.w3.org/2000/svg';

/** The search whose facets sit beside the phrase statistics: the same phrase, quoted (exact). */
export function exactQuery(q) {
  const t = q.trim();
  return /^["“].*["”]$/.test(t) ? t : `"${t.replace(/["“”]/g, '')}"`;
}

export async function load(s, signal) {
  if (!s.q.trim()) return null;
  const [phrase, search] = await Promise.all([
    getJson('/api/phrase', { q: s.q, ...filterParams(s), page: s.page, size: PAGE_SIZE, context: 30 }, signal),
    getJson('/api/search', { q: exactQuery(s.q), ...filterParams(s), size: 0 }, signal),
  ]);
  return { phrase, search };
}

export function render(main, data, ctx) {
  append(main, chips(ctx));
  if (!data) {
    append(main, notice('输入一个短语，查看它逐年出现的次数、各地分布和每一处上下文。', '例如：教联体、“双减”、义务教育优质均衡'));
    return;
  }
  const r = data.phrase;
  const csv = el('a', { class: 'button-link', href: apiUrl('/api/phrase', { q: ctx.state.q, ...filterParams(ctx.state), format: 'csv' }),
    download: 'phrase.csv' }, '导出 CSV（全部出现）');
  append(main, el('div', { class: 'toolbar' },
    el('p', { class: 'total', role: 'status' }, `“${r.phrase}” 共出现 ${num(r.occurrences)} 次，见于 ${num(r.documents)} 篇文件的 ${num(r.paragraphs)} 个段落`,
      el('span', { class: 'corpus-total' }, `（检索范围共 ${num(r.corpus_documents)} 篇文件，占 ${pct(r.documents, r.corpus_documents)}）`),
      el('span', { class: 'took' }, `（${r.took_ms} 毫秒）`)), csv));
  if (r.timed_out) append(main, el('p', { class: 'warning' }, '统计超时，以下数字是下限。'));
  if (!r.occurrences) {
    append(main, notice('没有找到这个短语。', '短语按原文精确匹配；试试更短的写法，或移除部分筛选条件。'));
    return;
  }
  append(main, chartBlock(r.by_year, r.year_unknown));
  append(main, el('section', { class: 'phrase-block', 'aria-labelledby': 'matrix-h' },
    el('h2', { id: 'matrix-h' }, '地区 × 年份'), matrix(r)));
  const pages = Math.ceil(r.occurrences / PAGE_SIZE);
  append(main, el('section', { class: 'phrase-block', 'aria-labelledby': 'kwic-h' },
    el('h2', { id: 'kwic-h' }, '上下文', el('span', { class: 'muted' }, ` 第 ${r.page} 页，共 ${num(pages)} 页`)),
    kwic(r.items, ctx), pager(ctx, r.page, pages, '上下文分页')));
}

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A share as a percentage with one decimal ("—" when there is nothing to divide by). */
export function pct(part, whole) {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

/**
 * The chart with its switch (出现次数 / 占当年文件比例) and, under it, the table of each year's counts
 * beside the documents the corpus holds for that year. The switch redraws the chart in place.
 */
function chartBlock(byYear, yearUnknown) {
  const holder = el('div', { class: 'chart-holder' }, chart(byYear, 'count'));
  const heading = el('h2', { id: 'chart-h' }, '逐年出现次数');
  const buttons = [['count', '次数'], ['share', '占比']].map(([mode, label]) => {
    const b = el('button', { type: 'button', class: 'mode', 'data-mode': mode, 'aria-pressed': String(mode === 'count') }, label);
    b.addEventListener('click', () => {
      for (const x of buttons) x.setAttribute('aria-pressed', String(x === b));
      heading.textContent = mode === 'count' ? '逐年出现次数' : '逐年占比（含该短语的文件 ÷ 当年文件）';
      holder.replaceChildren(chart(byYear, mode));
    });
    return b;
  });
  return el('section', { class: 'phrase-block', 'aria-labelledby': 'chart-h' },
    el('div', { class: 'block-head' }, heading, el('div', { class: 'chart-mode', role: 'group', 'aria-label': '图表显示' }, buttons)),
    holder,
    // Documents without a date are counted apart, never under an invented year.
    yearUnknown && yearUnknown.occurrences > 0
      ? el('p', { class: 'muted year-unknown' }, `日期不详：${num(yearUnknown.occurrences)} 次，见于 ${num(yearUnknown.documents)} 篇文件`)
      : null,
    yearTable(byYear));
}

/** Each year: occurrences, documents with the phrase, documents of that year in the corpus, share. */
function yearTable(byYear) {
  const rows = [...byYear].sort((a, b) => Number(a.year) - Number(b.year)).map((y) => el('tr', {},
    el('th', { scope: 'row' }, y.year), el('td', {}, num(y.occurrences)), el('td', {}, num(y.documents)),
    el('td', {}, num(y.corpus_documents)), el('td', {}, pct(y.documents, y.corpus_documents))));
  return el('div', { class: 'table-wrap' }, el('table', { class: 'matrix year-table' },
    el('caption', {}, '每年的出现次数与当年文件总数（检索范围内）'),
    el('thead', {}, el('tr', {}, ['年份', '出现次数', '含该短语的文件', '当年文件总数', '占比'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows)));
}

/**
 * Bars per year, oldest on the left; every year between the first and last is shown. mode 'count':
 * occurrences; 'share': the part of that year's documents that contain the phrase.
 */
export function chart(byYear, mode = 'count') {
  const counts = new Map(byYear.map((y) => [Number(y.year), y]));
  const years = [...counts.keys()].sort((a, b) => a - b);
  if (!years.length) return el('p', { class: 'muted' }, '这些文件没有可用的年份。');
  const all = [];
  for (let y = years[0]; y <= years[years.length - 1]; y++) all.push(y);
  const share = (c) => (c && c.corpus_documents ? c.documents / c.corpus_documents : 0);
  const value = mode === 'share' ? share : (c) => (c ? c.occurrences : 0);
  const shown = mode === 'share' ? (c) => pct(c ? c.documents : 0, c ? c.corpus_documents : 0) : (c) => String(c ? c.occurrences : 0);
  const max = Math.max(...byYear.map(value), mode === 'share' ? 0.0001 : 1);
  // bars widen when there are few years, so the chart is never a sliver; many years scroll sideways
  const gap = 14; const h = 160; const top = 22; const bottom = 26; const left = 8;
  const bw = Math.max(28, Math.min(80, Math.floor(640 / all.length) - gap));
  const width = left * 2 + all.length * (bw + gap) - gap;
  const summary = all.map((y) => `${y}年 ${mode === 'share' ? shown(counts.get(y)) : `${counts.get(y)?.occurrences ?? 0} 次`}`).join('，');
  const root = svg('svg', { viewBox: `0 0 ${width} ${h + top + bottom}`, width, height: h + top + bottom,
    class: 'chart', role: 'img', 'aria-labelledby': 'chart-title' });
  root.append(svg('title', { id: 'chart-title' }, `${mode === 'share' ? '逐年占比' : '逐年出现次数'}：${summary}`));
  root.append(svg('line', { x1: 0, x2: width, y1: top + h, y2: top + h, class: 'axis' }));
  all.forEach((y, i) => {
    const c = counts.get(y);
    const n = value(c);
    const bh = Math.round((n / max) * h);
    const x = left + i * (bw + gap);
    const g = svg('g', { class: 'bar' });
    g.append(svg('title', {}, `${y}年：${c ? c.occurrences : 0} 次，见于 ${c ? c.documents : 0} 篇文件；`
      + `当年共 ${c ? c.corpus_documents : 0} 篇（${pct(c ? c.documents : 0, c ? c.corpus_documents : 0)}）`));
    g.append(svg('rect', { x, y: top + h - bh, width: bw, height: Math.max(bh, n ? 1 : 0), rx: 3 }));
    g.append(svg('text', { x: x + bw / 2, y: top + h - bh - 6, class: 'bar-value', 'text-anchor': 'middle' }, shown(c)));
    g.append(svg('text', { x: x + bw / 2, y: top + h + 18, class: 'bar-label', 'text-anchor': 'middle' }, String(y)));
    root.append(g);
  });
  return el('div', { class: 'chart-wrap' }, root);
}

/** Rows: region paths in tree order (province, then its cities, then counties); columns: years. */
export function matrix(r) {
  const byRegionYear = r.by_region_year || [];
  const years = [...new Set(r.by_year.map((y) => y.year))].sort();
  const cells = new Map(byRegionYear.map((c) => [`${c.region}\u0000${c.year}`, c]));
  const totals = new Map(r.by_region.map((c) => [c.region, c]));
  const regions = [...new Set(byRegionYear.map((c) => c.region))].sort();
  if (!regions.length) return el('p', { class: 'muted' }, '没有带地区和年份的出现。');
  const head = el('tr', {}, el('th', { scope: 'col' }, '地区'), years.map((y) => el('th', { scope: 'col' }, y)),
    el('th', { scope: 'col' }, '合计'), el('th', { scope: 'col', title: '含该短语的文件' }, '文件'),
    el('th', { scope: 'col', title: '检索范围内该地区的全部文件' }, '库中'), el('th', { scope: 'col' }, '占比'));
  const rows = regions.map((reg) => {
    const parts = reg.split('/');
    const t = totals.get(reg);
    return el('tr', { class: `depth-${parts.length}` },
      el('th', { scope: 'row' }, parts[parts.length - 1]),
      years.map((y) => {
        const c = cells.get(`${reg}\u0000${y}`);
        return el('td', c ? { title: `${c.documents} 篇文件` } : { class: 'zero' }, c ? num(c.occurrences) : '·');
      }),
      el('td', { class: 'row-total' }, t ? num(t.occurrences) : ''),
      el('td', { class: 'row-docs' }, t ? num(t.documents) : ''),
      el('td', { class: 'row-corpus' }, t ? num(t.corpus_documents) : ''),
      el('td', { class: 'row-share' }, t ? pct(t.documents, t.corpus_documents) : ''));
  });
  return el('div', { class: 'table-wrap' }, el('table', { class: 'matrix' },
    el('caption', {}, '各地区逐年出现次数（省 › 市 › 区县；悬停看文件数）；文件、库中、占比：含该短语的文件、该地区的全部文件及其比例'),
    el('thead', {}, head), el('tbody', {}, rows)));
}

function kwic(items, ctx) {
  const q = exactQuery(ctx.state.q);
  return el('table', { class: 'kwic' },
    el('thead', { class: 'visually-hidden' }, el('tr', {}, ['左侧上下文', '匹配', '右侧上下文', '出处'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, items.map((it) => el('tr', {},
      el('td', { class: 'kwic-left' }, el('div', { class: 'kwic-clip' }, el('span', {}, it.left))),
      el('td', { class: 'kwic-match' }, el('mark', {}, it.match)),
      el('td', { class: 'kwic-right' }, it.right),
      el('td', { class: 'kwic-source' },
        el('a', { href: docHref({ ...ctx.state, q }, it.id, it.paragraph), 'data-nav': '' }, it.title || it.id),
        el('span', { class: 'muted' }, ` ${it.region && it.region.path ? it.region.path.split('/').join('') : ''} ${it.date} 第${it.paragraph}段`))))));
}
