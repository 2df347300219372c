// Building the DOM without ever parsing text as HTML: every piece of document or query text goes in
// through textContent, and marks are built from the API's highlight offsets.

/**
 * An element. attrs: class, text, and any attribute (values set with setAttribute; on… handlers and
 * style are refused so nothing can slip past the Content-Security-Policy). children: nodes or strings.
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') || k === 'style') throw new Error(`el(): attribute ${k} is not allowed`);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, ...children);
  return e;
}

/** Append nodes and strings (as text); null and false are skipped; arrays are flattened. */
export function append(parent, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return parent;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/**
 * Text with <mark> around the [start, end) ranges (UTF-16 indices, as the API gives them). Ranges
 * are sorted, clamped and overlaps dropped, so bad offsets can never throw or duplicate text.
 */
export function marked(text, highlights = [], markAttrs = () => ({})) {
  const f = document.createDocumentFragment();
  const ranges = (highlights || [])
    .filter((r) => Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let at = 0;
  let i = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    if (s > at) f.append(document.createTextNode(text.slice(at, s)));
    f.append(el('mark', markAttrs(i++), text.slice(s, e)));
    at = e;
  }
  if (at < text.length) f.append(document.createTextNode(text.slice(at)));
  return f;
}

/**
 * An absolute http(s) URL, or null: source URLs from documents never become javascript: links, and an
 * empty or relative one is no link at all (resolved against the page it would link to the page itself).
 */
export function safeUrl(u) {
  if (typeof u !== 'string' || !u.trim()) return null;
  try {
    const url = new URL(u.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Run fn at most once per wait ms, after the last call. */
export function debounce(fn, wait) {
  let t = 0;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), wait);
  };
}

/** Formats a count the Chinese way (thousands separators). */
export function num(n) {
  return Number(n ?? 0).toLocaleString('zh-CN');
}
