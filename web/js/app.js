// The page's controller: reads the state from the URL, loads and draws the view it names, and turns
// every user action into a new URL (pushState), so sharing a link and the back button both work.
import { ApiError } from './api.js';
import { copyText } from './cite.js';
import { el, clear } from './dom.js';
import { renderFacets } from './facets.js';
import { renderInterpretation } from './interp.js';
import { empty, href, mainKey, parse, toggle, withChanges } from './state.js';
import { attach } from './suggest.js';
import { notice } from './widgets.js';
import * as results from './results.js';
import * as compare from './compare.js';
import * as phrase from './phrase.js';
import * as docview from './docview.js';
import * as similar from './similar.js';

const VIEWS = { results, compare, phrase, doc: docview };
const TAB_NAMES = { results: '结果', compare: '对比', phrase: '词频统计' };

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'), q: $('q'), suggestions: $('suggestions'), interp: $('interpretation'),
  alert: $('alert'), main: $('main'), facets: $('facets'), layout: $('layout'), tabs: $('view-tabs'),
  similar: $('similar'), toast: $('toast'), facetToggle: $('toggle-facets'),
};

let current = parse(location.search);
let shownKey = null;     // mainKey of what the main area shows
let shownData = null;
let seq = 0;
let controller = null;
let panelTitle = '';

const ctx = {
  get state() { return current; },
  navigate,
  copy,
  openSimilar,
  backView: () => cameFrom() || 'results',
};

const LISTS = ['results', 'compare', 'phrase'];

function navigate(next, { replace = false, panel = false } = {}) {
  const before = current;
  current = next;
  const url = href(next);
  // the entry we leave keeps its scroll position, for the back button
  if (!replace) history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, '');
  const from = replace && history.state ? history.state.from : before.view;
  history[replace ? 'replaceState' : 'pushState']({ app: true, panel, from }, '', url === './' ? location.pathname : url);
  const top = before.view !== next.view || before.page !== next.page || before.id !== next.id;
  update({ scrollTo: top ? 0 : null });
}

async function update({ scrollTo = null } = {}) {
  syncChrome();
  syncSimilar();
  const key = mainKey(current);
  if (key !== shownKey) await loadMain(key, scrollTo);
  else if (scrollTo !== null) window.scrollTo(0, scrollTo);
}

/** The list the document view was opened from (results, compare or phrase), for its back link. */
function cameFrom() {
  const st = history.state;
  return st && st.app && LISTS.includes(st.from) ? st.from : null;
}

function syncChrome() {
  const s = current;
  ui.q.value = s.q;
  ui.q.removeAttribute('aria-invalid');
  for (const a of ui.tabs.querySelectorAll('a[data-view]')) {
    const v = a.dataset.view;
    a.href = href(withChanges(s, { view: v }));
    if (v === s.view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  ui.layout.classList.toggle('no-facets', s.view === 'doc');
}

async function loadMain(key, scrollTo) {
  const my = ++seq;
  if (controller) controller.abort();
  controller = new AbortController();
  const s = current;
  const view = VIEWS[s.view];
  ui.main.setAttribute('aria-busy', 'true');
  document.body.classList.add('loading');
  try {
    const data = await view.load(s, controller.signal);
    if (my !== seq) return;
    hideAlert();
    clear(ui.main);
    view.render(ui.main, data, ctx);
    drawSide(s.view, data);
    shownKey = key;
    shownData = data;
    ui.main.dataset.shown = key; // what is drawn, as a query string (tests wait for it to match the URL)
    document.title = titleOf(s, data);
    if (scrollTo !== null) window.scrollTo(0, scrollTo);
    if (s.simId) syncSimilar(); // now the source's title may be known
  } catch (e) {
    if (e.name === 'AbortError' || my !== seq) return;
    showError(e);
    clear(ui.main).append(notice('无法显示结果。', '请按上方提示修改后重试。'));
    shownKey = null;
    shownData = null;
    ui.main.dataset.shown = key;
  } finally {
    if (my === seq) {
      ui.main.setAttribute('aria-busy', 'false');
      document.body.classList.remove('loading');
    }
  }
}

function drawSide(view, data) {
  let facets = null;
  let query = null;
  if (view === 'results') { facets = data.facets; query = data.query; }
  if (view === 'compare' && data) { facets = data.facets; query = data.query; }
  if (view === 'phrase' && data) { facets = data.search.facets; query = data.search.query; }
  if (view === 'doc') query = data.query;
  renderInterpretation(ui.interp, query);
  if (facets) renderFacets(ui.facets, facets, ctx, (query && query.filters) || []);
  else clear(ui.facets).append(el('p', { class: 'facet-empty' }, view === 'doc' ? '' : '输入检索词后可按地区、年份、主题、类型筛选。'));
}

function titleOf(s, data) {
  const base = '政策检索';
  if (s.view === 'doc') return `${data.title || data.id} - ${base}`;
  const what = s.q ? `“${s.q}”` : '全部文件';
  return `${what} ${TAB_NAMES[s.view]} - ${base}`;
}

/** What the page calls the parameters a problem can name (the API's names are English). */
const PARAM_NAMES = { region: '地区', year: '年份', from: '起始年份', to: '结束年份', effective_on: '有效日期', cites: '引用', theme: '主题', type: '类型',
  sort: '排序', page: '页码', size: '每页条数', id: '文件编号', paragraph: '段落' };

function showError(e) {
  const problem = e instanceof ApiError ? e : new ApiError(0, { detail_zh: '页面出错了，请刷新后重试。' });
  let lead = '出错了：';
  if (problem.parameter === 'q') {
    lead = '检索式有误：';
    ui.q.setAttribute('aria-invalid', 'true');
  } else if (problem.status === 404) {
    lead = '找不到：';
  } else if (problem.parameter) {
    lead = `${PARAM_NAMES[problem.parameter] || '参数'}有误：`;
  }
  clear(ui.alert).append(el('strong', {}, lead), el('span', { class: 'alert-detail' }, problem.message));
  ui.alert.hidden = false;
}

function hideAlert() {
  ui.alert.hidden = true;
  clear(ui.alert);
}

// ---- the similar-paragraphs panel ----

function openSimilar(doc, paragraph, button) {
  similar.setOpener(button);
  panelTitle = doc.title || doc.id;
  navigate({ ...current, simId: doc.id, simP: paragraph }, { panel: true });
}

function closeSimilar() {
  if (history.state && history.state.panel) history.back();
  else navigate({ ...current, simId: '', simP: 0 }, { replace: true });
}

function syncSimilar() {
  if (current.simId && current.simP) {
    similar.show(ui.similar, ctx, panelTitle || knownTitle(current.simId));
  } else if (!ui.similar.hidden) {
    similar.close(ui.similar);
    panelTitle = '';
  }
}

/** The title of a document the main view shows, for the panel's heading after a reload. */
function knownTitle(id) {
  const d = shownData;
  if (!d) return '';
  const found = d.id === id ? d
    : (d.hits || []).find((h) => h.id === id) || ((d.phrase && d.phrase.items) || []).find((i) => i.id === id);
  return found ? found.title || found.id : '';
}

// ---- copying citations ----

let toastTimer = 0;
function toast(message) {
  ui.toast.textContent = message;
  ui.toast.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => ui.toast.classList.remove('show'), 2500);
}

async function copy(text, button) {
  const ok = await copyText(text);
  toast(ok ? `已复制引用：${text.length > 60 ? `${text.slice(0, 60)}…` : text}` : '无法访问剪贴板，请手动选择文字复制。');
  if (ok && button) {
    const was = button.textContent;
    button.textContent = '已复制 ✓';
    setTimeout(() => { button.textContent = was; }, 1500);
  }
}

// ---- wiring ----

const suggester = attach(ui.q, ui.suggestions, (s, token) => {
  const before = ui.q.value.slice(0, token.start);
  const view = current.view === 'doc' ? 'results' : current.view;
  if (s.kind === 'region' || s.kind === 'theme' || s.kind === 'type') {
    const key = s.kind;
    const value = s.kind === 'region' ? s.label : s.text;
    const q = before.trim();
    ui.q.value = q;
    const next = current[key].includes(value) ? withChanges(current, { q, view }) : toggle(withChanges(current, { q, view }), key, value);
    navigate(next);
    return;
  }
  const neg = token.prefix.startsWith('-') ? '-' : '';
  const word = s.kind === 'title' ? `${neg}title:"${s.text}"`
    : token.prefix.includes('"') || token.prefix.includes('“') ? `${token.prefix}${s.text}"` : `${token.prefix}${s.text}`;
  ui.q.value = `${before}${word}`;
  navigate(withChanges(current, { q: ui.q.value.trim(), view }));
});

ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  suggester.close();
  const view = current.view === 'doc' ? 'results' : current.view;
  navigate(withChanges(current, { q: ui.q.value.trim(), view }));
});

document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[data-nav]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  if (a.classList.contains('back') && cameFrom()) {
    history.back(); // to the list as it was, scrolled where it was
    return;
  }
  navigate(parse(new URL(a.href, location.href).search));
});

ui.similar.querySelector('.close').addEventListener('click', closeSimilar);

ui.facetToggle.addEventListener('click', () => {
  const open = ui.layout.classList.toggle('facets-open');
  ui.facetToggle.setAttribute('aria-expanded', String(open));
});

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'Escape' && !ui.similar.hidden) {
    closeSimilar();
    return;
  }
  const t = e.target;
  if (t && t.closest && t.closest('input, textarea, select, [contenteditable="true"]')) return;
  if (e.key === '/') {
    e.preventDefault();
    ui.q.focus();
    ui.q.select();
  } else if (current.view === 'doc' && (e.key === 'n' || e.key === 'j')) {
    docview.step(1);
  } else if (current.view === 'doc' && (e.key === 'p' || e.key === 'k')) {
    docview.step(-1);
  }
});

window.addEventListener('popstate', () => {
  current = parse(location.search);
  const y = history.state && Number.isFinite(history.state.scrollY) ? history.state.scrollY : null;
  update({ scrollTo: y });
});

history.scrollRestoration = 'manual'; // the page restores it once the view is drawn again

// First load: normalise the URL (drops unknown parameters) without adding a history entry.
history.replaceState({ app: false }, '', href(current) === './' ? location.pathname : href(current));
if (JSON.stringify(current) === JSON.stringify(empty())) ui.q.focus();
update();
