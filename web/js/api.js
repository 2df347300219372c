// The JSON API (see /openapi.json). Errors arrive as problem+json; they become ApiError with the
// server's Chinese detail (detail_zh), which the page shows as it is: it names the parameter and says
// what to fix. The English detail is for scripts; the page never shows it.

/** What to say when a problem comes without a Chinese detail (a proxy's error page, say). */
function fallback(status) {
  if (status === 404) return '找不到所要的内容。';
  if (status === 400) return '请求有误，请检查检索式和筛选条件。';
  if (status >= 500) return '服务器暂时无法回答，请稍后再试。';
  return `请求失败（HTTP ${status}）。`;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail_zh || fallback(status));
    this.status = status;
    this.problem = problem;
  }

  get parameter() {
    return this.problem.parameter || '';
  }
}

/** A URL with parameters; arrays repeat the name (region=a&region=b), empty values are left out. */
export function apiUrl(path, params = {}) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else if (v !== '' && v !== null && v !== undefined) u.set(k, String(v));
  }
  const qs = u.toString();
  return qs ? `${path}?${qs}` : path;
}

/** GET JSON; throws ApiError (status 0 when the server cannot be reached). */
export async function getJson(path, params, signal) {
  let r;
  try {
    r = await fetch(apiUrl(path, params), { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: '网络错误', detail_zh: '无法连接检索服务，请稍后再试。' });
  }
  let body = null;
  try {
    body = await r.json();
  } catch {
    body = null;
  }
  if (!r.ok) throw new ApiError(r.status, body && typeof body === 'object' ? body : { title: `HTTP ${r.status}` });
  if (body === null) throw new ApiError(r.status, { title: '响应无法解析', detail_zh: '服务器返回的内容不是 JSON。' });
  return body;
}

/** The path of a document (ids may contain '/': each segment is encoded on its own). */
export function documentPath(id) {
  return `/api/documents/${id.split('/').map(encodeURIComponent).join('/')}`;
}
