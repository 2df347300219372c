// Citations in the form staff paste into briefings:
//   《标题》（湖北省鄂州市，2023-02-12），第3段：“推动义务教育优质均衡发展……”
// The part before the colon is what the API's own citation field holds (Citation.paragraph on the server).

/** Region as written in a citation: levels run together (湖北省鄂州市华容区), 全国, or ''. */
export function regionText(region) {
  if (!region || !region.path) return '';
  if (region.path === '全国') return '全国';
  return `${region.province || ''}${region.city || ''}${region.county || ''}` || region.path.split('/').join('');
}

/** Region for display: 湖北省 › 鄂州市. */
export function regionLabel(region) {
  if (!region || !region.path) return '地区未知';
  return region.path.split('/').join(' › ');
}

/** Where a paragraph stands as lawyers cite it (第十二条第二款) when it is in an article, else 第N段. */
export function placeText(paragraph, article) {
  return article && article.cite ? article.cite : `第${paragraph}段`;
}

/** The short citation of a paragraph, without the quoted text: by article where it has one (API: Citation.paragraph). */
export function citationHead(doc, paragraph, article) {
  let s = `《${doc.title || doc.id}》`;
  const where = regionText(doc.region);
  const when = doc.date || '';
  if (where || when) s += `（${where}${where && when ? '，' : ''}${when}）`;
  if (paragraph > 0) s += `，${placeText(paragraph, article)}`;
  return s;
}

/** The full citation with the quoted text. */
export function citation(doc, paragraph, text, article) {
  return `${citationHead(doc, paragraph, article)}：“${text}”`;
}

/** Copies text; the clipboard API where the page may use it, otherwise a selected textarea. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback (permission refused, document not focused, …)
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.className = 'offscreen';
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}
