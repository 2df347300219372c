// Suggestions as the user types: a combobox with a listbox (ARIA 1.2 pattern). Arrow keys move,
// Enter picks, Escape closes; the mouse works too. Requests are debounced and stale answers dropped.
import { getJson } from './api.js';
import { el, clear, debounce, num } from './dom.js';

const KINDS = { term: '词', title: '标题', region: '地区', theme: '主题', type: '类型' };

/** The word being typed: the text after the last space, without a leading -, title: or quotation mark. */
export function lastToken(value) {
  const m = /(^|\s)(-?(?:title:)?["“]?)([^\s"“”]*)$/.exec(value);
  return m ? { start: m.index + m[1].length, prefix: m[2], word: m[3] } : { start: value.length, prefix: '', word: '' };
}

export function attach(input, listbox, onPick) {
  let items = [];
  let active = -1;
  let controller = null;
  let asked = '';

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (i) => {
    const options = listbox.querySelectorAll('[role=option]');
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    active = i;
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const pick = (i) => {
    const s = items[i];
    close();
    if (s) onPick(s, lastToken(input.value));
  };

  const show = (list) => {
    items = list;
    clear(listbox);
    if (!list.length) { close(); return; }
    list.forEach((s, i) => {
      const o = el('li', { role: 'option', id: `suggestion-${i}`, 'aria-selected': 'false', class: 'suggestion' },
        el('span', { class: 's-text' }, s.kind === 'region' ? s.label.split('/').join(' › ') : s.text),
        el('span', { class: `s-kind s-${s.kind}` }, KINDS[s.kind] || s.kind),
        el('span', { class: 's-count' }, `${num(s.count)}`));
      o.addEventListener('mousedown', (e) => e.preventDefault()); // keep the focus in the box
      o.addEventListener('click', () => pick(i));
      listbox.append(o);
    });
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  const ask = debounce(async () => {
    const { word } = lastToken(input.value);
    if (!word || document.activeElement !== input) { close(); return; }
    if (word === asked && !listbox.hidden) return;
    asked = word;
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const r = await getJson('/api/suggest', { q: word, size: 8 }, controller.signal);
      if (lastToken(input.value).word === word && document.activeElement === input) show(r.suggestions || []);
    } catch {
      close(); // suggestions are a convenience: their failure is not worth an alert
    }
  }, 180);

  input.addEventListener('input', () => { asked = ''; ask(); });
  input.addEventListener('keydown', (e) => {
    const open = !listbox.hidden && items.length > 0;
    if (e.key === 'ArrowDown') {
      if (!open) { ask(); return; }
      e.preventDefault();
      setActive((active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return { close };
}
