// "其他地区怎么说": a panel of documents like the chosen paragraph, from other regions (/api/similar),
// each with its best paragraphs (shared words marked) and why it came up.
import { getJson } from './api.js';
import { el, clear, marked } from './dom.js';
import { placeText, regionLabel } from './cite.js';
import { docHref } from './widgets.js';

let opener = null;  // the button that opened the panel, to return focus to on close
let loaded = '';    // id#paragraph now shown
let controller = null;

/** Remembers the button that asked, so that closing the panel can give it the focus back. */
export function setOpener(button) {
  opener = button;
}

export function close(panel) {
  if (controller) controller.abort();
  loaded = '';
  panel.hidden = true;
  document.body.classList.remove('panel-open');
  if (opener && opener.isConnected) opener.focus();
  opener = null;
}

/** Shows the panel for the state's sim_id / sim_p, fetching unless it already shows them. */
export async function show(panel, ctx, title) {
  const s = ctx.state;
  const key = `${s.simId}#${s.simP}`;
  panel.hidden = false;
  document.body.classList.add('panel-open');
  const source = panel.querySelector('.similar-source');
  const what = source.querySelector('.source-what') || source.appendChild(el('span', { class: 'source-what' }));
  const where = source.querySelector('.source-where') || source.appendChild(el('span', { class: 'source-where' }));
  if (key === loaded) {
    if (title) what.textContent = `其他地区与《${title}》第${s.simP}段相近的文件`;
    return;
  }
  loaded = key;
  const body = panel.querySelector('.similar-body');
  what.textContent = title ? `其他地区与《${title}》第${s.simP}段相近的文件` : `其他地区与所选文件第${s.simP}段相近的文件`;
  where.textContent = '';
  clear(body).append(el('p', { class: 'loading-text' }, '正在查找…'));
  panel.setAttribute('aria-busy', 'true');
  panel.querySelector('h2').focus();
  if (controller) controller.abort();
  controller = new AbortController();
  try {
    const data = await getJson('/api/similar', { id: s.simId, paragraph: s.simP, size: 10 }, controller.signal);
    if (loaded !== key) return;
    clear(body);
    if (data.source && data.source.region && data.source.region.path) {
      where.textContent = `（来自 ${regionLabel(data.source.region)}）`;
    }
    if (data.subject) body.append(el('p', { class: 'similar-subject' }, `按主题“${data.subject}”和全段用词排序`));
    if (!data.items.length) {
      body.append(el('p', { class: 'notice-title' }, '其他地区没有找到相近的文件。'));
    } else {
      body.append(el('ol', { class: 'similar-list' }, data.items.map((it) => item(it, ctx))));
    }
    // National documents answer another question (what the law above says): apart, after the regions.
    if (data.national && data.national.length) {
      body.append(el('section', { class: 'similar-national', 'aria-label': '全国层面的相关文件' },
        el('h3', { class: 'similar-national-title' }, '全国层面（法律、行政法规等，另列）'),
        el('ol', { class: 'similar-list' }, data.national.map((it) => item(it, ctx)))));
    }
  } catch (e) {
    if (e.name === 'AbortError') return;
    clear(body).append(el('p', { class: 'error-text', role: 'alert' }, `无法加载：${e.message}`));
  } finally {
    if (loaded === key) panel.setAttribute('aria-busy', 'false');
  }
}

function item(it, ctx) {
  const passages = it.passages && it.passages.length ? it.passages : [{ paragraph: it.paragraph, text: it.text, highlights: [] }];
  return el('li', { class: 'similar-item' },
    el('p', { class: 'similar-where' }, el('strong', {}, regionLabel(it.region)), el('span', {}, it.date || '日期不详'),
      it.type ? el('span', {}, it.type) : null),
    el('p', { class: 'similar-title' },
      el('a', { href: docHref({ ...ctx.state, simId: '', simP: 0 }, it.id, it.paragraph), 'data-nav': '' }, it.title || it.id)),
    ...passages.map((p) => passage(it, p, ctx)),
    why(it.why));
}

function passage(it, p, ctx) {
  const copy = el('button', { type: 'button', class: 'link-button', 'data-action': 'cite' }, '复制引用');
  const citation = it.citation.replace(/，[^，]*$/, `，${placeText(p.paragraph, p.article)}`);
  copy.addEventListener('click', () => ctx.copy(`${citation}：“${p.text}”`, copy));
  return el('div', { class: 'similar-passage' },
    el('blockquote', { class: 'similar-text' },
      el('a', { class: 'pno', href: docHref({ ...ctx.state, simId: '', simP: 0 }, it.id, p.paragraph), 'data-nav': '' }, `第${p.paragraph}段 `),
      marked(p.text, p.highlights || [])),
    el('div', { class: 'actions' }, copy));
}

/** One line saying why the document came up: same subject, the words it shares, meaning. */
function why(w) {
  if (!w) return null;
  const parts = [];
  if (w.same_subject) parts.push('同一主题');
  if (w.terms && w.terms.length) parts.push(`共有：${w.terms.join('、')}`);
  if (w.semantic) parts.push('语义相近');
  return parts.length ? el('p', { class: 'similar-why' }, parts.join(' · ')) : null;
}
