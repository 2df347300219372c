// A readable page for /openapi.json: every endpoint with its parameters and responses, then every
// schema with its fields. Text from the document goes in with textContent, like everywhere else.
import { getJson } from './api.js';
import { el, clear } from './dom.js';

const main = document.getElementById('api');
const nav = document.getElementById('api-nav');

function refName(ref) {
  return ref.split('/').pop();
}

/** A short type: string, integer[], Hit, Passage[], one of (a | b). */
function typeOf(schema) {
  if (!schema) return '';
  if (schema.$ref) return el('a', { href: `#schema-${refName(schema.$ref)}` }, refName(schema.$ref));
  if (schema.allOf) return el('span', {}, schema.allOf.map((s, i) => [i ? ' + ' : '', typeOf(s)]));
  if (schema.type === 'array') return el('span', {}, typeOf(schema.items), '[]');
  let t = schema.type || 'object';
  if (schema.enum) t += `: ${schema.enum.join(' | ')}`;
  if (schema.nullable) t += ' | null';
  return t;
}

function parameters(params) {
  if (!params || !params.length) return null;
  return el('table', { class: 'api-table' },
    el('thead', {}, el('tr', {}, ['参数', '位置', '类型', '必填', '说明'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, params.map((p) => el('tr', {},
      el('td', {}, el('code', {}, p.name)), el('td', {}, p.in), el('td', {}, typeOf(p.schema)),
      el('td', {}, p.required ? '是' : ''), el('td', {}, p.description || '')))));
}

function responses(rs) {
  return el('ul', { class: 'api-responses' }, Object.entries(rs || {}).map(([status, r]) => {
    const types = Object.entries(r.content || {}).map(([mime, c]) => el('span', { class: 'api-mime' }, el('code', {}, mime), ' ', typeOf(c.schema)));
    return el('li', {}, el('strong', {}, status), ` ${r.description || ''} `, types);
  }));
}

function endpoint(path, method, op) {
  const id = `op-${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`;
  nav.querySelector('ul').append(el('li', {}, el('a', { href: `#${id}` }, el('span', { class: `api-method m-${method}` }, method.toUpperCase()), ' ', path)));
  const body = op.requestBody && op.requestBody.content
    ? Object.entries(op.requestBody.content).map(([mime, c]) => el('div', { class: 'api-body' }, el('h4', {}, '请求体 ', el('code', {}, mime)), schemaTable(c.schema)))
    : null;
  const example = method === 'get' && !path.includes('{') && !path.includes('admin')
    ? el('p', { class: 'api-try' }, '试一试：', el('a', { href: path }, path)) : null;
  return el('section', { class: 'api-op', id, 'aria-labelledby': `${id}-h` },
    el('h3', { id: `${id}-h` }, el('span', { class: `api-method m-${method}` }, method.toUpperCase()), ' ', el('code', {}, path), ' ', el('span', { class: 'api-summary' }, op.summary || '')),
    op.description ? el('p', {}, op.description) : null,
    op.security ? el('p', { class: 'note' }, '需要管理令牌：Authorization: Bearer <token>') : null,
    parameters(op.parameters), body, el('h4', {}, '响应'), responses(op.responses), example);
}

function schemaTable(schema) {
  if (!schema) return null;
  if (schema.$ref) return el('p', {}, typeOf(schema));
  const parts = [];
  for (const s of schema.allOf || [schema]) {
    if (s.$ref) { parts.push(el('p', {}, '包含 ', typeOf(s), ' 的全部字段，另有：')); continue; }
    const props = Object.entries(s.properties || {});
    if (!props.length) continue;
    const required = new Set(s.required || []);
    parts.push(el('table', { class: 'api-table' },
      el('thead', {}, el('tr', {}, ['字段', '类型', '说明'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, props.map(([name, p]) => el('tr', {},
        el('td', {}, el('code', {}, name), required.has(name) ? ' *' : ''), el('td', {}, typeOf(p)), el('td', {}, p.description || ''))))));
  }
  return parts;
}

async function main_() {
  try {
    const doc = await getJson('/openapi.json');
    clear(main);
    nav.append(el('h2', {}, '接口'), el('ul', {}));
    main.append(el('h1', {}, `${doc.info.title} ${doc.info.version}`), el('p', { class: 'api-desc' }, doc.info.description || ''));
    main.append(el('h2', {}, '接口'));
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) main.append(endpoint(path, method, op));
    }
    main.append(el('h2', { id: 'schemas' }, '数据结构'));
    nav.append(el('h2', {}, el('a', { href: '#schemas' }, '数据结构')));
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      main.append(el('section', { class: 'api-op', id: `schema-${name}` }, el('h3', {}, el('code', {}, name)),
        schema.description ? el('p', {}, schema.description) : null, schemaTable(schema)));
    }
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  } catch (e) {
    clear(main).append(el('p', { class: 'alert', role: 'alert' }, `无法加载 /openapi.json：${e.message}`));
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

main_();
