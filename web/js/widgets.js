// Pieces shared by the views: metadata lines, flag badges, a passage with its actions, the pager.
import { append, el, marked } from './dom.js';
import { citation, placeText, regionLabel } from './cite.js';
import { href, withChanges } from './state.js';

/** Link to a document, keeping the query (so its matches are marked) and the filters (for the way back). */
export function docHref(state, id, paragraph = 0) {
  return href(withChanges(state, { view: 'doc', id, p: paragraph, simId: '', simP: 0 }));
}

/** Badges for what a reader citing the document must know. */
export function flagBadges(doc) {
  const out = [];
  if (doc.truncated) out.push(el('span', { class: 'badge badge-warn', title: '来源页面只提供了部分正文，引用时请核对原文' }, '节选/不完整'));
  if (doc.redacted) out.push(el('span', { class: 'badge badge-info', title: '文中部分姓名已被隐去（×、……）' }, '含隐去信息'));
  if (doc.duplicate_of) out.push(el('span', { class: 'badge', title: `与 ${doc.duplicate_of} 内容相同` }, '转载'));
  return out;
}

/** Region › date › type › themes of a document. */
export function metaLine(doc) {
  const parts = [el('span', { class: 'meta-region' }, regionLabel(doc.region))];
  parts.push(el('span', { class: 'meta-date' }, doc.date || '日期不详'));
  if (doc.type) parts.push(el('span', { class: 'meta-type' }, doc.type));
  // themes are paths (科技、教育/学前教育): the subject is shown, the full path on hover
  const themes = (doc.themes || []).map((t) => el('span', { class: 'tag', title: t.split('/').join(' › ') }, t.split('/').pop()));
  return el('div', { class: 'meta' }, parts, themes.length ? el('span', { class: 'tags', 'aria-label': '主题' }, themes) : null, flagBadges(doc));
}

/** The two actions every paragraph has: copy its citation, and ask what other regions say. */
export function paragraphActions(ctx, doc, paragraph, text, article) {
  const copy = el('button', { type: 'button', class: 'link-button', 'data-action': 'cite' }, '复制引用');
  copy.addEventListener('click', () => ctx.copy(citation(doc, paragraph, text, article), copy));
  const similar = el('button', { type: 'button', class: 'link-button', 'data-action': 'similar',
    'aria-label': `其他地区怎么说：第${paragraph}段` }, '其他地区怎么说');
  similar.addEventListener('click', () => ctx.openSimilar(doc, paragraph, similar));
  return el('div', { class: 'actions' }, copy, similar);
}

/** A matching paragraph of a hit: its number (a link into the document), the text with marks, actions. */
export function passageItem(ctx, doc, passage) {
  const no = el('a', { class: 'pno', href: docHref(ctx.state, doc.id, passage.paragraph), 'data-nav': '' }, placeText(passage.paragraph, passage.article));
  const text = el('p', { class: passage.heading ? 'passage-text heading' : 'passage-text' });
  const cut = excerpt(passage.text, passage.highlights, EXCERPT_CHARS);
  if (cut) {
    // A long paragraph shows the stretch around its first match; the whole paragraph is one click away.
    const more = el('button', { type: 'button', class: 'link-button expand', 'aria-expanded': 'false' }, '展开全段');
    append(text, cut.start > 0 ? '…' : null, marked(cut.text, cut.highlights), cut.end < passage.text.length ? '…' : null, ' ', more);
    more.addEventListener('click', () => {
      text.replaceChildren(marked(passage.text, passage.highlights));
    });
  } else {
    append(text, marked(passage.text, passage.highlights));
  }
  return el('li', { class: 'passage' }, no, text, paragraphActions(ctx, doc, passage.paragraph, passage.text, passage.article));
}

/** Characters of a passage shown in a result list before 展开全段. */
export const EXCERPT_CHARS = 240;

/**
 * The stretch of a long text around its first highlight, with the highlights shifted into it, or null
 * when the text is short enough to show whole. Never cuts a surrogate pair.
 */
export function excerpt(text, highlights = [], max = EXCERPT_CHARS) {
  if (text.length <= max) return null;
  const first = (highlights || []).length ? Math.max(0, highlights[0][0]) : 0;
  let start = Math.max(0, Math.min(first - Math.floor(max / 4), text.length - max));
  let end = Math.min(text.length, start + max);
  const low = (i) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]);
  if (low(start)) start += 1;
  if (low(end)) end -= 1;
  const shifted = (highlights || [])
    .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start])
    .filter(([s, e]) => e > s);
  return { text: text.slice(start, end), highlights: shifted, start, end };
}

/** Previous / numbered / next page links; pages beyond what the API allows are not offered. */
export function pager(ctx, page, pages, label = '分页') {
  if (pages <= 1) return null;
  const link = (p, text, attrs = {}) => {
    const a = el('a', { href: href(withChanges(ctx.state, { page: p })), 'data-nav': '', ...attrs }, text);
    return el('li', {}, a);
  };
  const items = [];
  if (page > 1) items.push(link(page - 1, '上一页', { rel: 'prev' }));
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  let last = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p > last + 1) items.push(el('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(p === page
      ? el('li', {}, el('span', { class: 'current', 'aria-current': 'page' }, String(p)))
      : link(p, String(p), { 'aria-label': `第 ${p} 页` }));
    last = p;
  }
  if (page < pages) items.push(link(page + 1, '下一页', { rel: 'next' }));
  return el('nav', { class: 'pager', 'aria-label': label }, el('ul', {}, items));
}

/** A message in place of results. */
export function notice(title, ...lines) {
  return el('div', { class: 'notice' }, el('p', { class: 'notice-title' }, title), lines.map((l) => el('p', {}, l)));
}
