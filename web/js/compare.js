// The compare view: the query's best paragraphs grouped by city, side by side, so staff can read how
// each place puts the same policy. Hits come in relevance order; a city's column comes in the order of
// its best hit.
import { getJson } from './api.js';
import { append, el, num } from './dom.js';
import { chips } from './facets.js';
import { filterParams } from './state.js';
import { docHref, flagBadges, notice, passageItem } from './widgets.js';

const HITS = 50;
const MAX_COLUMNS = 12;

export function load(s, signal) {
  if (!s.q.trim()) return Promise.resolve(null);
  return getJson('/api/search', { q: s.q, ...filterParams(s), sort: 'relevance', size: HITS, passages: 2 }, signal);
}

/** City-level key of a region: 湖北省/鄂州市 for 湖北省/鄂州市/华容区; 全国; '' when unknown. */
export function cityKey(region) {
  if (!region || !region.path) return '';
  return region.path.split('/').slice(0, 2).join('/');
}

export function render(main, data, ctx) {
  append(main, chips(ctx));
  if (!data) {
    append(main, notice('输入检索词后，这里按城市并排列出各地的相关段落。', '例如：“义务教育优质均衡” 或 双减 作业'));
    return;
  }
  const groups = new Map();
  for (const h of data.hits) {
    const k = cityKey(h.region);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(h);
  }
  append(main, el('div', { class: 'toolbar' },
    el('p', { class: 'total', role: 'status' }, `共 ${num(data.total)} 篇，来自 ${num(groups.size)} 个地区`,
      data.total > data.hits.length ? el('span', { class: 'took' }, `（按相关度取前 ${data.hits.length} 篇）`) : null)));
  if (!groups.size) {
    append(main, notice('没有找到结果。', '试试更少或更宽的词，或移除部分筛选条件。'));
    return;
  }
  const columns = [...groups.entries()].slice(0, MAX_COLUMNS).map(([k, hits]) => column(k, hits, ctx));
  append(main, el('div', { class: 'compare', role: 'list', 'aria-label': '按城市对比' }, columns));
  if (groups.size > MAX_COLUMNS) append(main, el('p', { class: 'muted' }, `另有 ${groups.size - MAX_COLUMNS} 个地区未显示；可用左侧地区筛选缩小范围。`));
}

function column(key, hits, ctx) {
  const parts = key ? key.split('/') : [];
  const name = parts.length ? parts[parts.length - 1] : '地区未知';
  const id = `col-${key || 'unknown'}`;
  return el('section', { class: 'compare-col', role: 'listitem', 'aria-labelledby': id },
    el('h2', { id }, name, parts.length > 1 ? el('span', { class: 'province' }, parts[0]) : null,
      el('span', { class: 'count' }, `${hits.length} 篇`)),
    hits.map((h) => el('article', { class: 'compare-doc' },
      el('h3', {}, el('a', { href: docHref(ctx.state, h.id), 'data-nav': '' }, h.title || h.id)),
      el('p', { class: 'meta' }, el('span', {}, h.date || '日期不详'), h.type ? el('span', {}, h.type) : null,
        h.region && h.region.county ? el('span', {}, h.region.county) : null, flagBadges(h)),
      el('ol', { class: 'passages' }, (h.passages || []).map((p) => passageItem(ctx, h, p))))));
}
