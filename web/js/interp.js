// How the query was understood (the API's query interpretation), shown under the search box so a user
// sees why documents match: the whole reading, then each clause with its segmentation and synonyms.
import { el, clear } from './dom.js';

export function renderInterpretation(box, query) {
  clear(box);
  if (!query || !(query.q || '').trim()) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const clauses = (query.clauses || []).map((c) => {
    const kind = c.excluded ? '排除' : c.kind === 'exact' ? '精确' : '词语';
    const bits = [el('span', { class: `clause-kind kind-${c.excluded ? 'excluded' : c.kind}` }, kind)];
    if (c.scope === 'title') bits.push(el('span', { class: 'clause-scope' }, '仅标题'));
    bits.push(el('span', { class: 'clause-text' }, c.kind === 'exact' ? `“${c.normalized || c.text}”` : c.normalized || c.text));
    const segs = c.segments || [];
    const must = c.must_match || [];
    if (c.kind === 'words' && segs.length > 1) bits.push(el('span', { class: 'clause-detail' }, `分词：${segs.join(' / ')}`));
    if (c.kind === 'words' && must.length && must.join('|') !== segs.join('|')) {
      bits.push(el('span', { class: 'clause-detail' }, `须整体出现：${must.join('、')}`));
    }
    if ((c.synonyms || []).length) bits.push(el('span', { class: 'clause-detail' }, `同义词：${c.synonyms.join('、')}`));
    return el('li', { class: 'clause' }, bits);
  });
  box.append(el('p', { class: 'interp-line' }, el('span', { class: 'interp-label' }, '检索理解：'),
    el('code', { class: 'interp-expl' }, query.explanation || query.q)));
  if (clauses.length) box.append(el('ul', { class: 'clauses', 'aria-label': '检索式各部分' }, clauses));
}
