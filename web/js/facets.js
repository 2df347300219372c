// The facet sidebar (region tree, years, themes, types) and the chips of the current selection.
// Counts come from the API drill-sideways: each facet counts as if its own selection were not applied,
// so several values of one facet can be chosen (they OR) while the other facets narrow.
import { el, clear, num } from './dom.js';
import { hasFilters, toggle, withChanges } from './state.js';

const NAMES = { region: '地区', year: '年份', theme: '主题', type: '类型' };
const SHORT_LIST = 8;

const openNodes = new Set();   // facet + path of the tree nodes whose children are shown
const longLists = new Set();     // facets showing every value
let refocus = null;              // the control to focus again after the sidebar is redrawn
let last = null;                 // what was drawn last, to redraw after opening a branch

function redraw() {
  if (last) renderFacets(...last);
}

/**
 * The values a filter was typed as, by facet and the value it was read as (region 青岛 read as
 * 山东省/青岛市): the tree shows that value checked, and unchecking it removes what was typed.
 */
let typed = new Map();

function typedAs(facet, value) {
  return typed.get(`${facet}\u0000${value}`) || [];
}

export function renderFacets(container, facets, ctx, readings = []) {
  const fresh = !last || last[1] !== facets;
  last = [container, facets, ctx, readings];
  const s = ctx.state;
  typed = new Map();
  for (const r of readings || []) {
    if (r.given === r.value || !s[r.facet] || !s[r.facet].includes(r.given)) continue;
    const key = `${r.facet}\u0000${r.value}`;
    typed.set(key, [...(typed.get(key) || []), r.given]);
  }
  for (const facet of ['region', 'theme']) {
    const applied = [...s[facet], ...(readings || []).filter((r) => r.facet === facet).map((r) => r.value)];
    if (fresh) for (const r of applied) { // open the way down to every selected value
      const parts = r.split('/');
      for (let i = 1; i < parts.length; i++) openNodes.add(`${facet}\u0000${parts.slice(0, i).join('/')}`);
    }
  }
  clear(container);
  container.append(el('h2', { class: 'facets-title' }, '筛选'));
  container.append(section('region', tree('region', facets.region || [], ctx, 0)));
  // Documents without a date are counted apart: never under an invented year, not a value to filter by.
  const unknown = facets.year_unknown > 0
    ? el('p', { class: 'facet-unknown muted' }, '日期不详 ', el('span', { class: 'count', 'aria-label': `${facets.year_unknown} 篇` }, num(facets.year_unknown)))
    : null;
  container.append(section('year', valueList('year', facets.year || [], ctx), unknown, yearRange(ctx), inForce(ctx)));
  container.append(section('theme', tree('theme', facets.theme || [], ctx, 0)));
  container.append(section('type', valueList('type', facets.type || [], ctx)));
  if (refocus) {
    const again = container.querySelector(refocus);
    refocus = null;
    if (again) again.focus();
  }
}

function section(facet, ...content) {
  const id = `facet-h-${facet}`;
  return el('section', { class: `facet facet-${facet}`, 'aria-labelledby': id }, el('h3', { id }, NAMES[facet]), content);
}

function checkbox(facet, v, ctx) {
  const id = `f-${facet}-${v.value}`;
  const box = el('input', { type: 'checkbox', id, 'data-facet': facet, value: v.value });
  const aliases = typedAs(facet, v.value);
  box.checked = ctx.state[facet].includes(v.value) || aliases.length > 0;
  box.addEventListener('change', () => {
    refocus = `input[data-facet="${facet}"][value="${CSS.escape(v.value)}"]`;
    // unchecking a value that was typed another way (青岛) removes what was typed too
    const next = box.checked ? toggle(ctx.state, facet, v.value)
      : withChanges(ctx.state, { [facet]: ctx.state[facet].filter((x) => x !== v.value && !aliases.includes(x)) });
    ctx.navigate(next);
  });
  const label = el('label', { for: id, class: 'facet-value' },
    el('span', { class: 'facet-label' }, v.label || v.value || '未知'),
    el('span', { class: 'count', 'aria-label': `${v.count} 篇` }, num(v.count)));
  return [box, label];
}

function valueList(facet, values, ctx) {
  if (!values.length) return el('p', { class: 'facet-empty' }, '无');
  const all = longLists.has(facet);
  const shown = all ? values : values.slice(0, SHORT_LIST);
  const ul = el('ul', { class: 'facet-values' }, shown.map((v) => el('li', {}, checkbox(facet, v, ctx))));
  if (values.length <= SHORT_LIST) return ul;
  const more = el('button', { type: 'button', class: 'link-button more', 'aria-expanded': String(all) },
    all ? '收起' : `显示全部（${values.length}）`);
  more.addEventListener('click', () => {
    if (all) longLists.delete(facet); else longLists.add(facet);
    refocus = `.facet-${facet} button.more`;
    redraw();
  });
  return [ul, more];
}

// A facet whose values are paths (region: province › city › county; theme: 主题分类 › subject), drawn as a tree.
function tree(facet, values, ctx, depth) {
  if (!values.length) return depth === 0 ? el('p', { class: 'facet-empty' }, '无') : null;
  return el('ul', { class: depth === 0 ? 'facet-values tree' : 'tree-children' }, values.map((v) => {
    const kids = v.children || [];
    const key = `${facet}\u0000${v.value}`;
    const open = openNodes.has(key);
    let twisty;
    if (kids.length) {
      twisty = el('button', { type: 'button', class: 'twisty', 'aria-expanded': String(open),
        'aria-label': `${open ? '收起' : '展开'} ${v.label}`, [`data-${facet}`]: v.value }, open ? '▾' : '▸');
      twisty.addEventListener('click', () => {
        if (openNodes.has(key)) openNodes.delete(key); else openNodes.add(key);
        refocus = `button.twisty[data-${facet}="${CSS.escape(v.value)}"]`;
        redraw();
      });
    } else {
      twisty = el('span', { class: 'twisty-space', 'aria-hidden': 'true' });
    }
    return el('li', { class: 'tree-node' }, el('div', { class: 'tree-row' }, twisty, checkbox(facet, v, ctx)),
      open ? tree(facet, kids, ctx, depth + 1) : null);
  }));
}

function yearRange(ctx) {
  const s = ctx.state;
  const from = el('input', { type: 'number', id: 'year-from', min: '1000', max: '2999', inputmode: 'numeric', value: s.from, placeholder: '起' });
  const to = el('input', { type: 'number', id: 'year-to', min: '1000', max: '2999', inputmode: 'numeric', value: s.to, placeholder: '止' });
  const form = el('form', { class: 'year-range', 'aria-label': '年份范围' },
    el('label', { for: 'year-from' }, '从'), from, el('label', { for: 'year-to' }, '到'), to,
    el('button', { type: 'submit', class: 'small' }, '应用'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(withChanges(ctx.state, { from: from.value.trim(), to: to.value.trim() }));
  });
  return form;
}

// In force on a day: only as far as the corpus knows (its own 施行/公布/废止 dates), and the page says so.
function inForce(ctx) {
  const s = ctx.state;
  const day = el('input', { type: 'date', id: 'effective-on', value: s.effectiveOn, min: '1000-01-01', max: '2999-12-31' });
  const form = el('form', { class: 'year-range in-force', 'aria-label': '某日有效的文件' },
    el('label', { for: 'effective-on' }, '有效于'), day,
    el('button', { type: 'submit', class: 'small' }, '应用'),
    el('p', { class: 'muted small-note' }, '据文件库所知：按文件自身所载施行、公布、废止日期判断'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(withChanges(ctx.state, { effectiveOn: day.value.trim() }));
  });
  return form;
}

/** The selected filters as removable chips, with "clear all". */
export function chips(ctx) {
  const s = ctx.state;
  if (!hasFilters(s)) return null;
  const list = [];
  const chip = (name, shown, next) => {
    const b = el('button', { type: 'button', class: 'chip', 'aria-label': `移除条件 ${name}：${shown}` },
      el('span', {}, `${name}：${shown}`), el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'));
    b.addEventListener('click', () => ctx.navigate(next));
    list.push(el('li', {}, b));
  };
  for (const k of ['region', 'year', 'theme', 'type']) {
    for (const v of s[k]) chip(NAMES[k], k === 'region' || k === 'theme' ? v.split('/').join(' › ') : v, toggle(s, k, v));
  }
  if (s.from || s.to) chip('年份', `${s.from || '…'} – ${s.to || '…'}`, withChanges(s, { from: '', to: '' }));
  if (s.effectiveOn) chip('有效于', `${s.effectiveOn}（据文件库所知）`, withChanges(s, { effectiveOn: '' }));
  if (s.cites) chip('引用了', s.cites, withChanges(s, { cites: '' }));
  if (s.duplicates) chip('转载', '逐篇显示', withChanges(s, { duplicates: false }));
  const reset = el('button', { type: 'button', class: 'link-button' }, '清除全部');
  reset.addEventListener('click', () => ctx.navigate(withChanges(s, { region: [], year: [], theme: [], type: [], from: '', to: '', effectiveOn: '', cites: '', duplicates: false })));
  return el('div', { class: 'chips', role: 'group', 'aria-label': '已选条件' },
    el('span', { class: 'chips-label' }, '已选条件'), el('ul', {}, list), reset);
}
