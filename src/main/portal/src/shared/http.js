// One way to a JSON API, shared by the patient portal (/api) and the reviewer workspace (/review/api): the session
// cookie, the CSRF header (the value of a cookie the server sets) on every write, and listeners told of every answer
// (the session timer restarts on each).

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.fieldErrors = (body && body.fieldErrors) || {};
  }
}

/**
 * options: base ('/api'), csrfCookie, csrfHeader (names), extraHeaders (a function returning headers sent on every
 * call, e.g. Accept-Language).
 */
export function createClient({ base, csrfCookie, csrfHeader, extraHeaders = () => ({}) }) {
  const listeners = new Set();
  const cookiePattern = new RegExp('(?:^|;\\s*)' + csrfCookie.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '=([^;]*)');

  /** Called after every answer from the server with (status, path). */
  function onResponse(listener) {
    listeners.add(listener);
  }

  function notify(status, path) {
    listeners.forEach(listener => listener(status, path));
  }

  function csrfToken() {
    const match = document.cookie.match(cookiePattern);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function headers(method, json, accept = 'application/json') {
    const result = { Accept: accept, ...extraHeaders(), 'X-Requested-With': 'XMLHttpRequest' };
    if (json) result['Content-Type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD') {
      const token = csrfToken();
      if (token) result[csrfHeader] = token;
    }
    return result;
  }

  async function parse(response) {
    const text = await response.text();
    if (!text) return null;
    try { return JSON.parse(text); } catch { return null; }
  }

  async function api(method, path, body) {
    let response;
    try {
      response = await fetch(base + path, {
        method,
        headers: headers(method, body !== undefined),
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body)
      });
    } catch (networkError) {
      throw new ApiError(0, { message: null });
    }
    notify(response.status, path);
    const json = await parse(response);
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }

  /** A GET of a file (an image): the Blob, or an ApiError with the server's JSON message. */
  async function blob(path) {
    let response;
    try {
      response = await fetch(base + path, { headers: headers('GET', false, 'image/*, application/json'), credentials: 'same-origin' });
    } catch (networkError) {
      throw new ApiError(0, { message: null });
    }
    notify(response.status, path);
    if (!response.ok) throw new ApiError(response.status, await parse(response));
    return response.blob();
  }

  /** Multipart upload with progress (fetch cannot report upload progress). */
  function upload(path, formData, onProgress) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', base + path);
      Object.entries(headers('POST', false)).forEach(([name, value]) => request.setRequestHeader(name, value));
      request.upload.onprogress = event => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
      };
      request.onload = () => {
        notify(request.status, path);
        let json = null;
        try { json = request.responseText ? JSON.parse(request.responseText) : null; } catch { json = null; }
        if (request.status >= 200 && request.status < 300) resolve(json);
        else reject(new ApiError(request.status, json));
      };
      request.onerror = () => reject(new ApiError(0, { message: null }));
      request.send(formData);
    });
  }

  return { api, blob, upload, onResponse, csrfToken, headers };
}
