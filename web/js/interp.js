// How the query was understood (the API's query interpretation), shown under the search box so a user
// sees why documents match: the whole reading, then each clause with its segmentation and synonyms.
import { el, clear } from './dom.js';

const FACET_NAMES = { region: '地区', theme: '主题', type: '类型' };
const HOW = {
  path: '按路径', name: '按地名', short_name: '按简称', alias: '按别称', province_abbreviation: '按省份简称',
  national: '全国性文件',
};

/**
 * Filters the server read as something other than what was typed (青岛 → 山东省/青岛市), and any filter
 * value the index holds no documents for: what a user needs to trust an empty or surprising result.
 */
function filterLines(filters) {
  return (filters || []).filter((f) => f.how !== 'exact' || !f.documents).map((f) => {
    const bits = [el('span', { class: 'filter-facet' }, `${FACET_NAMES[f.facet] || f.facet}`), ` “${f.given}”`];
    if (f.value !== f.given) bits.push(' → ', el('span', { class: 'filter-value' }, f.value));
    if (HOW[f.how]) bits.push(el('span', { class: 'clause-detail' }, HOW[f.how]));
    if (!f.documents) bits.push(el('span', { class: 'clause-detail filter-none' }, '索引中没有这里的文件'));
    return el('li', { class: 'filter-reading', 'data-facet': f.facet }, bits);
  });
}

export function renderInterpretation(box, query) {
  clear(box);
  const filters = filterLines(query && query.filters);
  if (!query || (!(query.q || '').trim() && !filters.length)) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  if (!(query.q || '').trim()) {
    box.append(el('p', { class: 'interp-line' }, el('span', { class: 'interp-label' }, '检索理解：'), '筛选条件'),
      el('ul', { class: 'clauses filter-readings', 'aria-label': '筛选条件的理解' }, filters));
    return;
  }
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
  if (filters.length) box.append(el('ul', { class: 'clauses filter-readings', 'aria-label': '筛选条件的理解' }, filters));
}
