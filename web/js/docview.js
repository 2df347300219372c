// The document view: metadata, then every paragraph numbered, every match marked, with a bar to jump
// from match to match (buttons, or the keys n / p).
import { getJson, documentPath } from './api.js';
import { append, el, marked, safeUrl, num } from './dom.js';
import { regionLabel } from './cite.js';
import { href, withChanges } from './state.js';
import { flagBadges, metaLine, paragraphActions } from './widgets.js';
import { render as lineage } from './lineage.js';

export function load(s, signal) {
  return getJson(documentPath(s.id), { q: s.q }, signal);
}

const BACK_LABELS = { results: '检索结果', compare: '对比', phrase: '词频统计' };

let marks = [];
let current = -1;
let counter = null;

export function render(main, doc, ctx) {
  const s = ctx.state;
  const to = ctx.backView();
  const back = el('a', { class: 'back', href: href(withChanges(s, { view: to, id: '', p: 0 })), 'data-nav': '' },
    `← 返回${BACK_LABELS[to]}`);
  const header = el('header', { class: 'doc-header' },
    el('h1', { id: 'doc-title' }, doc.title || doc.id),
    doc.subtitle ? el('p', { class: 'subtitle' }, `——${doc.subtitle}`) : null,
    metaLine(doc));
  const notes = [];
  if (doc.truncated) notes.push(el('p', { class: 'note note-warn' }, '本文为节选：来源页面只提供了部分正文，引用前请核对原文。'));
  if (doc.redacted) notes.push(el('p', { class: 'note' }, '本文含隐去信息：部分姓名已被隐去。'));

  const paras = el('div', { class: 'paragraphs' });
  let k = 0;
  for (const p of doc.paragraphs) {
    const text = marked(p.text, p.highlights, () => ({ tabindex: '-1', id: `m-${++k}`, class: 'match' }));
    const body = p.heading ? el('h2', { class: 'para-text para-heading' }, text) : el('p', { class: 'para-text' }, text);
    const cite = p.article && p.article.cite ? p.article.cite : '';
    paras.append(el('section', { class: p.heading ? 'para is-heading' : 'para', id: `p-${p.paragraph}`,
      'aria-label': cite ? `第${p.paragraph}段，${cite}` : `第${p.paragraph}段` },
      el('span', { class: 'para-no', 'aria-hidden': 'true', title: cite }, String(p.paragraph)),
      body,
      p.heading ? null : paragraphActions(ctx, doc, p.paragraph, p.text, p.article)));
  }
  marks = [...paras.querySelectorAll('mark.match')];
  current = -1;

  const article = el('article', { class: 'document', 'aria-labelledby': 'doc-title' },
    header, notes, matchBar(s, doc), paras, lineage(doc, s));
  append(main, back, el('div', { class: 'doc-layout' }, article, el('div', { class: 'doc-side' }, contents(doc, ctx), metadata(doc))));

  if (s.p) {
    const target = main.querySelector(`#p-${s.p}`);
    if (target) {
      target.classList.add('target');
      requestAnimationFrame(() => target.scrollIntoView({ block: 'center' }));
    }
  }
}

// The table of contents of a document built of articles (章/节/条), and a box to jump to an article by its
// number (12, 十二, 第十二条): the API finds where it starts, or says the document has no such article.
function contents(doc, ctx) {
  const toc = doc.contents || [];
  if (!toc.length) return null;
  const s = ctx.state;
  const list = el('ol', { class: 'toc' }, toc.map((e) => el('li', { class: `toc-${e.level}` },
    el('a', { href: href(withChanges(s, { p: e.paragraph })), 'data-nav': '' }, e.label))));
  const box = el('input', { type: 'text', id: 'article-jump', inputmode: 'numeric', placeholder: '如 12 或 十二', size: '8' });
  const status = el('p', { class: 'muted', role: 'status' });
  const form = el('form', { class: 'article-jump' }, el('label', { for: 'article-jump' }, '跳到第'), box, '条 ',
    el('button', { type: 'submit', class: 'small' }, '前往'), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = box.value.trim();
    if (!v) return;
    try {
      const d = await getJson(documentPath(s.id), { article: v });
      ctx.navigate(withChanges(ctx.state, { p: d.article_paragraph }));
    } catch (err) {
      status.textContent = (err && err.message) || '找不到这一条';
    }
  });
  return el('nav', { class: 'doc-toc', 'aria-label': '目录' }, el('h2', {}, '目录'), form,
    el('details', { open: toc.length <= 60 ? '' : null }, el('summary', {}, `章节条文（${toc.length}）`), list));
}

function matchBar(s, doc) {
  if (!s.q) return null;
  counter = el('span', { class: 'match-count', role: 'status' });
  const prev = el('button', { type: 'button', id: 'prev-match', 'aria-keyshortcuts': 'p', title: '上一处（P）' }, '上一处');
  const next = el('button', { type: 'button', id: 'next-match', 'aria-keyshortcuts': 'n', title: '下一处（N）' }, '下一处');
  prev.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  prev.disabled = next.disabled = marks.length === 0;
  updateCounter();
  return el('div', { class: 'match-bar', role: 'toolbar', 'aria-label': '匹配导航' },
    el('span', { class: 'match-query' }, `检索：${s.q}`), counter, prev, next);
}

function updateCounter() {
  if (!counter) return;
  counter.textContent = marks.length === 0 ? '文中没有匹配'
    : current < 0 ? `共 ${num(marks.length)} 处匹配` : `第 ${current + 1} / ${marks.length} 处`;
}

/** Moves focus to the next (+1) or previous (-1) match, wrapping around. */
export function step(dir) {
  if (!marks.length || !marks[0].isConnected) return;
  if (current >= 0) marks[current].classList.remove('current');
  current = current < 0 ? (dir > 0 ? 0 : marks.length - 1) : (current + dir + marks.length) % marks.length;
  const m = marks[current];
  m.classList.add('current');
  m.focus({ preventScroll: true });
  m.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  updateCounter();
}

const DATE_KINDS = { delivered: '发表', adopted: '通过', approved: '批准', published: '公布', effective: '施行',
  amended: '修正', repealed: '废止' };

function metadata(doc) {
  const rows = [];
  const row = (name, ...value) => rows.push(el('dt', {}, name), el('dd', {}, value));
  if (doc.issuer) row('发文机关', doc.issuer);
  if (doc.doc_number) row('文号', doc.doc_number);
  // a former name (徐水县) is shown beside today's unit, as the document wrote it
  row('地区', regionLabel(doc.region) + (doc.region && doc.region.as_written ? `（文中作：${doc.region.as_written}）` : ''));
  row('日期', doc.date || '日期不详');
  // Every dated event the document states about itself (通过, 公布, 施行 …), each with its evidence on hover.
  const events = (doc.dates || []).filter((d) => d.value);
  if (events.length > 1 || (events.length === 1 && events[0].value !== doc.date)) {
    row('各项日期', events.map((d, i) => [i ? '；' : '',
      el('span', { title: d.evidence || '' }, `${DATE_KINDS[d.kind] || d.kind} ${d.value}`)]));
  }
  if (doc.type) row('类型', doc.type);
  if (doc.themes && doc.themes.length) row('主题', doc.themes.map((t) => t.split('/').join(' › ')).join('、'));
  const url = safeUrl(doc.source_url || '');
  if (doc.source || url) {
    row('来源', doc.source || '', doc.source && url ? ' ' : '',
      url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, '原文链接') : '');
  }
  if (doc.officials && doc.officials.length) row('人物', doc.officials.map((o) => `${o.role} ${o.name}`.trim()).join('；'));
  row('段落', `${num(doc.paragraphs.length)} 段`);
  row('文件', doc.file || doc.id);
  const flags = flagBadges(doc);
  const parts = [el('h2', {}, '文件信息'), el('dl', {}, rows), flags.length ? el('p', { class: 'flags' }, flags) : null];
  const header = Object.entries(doc.header || {});
  if (header.length) {
    // lines such as 来源 / 撰稿 / 编辑 that cleaning moved out of the body, as the page had them
    parts.push(el('h3', {}, '原文标注'), el('dl', {}, header.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
  }
  if (doc.evidence && doc.evidence.length) {
    parts.push(el('details', { class: 'evidence' }, el('summary', {}, '元数据依据'),
      el('table', {},
        el('thead', {}, el('tr', {}, ['字段', '取值', '来源', '依据'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, doc.evidence.map((e) => el('tr', {}, [e.field, e.value, e.origin, e.detail].map((x) => el('td', {}, x ?? ''))))))));
  }
  return el('aside', { class: 'doc-meta', 'aria-label': '文件信息' }, parts);
}
