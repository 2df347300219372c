// The results view: how many, sort, export, then each hit with its best paragraphs marked.
import { getJson, apiUrl } from './api.js';
import { append, el, num } from './dom.js';
import { chips } from './facets.js';
import { empty, filterParams, hasFilters, href, withChanges } from './state.js';
import { docHref, metaLine, notice, pager, passageItem } from './widgets.js';

export const PAGE_SIZE = 10;
const MAX_WINDOW = 10000; // page × size the API allows

export async function load(s, signal) {
  const search = getJson('/api/search', { q: s.q, ...filterParams(s), sort: s.sort, page: s.page, size: PAGE_SIZE, passages: 3,
    semantic: s.semantic ? 'true' : '' }, signal);
  if (s.q.trim() || hasFilters(s) || s.page > 1) return search;
  const [data, examples] = await Promise.all([search, loadExamples(signal)]);
  return { ...data, examples };
}

/**
 * The example searches the empty page offers (web/examples.json, written for the bundled corpus; edit it
 * for another): [{view, q, kind, note}]. None when the file is missing or malformed.
 */
async function loadExamples(signal) {
  try {
    const r = await fetch('examples.json', { signal, headers: { Accept: 'application/json' } });
    const list = r.ok ? await r.json() : [];
    return Array.isArray(list) ? list.filter((x) => x && typeof x.q === 'string' && ['results', 'compare', 'phrase'].includes(x.view)) : [];
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return [];
  }
}

function examplesBlock(examples) {
  const list = el('ul', { class: 'example-list' });
  for (const x of examples) {
    const target = href(withChanges(empty(), { view: x.view, q: x.q }));
    list.append(el('li', {},
      el('a', { href: target, 'data-nav': '', class: 'example' }, el('span', { class: 'example-kind' }, String(x.kind || '')),
        el('span', { class: 'example-q' }, x.q)),
      x.note ? el('span', { class: 'example-note' }, String(x.note)) : null));
  }
  return el('section', { class: 'examples', 'aria-labelledby': 'examples-title' },
    el('h2', { id: 'examples-title' }, '试试这些检索'), list,
    el('p', { class: 'example-hint' }, '或在上方输入检索词；下面列出库中全部文件。'));
}

export function render(main, data, ctx) {
  const s = ctx.state;
  append(main, chips(ctx));
  if (data.examples && data.examples.length) append(main, examplesBlock(data.examples));
  append(main, toolbar(data, ctx));
  if (data.timed_out) append(main, el('p', { class: 'warning' }, '检索超时，结果可能不完整。'));
  const partial = data.partial && data.partial.hits.length ? data.partial : null;
  if (!data.hits.length && !partial) {
    append(main, s.page > 1 && data.total > 0
      ? notice('这一页没有结果。', '请回到前面的页。')
      : notice('没有找到结果。', '试试更少或更宽的词，去掉引号，或移除部分筛选条件。'));
    return;
  }
  if (data.hits.length) {
    const list = el('ol', { class: 'hits', start: String((data.page - 1) * PAGE_SIZE + 1) });
    for (const h of data.hits) list.append(hitItem(h, ctx));
    append(main, list);
  } else if (data.total === 0) {
    append(main, notice('没有文件含全部检索词。', '下面是只缺其中一个词的文件。'));
  }
  if (partial) append(main, partialSection(data, partial, ctx));
  // The pages run on through the partial matches once the full matches end.
  const shown = data.total + (partial ? data.partial.total : 0);
  const pages = Math.min(Math.ceil(shown / PAGE_SIZE), Math.floor(MAX_WINDOW / PAGE_SIZE));
  append(main, pager(ctx, data.page, pages, '结果分页'));
}

// Documents that lack one of the words: apart from the matches, each saying which word it lacks, so that
// nobody reads (or cites) one as a match; never counted in 共 N 篇.
function partialSection(data, partial, ctx) {
  const before = Math.max(0, (data.page - 1) * PAGE_SIZE + data.hits.length - data.total);
  const list = el('ol', { class: 'hits partial-hits', start: String(before + 1) });
  for (const p of partial.hits) {
    const item = hitItem(p, ctx);
    item.querySelector('h2').append(' ', el('span', { class: 'missing-badge' }, `缺：${p.missing.join('、')}`));
    list.append(item);
  }
  return el('section', { class: 'partial', 'aria-label': '只含部分检索词的文件' },
    el('h2', { class: 'partial-heading' },
      `以下 ${num(partial.total)} 篇只含部分检索词（各缺一个词，不计入总数）`),
    list);
}

function toolbar(data, ctx) {
  const s = ctx.state;
  // Reposts folded into their originals are said where the total stands, with a way to see them.
  const folded = data.folded_reposts > 0
    ? [`，另有 ${num(data.folded_reposts)} 篇转载已合并 · `,
      el('a', { href: href(withChanges(s, { duplicates: true })), 'data-nav': '', class: 'show-reposts' }, '显示')]
    : [];
  // Documents found by meaning alone (语义) lack the words: say how many, so the total is not misread.
  const byMeaning = data.by_meaning > 0 ? `，其中 ${num(data.by_meaning)} 篇按语义找到` : '';
  const total = el('p', { class: 'total', role: 'status' }, `共 ${num(data.total)} 篇`, byMeaning, ...folded,
    el('span', { class: 'took' }, `（${data.took_ms} 毫秒）`));
  const sort = el('select', { id: 'sort', name: 'sort' },
    [['relevance', '相关度'], ['date_desc', '最新'], ['date_asc', '最早']].map(([v, t]) => {
      const o = el('option', { value: v }, t);
      o.selected = v === s.sort;
      return o;
    }));
  sort.addEventListener('change', () => ctx.navigate(withChanges(s, { sort: sort.value })));
  // 语义: also rank by meaning (unquoted queries by relevance, once the server's vectors are built).
  const semantic = el('input', { type: 'checkbox', id: 'semantic', name: 'semantic' });
  semantic.checked = s.semantic;
  semantic.addEventListener('change', () => ctx.navigate(withChanges(s, { semantic: semantic.checked })));
  const semanticLabel = el('label', { class: 'semantic-toggle', for: 'semantic',
    title: '按意思补充相近的文件（仅对不带引号的检索、按相关度排序时有效）' }, semantic, ' 语义');
  const params = { q: s.q, ...filterParams(s), sort: s.sort };
  const exports = el('span', { class: 'exports' },
    el('a', { class: 'button-link', href: apiUrl('/api/export', { ...params, format: 'csv' }), download: 'policy-search-export.csv' }, '导出 CSV'),
    el('a', { class: 'button-link', href: apiUrl('/api/export', { ...params, format: 'jsonl' }), download: 'policy-search-export.jsonl' }, '导出 JSONL'));
  return el('div', { class: 'toolbar' }, total,
    el('span', { class: 'sort' }, el('label', { for: 'sort' }, '排序'), sort), semanticLabel, exports);
}

function hitItem(h, ctx) {
  const title = el('a', { href: docHref(ctx.state, h.id), 'data-nav': '', class: 'hit-title' }, h.title || h.id);
  const passages = (h.passages || []).map((p) => passageItem(ctx, h, p));
  return el('li', { class: 'hit', 'data-id': h.id },
    el('h2', {}, title),
    h.subtitle ? el('p', { class: 'subtitle' }, h.subtitle) : null,
    metaLine(h),
    passages.length ? el('ol', { class: 'passages', 'aria-label': '匹配段落' }, passages) : null);
}
